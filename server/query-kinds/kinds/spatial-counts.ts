/**
 * Top-level kinds computed straight from events per region (event counts, unique subscribers,
 * introversion, DFS totals), plus `geography` and FlowKit's `dummy_query`.
 */
import { COMMON_OPTIONAL, EVENTS_AND_SUBSET, GEO_OPTIONAL, hours } from '../common-fields.js';
import { defineKind } from '../define.js';
import { COUNT_INTERVALS, DFS_METRICS, DIRECTIONS } from '../enums.js';
import { date, integer, isoDateTime, oneOf, OPTIONAL, REQUIRED, string } from '../fields.js';
import type { KindSchema } from '../schema.js';
import { ADMIN_UNITS, AGGREGATION_UNITS, aggregationUnit, NONSPATIAL } from '../units.js';

const DATES = { start_date: isoDateTime(), end_date: isoDateTime() };
const direction = oneOf(DIRECTIONS, { default: 'both' });

/** Region-level event kinds, `geography` and `dummy_query`. */
export const SPATIAL_COUNT_KINDS: readonly KindSchema[] = [
  defineKind({
    kind: 'location_event_counts',
    fields: {
      ...DATES,
      interval: oneOf(COUNT_INTERVALS, REQUIRED),
      direction,
      aggregation_unit: aggregationUnit(),
      ...GEO_OPTIONAL,
      ...EVENTS_AND_SUBSET,
      hours,
    },
  }),
  defineKind({
    kind: 'unique_subscriber_counts',
    fields: { ...DATES, aggregation_unit: aggregationUnit(), ...GEO_OPTIONAL, ...COMMON_OPTIONAL },
  }),
  defineKind({
    kind: 'location_introversion',
    fields: { ...DATES, aggregation_unit: aggregationUnit(), direction, ...GEO_OPTIONAL, ...COMMON_OPTIONAL },
  }),
  defineKind({
    kind: 'dfs_metric_total_amount',
    fields: {
      metric: oneOf(DFS_METRICS, REQUIRED),
      start_date: date(),
      end_date: date(),
      aggregation_unit: aggregationUnit(REQUIRED, ADMIN_UNITS),
    },
    scopeUnits: ADMIN_UNITS,
  }),
  defineKind({ kind: 'geography', fields: { aggregation_unit: aggregationUnit() } }),
  defineKind({
    kind: 'dummy_query',
    fields: {
      dummy_param: string(REQUIRED),
      aggregation_unit: aggregationUnit(OPTIONAL),
      dummy_delay: integer({ default: 0 }, { min: 0 }),
    },
    scopeUnits: [...AGGREGATION_UNITS, NONSPATIAL],
  }),
];

