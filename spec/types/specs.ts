/**
 * Compile-time tests of the spec builders, checked by `tsc --noEmit` (not run): correct nestings
 * compile; wrong nestings, wrong enum literals and wrong option shapes fail (`@ts-expect-error`
 * fails the type check if the line below it compiles).
 */
import type { Connection } from '../../src/connection.js';
import {
  aggregateNetworkObjectsSpec,
  coalescedLocationSpec,
  dailyLocationSpec,
  displacementSpec,
  eventCountSpec,
  flowsSpec,
  handsetSpec,
  histogramAggregateSpec,
  joinedSpatialAggregateSpec,
  labelledSpatialAggregateSpec,
  locationEventCountsSpec,
  locationVisitsSpec,
  majorityLocationSpec,
  mobilityClassificationSpec,
  modalLocationFromDatesSpec,
  modalLocationSpec,
  nocturnalEventsSpec,
  radiusOfGyrationSpec,
  randomSampleSpec,
  spatialAggregate,
  spatialAggregateSpec,
  totalActivePeriodsSpec,
  totalNetworkObjectsSpec,
  uniqueLocationsSpec,
  unmovingCountsSpec,
  type AggregationUnit,
  type DailyLocationSpec,
  type FlowsSpec,
  type QuerySpec,
  type SpecOfKind,
  type Statistic,
} from '../../src/specs/index.js';
import { BUILDERS } from '../../src/forms.js';

declare const connection: Connection;

const period = { startDate: '2016-01-01', endDate: '2016-01-08' } as const;
const daily = dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' });
const modal = modalLocationFromDatesSpec({ ...period, aggregationUnit: 'admin3', method: 'most-common' });
const unique = uniqueLocationsSpec({ ...period, aggregationUnit: 'admin3' });
const radius = radiusOfGyrationSpec(period);
const handset = handsetSpec(period);
const visits = locationVisitsSpec({ locations: [daily, modal] });
const majority = majorityLocationSpec({ subscriberLocationWeights: visits });
const coalesced = coalescedLocationSpec({ preferredLocation: majority, fallbackLocation: majority, subscriberLocationWeights: visits, weightThreshold: 1 });
const mobility = mobilityClassificationSpec({ locations: [coalesced], stayLengthThreshold: 2 });

// ---- Correct nestings compile ----
spatialAggregateSpec({ locations: daily });
spatialAggregateSpec({ locations: modal });
spatialAggregateSpec({ locations: majority });
spatialAggregateSpec({ locations: coalesced });
spatialAggregateSpec({ locations: randomSampleSpec({ query: daily, seed: 0.1, size: 100 }) });
spatialAggregateSpec({ locations: { query_kind: 'visited_most_days', start_date: '2016-01-01', end_date: '2016-01-08' } });
joinedSpatialAggregateSpec({ locations: daily, metric: radius });
joinedSpatialAggregateSpec({ locations: daily, metric: radius, method: 'median' });
joinedSpatialAggregateSpec({ locations: modal, metric: handset, method: 'distr' });
histogramAggregateSpec({ metric: eventCountSpec(period), bins: [0, 1, 10], range: [0, 10] });
flowsSpec({ fromLocation: daily, toLocation: unique, joinType: 'full outer' });
labelledSpatialAggregateSpec({ locations: coalesced, labels: mobility });
displacementSpec({ ...period, statistic: 'avg', referenceLocation: modal });
unmovingCountsSpec({ uniqueLocations: unique });
nocturnalEventsSpec({ ...period, hours: [20, 4], eventTypes: ['calls', 'sms'] });
// @ts-expect-error a subscriber subset is a query id, not a nested spec (FlowMachine's field is a string)
dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'lon-lat', method: 'last', subscriberSubset: daily });
dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin0', method: 'last', subscriberSubset: 'query-id', hours: null, eventTypes: null });
locationEventCountsSpec({ ...period, aggregationUnit: 'admin3', countInterval: 'min' });
locationEventCountsSpec({ ...period, aggregationUnit: 'admin3', countInterval: 'minute' });
randomSampleSpec({ query: radius, seed: 1, fraction: 0.5, samplingMethod: 'bernoulli' });
spatialAggregate({ connection, locations: daily });

