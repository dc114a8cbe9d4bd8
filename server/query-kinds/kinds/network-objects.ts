/**
 * Network-object kinds: counts of cells/sites per period, and statistics over those counts.
 */
import { COMMON_OPTIONAL, GEO_OPTIONAL } from '../common-fields.js';
import { defineKind } from '../define.js';
import { AGGREGATE_BY, STATISTICS, TOTAL_BY } from '../enums.js';
import { isoDateTime, oneOf, REQUIRED } from '../fields.js';
import type { KindSchema } from '../schema.js';
import { kindSlot } from '../slots.js';
import { aggregationUnit } from '../units.js';

/** `total_network_objects` and `aggregate_network_objects`. */
export const NETWORK_OBJECT_KINDS: readonly KindSchema[] = [
  defineKind({
    kind: 'total_network_objects',
    fields: {
      start_date: isoDateTime(),
      end_date: isoDateTime(),
      total_by: oneOf(TOTAL_BY, { default: 'day' }),
      aggregation_unit: aggregationUnit(),
      ...GEO_OPTIONAL,
      ...COMMON_OPTIONAL,
    },
  }),
  defineKind({
    kind: 'aggregate_network_objects',
    fields: {
      total_network_objects: kindSlot('total_network_objects'),
      statistic: oneOf(STATISTICS, REQUIRED),
      aggregate_by: oneOf(AGGREGATE_BY, { default: 'day' }),
    },
    unit: 'total_network_objects',
  }),
];
