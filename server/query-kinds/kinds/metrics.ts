/**
 * Per-subscriber metric kinds (nested only: `joined_spatial_aggregate.metric`,
 * `histogram_aggregate.metric`).
 */
import { COMMON_OPTIONAL, EVENTS_AND_SUBSET, GEO_OPTIONAL, hours, nested, HOURS_SCHEMA, subscriberSubset } from '../common-fields.js';
import { defineKind } from '../define.js';
import { DIRECTIONS, HANDSET_CHARACTERISTICS, LOCATION_METHODS, PERIOD_UNITS, STATISTICS } from '../enums.js';
import { float, integer, isoDateTime, oneOf, REQUIRED } from '../fields.js';
import type { KindSchema } from '../schema.js';
import { DAILY_OR_MODAL, querySlot } from '../slots.js';
import { aggregationUnit } from '../units.js';

const DATES = { start_date: isoDateTime(), end_date: isoDateTime() };
const direction = oneOf(DIRECTIONS, { default: 'both' });
const statistic = oneOf(STATISTICS, REQUIRED);

/** Metric kinds: one value (or category) per subscriber. */
export const METRIC_KINDS: readonly KindSchema[] = [
  defineKind({ kind: 'radius_of_gyration', fields: { ...DATES, ...COMMON_OPTIONAL }, sampling: true }),
  defineKind({
    kind: 'total_active_periods',
    fields: {
      start_date: isoDateTime(),
      total_periods: integer(REQUIRED, { min: 1 }),
      period_length: integer({ default: 1 }, { min: 1 }),
      period_unit: oneOf(PERIOD_UNITS, { default: 'days' }),
      ...COMMON_OPTIONAL,
    },
    sampling: true,
  }),
  defineKind({
    kind: 'unique_location_counts',
    fields: { ...DATES, aggregation_unit: aggregationUnit(), ...GEO_OPTIONAL, ...COMMON_OPTIONAL },
    sampling: true,
  }),
  defineKind({
    kind: 'topup_balance',
    fields: { ...DATES, statistic, subscriber_subset: subscriberSubset, hours },
    sampling: true,
  }),
  defineKind({
    kind: 'subscriber_degree',
    fields: { ...DATES, direction, ...COMMON_OPTIONAL },
    sampling: true,
  }),
  defineKind({
    kind: 'topup_amount',
    fields: { ...DATES, statistic, subscriber_subset: subscriberSubset, hours },
    sampling: true,
  }),
  defineKind({ kind: 'event_count', fields: { ...DATES, direction, ...COMMON_OPTIONAL }, sampling: true }),
  defineKind({
    kind: 'displacement',
    fields: { ...DATES, statistic, reference_location: querySlot(DAILY_OR_MODAL), ...COMMON_OPTIONAL },
    unit: 'none',
    sampling: true,
  }),
  defineKind({
    kind: 'pareto_interactions',
    fields: { ...DATES, proportion: float(REQUIRED, { min: 0, max: 1 }), ...COMMON_OPTIONAL },
    sampling: true,
  }),
  defineKind({
    kind: 'nocturnal_events',
    fields: { ...DATES, night_hours: nested(HOURS_SCHEMA, REQUIRED), ...EVENTS_AND_SUBSET },
    sampling: true,
  }),
  defineKind({
    kind: 'handset',
    fields: {
      ...DATES,
      characteristic: oneOf(HANDSET_CHARACTERISTICS, { default: 'hnd_type' }),
      method: oneOf(LOCATION_METHODS, { default: 'last' }),
      ...COMMON_OPTIONAL,
    },
    sampling: true,
  }),
];
