/**
 * Fixtures of the spec-builder specs: base specs built by the builders next to the JSON flowclient
 * produces for the same call (written out literally), and minimal valid options for every builder.
 */
import {
  coalescedLocationSpec,
  dailyLocationSpec,
  handsetSpec,
  locationVisitsSpec,
  majorityLocationSpec,
  mobilityClassificationSpec,
  radiusOfGyrationSpec,
  totalNetworkObjectsSpec,
  uniqueLocationsSpec,
} from '../../src/specs/index.js';
import type { BuilderName } from '../../src/forms.js';

/** `daily_location_spec(date="2016-01-01", aggregation_unit="admin3", method="last")`. */
export const daily = (date = '2016-01-01') => dailyLocationSpec({ date, aggregationUnit: 'admin3', method: 'last' });
/** flowclient's JSON for {@link daily}. */
export const dailyJson = (date = '2016-01-01') => ({
  query_kind: 'daily_location',
  date,
  aggregation_unit: 'admin3',
  method: 'last',
  event_types: null,
  subscriber_subset: null,
  mapping_table: null,
  geom_table: null,
  geom_table_join_column: null,
  hours: null,
});

/** `unique_locations_spec(start_date="2016-01-01", end_date="2016-01-02", aggregation_unit="admin3")`. */
export const uniqueLocations = () => uniqueLocationsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin3' });
/** flowclient's JSON for {@link uniqueLocations}. */
export const UNIQUE_LOCATIONS_JSON = {
  query_kind: 'unique_locations',
  start_date: '2016-01-01',
  end_date: '2016-01-02',
  aggregation_unit: 'admin3',
  event_types: null,
  subscriber_subset: null,
  mapping_table: null,
  geom_table: null,
  geom_table_join_column: null,
  hours: null,
};

/** `location_visits_spec(locations=[daily 01, daily 02])`. */
export const visits = () => locationVisitsSpec({ locations: [daily('2016-01-01'), daily('2016-01-02')] });
/** flowclient's JSON for {@link visits}. */
export const VISITS_JSON = { query_kind: 'location_visits', locations: [dailyJson('2016-01-01'), dailyJson('2016-01-02')] };

/** `majority_location_spec(subscriber_location_weights=visits)`. */
export const majority = () => majorityLocationSpec({ subscriberLocationWeights: visits() });
/** flowclient's JSON for {@link majority}. */
export const MAJORITY_JSON = {
  query_kind: 'majority_location',
  subscriber_location_weights: VISITS_JSON,
  minimum_total_weight: 0.0,
  include_unlocatable: false,
};

/** `coalesced_location_spec(preferred_location=majority, fallback_location=majority, subscriber_location_weights=visits, weight_threshold=2)`. */
export const coalesced = () =>
  coalescedLocationSpec({
    preferredLocation: majority(),
    fallbackLocation: majority(),
    subscriberLocationWeights: visits(),
    weightThreshold: 2,
  });
/** flowclient's JSON for {@link coalesced}. */
export const COALESCED_JSON = {
  query_kind: 'coalesced_location',
  preferred_location: MAJORITY_JSON,
  fallback_location: MAJORITY_JSON,
  subscriber_location_weights: VISITS_JSON,
  weight_threshold: 2,
};

/** `mobility_classification_spec(locations=[coalesced, coalesced], stay_length_threshold=2)`. */
export const mobility = () => mobilityClassificationSpec({ locations: [coalesced(), coalesced()], stayLengthThreshold: 2 });
/** flowclient's JSON for {@link mobility}. */
export const MOBILITY_JSON = { query_kind: 'mobility_classification', locations: [COALESCED_JSON, COALESCED_JSON], stay_length_threshold: 2 };

/** `radius_of_gyration_spec(start_date="2016-01-01", end_date="2016-01-02")`. */
export const radius = () => radiusOfGyrationSpec({ startDate: '2016-01-01', endDate: '2016-01-02' });
/** flowclient's JSON for {@link radius}. */
export const RADIUS_JSON = {
  query_kind: 'radius_of_gyration',
  start_date: '2016-01-01',
  end_date: '2016-01-02',
  event_types: null,
  subscriber_subset: null,
  hours: null,
};

/** `handset_spec(start_date="2016-01-01", end_date="2016-01-02")`. */
export const handset = () => handsetSpec({ startDate: '2016-01-01', endDate: '2016-01-02' });
/** flowclient's JSON for {@link handset}. */
export const HANDSET_JSON = {
  query_kind: 'handset',
  start_date: '2016-01-01',
  end_date: '2016-01-02',
  characteristic: 'hnd_type',
  method: 'last',
  event_types: null,
  subscriber_subset: null,
  hours: null,
};

/** `total_network_objects_spec(start_date="2016-01-01", end_date="2016-01-02", aggregation_unit="admin3")`. */
export const networkObjects = () => totalNetworkObjectsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin3' });
/** flowclient's JSON for {@link networkObjects}. */
export const NETWORK_OBJECTS_JSON = {
  query_kind: 'total_network_objects',
  start_date: '2016-01-01',
  end_date: '2016-01-02',
  aggregation_unit: 'admin3',
  total_by: 'day',
  mapping_table: null,
  geom_table: null,
  geom_table_join_column: null,
  event_types: null,
  subscriber_subset: null,
  hours: null,
};

