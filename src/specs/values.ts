/**
 * Allowed values of the query-spec options: readonly tables the builders check against, with
 * their literal union types, for UIs that build forms from them. Sources: flowclient's
 * docstrings and FlowMachine's server schemas; where the two differ, a table holds the union,
 * so that a check never rejects what FlowAPI accepts.
 * @module
 */
import { joinTuples } from './tuples.js';

/**
 * Spatial units a result can be aggregated to (also the routes of `geography/<unit>`).
 * @example `dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' })`
 */
export const AGGREGATION_UNITS = ['admin0', 'admin1', 'admin2', 'admin3', 'lon-lat'] as const;
/** One of {@link AGGREGATION_UNITS}. */
export type AggregationUnit = (typeof AGGREGATION_UNITS)[number];

/** Event (CDR) types a query can be restricted to; `eventTypes` is `null` (all) or a non-empty list of these. */
export const EVENT_TYPES = ['calls', 'sms', 'mds', 'topups'] as const;
/** One of {@link EVENT_TYPES}. */
export type EventType = (typeof EVENT_TYPES)[number];

/** How a daily location (or a handset) is chosen among a subscriber's events of the day. */
export const LOCATION_METHODS = ['last', 'most-common'] as const;
/** One of {@link LOCATION_METHODS}. */
export type LocationMethod = (typeof LOCATION_METHODS)[number];

/** Handset characteristics `handsetSpec` can report. */
export const HANDSET_CHARACTERISTICS = ['hnd_type', 'brand', 'model', 'software_os_name', 'software_os_vendor'] as const;
/** One of {@link HANDSET_CHARACTERISTICS}. */
export type HandsetCharacteristic = (typeof HANDSET_CHARACTERISTICS)[number];

/**
 * Statistics of `topup_balance`, `topup_amount`, `displacement` and `aggregate_network_objects`.
 * flowclient documents the first seven; FlowMachine's `Statistic` enum also accepts `count` and `sum`.
 */
export const STATISTICS = ['avg', 'max', 'min', 'median', 'mode', 'stddev', 'variance', 'count', 'sum'] as const;
/** One of {@link STATISTICS}. */
export type Statistic = (typeof STATISTICS)[number];

/** Methods of `joined_spatial_aggregate`: a statistic for a numeric metric, `distr` (only) for a categorical one (handset). */
export const JOINED_SPATIAL_AGGREGATE_METHODS = /* @__PURE__ */ joinTuples(STATISTICS, ['distr'] as const);
/** One of {@link JOINED_SPATIAL_AGGREGATE_METHODS}. */
export type JoinedSpatialAggregateMethod = (typeof JOINED_SPATIAL_AGGREGATE_METHODS)[number];

/** Direction of the events counted: incoming, outgoing or both. */
export const DIRECTIONS = ['in', 'out', 'both'] as const;
/** One of {@link DIRECTIONS}. */
export type Direction = (typeof DIRECTIONS)[number];

/**
 * Time buckets of `location_event_counts`. flowclient's docstring says `minute`, FlowMachine's
 * schema says `min`: both are accepted here and sent as given.
 */
export const COUNT_INTERVALS = ['day', 'hour', 'min', 'minute'] as const;
/** One of {@link COUNT_INTERVALS}. */
export type CountInterval = (typeof COUNT_INTERVALS)[number];

/** Periods `total_network_objects` totals by. */
export const TOTAL_BY_PERIODS = ['second', 'minute', 'hour', 'day', 'month', 'year'] as const;
/** One of {@link TOTAL_BY_PERIODS}. */
export type TotalByPeriod = (typeof TOTAL_BY_PERIODS)[number];

/** Periods `aggregate_network_objects` aggregates by: those of {@link TOTAL_BY_PERIODS} plus `century`. */
export const AGGREGATE_BY_PERIODS = /* @__PURE__ */ joinTuples(TOTAL_BY_PERIODS, ['century'] as const);
/** One of {@link AGGREGATE_BY_PERIODS}. */
export type AggregateByPeriod = (typeof AGGREGATE_BY_PERIODS)[number];

