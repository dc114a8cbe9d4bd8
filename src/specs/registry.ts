/**
 * `BUILDERS`: every spec builder as data, for form generators. Each entry carries the builder's
 * name, its `query_kind`, a description, its option fields (name, JSON key, required, default,
 * allowed values as data and in words) and a `build` that checks and builds. The fields are
 * copies of the very tables the builders check their options against, each with its description
 * from `descriptions.ts` (which only this registry, in `flowclient-rx/forms`, bundles).
 * @module
 */
import { AGGREGATE_BUILDERS } from './aggregates.js';
import { DERIVED_LOCATION_BUILDERS } from './derived-locations.js';
import { builderDescription, fieldDescription } from './descriptions.js';
import type { BuilderEntry, CheckedEntry } from './fields.js';
import { FLOW_BUILDERS } from './flows.js';
import { LOCATION_COUNT_BUILDERS } from './location-counts.js';
import { LOCATION_BUILDERS } from './locations.js';
import { MEANINGFUL_LOCATION_BUILDERS } from './meaningful-locations.js';
import { METRIC_BUILDERS } from './metrics.js';
import { STATISTIC_METRIC_BUILDERS } from './metrics-statistics.js';
import { NETWORK_OBJECT_BUILDERS } from './network-objects.js';
import { REFERENCE_LOCATION_COUNT_BUILDERS } from './reference-location-counts.js';
import { SAMPLING_BUILDERS } from './sampling.js';

/** In flowclient's order: `query_specs.py`, then `aggregates.py`. */
const ALL = {
  uniqueLocationsSpec: LOCATION_BUILDERS.uniqueLocationsSpec,
  mostFrequentLocationSpec: LOCATION_BUILDERS.mostFrequentLocationSpec,
  dailyLocationSpec: LOCATION_BUILDERS.dailyLocationSpec,
  modalLocationSpec: LOCATION_BUILDERS.modalLocationSpec,
  modalLocationFromDatesSpec: LOCATION_BUILDERS.modalLocationFromDatesSpec,
  radiusOfGyrationSpec: METRIC_BUILDERS.radiusOfGyrationSpec,
  totalActivePeriodsSpec: METRIC_BUILDERS.totalActivePeriodsSpec,
  uniqueLocationCountsSpec: METRIC_BUILDERS.uniqueLocationCountsSpec,
  topupBalanceSpec: STATISTIC_METRIC_BUILDERS.topupBalanceSpec,
  subscriberDegreeSpec: METRIC_BUILDERS.subscriberDegreeSpec,
  topupAmountSpec: STATISTIC_METRIC_BUILDERS.topupAmountSpec,
  eventCountSpec: METRIC_BUILDERS.eventCountSpec,
  displacementSpec: STATISTIC_METRIC_BUILDERS.displacementSpec,
  paretoInteractionsSpec: METRIC_BUILDERS.paretoInteractionsSpec,
  nocturnalEventsSpec: METRIC_BUILDERS.nocturnalEventsSpec,
  handsetSpec: STATISTIC_METRIC_BUILDERS.handsetSpec,
  randomSampleSpec: SAMPLING_BUILDERS.randomSampleSpec,
  majorityLocationSpec: DERIVED_LOCATION_BUILDERS.majorityLocationSpec,
  locationVisitsSpec: DERIVED_LOCATION_BUILDERS.locationVisitsSpec,
  coalescedLocationSpec: DERIVED_LOCATION_BUILDERS.coalescedLocationSpec,
  mobilityClassificationSpec: DERIVED_LOCATION_BUILDERS.mobilityClassificationSpec,
  locationEventCountsSpec: LOCATION_COUNT_BUILDERS.locationEventCountsSpec,
  meaningfulLocationsAggregateSpec: MEANINGFUL_LOCATION_BUILDERS.meaningfulLocationsAggregateSpec,
  meaningfulLocationsBetweenLabelOdMatrixSpec: MEANINGFUL_LOCATION_BUILDERS.meaningfulLocationsBetweenLabelOdMatrixSpec,
  meaningfulLocationsBetweenDatesOdMatrixSpec: MEANINGFUL_LOCATION_BUILDERS.meaningfulLocationsBetweenDatesOdMatrixSpec,
  flowsSpec: FLOW_BUILDERS.flowsSpec,
  inflowsSpec: FLOW_BUILDERS.inflowsSpec,
  outflowsSpec: FLOW_BUILDERS.outflowsSpec,
  labelledFlowsSpec: FLOW_BUILDERS.labelledFlowsSpec,
  uniqueSubscriberCountsSpec: LOCATION_COUNT_BUILDERS.uniqueSubscriberCountsSpec,
  locationIntroversionSpec: LOCATION_COUNT_BUILDERS.locationIntroversionSpec,
  totalNetworkObjectsSpec: NETWORK_OBJECT_BUILDERS.totalNetworkObjectsSpec,
  aggregateNetworkObjectsSpec: NETWORK_OBJECT_BUILDERS.aggregateNetworkObjectsSpec,
  spatialAggregateSpec: AGGREGATE_BUILDERS.spatialAggregateSpec,
  labelledSpatialAggregateSpec: AGGREGATE_BUILDERS.labelledSpatialAggregateSpec,
  consecutiveTripsOdMatrixSpec: FLOW_BUILDERS.consecutiveTripsOdMatrixSpec,
  tripsOdMatrixSpec: FLOW_BUILDERS.tripsOdMatrixSpec,
  unmovingCountsSpec: REFERENCE_LOCATION_COUNT_BUILDERS.unmovingCountsSpec,
  unmovingAtReferenceLocationCountsSpec: REFERENCE_LOCATION_COUNT_BUILDERS.unmovingAtReferenceLocationCountsSpec,
  activeAtReferenceLocationCountsSpec: REFERENCE_LOCATION_COUNT_BUILDERS.activeAtReferenceLocationCountsSpec,
  joinedSpatialAggregateSpec: AGGREGATE_BUILDERS.joinedSpatialAggregateSpec,
  histogramAggregateSpec: AGGREGATE_BUILDERS.histogramAggregateSpec,
} as const;

