/**
 * Query specs exactly as flowclient's builders produce them (catalogue §10–§11: every key present,
 * `null` for unset optionals), one per query kind, plus the few kinds no builder makes.
 */
type Spec = Record<string, unknown>;

const GO = { mapping_table: null, geom_table: null, geom_table_join_column: null };
const CO = { event_types: null, subscriber_subset: null, hours: null };

export const daily = (date = '2016-01-01', unit = 'admin3'): Spec => ({
  query_kind: 'daily_location', date, aggregation_unit: unit, method: 'last',
  event_types: null, subscriber_subset: null, ...GO, hours: null,
});
export const uniqueLocations = (unit = 'admin3'): Spec => ({
  query_kind: 'unique_locations', start_date: '2016-01-01', end_date: '2016-01-03', aggregation_unit: unit,
  event_types: null, subscriber_subset: null, ...GO, hours: null,
});
export const mostFrequent = (): Spec => ({
  query_kind: 'most_frequent_location', start_date: '2016-01-01', end_date: '2016-01-03', hours: null,
  aggregation_unit: 'admin3', event_types: null, subscriber_subset: null, ...GO,
});
export const modal = (...locations: Spec[]): Spec => ({ query_kind: 'modal_location', locations });
export const locationVisits = (): Spec => ({ query_kind: 'location_visits', locations: [daily('2016-01-01'), daily('2016-01-02')] });
export const majority = (): Spec => ({
  query_kind: 'majority_location', subscriber_location_weights: locationVisits(), minimum_total_weight: 0.0, include_unlocatable: false,
});
export const coalesced = (): Spec => ({
  query_kind: 'coalesced_location', preferred_location: majority(), fallback_location: majority(),
  subscriber_location_weights: locationVisits(), weight_threshold: 2,
});
export const mobility = (): Spec => ({ query_kind: 'mobility_classification', locations: [coalesced(), coalesced()], stay_length_threshold: 2 });
export const tno = (): Spec => ({
  query_kind: 'total_network_objects', start_date: '2016-01-01', end_date: '2016-01-03', aggregation_unit: 'admin3',
  total_by: 'day', ...GO, ...CO,
});
export const uniqueSubscriberCounts = (): Spec => ({
  query_kind: 'unique_subscriber_counts', start_date: '2016-01-01', end_date: '2016-01-02', aggregation_unit: 'admin3', ...GO, ...CO,
});
export const activeAt = (): Spec => ({
  query_kind: 'active_at_reference_location_counts', unique_locations: uniqueLocations(), reference_locations: daily(),
});

const DATES = { start_date: '2016-01-01', end_date: '2016-01-02' };

/** Metric specs (nested-only kinds). */
export const METRICS: Readonly<Record<string, Spec>> = {
  radius_of_gyration: { query_kind: 'radius_of_gyration', ...DATES, ...CO },
  total_active_periods: {
    query_kind: 'total_active_periods', total_periods: 3, period_length: 1, period_unit: 'days',
    start_date: '2016-01-01', ...CO,
  },
  unique_location_counts: { query_kind: 'unique_location_counts', ...DATES, aggregation_unit: 'admin3', ...GO, ...CO },
  topup_balance: { query_kind: 'topup_balance', ...DATES, statistic: 'avg', subscriber_subset: null, hours: null },
  subscriber_degree: { query_kind: 'subscriber_degree', ...DATES, direction: 'both', ...CO },
  topup_amount: { query_kind: 'topup_amount', ...DATES, statistic: 'max', subscriber_subset: null, hours: null },
  event_count: { query_kind: 'event_count', ...DATES, direction: 'both', ...CO },
  displacement: {
    query_kind: 'displacement', ...DATES, statistic: 'avg', reference_location: daily(), ...CO,
  },
  pareto_interactions: { query_kind: 'pareto_interactions', ...DATES, proportion: 0.8, ...CO },
  nocturnal_events: {
    query_kind: 'nocturnal_events', ...DATES, night_hours: { start_hour: 20, end_hour: 4 },
    event_types: null, subscriber_subset: null,
  },
  handset: { query_kind: 'handset', ...DATES, characteristic: 'hnd_type', method: 'last', ...CO },
};

const SCORES = {
  labels: {
    evening: { type: 'Polygon', coordinates: [[[-1, 1], [-1, -1], [-0.00001, -1], [-0.00001, 1], [-1, 1]]] },
    day: { type: 'Polygon', coordinates: [[[0.00001, 1], [0.00001, -1], [1, -1], [1, 1], [0.00001, 1]]] },
  },
  tower_day_of_week_scores: { monday: 1, tuesday: 1, wednesday: 1, thursday: 0, friday: -1, saturday: -1, sunday: -1 },
  tower_hour_of_day_scores: [-1, -1, -1, -1, -1, -1, -1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, -1, -1, -1],
  tower_cluster_radius: 1.0,
  tower_cluster_call_threshold: 0,
  event_types: null,
  subscriber_subset: null,
  ...GO,
};

