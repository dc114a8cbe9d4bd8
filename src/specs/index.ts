/**
 * Query-spec builders of flowclient-rx: 42 checked builders, 21 aggregate wrappers, the
 * `QuerySpec` types and the allowed-value tables. The `BUILDERS` registry (every builder as data,
 * for form generators) is in the entry `flowclient-rx/forms` (`src/forms.ts`).
 * @module
 */

// Builders
export { uniqueLocationsSpec, mostFrequentLocationSpec, dailyLocationSpec, modalLocationSpec, modalLocationFromDatesSpec } from './locations.js';
export {
  radiusOfGyrationSpec,
  totalActivePeriodsSpec,
  uniqueLocationCountsSpec,
  subscriberDegreeSpec,
  eventCountSpec,
  paretoInteractionsSpec,
  nocturnalEventsSpec,
} from './metrics.js';
export { topupBalanceSpec, topupAmountSpec, displacementSpec, handsetSpec } from './metrics-statistics.js';
export { randomSampleSpec } from './sampling.js';
export { majorityLocationSpec, locationVisitsSpec, coalescedLocationSpec, mobilityClassificationSpec } from './derived-locations.js';
export { locationEventCountsSpec, uniqueSubscriberCountsSpec, locationIntroversionSpec } from './location-counts.js';
export {
  meaningfulLocationsAggregateSpec,
  meaningfulLocationsBetweenLabelOdMatrixSpec,
  meaningfulLocationsBetweenDatesOdMatrixSpec,
} from './meaningful-locations.js';
export { flowsSpec, inflowsSpec, outflowsSpec, labelledFlowsSpec, consecutiveTripsOdMatrixSpec, tripsOdMatrixSpec } from './flows.js';
export { totalNetworkObjectsSpec, aggregateNetworkObjectsSpec } from './network-objects.js';
export { spatialAggregateSpec, labelledSpatialAggregateSpec, joinedSpatialAggregateSpec, histogramAggregateSpec } from './aggregates.js';
export {
  unmovingCountsSpec,
  unmovingAtReferenceLocationCountsSpec,
  activeAtReferenceLocationCountsSpec,
} from './reference-location-counts.js';

// Aggregate wrappers (unrun APIQuery)
export {
  locationEventCounts,
  meaningfulLocationsAggregate,
  meaningfulLocationsBetweenLabelOdMatrix,
  meaningfulLocationsBetweenDatesOdMatrix,
  flows,
  inflows,
  outflows,
  labelledFlows,
  uniqueSubscriberCounts,
  locationIntroversion,
  totalNetworkObjects,
  aggregateNetworkObjects,
  spatialAggregate,
  labelledSpatialAggregate,
  consecutiveTripsOdMatrix,
  tripsOdMatrix,
  unmovingCounts,
  unmovingAtReferenceLocationCounts,
  activeAtReferenceLocationCounts,
  joinedSpatialAggregate,
  histogramAggregate,
  WRAPPER_NAMES,
} from './wrappers.js';
export type { WithConnection, AggregateWrapper } from './wrappers.js';

// Field descriptors and checks (the BUILDERS registry is in flowclient-rx/forms)
export { describeFieldType } from './fields.js';
export type {
  BuilderDescriptor,
  BuilderEntry,
  FieldDescriptor,
  FieldType,
  DateRangeOptions,
  EventFilterOptions,
  CommonOptions,
  GeoOptions,
} from './fields.js';
export { isIsoDate, matchesFieldType } from './checks.js';

// Allowed values
export {
  AGGREGATION_UNITS,
  EVENT_TYPES,
  LOCATION_METHODS,
  HANDSET_CHARACTERISTICS,
  STATISTICS,
  JOINED_SPATIAL_AGGREGATE_METHODS,
  DIRECTIONS,
  COUNT_INTERVALS,
  TOTAL_BY_PERIODS,
  AGGREGATE_BY_PERIODS,
  PERIOD_UNITS,
  JOIN_TYPES,
  SAMPLING_METHODS,
  DAYS_OF_WEEK,
  HOUR_BOUNDS,
  SCORE_BOUNDS,
  HOURS_PER_DAY,
  DEFAULTS,
} from './values.js';
export type {
  AggregationUnit,
  EventType,
  LocationMethod,
  HandsetCharacteristic,
  Statistic,
  JoinedSpatialAggregateMethod,
  Direction,
  CountInterval,
  TotalByPeriod,
  AggregateByPeriod,
  PeriodUnit,
  JoinType,
  SamplingMethod,
  DayOfWeek,
} from './values.js';
export {
  QUERY_KINDS,
  REFERENCE_LOCATION_KINDS,
  FLOW_INPUT_KINDS,
  MODAL_INPUT_KINDS,
  VISITABLE_LOCATION_KINDS,
  LOCATION_WEIGHTS_KINDS,
  MAJORITY_LOCATION_KINDS,
  COALESCED_LOCATION_KINDS,
  LABEL_KINDS,
  UNIQUE_LOCATIONS_KINDS,
  TOTAL_NETWORK_OBJECTS_KINDS,
  CONTINUOUS_METRIC_KINDS,
  CATEGORICAL_METRIC_KINDS,
  JOINABLE_METRIC_KINDS,
  SAMPLEABLE_KINDS,
} from './kinds.js';
export type { QueryKind } from './kinds.js';