// The union narrows on query_kind, and a sampled spec keeps its kind and type.
const any: QuerySpec = daily;
if (any.query_kind === 'daily_location') {
  const date: string = any.date;
  void date;
}
const sampled: DailyLocationSpec = randomSampleSpec({ query: daily, seed: 0, size: 1 });
const flowsOfKind: SpecOfKind<'flows'> = flowsSpec({ fromLocation: daily, toLocation: daily });
const flowsType: FlowsSpec = flowsOfKind;
const unit: AggregationUnit = 'lon-lat';
const stat: Statistic = 'count';
const viaRegistry: QuerySpec = BUILDERS.dailyLocationSpec.build({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' });
void [sampled, flowsType, unit, stat, viaRegistry];

// ---- Wrong nestings fail ----
// @ts-expect-error an aggregate is not a reference location
spatialAggregateSpec({ locations: spatialAggregateSpec({ locations: daily }) });
// @ts-expect-error unique locations are not a reference location
spatialAggregateSpec({ locations: unique });
// @ts-expect-error a location is not a metric
joinedSpatialAggregateSpec({ locations: daily, metric: daily });
// @ts-expect-error a metric is not a location
joinedSpatialAggregateSpec({ locations: radius, metric: radius });
// @ts-expect-error handset is categorical: not a histogram metric
histogramAggregateSpec({ metric: handset, bins: 5 });
// @ts-expect-error handset needs method 'distr'
joinedSpatialAggregateSpec({ locations: daily, metric: handset });
// @ts-expect-error handset takes no statistic
joinedSpatialAggregateSpec({ locations: daily, metric: handset, method: 'avg' });
// @ts-expect-error a numeric metric takes no 'distr'
joinedSpatialAggregateSpec({ locations: daily, metric: radius, method: 'distr' });
// @ts-expect-error modal locations take daily locations only
modalLocationSpec({ locations: [modal] });
// @ts-expect-error unmoving counts take unique locations
unmovingCountsSpec({ uniqueLocations: daily });
// @ts-expect-error labelled aggregates take coalesced locations
labelledSpatialAggregateSpec({ locations: daily, labels: mobility });
// @ts-expect-error labels are a mobility classification
labelledSpatialAggregateSpec({ locations: coalesced, labels: handset });
// @ts-expect-error aggregate network objects takes total network objects
aggregateNetworkObjectsSpec({ totalNetworkObjects: daily, statistic: 'avg' });
// @ts-expect-error flows do not take a metric as an end
flowsSpec({ fromLocation: daily, toLocation: radius });
// @ts-expect-error total active periods cannot be sampled
randomSampleSpec({ query: totalActivePeriodsSpec({ startDate: '2016-01-01', totalPeriods: 2 }), seed: 0, size: 1 });
// @ts-expect-error aggregates cannot be sampled
randomSampleSpec({ query: totalNetworkObjectsSpec({ ...period, aggregationUnit: 'admin3' }), seed: 0, size: 1 });
// @ts-expect-error majority locations weigh location visits
majorityLocationSpec({ subscriberLocationWeights: daily });

// ---- Wrong enum literals and option shapes fail ----
// @ts-expect-error no such aggregation unit
dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin4', method: 'last' });
// @ts-expect-error no such method
dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'first' });
// @ts-expect-error no such event type
uniqueLocationsSpec({ ...period, aggregationUnit: 'admin3', eventTypes: ['fax'] });
// @ts-expect-error no such interval
locationEventCountsSpec({ ...period, aggregationUnit: 'admin3', countInterval: 'week' });
// @ts-expect-error no such join type
flowsSpec({ fromLocation: daily, toLocation: daily, joinType: 'outer' });
// @ts-expect-error no such statistic
displacementSpec({ ...period, statistic: 'mean', referenceLocation: daily });
// @ts-expect-error options are camelCase
dailyLocationSpec({ date: '2016-01-01', aggregation_unit: 'admin3', method: 'last' });
// @ts-expect-error hours are a pair
uniqueLocationsSpec({ ...period, aggregationUnit: 'admin3', hours: [1, 2, 3] });
// @ts-expect-error nocturnal events need hours
nocturnalEventsSpec(period);
// @ts-expect-error size and fraction are exclusive
randomSampleSpec({ query: daily, seed: 0, size: 10, fraction: 0.5 });
// @ts-expect-error one of size and fraction is needed
randomSampleSpec({ query: daily, seed: 0 });
// @ts-expect-error a wrapper needs a connection
spatialAggregate({ locations: daily });
// @ts-expect-error the JSON is typed: a daily location has no start_date
void daily.start_date;