/** A registry entry: the builder's checks, with their descriptions added (the field objects are copies). */
function described({ builder, queryKind, fields, build }: CheckedEntry): BuilderEntry {
  return {
    builder,
    queryKind,
    description: builderDescription(builder),
    fields: fields.map((f) => ({ ...f, description: fieldDescription(builder, f.name) })),
    build,
  };
}

/** Name of one of the 42 builders, e.g. `dailyLocationSpec`. */
export type BuilderName = keyof typeof ALL;

/**
 * The 42 spec builders by name, as data a form generator can walk.
 * @example
 * ```ts
 * for (const { builder, fields } of Object.values(BUILDERS)) {
 *   console.log(builder, fields.map((f) => `${f.name}${f.required ? '' : '?'}: ${f.allowed}`));
 * }
 * BUILDERS.dailyLocationSpec.build({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' });
 * ```
 */
export const BUILDERS = Object.fromEntries(Object.entries(ALL).map(([name, checked]) => [name, described(checked)])) as {
  readonly [name in BuilderName]: BuilderEntry;
};

/** Names of the builders, in flowclient's order (its `query_specs.py`, then `aggregates.py`). */
export const BUILDER_NAMES = Object.keys(BUILDERS) as readonly BuilderName[];

/**
 * The builders that produce a `query_kind` (two for `modal_location`: `modalLocationSpec` and
 * `modalLocationFromDatesSpec`; none for kinds only `randomSampleSpec` wraps).
 */
export function buildersForKind(queryKind: string): readonly BuilderEntry[] {
  return Object.values(BUILDERS).filter((entry) => entry.queryKind === queryKind);
}