/** Labels of the meaningful-locations examples (FlowKit's docs use polygons in score space). */
export const LABELS = {
  evening: { type: 'Polygon', coordinates: [[[1e-06, -1], [1e-06, 1], [1, 1], [1, -1]]] },
  day: { type: 'Polygon', coordinates: [[[-1, -1], [-1, 1], [-1e-06, 1], [-1e-06, -1]]] },
};
/** Day-of-week scores of the meaningful-locations examples. */
export const DAY_SCORES = { monday: 1, tuesday: 1, wednesday: 1, thursday: 0, friday: -1, saturday: -1, sunday: -1 };
/** 24 hour-of-day scores: -1 at night, 1 in the day. */
export const HOUR_SCORES = [-1, -1, -1, -1, -1, -1, -1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, -1, -1];

const period = { startDate: '2016-01-01', endDate: '2016-01-02' };
const scoring = { labels: LABELS, towerDayOfWeekScores: DAY_SCORES, towerHourOfDayScores: HOUR_SCORES, aggregationUnit: 'admin3' };

/** Minimal valid options of every builder (required options only). */
export const VALID_OPTIONS: { readonly [name in BuilderName]: () => Record<string, unknown> } = {
  uniqueLocationsSpec: () => ({ ...period, aggregationUnit: 'admin3' }),
  mostFrequentLocationSpec: () => ({ ...period, aggregationUnit: 'admin3' }),
  dailyLocationSpec: () => ({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' }),
  modalLocationSpec: () => ({ locations: [daily()] }),
  modalLocationFromDatesSpec: () => ({ ...period, aggregationUnit: 'admin3', method: 'last' }),
  radiusOfGyrationSpec: () => ({ ...period }),
  totalActivePeriodsSpec: () => ({ startDate: '2016-01-01', totalPeriods: 3 }),
  uniqueLocationCountsSpec: () => ({ ...period, aggregationUnit: 'admin3' }),
  topupBalanceSpec: () => ({ ...period, statistic: 'avg' }),
  subscriberDegreeSpec: () => ({ ...period }),
  topupAmountSpec: () => ({ ...period, statistic: 'avg' }),
  eventCountSpec: () => ({ ...period }),
  displacementSpec: () => ({ ...period, statistic: 'avg', referenceLocation: daily() }),
  paretoInteractionsSpec: () => ({ ...period, proportion: 0.8 }),
  nocturnalEventsSpec: () => ({ ...period, hours: [20, 4] }),
  handsetSpec: () => ({ ...period }),
  randomSampleSpec: () => ({ query: daily(), seed: 0.5, size: 10 }),
  majorityLocationSpec: () => ({ subscriberLocationWeights: visits() }),
  locationVisitsSpec: () => ({ locations: [daily()] }),
  coalescedLocationSpec: () => ({ preferredLocation: majority(), fallbackLocation: majority(), subscriberLocationWeights: visits(), weightThreshold: 2 }),
  mobilityClassificationSpec: () => ({ locations: [coalesced()], stayLengthThreshold: 2 }),
  locationEventCountsSpec: () => ({ ...period, aggregationUnit: 'admin3', countInterval: 'day' }),
  meaningfulLocationsAggregateSpec: () => ({ ...period, ...scoring, label: 'evening' }),
  meaningfulLocationsBetweenLabelOdMatrixSpec: () => ({ ...period, ...scoring, labelA: 'day', labelB: 'evening' }),
  meaningfulLocationsBetweenDatesOdMatrixSpec: () => ({
    ...scoring,
    startDateA: '2016-01-01',
    endDateA: '2016-01-02',
    startDateB: '2016-01-02',
    endDateB: '2016-01-03',
    label: 'evening',
  }),
  flowsSpec: () => ({ fromLocation: daily('2016-01-01'), toLocation: daily('2016-01-02') }),
  inflowsSpec: () => ({ fromLocation: daily('2016-01-01'), toLocation: daily('2016-01-02') }),
  outflowsSpec: () => ({ fromLocation: daily('2016-01-01'), toLocation: daily('2016-01-02') }),
  labelledFlowsSpec: () => ({ fromLocation: coalesced(), toLocation: coalesced(), labels: mobility() }),
  uniqueSubscriberCountsSpec: () => ({ ...period, aggregationUnit: 'admin3' }),
  locationIntroversionSpec: () => ({ ...period, aggregationUnit: 'admin3' }),
  totalNetworkObjectsSpec: () => ({ ...period, aggregationUnit: 'admin3' }),
  aggregateNetworkObjectsSpec: () => ({ totalNetworkObjects: networkObjects(), statistic: 'avg' }),
  spatialAggregateSpec: () => ({ locations: daily() }),
  labelledSpatialAggregateSpec: () => ({ locations: coalesced(), labels: mobility() }),
  consecutiveTripsOdMatrixSpec: () => ({ ...period, aggregationUnit: 'admin3' }),
  tripsOdMatrixSpec: () => ({ ...period, aggregationUnit: 'admin3' }),
  unmovingCountsSpec: () => ({ uniqueLocations: uniqueLocations() }),
  unmovingAtReferenceLocationCountsSpec: () => ({ referenceLocations: daily(), uniqueLocations: uniqueLocations() }),
  activeAtReferenceLocationCountsSpec: () => ({ referenceLocations: daily(), uniqueLocations: uniqueLocations() }),
  joinedSpatialAggregateSpec: () => ({ locations: daily(), metric: radius() }),
  histogramAggregateSpec: () => ({ metric: radius(), bins: 5, range: [0.5, 99] }),
};

/** Expect a built spec to equal flowclient's JSON, by value (so `1e-06` and `0.000001` are equal). */
export function expectJson(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected);
}

/** The error `run` throws, or `undefined` when it returns. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