/** Units of the periods of `total_active_periods`. */
export const PERIOD_UNITS = ['days', 'hours', 'minutes'] as const;
/** One of {@link PERIOD_UNITS}. */
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** Join types of the flows family (FlowMachine's `Join.join_kinds`). */
export const JOIN_TYPES = ['inner', 'full outer', 'left', 'right', 'left outer', 'right outer'] as const;
/** One of {@link JOIN_TYPES}. */
export type JoinType = (typeof JOIN_TYPES)[number];

/** Methods of `randomSampleSpec`. `random_ids` needs a seed in [-1, 1]. */
export const SAMPLING_METHODS = ['system', 'bernoulli', 'random_ids'] as const;
/** One of {@link SAMPLING_METHODS}. */
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

/** Keys of `towerDayOfWeekScores`. */
export const DAYS_OF_WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** One of {@link DAYS_OF_WEEK}. */
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/** {@link HOUR_BOUNDS}' `min`, as a constant a field table can use without keeping the object alive. */
export const HOUR_MIN = 0;
/** {@link HOUR_BOUNDS}' `max`, as a constant of its own (see {@link HOUR_MIN}). */
export const HOUR_MAX = 24;
/** Inclusive bounds of the hours of a day, as `hours: [start, end]` takes them (integers). */
export const HOUR_BOUNDS = { min: HOUR_MIN, max: HOUR_MAX } as const;

/** {@link SCORE_BOUNDS}' `min`, as a constant of its own (see {@link HOUR_MIN}). */
export const SCORE_MIN = -1;
/** {@link SCORE_BOUNDS}' `max`, as a constant of its own (see {@link HOUR_MIN}). */
export const SCORE_MAX = 1;
/** Inclusive bounds of a meaningful-locations score (hour-of-day and day-of-week). */
export const SCORE_BOUNDS = { min: SCORE_MIN, max: SCORE_MAX } as const;

/** Number of entries of `towerHourOfDayScores`: one per hour, the first is midnight. */
export const HOURS_PER_DAY = 24;

/** `direction` of event counts, subscriber degree, location introversion; its {@link DEFAULTS} entry. */
export const DEFAULT_DIRECTION = 'both';
/** `joinType` of the flows family; its {@link DEFAULTS} entry. */
export const DEFAULT_JOIN_TYPE = 'inner';
/** `totalBy` of `totalNetworkObjectsSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_TOTAL_BY = 'day';
/** `aggregateBy` of `aggregateNetworkObjectsSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_AGGREGATE_BY = 'day';
/** `periodUnit` of `totalActivePeriodsSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_PERIOD_UNIT = 'days';
/** `periodLength` of `totalActivePeriodsSpec`, in `periodUnit`s; its {@link DEFAULTS} entry. */
export const DEFAULT_PERIOD_LENGTH = 1;
/** `characteristic` of `handsetSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_CHARACTERISTIC = 'hnd_type';
/** `method` of `handsetSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_HANDSET_METHOD = 'last';
/** `method` of `joinedSpatialAggregateSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_JOINED_SPATIAL_AGGREGATE_METHOD = 'avg';
/** `samplingMethod` of `randomSampleSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_SAMPLING_METHOD = 'random_ids';
/** `estimateCount` of `randomSampleSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_ESTIMATE_COUNT = true;
/** `minimumTotalWeight` of `majorityLocationSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_MINIMUM_TOTAL_WEIGHT = 0;
/** `includeUnlocatable` of `majorityLocationSpec`; its {@link DEFAULTS} entry. */
export const DEFAULT_INCLUDE_UNLOCATABLE = false;
/** `towerClusterRadius` of the meaningful-locations builders, in km; its {@link DEFAULTS} entry. */
export const DEFAULT_TOWER_CLUSTER_RADIUS = 1;
/** `towerClusterCallThreshold` of the meaningful-locations builders, in days; its {@link DEFAULTS} entry. */
export const DEFAULT_TOWER_CLUSTER_CALL_THRESHOLD = 0;

/** Defaults of the optional options that are not `null` when unset (flowclient's keyword defaults). */
export const DEFAULTS = {
  /** `direction` of event counts, subscriber degree, location introversion. */
  direction: DEFAULT_DIRECTION,
  /** `joinType` of the flows family. */
  joinType: DEFAULT_JOIN_TYPE,
  /** `totalBy` of `totalNetworkObjectsSpec`. */
  totalBy: DEFAULT_TOTAL_BY,
  /** `aggregateBy` of `aggregateNetworkObjectsSpec`. */
  aggregateBy: DEFAULT_AGGREGATE_BY,
  /** `periodUnit` of `totalActivePeriodsSpec`. */
  periodUnit: DEFAULT_PERIOD_UNIT,
  /** `periodLength` of `totalActivePeriodsSpec`, in `periodUnit`s. */
  periodLength: DEFAULT_PERIOD_LENGTH,
  /** `characteristic` of `handsetSpec`. */
  characteristic: DEFAULT_CHARACTERISTIC,
  /** `method` of `handsetSpec`. */
  handsetMethod: DEFAULT_HANDSET_METHOD,
  /** `method` of `joinedSpatialAggregateSpec`. */
  joinedSpatialAggregateMethod: DEFAULT_JOINED_SPATIAL_AGGREGATE_METHOD,
  /** `samplingMethod` of `randomSampleSpec`. */
  samplingMethod: DEFAULT_SAMPLING_METHOD,
  /** `estimateCount` of `randomSampleSpec`. */
  estimateCount: DEFAULT_ESTIMATE_COUNT,
  /** `minimumTotalWeight` of `majorityLocationSpec`. */
  minimumTotalWeight: DEFAULT_MINIMUM_TOTAL_WEIGHT,
  /** `includeUnlocatable` of `majorityLocationSpec`. */
  includeUnlocatable: DEFAULT_INCLUDE_UNLOCATABLE,
  /** `towerClusterRadius` of the meaningful-locations builders, in km. */
  towerClusterRadius: DEFAULT_TOWER_CLUSTER_RADIUS,
  /** `towerClusterCallThreshold` of the meaningful-locations builders, in days. */
  towerClusterCallThreshold: DEFAULT_TOWER_CLUSTER_CALL_THRESHOLD,
} as const;