// JSON-level types
export type {
  JsonValue,
  HoursJson,
  HoursRange,
  EventTypesJson,
  SubscriberSubset,
  SamplingJson,
  Sampled,
  GeoJson,
  PeriodJson,
  EventFilterJson,
  CommonJson,
  SamplingKey,
  GeoJsonGeometry,
  LabelGeometries,
  DayOfWeekScores,
  VisitedMostDaysSpec,
  QuerySpec,
  SpecOfKind,
  ReferenceLocationSpec,
  FlowInputSpec,
  VisitableLocationSpec,
  ContinuousMetricSpec,
  CategoricalMetricSpec,
  JoinableMetricSpec,
  SampleableSpec,
} from './types.js';

// Spec and option types, by subject
export type {
  LocationsOverPeriodOptions,
  UniqueLocationsSpec,
  MostFrequentLocationSpec,
  DailyLocationOptions,
  DailyLocationSpec,
  ModalLocationOptions,
  ModalLocationSpec,
  ModalLocationFromDatesOptions,
} from './locations.js';
export type {
  RadiusOfGyrationOptions,
  RadiusOfGyrationSpec,
  TotalActivePeriodsOptions,
  TotalActivePeriodsSpec,
  UniqueLocationCountsOptions,
  UniqueLocationCountsSpec,
  DirectedEventsOptions,
  SubscriberDegreeSpec,
  EventCountSpec,
  ParetoInteractionsOptions,
  ParetoInteractionsSpec,
  NocturnalEventsOptions,
  NocturnalEventsSpec,
} from './metrics.js';
export type {
  TopupOptions,
  TopupBalanceSpec,
  TopupAmountSpec,
  DisplacementOptions,
  DisplacementSpec,
  HandsetOptions,
  HandsetSpec,
} from './metrics-statistics.js';
export type { RandomSampleOptions } from './sampling.js';
export type {
  LocationVisitsOptions,
  LocationVisitsSpec,
  MajorityLocationOptions,
  MajorityLocationSpec,
  CoalescedLocationOptions,
  CoalescedLocationSpec,
  MobilityClassificationOptions,
  MobilityClassificationSpec,
} from './derived-locations.js';
export type {
  LocationCountsOptions,
  LocationEventCountsOptions,
  LocationEventCountsSpec,
  UniqueSubscriberCountsSpec,
  LocationIntroversionOptions,
  LocationIntroversionSpec,
} from './location-counts.js';
export type {
  MeaningfulLocationsScoringOptions,
  MeaningfulLocationsAggregateOptions,
  MeaningfulLocationsAggregateSpec,
  MeaningfulLocationsBetweenLabelOdMatrixOptions,
  MeaningfulLocationsBetweenLabelOdMatrixSpec,
  MeaningfulLocationsBetweenDatesOdMatrixOptions,
  MeaningfulLocationsBetweenDatesOdMatrixSpec,
} from './meaningful-locations.js';
export type {
  FlowsOptions,
  FlowsSpec,
  InflowsSpec,
  OutflowsSpec,
  LabelledFlowsOptions,
  LabelledFlowsSpec,
  TripsOdMatrixOptions,
  ConsecutiveTripsOdMatrixSpec,
  TripsOdMatrixSpec,
} from './flows.js';
export type {
  TotalNetworkObjectsOptions,
  TotalNetworkObjectsSpec,
  AggregateNetworkObjectsOptions,
  AggregateNetworkObjectsSpec,
} from './network-objects.js';
export type {
  SpatialAggregateOptions,
  SpatialAggregateSpec,
  LabelledSpatialAggregateOptions,
  LabelledSpatialAggregateSpec,
  JoinedSpatialAggregateOptions,
  JoinedSpatialAggregateSpec,
  HistogramAggregateOptions,
  HistogramAggregateSpec,
} from './aggregates.js';
export type {
  UnmovingCountsOptions,
  UnmovingCountsSpec,
  ReferenceLocationCountsOptions,
  UnmovingAtReferenceLocationCountsSpec,
  ActiveAtReferenceLocationCountsSpec,
} from './reference-location-counts.js';

// Typed results: the rows and GeoJSON properties of each aggregate kind
export type {
  RowOf,
  GeoPropertiesOf,
  UnitOf,
  LocationColumns,
  UntypedRow,
  AggregateKind,
  LocationValueRow,
  LocationEventCountsRow,
  FlowRow,
  InOutFlowRow,
  LabelledFlowRow,
  LabelledLocationRow,
  MeaningfulLocationsRow,
  MeaningfulLocationsOdRow,
  NetworkObjectsRow,
  JoinedSpatialAggregateRow,
  HistogramRow,
  PointGeometry,
  FlowsByLocation,
  FlowGeoProperties,
} from './rows.js';
