/**
 * Aggregate kinds over nested queries: spatial / joined / labelled spatial aggregates, the
 * histogram, and the reference-location counts.
 */
import { nested } from '../common-fields.js';
import { defineKind } from '../define.js';
import { JSA_METHODS, STATISTICS } from '../enums.js';
import { float, integer, list, oneOf, REQUIRED } from '../fields.js';
import { oneOfMessage } from '../messages.js';
import type { KindSchema, ObjectSchema, SchemaCheck } from '../schema.js';
import {
  CATEGORICAL_METRICS,
  HISTOGRAMMABLE_METRICS,
  JOINABLE_METRICS,
  kindSlot,
  querySlot,
  REFERENCE_LOCATIONS,
} from '../slots.js';
import { queriesIn } from '../units.js';

/** Check that two nested-query fields have the same aggregation unit (as `flows` does). */
export function sameUnit(a: string, b: string): SchemaCheck {
  return (values) => {
    const [x] = queriesIn(values[a]);
    const [y] = queriesIn(values[b]);
    return x !== undefined && y !== undefined && x.unit !== y.unit
      ? { message: `'${a}' and '${b}' parameters must have the same aggregation unit` }
      : undefined;
  };
}

/** `validate_method` of `joined_spatial_aggregate`: `distr` for categorical metrics only. */
const jsaMethodMatchesMetric: SchemaCheck = (values) => {
  const [metric] = queriesIn(values['metric']);
  const method = values['method'];
  if (metric === undefined || typeof method !== 'string') return undefined;
  const allowed = CATEGORICAL_METRICS.includes(metric.kind) ? ['distr'] : STATISTICS;
  return allowed.includes(method) ? undefined : { message: oneOfMessage(allowed) };
};

/** `Bounds` (`histogram_aggregate.range`). */
const BOUNDS: ObjectSchema = {
  fields: { lower_bound: float(REQUIRED), upper_bound: float(REQUIRED) },
  checks: [
    (v) =>
      Number(v['lower_bound']) >= Number(v['upper_bound'])
        ? { message: 'lower_bound should be less than upper_bound' }
        : undefined,
  ],
};

/** `HistogramBins` (`histogram_aggregate.bins`): exactly one of `n_bins` / `bin_list`. */
const BINS: ObjectSchema = {
  fields: { n_bins: integer(), bin_list: list(float()) },
  checks: [
    (v) =>
      'n_bins' in v && 'bin_list' in v ? { message: 'Only one of n_bins or bin_list may be provided.' } : undefined,
    (v) =>
      'n_bins' in v || 'bin_list' in v ? undefined : { message: 'One of n_bins or bin_list must be provided.' },
  ],
};

/** Aggregates of nested per-subscriber queries. */
export const AGGREGATE_KINDS: readonly KindSchema[] = [
  defineKind({ kind: 'spatial_aggregate', fields: { locations: querySlot(REFERENCE_LOCATIONS) }, unit: 'locations' }),
  defineKind({
    kind: 'joined_spatial_aggregate',
    fields: {
      locations: querySlot(REFERENCE_LOCATIONS),
      metric: querySlot(JOINABLE_METRICS),
      method: oneOf(JSA_METHODS, REQUIRED),
    },
    checks: [jsaMethodMatchesMetric],
    unit: 'locations',
  }),
  defineKind({
    kind: 'histogram_aggregate',
    fields: { metric: querySlot(HISTOGRAMMABLE_METRICS), range: nested(BOUNDS), bins: nested(BINS, REQUIRED) },
    unit: 'none',
  }),
  defineKind({
    kind: 'labelled_spatial_aggregate',
    fields: { locations: querySlot(REFERENCE_LOCATIONS), labels: querySlot(['mobility_classification']) },
    unit: 'locations',
  }),
  defineKind({
    kind: 'active_at_reference_location_counts',
    fields: { unique_locations: kindSlot('unique_locations'), reference_locations: querySlot(REFERENCE_LOCATIONS) },
    checks: [sameUnit('unique_locations', 'reference_locations')],
    unit: 'reference_locations',
  }),
  defineKind({
    kind: 'unique_visitor_counts',
    fields: {
      active_at_reference_location_counts: kindSlot('active_at_reference_location_counts'),
      unique_subscriber_counts: kindSlot('unique_subscriber_counts'),
    },
    checks: [sameUnit('active_at_reference_location_counts', 'unique_subscriber_counts')],
    unit: 'active_at_reference_location_counts',
  }),
  defineKind({ kind: 'unmoving_counts', fields: { locations: kindSlot('unique_locations') }, unit: 'locations' }),
  defineKind({
    kind: 'unmoving_at_reference_location_counts',
    fields: { locations: kindSlot('unique_locations'), reference_locations: querySlot(REFERENCE_LOCATIONS) },
    checks: [sameUnit('locations', 'reference_locations')],
    unit: 'locations',
  }),
];