/** Expected analysis of a valid spec. */
export interface Expected {
  unit: string;
  kinds: readonly string[];
  parts: number;
  resultUnit?: string | null;
}

/** One valid case: a name, a top-level spec, and its expected analysis. */
export type ValidCase = readonly [name: string, spec: Spec, expected: Expected];
const row = (name: string, spec: Spec, expected: Expected): ValidCase => [name, spec, expected];

/** A valid top-level spec per kind to test (nested-only kinds inside a host), with its analysis. */
export const VALID: readonly ValidCase[] = [
  row('daily_location', { query_kind: 'spatial_aggregate', locations: daily() }, { unit: 'admin3', kinds: ['spatial_aggregate', 'daily_location'], parts: 2 }),
  row('modal_location', { query_kind: 'spatial_aggregate', locations: modal(daily('2016-01-01'), daily('2016-01-02'), daily('2016-01-03')) },
    { unit: 'admin3', kinds: ['spatial_aggregate', 'modal_location', 'daily_location'], parts: 5 }),
  row('most_frequent_location', { query_kind: 'spatial_aggregate', locations: mostFrequent() }, { unit: 'admin3', kinds: ['spatial_aggregate', 'most_frequent_location'], parts: 2 }),
  row('unique_locations', { query_kind: 'unmoving_counts', locations: uniqueLocations('admin2') }, { unit: 'admin2', kinds: ['unmoving_counts', 'unique_locations'], parts: 2 }),
  row('location_visits + majority_location', { query_kind: 'spatial_aggregate', locations: majority() },
    { unit: 'admin3', kinds: ['spatial_aggregate', 'majority_location', 'location_visits', 'daily_location'], parts: 5 }),
  row('coalesced_location + mobility_classification', { query_kind: 'labelled_spatial_aggregate', locations: coalesced(), labels: mobility() },
    { unit: 'admin3', kinds: ['labelled_spatial_aggregate', 'coalesced_location', 'majority_location', 'location_visits', 'daily_location', 'mobility_classification'], parts: 7 }),
  ...Object.entries(METRICS).map(([kind, metric]) =>
    row(
      kind,
      { query_kind: 'joined_spatial_aggregate', method: kind === 'handset' ? 'distr' : 'avg', locations: daily('2016-01-01', 'admin2'), metric },
      { unit: 'admin2', kinds: ['joined_spatial_aggregate', 'daily_location', kind], parts: kind === 'displacement' ? 4 : 3 },
    ),
  ),
  row('histogram_aggregate', { query_kind: 'histogram_aggregate', metric: METRICS['event_count'], bins: { n_bins: 5 } },
    { unit: 'nonspatial', kinds: ['histogram_aggregate', 'event_count'], parts: 2, resultUnit: null }),
  row('histogram_aggregate (bin_list, range)', {
    query_kind: 'histogram_aggregate', metric: METRICS['radius_of_gyration'], bins: { bin_list: [0, 1, 5] },
    range: { lower_bound: 0, upper_bound: 5 },
  }, { unit: 'nonspatial', kinds: ['histogram_aggregate', 'radius_of_gyration'], parts: 2, resultUnit: null }),
  row('location_event_counts', {
    query_kind: 'location_event_counts', start_date: '2016-01-01', end_date: '2016-01-02', interval: 'day',
    aggregation_unit: 'admin3', direction: 'both', event_types: ['calls', 'sms'], subscriber_subset: null, ...GO, hours: null,
  }, { unit: 'admin3', kinds: ['location_event_counts'], parts: 1 }),
  row('meaningful_locations_aggregate', {
    query_kind: 'meaningful_locations_aggregate', aggregation_unit: 'admin1', start_date: '2016-01-01', end_date: '2016-01-02',
    label: 'evening', ...SCORES,
  }, { unit: 'admin1', kinds: ['meaningful_locations_aggregate'], parts: 1 }),
  row('meaningful_locations_between_label_od_matrix', {
    query_kind: 'meaningful_locations_between_label_od_matrix', aggregation_unit: 'admin1', start_date: '2016-01-01',
    end_date: '2016-01-02', label_a: 'day', label_b: 'evening', ...SCORES,
  }, { unit: 'admin1', kinds: ['meaningful_locations_between_label_od_matrix'], parts: 1 }),
  row('meaningful_locations_between_dates_od_matrix', {
    query_kind: 'meaningful_locations_between_dates_od_matrix', aggregation_unit: 'admin1', start_date_a: '2016-01-01',
    end_date_a: '2016-01-02', start_date_b: '2016-01-02', end_date_b: '2016-01-03', label: 'evening', ...SCORES,
  }, { unit: 'admin1', kinds: ['meaningful_locations_between_dates_od_matrix'], parts: 1 }),
  ...['flows', 'inflows', 'outflows'].map((kind) =>
    row(kind, { query_kind: kind, from_location: daily('2016-01-01'), to_location: daily('2016-01-02'), join_type: 'inner' },
      { unit: 'admin3', kinds: [kind, 'daily_location'], parts: 3 }),
  ),
  row('flows (unique_locations, left outer)', { query_kind: 'flows', from_location: uniqueLocations(), to_location: daily(), join_type: 'left outer' },
    { unit: 'admin3', kinds: ['flows', 'unique_locations', 'daily_location'], parts: 3 }),
  row('labelled_flows', { query_kind: 'labelled_flows', from_location: coalesced(), to_location: coalesced(), labels: mobility(), join_type: 'inner' },
    { unit: 'admin3', kinds: ['labelled_flows', 'coalesced_location', 'majority_location', 'location_visits', 'daily_location', 'mobility_classification'], parts: 7 }),
  row('unique_subscriber_counts', uniqueSubscriberCounts(), { unit: 'admin3', kinds: ['unique_subscriber_counts'], parts: 1 }),
  row('location_introversion', {
    query_kind: 'location_introversion', start_date: '2016-01-01', end_date: '2016-01-02', aggregation_unit: 'lon-lat',
    direction: 'both', ...GO, ...CO,
  }, { unit: 'lon-lat', kinds: ['location_introversion'], parts: 1 }),
  row('total_network_objects', tno(), { unit: 'admin3', kinds: ['total_network_objects'], parts: 1 }),
  row('aggregate_network_objects', { query_kind: 'aggregate_network_objects', total_network_objects: tno(), statistic: 'avg', aggregate_by: 'month' },
    { unit: 'admin3', kinds: ['aggregate_network_objects', 'total_network_objects'], parts: 2 }),
  row('spatial_aggregate', { query_kind: 'spatial_aggregate', locations: daily('2016-01-01', 'admin0') }, { unit: 'admin0', kinds: ['spatial_aggregate', 'daily_location'], parts: 2 }),
  row('consecutive_trips_od_matrix', { query_kind: 'consecutive_trips_od_matrix', ...DATES, aggregation_unit: 'admin2', ...CO, ...GO },
    { unit: 'admin2', kinds: ['consecutive_trips_od_matrix'], parts: 1 }),
  row('trips_od_matrix', { query_kind: 'trips_od_matrix', ...DATES, aggregation_unit: 'admin2', ...CO, ...GO }, { unit: 'admin2', kinds: ['trips_od_matrix'], parts: 1 }),
  row('unmoving_counts', { query_kind: 'unmoving_counts', locations: uniqueLocations() }, { unit: 'admin3', kinds: ['unmoving_counts', 'unique_locations'], parts: 2 }),
  row('unmoving_at_reference_location_counts', { query_kind: 'unmoving_at_reference_location_counts', locations: uniqueLocations(), reference_locations: daily() },
    { unit: 'admin3', kinds: ['unmoving_at_reference_location_counts', 'unique_locations', 'daily_location'], parts: 3 }),
  row('active_at_reference_location_counts', activeAt(), { unit: 'admin3', kinds: ['active_at_reference_location_counts', 'unique_locations', 'daily_location'], parts: 3 }),
  row('unique_visitor_counts', { query_kind: 'unique_visitor_counts', active_at_reference_location_counts: activeAt(), unique_subscriber_counts: uniqueSubscriberCounts() },
    { unit: 'admin3', kinds: ['unique_visitor_counts', 'active_at_reference_location_counts', 'unique_locations', 'daily_location', 'unique_subscriber_counts'], parts: 5 }),
  row('geography', { query_kind: 'geography', aggregation_unit: 'admin2' }, { unit: 'admin2', kinds: ['geography'], parts: 1 }),
  row('dfs_metric_total_amount', { query_kind: 'dfs_metric_total_amount', metric: 'fee', ...DATES, aggregation_unit: 'admin1' },
    { unit: 'admin1', kinds: ['dfs_metric_total_amount'], parts: 1 }),
  row('dummy_query', { query_kind: 'dummy_query', dummy_param: 'x' }, { unit: 'nonspatial', kinds: ['dummy_query'], parts: 1, resultUnit: null }),
  row('visited_most_days', { query_kind: 'spatial_aggregate', locations: { ...mostFrequent(), query_kind: 'visited_most_days' } },
    { unit: 'admin3', kinds: ['spatial_aggregate', 'visited_most_days'], parts: 2 }),
];
