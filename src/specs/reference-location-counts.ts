/**
 * Counts of subscribers unmoving, or active, at locations (flowclient's
 * `aggregates.unmoving_counts_spec`, `unmoving_at_reference_location_counts_spec`,
 * `active_at_reference_location_counts_spec`). Mind the keys: the first two send the unique
 * locations as `locations`, the third as `unique_locations`, as FlowMachine's schemas name them.
 * @module
 */
import { checkOptions } from './checks.js';
import { entry, field, type BuilderChecks } from './fields.js';
import { REFERENCE_LOCATION_KINDS, UNIQUE_LOCATIONS_KINDS } from './kinds.js';
import type { UniqueLocationsSpec } from './locations.js';
import type { ReferenceLocationSpec } from './types.js';
import { checkSameAggregationUnit } from './aggregation-units.js';
import type { AggregationUnit } from './values.js';

/** Options of {@link unmovingCountsSpec}. */
export interface UnmovingCountsOptions<U extends AggregationUnit = AggregationUnit> {
  /** Locations each subscriber visited (a `unique_locations` spec; sent as `locations`). */
  readonly uniqueLocations: UniqueLocationsSpec<U>;
}

/** An `unmoving_counts` spec: per location, subscribers seen only there. */
export interface UnmovingCountsSpec<U extends AggregationUnit = AggregationUnit> {
  /** The kind. */
  readonly query_kind: 'unmoving_counts';
  /** The unique locations (`uniqueLocations`). */
  readonly locations: UniqueLocationsSpec<U>;
}

/** Options of {@link unmovingAtReferenceLocationCountsSpec} and {@link activeAtReferenceLocationCountsSpec}. */
export interface ReferenceLocationCountsOptions<U extends AggregationUnit = AggregationUnit> {
  /** Each subscriber's reference location (daily, modal, most-frequent, majority or coalesced location). */
  readonly referenceLocations: ReferenceLocationSpec<U>;
  /** Locations each subscriber visited (a `unique_locations` spec), at the same aggregation unit. */
  readonly uniqueLocations: UniqueLocationsSpec<U>;
}

/** An `unmoving_at_reference_location_counts` spec: per location, subscribers seen only at their reference location. */
export interface UnmovingAtReferenceLocationCountsSpec<U extends AggregationUnit = AggregationUnit> {
  /** The kind. */
  readonly query_kind: 'unmoving_at_reference_location_counts';
  /** The unique locations (`uniqueLocations`). */
  readonly locations: UniqueLocationsSpec<U>;
  /** The reference locations. */
  readonly reference_locations: ReferenceLocationSpec<U>;
}

/** An `active_at_reference_location_counts` spec: per location, subscribers seen at their reference location. */
export interface ActiveAtReferenceLocationCountsSpec<U extends AggregationUnit = AggregationUnit> {
  /** The kind. */
  readonly query_kind: 'active_at_reference_location_counts';
  /** The unique locations (the key keeps its name here). */
  readonly unique_locations: UniqueLocationsSpec<U>;
  /** The reference locations. */
  readonly reference_locations: ReferenceLocationSpec<U>;
}

const uniqueLocations = (key: string) =>
  field('uniqueLocations', key, { kind: 'query', queryKinds: UNIQUE_LOCATIONS_KINDS }, {
    required: true,
  });

const REFERENCE_LOCATIONS = /* @__PURE__ */ field('referenceLocations', 'reference_locations', { kind: 'query', queryKinds: REFERENCE_LOCATION_KINDS }, {
  required: true,
});

const UNMOVING_COUNTS: BuilderChecks = {
  builder: 'unmovingCountsSpec',
  queryKind: 'unmoving_counts',
  fields: [/* @__PURE__ */ uniqueLocations('locations')],
};

/** Spec counting, per location, the subscribers who were unmoving there; `uniqueLocations` is sent as `locations`. */
export function unmovingCountsSpec<U extends AggregationUnit>(options: UnmovingCountsOptions<U>): UnmovingCountsSpec<U> {
  checkOptions(UNMOVING_COUNTS, options);
  return { query_kind: 'unmoving_counts', locations: options.uniqueLocations };
}

const UNMOVING_AT_REFERENCE_LOCATION_COUNTS: BuilderChecks = {
  builder: 'unmovingAtReferenceLocationCountsSpec',
  queryKind: 'unmoving_at_reference_location_counts',
  fields: [/* @__PURE__ */ uniqueLocations('locations'), REFERENCE_LOCATIONS],
};

/** Spec counting, per location, the subscribers unmoving at their reference location; `uniqueLocations` is sent as `locations`. */
export function unmovingAtReferenceLocationCountsSpec<U extends AggregationUnit>(
  options: ReferenceLocationCountsOptions<U>,
): UnmovingAtReferenceLocationCountsSpec<U> {
  checkOptions(UNMOVING_AT_REFERENCE_LOCATION_COUNTS, options);
  checkSameAggregationUnit(UNMOVING_AT_REFERENCE_LOCATION_COUNTS.builder, options, ['uniqueLocations', 'referenceLocations']);
  return {
    query_kind: 'unmoving_at_reference_location_counts',
    locations: options.uniqueLocations,
    reference_locations: options.referenceLocations,
  };
}

const ACTIVE_AT_REFERENCE_LOCATION_COUNTS: BuilderChecks = {
  builder: 'activeAtReferenceLocationCountsSpec',
  queryKind: 'active_at_reference_location_counts',
  fields: [/* @__PURE__ */ uniqueLocations('unique_locations'), REFERENCE_LOCATIONS],
};

/** Spec counting, per location, the subscribers active at their reference location; sends `unique_locations`. */
export function activeAtReferenceLocationCountsSpec<U extends AggregationUnit>(
  options: ReferenceLocationCountsOptions<U>,
): ActiveAtReferenceLocationCountsSpec<U> {
  checkOptions(ACTIVE_AT_REFERENCE_LOCATION_COUNTS, options);
  checkSameAggregationUnit(ACTIVE_AT_REFERENCE_LOCATION_COUNTS.builder, options, ['uniqueLocations', 'referenceLocations']);
  return {
    query_kind: 'active_at_reference_location_counts',
    unique_locations: options.uniqueLocations,
    reference_locations: options.referenceLocations,
  };
}

/** Registry entries of this module's builders. @internal */
export const REFERENCE_LOCATION_COUNT_BUILDERS = {
  unmovingCountsSpec: /* @__PURE__ */ entry(UNMOVING_COUNTS, unmovingCountsSpec),
  unmovingAtReferenceLocationCountsSpec: /* @__PURE__ */ entry(UNMOVING_AT_REFERENCE_LOCATION_COUNTS, unmovingAtReferenceLocationCountsSpec),
  activeAtReferenceLocationCountsSpec: /* @__PURE__ */ entry(ACTIVE_AT_REFERENCE_LOCATION_COUNTS, activeAtReferenceLocationCountsSpec),
} as const;
