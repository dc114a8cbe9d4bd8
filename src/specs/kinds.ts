/**
 * Query kinds, and which kinds FlowAPI accepts in which nested slot (from FlowMachine's server
 * schemas). The slot types of `types.ts` say the same at compile time; these tables let the
 * builders say it at run time, and let form generators offer the right sub-queries.
 * @module
 */
import { joinTuples } from './tuples.js';

/** The 40 `query_kind` strings the builders produce. */
export const QUERY_KINDS = [
  'unique_locations',
  'most_frequent_location',
  'daily_location',
  'modal_location',
  'radius_of_gyration',
  'total_active_periods',
  'unique_location_counts',
  'topup_balance',
  'subscriber_degree',
  'topup_amount',
  'event_count',
  'displacement',
  'pareto_interactions',
  'nocturnal_events',
  'handset',
  'majority_location',
  'location_visits',
  'coalesced_location',
  'mobility_classification',
  'location_event_counts',
  'meaningful_locations_aggregate',
  'meaningful_locations_between_label_od_matrix',
  'meaningful_locations_between_dates_od_matrix',
  'flows',
  'inflows',
  'outflows',
  'labelled_flows',
  'unique_subscriber_counts',
  'location_introversion',
  'total_network_objects',
  'aggregate_network_objects',
  'spatial_aggregate',
  'labelled_spatial_aggregate',
  'consecutive_trips_od_matrix',
  'trips_od_matrix',
  'unmoving_counts',
  'unmoving_at_reference_location_counts',
  'active_at_reference_location_counts',
  'joined_spatial_aggregate',
  'histogram_aggregate',
] as const;
/** One of {@link QUERY_KINDS}. */
export type QueryKind = (typeof QUERY_KINDS)[number];

/**
 * Kinds mapping each subscriber to one location (FlowMachine's `ReferenceLocationSchema`):
 * the `locations` of spatial and joined spatial aggregates, `referenceLocation` of displacement,
 * `referenceLocations` of the reference-location counts. `visited_most_days` has no flowclient
 * builder but FlowAPI accepts it.
 */
export const REFERENCE_LOCATION_KINDS = [
  'daily_location',
  'modal_location',
  'most_frequent_location',
  'visited_most_days',
  'majority_location',
  'coalesced_location',
] as const;

/** Kinds accepted as `fromLocation`/`toLocation` of flows, inflows and outflows: reference locations plus `unique_locations`. */
export const FLOW_INPUT_KINDS = /* @__PURE__ */ joinTuples(REFERENCE_LOCATION_KINDS, ['unique_locations'] as const);

/** Kinds accepted in `modalLocationSpec({locations})`: daily locations only. */
export const MODAL_INPUT_KINDS = ['daily_location'] as const;

/** Kinds accepted in `locationVisitsSpec({locations})`: daily and modal locations. */
export const VISITABLE_LOCATION_KINDS = ['daily_location', 'modal_location'] as const;

/** Kinds accepted as subscriber location weights (majority and coalesced locations). */
export const LOCATION_WEIGHTS_KINDS = ['location_visits'] as const;

/** Kinds accepted as preferred and fallback locations of a coalesced location. */
export const MAJORITY_LOCATION_KINDS = ['majority_location'] as const;

/** Kinds accepted as the locations of mobility classification, labelled flows and labelled spatial aggregates. */
export const COALESCED_LOCATION_KINDS = ['coalesced_location'] as const;

/** Kinds accepted as `labels` of the labelled aggregates (categorical subscriber metrics). */
export const LABEL_KINDS = ['mobility_classification'] as const;

/** Kinds accepted as the unique locations of the unmoving and active-at-reference-location counts. */
export const UNIQUE_LOCATIONS_KINDS = ['unique_locations'] as const;

/** Kinds accepted as `totalNetworkObjects` of `aggregateNetworkObjectsSpec`. */
export const TOTAL_NETWORK_OBJECTS_KINDS = ['total_network_objects'] as const;

/** Numeric subscriber metrics: `histogram_aggregate.metric`, and `joined_spatial_aggregate.metric` with a statistic. */
export const CONTINUOUS_METRIC_KINDS = [
  'radius_of_gyration',
  'unique_location_counts',
  'topup_balance',
  'subscriber_degree',
  'topup_amount',
  'event_count',
  'pareto_interactions',
  'nocturnal_events',
  'displacement',
  'total_active_periods',
] as const;

/** Categorical subscriber metrics: `joined_spatial_aggregate.metric` with method `distr` only. */
export const CATEGORICAL_METRIC_KINDS = ['handset'] as const;

/** Kinds accepted as `joined_spatial_aggregate.metric`. */
export const JOINABLE_METRIC_KINDS = /* @__PURE__ */ joinTuples(CONTINUOUS_METRIC_KINDS, CATEGORICAL_METRIC_KINDS);

/** Kinds whose FlowMachine schema takes a `sampling` key, i.e. that `randomSampleSpec` can wrap. */
export const SAMPLEABLE_KINDS = [
  'unique_locations',
  'most_frequent_location',
  'daily_location',
  'modal_location',
  'location_visits',
  'majority_location',
  'coalesced_location',
  'mobility_classification',
  'radius_of_gyration',
  'topup_balance',
  'topup_amount',
  'subscriber_degree',
  'event_count',
  'pareto_interactions',
  'nocturnal_events',
  'handset',
  'displacement',
] as const;
