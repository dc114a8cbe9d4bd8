/**
 * Nested-query slots: which query kinds FlowMachine accepts inside another query, and the fields
 * that load them (one-of dispatch, a single nested schema, or a list of queries).
 */
import { list, makeField, REQUIRED, type FieldOptions, type ListRules } from './fields.js';
import { MSG } from './messages.js';
import { loadKind, loadOneOf, type Field } from './schema.js';

/** `ReferenceLocationSchema`: queries mapping each subscriber to one location. */
export const REFERENCE_LOCATIONS: readonly string[] = [
  'daily_location',
  'modal_location',
  'most_frequent_location',
  'visited_most_days',
  'majority_location',
  'coalesced_location',
];

/** `InputToFlowsSchema`: reference locations plus `unique_locations`. */
export const FLOW_INPUTS: readonly string[] = [...REFERENCE_LOCATIONS, 'unique_locations'];

/** `JoinableMetrics` of `joined_spatial_aggregate.metric`. */
export const JOINABLE_METRICS: readonly string[] = [
  'radius_of_gyration',
  'unique_location_counts',
  'topup_balance',
  'subscriber_degree',
  'topup_amount',
  'event_count',
  'handset',
  'pareto_interactions',
  'nocturnal_events',
  'displacement',
  'total_active_periods',
];

/** `HistogrammableMetrics` of `histogram_aggregate.metric` (the joinable ones except `handset`). */
export const HISTOGRAMMABLE_METRICS: readonly string[] = JOINABLE_METRICS.filter((k) => k !== 'handset');

/** Metrics whose joined aggregate takes the `distr` method only. */
export const CATEGORICAL_METRICS: readonly string[] = ['handset'];

/** Locations `modal_location.locations` takes. */
export const MODAL_INPUTS: readonly string[] = ['daily_location'];

/** Locations `location_visits.locations` and `displacement.reference_location` take. */
export const DAILY_OR_MODAL: readonly string[] = ['daily_location', 'modal_location'];

/** A slot holding one query of any of `kinds` (a nested `OneOfQuerySchema`). */
export function querySlot(kinds: readonly string[], options: FieldOptions = REQUIRED): Field {
  return makeField((value, ctx) => {
    const loaded = loadOneOf(value, kinds, ctx);
    return loaded.ok ? { ok: true, value: loaded.query } : loaded;
  }, options, kinds);
}

/** A slot holding a query of exactly one kind (a plain `Nested(<Kind>Schema)`). */
export function kindSlot(kind: string, options: FieldOptions = REQUIRED): Field {
  return makeField((value, ctx) => {
    const schema = ctx.lookup(kind);
    if (schema === undefined) return { ok: false, error: [MSG.nestedType] };
    const loaded = loadKind(value, schema, ctx);
    return loaded.ok ? { ok: true, value: loaded.query } : loaded;
  }, options, [kind]);
}

/** A slot holding a non-empty list of queries of any of `kinds`. */
export function queryList(kinds: readonly string[], options: FieldOptions = REQUIRED, rules: ListRules = { minLength: 1 }): Field {
  return list(querySlot(kinds), options, rules);
}
