/**
 * Locations derived from other location queries: location visits, majority and coalesced
 * locations, and mobility classification (flowclient's `location_visits_spec`,
 * `majority_location_spec`, `coalesced_location_spec`, `mobility_classification_spec`).
 * @module
 */
import { checkOptions } from './checks.js';
import { entry, field, type BuilderChecks } from './fields.js';
import { COALESCED_LOCATION_KINDS, LOCATION_WEIGHTS_KINDS, MAJORITY_LOCATION_KINDS, VISITABLE_LOCATION_KINDS } from './kinds.js';
import type { SamplingKey, VisitableLocationSpec } from './types.js';
import { DEFAULT_INCLUDE_UNLOCATABLE, DEFAULT_MINIMUM_TOTAL_WEIGHT, type AggregationUnit } from './values.js';
import { checkSameAggregationUnit } from './aggregation-units.js';

/** Options of {@link locationVisitsSpec}. */
export interface LocationVisitsOptions<U extends AggregationUnit = AggregationUnit> {
  /** Daily or modal locations whose visits are counted (at least one, same aggregation unit). */
  readonly locations: readonly VisitableLocationSpec<U>[];
}

/** A `location_visits` spec: per subscriber, each location and how many of the given locations it was. */
export interface LocationVisitsSpec<U extends AggregationUnit = AggregationUnit> extends SamplingKey {
  /** The kind. */
  readonly query_kind: 'location_visits';
  /** The daily or modal locations. */
  readonly locations: readonly VisitableLocationSpec<U>[];
}

/** Options of {@link majorityLocationSpec}. */
export interface MajorityLocationOptions<U extends AggregationUnit = AggregationUnit> {
  /** Weights of each subscriber's locations: a `location_visits` spec. */
  readonly subscriberLocationWeights: LocationVisitsSpec<U>;
  /** A subscriber whose weights sum to less than this needs a location of weight above half of it. @defaultValue 0 */
  readonly minimumTotalWeight?: number | undefined;
  /** Keep subscribers without a majority location, with a null location. @defaultValue false */
  readonly includeUnlocatable?: boolean | undefined;
}

/** A `majority_location` spec: each subscriber's location holding more than half their total weight. */
export interface MajorityLocationSpec<U extends AggregationUnit = AggregationUnit> extends SamplingKey {
  /** The kind. */
  readonly query_kind: 'majority_location';
  /** The location weights. */
  readonly subscriber_location_weights: LocationVisitsSpec<U>;
  /** Minimum total weight. */
  readonly minimum_total_weight: number;
  /** Keep unlocatable subscribers. */
  readonly include_unlocatable: boolean;
}

/** Options of {@link coalescedLocationSpec}. */
export interface CoalescedLocationOptions<U extends AggregationUnit = AggregationUnit> {
  /** Location used when a subscriber has one. */
  readonly preferredLocation: MajorityLocationSpec<U>;
  /** Location used otherwise, if its weight reaches `weightThreshold`. */
  readonly fallbackLocation: MajorityLocationSpec<U>;
  /** Weights filtering the fallback location: a `location_visits` spec. */
  readonly subscriberLocationWeights: LocationVisitsSpec<U>;
  /** Minimum weight of a fallback location (integer). */
  readonly weightThreshold: number;
}

/** A `coalesced_location` spec: the preferred location, else a sufficiently weighted fallback location. */
export interface CoalescedLocationSpec<U extends AggregationUnit = AggregationUnit> extends SamplingKey {
  /** The kind. */
  readonly query_kind: 'coalesced_location';
  /** Preferred location. */
  readonly preferred_location: MajorityLocationSpec<U>;
  /** Fallback location. */
  readonly fallback_location: MajorityLocationSpec<U>;
  /** Weights filtering the fallback. */
  readonly subscriber_location_weights: LocationVisitsSpec<U>;
  /** Minimum fallback weight. */
  readonly weight_threshold: number;
}

/** Options of {@link mobilityClassificationSpec}. */
export interface MobilityClassificationOptions {
  /** Reference locations of consecutive periods, oldest first (at least one, same aggregation unit). */
  readonly locations: readonly CoalescedLocationSpec[];
  /** Consecutive periods at one location for a subscriber to count as `stable` (integer). */
  readonly stayLengthThreshold: number;
}

/** A `mobility_classification` spec: labels each subscriber unlocated, irregular, not_always_locatable, mobile or stable. */
export interface MobilityClassificationSpec extends SamplingKey {
  /** The kind. */
  readonly query_kind: 'mobility_classification';
  /** The period locations, oldest first. */
  readonly locations: readonly CoalescedLocationSpec[];
  /** Periods needed to be `stable`. */
  readonly stay_length_threshold: number;
}

const LOCATION_VISITS: BuilderChecks = {
  builder: 'locationVisitsSpec',
  queryKind: 'location_visits',
  fields: [
    /* @__PURE__ */ field('locations', 'locations', { kind: 'queryList', queryKinds: VISITABLE_LOCATION_KINDS }, {
      required: true,
    }),
  ],
};

/** Spec counting, per subscriber, how many of the given daily or modal locations were each location. */
export function locationVisitsSpec<U extends AggregationUnit>(options: LocationVisitsOptions<U>): LocationVisitsSpec<U> {
  checkOptions(LOCATION_VISITS, options);
  checkSameAggregationUnit(LOCATION_VISITS.builder, options, ['locations']);
  return { query_kind: 'location_visits', locations: options.locations };
}

const weightsField = () =>
  field('subscriberLocationWeights', 'subscriber_location_weights', { kind: 'query', queryKinds: LOCATION_WEIGHTS_KINDS }, {
    required: true,
  });

const MAJORITY_LOCATION: BuilderChecks = {
  builder: 'majorityLocationSpec',
  queryKind: 'majority_location',
  fields: [
    /* @__PURE__ */ weightsField(),
    /* @__PURE__ */ field('minimumTotalWeight', 'minimum_total_weight', { kind: 'number' }, {
      nullable: false,
      default: DEFAULT_MINIMUM_TOTAL_WEIGHT,
    }),
    /* @__PURE__ */ field('includeUnlocatable', 'include_unlocatable', { kind: 'boolean' }, {
      nullable: false,
      default: DEFAULT_INCLUDE_UNLOCATABLE,
    }),
  ],
};

/** Spec of each subscriber's majority location over a `location_visits` weighting. */
export function majorityLocationSpec<U extends AggregationUnit>(options: MajorityLocationOptions<U>): MajorityLocationSpec<U> {
  checkOptions(MAJORITY_LOCATION, options);
  return {
    query_kind: 'majority_location',
    subscriber_location_weights: options.subscriberLocationWeights,
    minimum_total_weight: options.minimumTotalWeight ?? DEFAULT_MINIMUM_TOTAL_WEIGHT,
    include_unlocatable: options.includeUnlocatable ?? DEFAULT_INCLUDE_UNLOCATABLE,
  };
}

const majorityField = (name: string, key: string) =>
  field(name, key, { kind: 'query', queryKinds: MAJORITY_LOCATION_KINDS }, { required: true });

const COALESCED_LOCATION: BuilderChecks = {
  builder: 'coalescedLocationSpec',
  queryKind: 'coalesced_location',
  fields: [
    /* @__PURE__ */ majorityField('preferredLocation', 'preferred_location'),
    /* @__PURE__ */ majorityField('fallbackLocation', 'fallback_location'),
    /* @__PURE__ */ weightsField(),
    /* @__PURE__ */ field('weightThreshold', 'weight_threshold', { kind: 'integer' }, {
      required: true,
    }),
  ],
};

/** Spec of each subscriber's preferred location, falling back to another where the weight reaches a threshold. */
export function coalescedLocationSpec<U extends AggregationUnit>(options: CoalescedLocationOptions<U>): CoalescedLocationSpec<U> {
  checkOptions(COALESCED_LOCATION, options);
  checkSameAggregationUnit(COALESCED_LOCATION.builder, options, ['preferredLocation', 'fallbackLocation', 'subscriberLocationWeights']);
  return {
    query_kind: 'coalesced_location',
    preferred_location: options.preferredLocation,
    fallback_location: options.fallbackLocation,
    subscriber_location_weights: options.subscriberLocationWeights,
    weight_threshold: options.weightThreshold,
  };
}

const MOBILITY_CLASSIFICATION: BuilderChecks = {
  builder: 'mobilityClassificationSpec',
  queryKind: 'mobility_classification',
  fields: [
    /* @__PURE__ */ field('locations', 'locations', { kind: 'queryList', queryKinds: COALESCED_LOCATION_KINDS }, {
      required: true,
    }),
    /* @__PURE__ */ field('stayLengthThreshold', 'stay_length_threshold', { kind: 'integer' }, {
      required: true,
    }),
  ],
};

/** Spec classifying each subscriber's mobility over consecutive periods; used as `labels` of the labelled aggregates. */
export function mobilityClassificationSpec(options: MobilityClassificationOptions): MobilityClassificationSpec {
  checkOptions(MOBILITY_CLASSIFICATION, options);
  checkSameAggregationUnit(MOBILITY_CLASSIFICATION.builder, options, ['locations']);
  return {
    query_kind: 'mobility_classification',
    locations: options.locations,
    stay_length_threshold: options.stayLengthThreshold,
  };
}

/** Registry entries of this module's builders. @internal */
export const DERIVED_LOCATION_BUILDERS = {
  majorityLocationSpec: /* @__PURE__ */ entry(MAJORITY_LOCATION, majorityLocationSpec),
  locationVisitsSpec: /* @__PURE__ */ entry(LOCATION_VISITS, locationVisitsSpec),
  coalescedLocationSpec: /* @__PURE__ */ entry(COALESCED_LOCATION, coalescedLocationSpec),
  mobilityClassificationSpec: /* @__PURE__ */ entry(MOBILITY_CLASSIFICATION, mobilityClassificationSpec),
} as const;
