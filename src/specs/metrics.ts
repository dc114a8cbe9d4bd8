/**
 * Subscriber activity metrics: radius of gyration, total active periods, unique location counts,
 * subscriber degree, event count, pareto interactions and nocturnal events (the metric slot of
 * joined spatial and histogram aggregates).
 * @module
 */
import { checkOptions, commonJson, eventFilterJson, geoJson, hoursJson } from './checks.js';
import * as F from './common-fields.js';
import { entry, field, type BuilderChecks, type CommonOptions, type DateRangeOptions, type EventFilterOptions, type GeoOptions } from './fields.js';
import type { CommonJson, EventFilterJson, GeoJson, HoursJson, HoursRange, PeriodJson, SamplingKey } from './types.js';
import { DEFAULT_DIRECTION, DEFAULT_PERIOD_LENGTH, DEFAULT_PERIOD_UNIT, HOUR_MAX, HOUR_MIN, PERIOD_UNITS, type AggregationUnit, type Direction, type PeriodUnit } from './values.js';

/** Options of {@link radiusOfGyrationSpec}. */
export interface RadiusOfGyrationOptions extends DateRangeOptions, CommonOptions {}

/** A `radius_of_gyration` spec: each subscriber's radius of gyration over a period, in km. */
export interface RadiusOfGyrationSpec extends PeriodJson, CommonJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'radius_of_gyration';
}

/** Options of {@link totalActivePeriodsSpec}. */
export interface TotalActivePeriodsOptions extends CommonOptions {
  /** First day of the first period (ISO date). */
  readonly startDate: string;
  /** Number of periods (integer). */
  readonly totalPeriods: number;
  /** Unit of `periodLength`. @defaultValue 'days' */
  readonly periodUnit?: PeriodUnit | undefined;
  /** Length of each period, in `periodUnit`s (integer). @defaultValue 1 */
  readonly periodLength?: number | undefined;
}

/** A `total_active_periods` spec: in how many of the periods each subscriber was active. */
export interface TotalActivePeriodsSpec extends CommonJson {
  /** The kind. */
  readonly query_kind: 'total_active_periods';
  /** Number of periods. */
  readonly total_periods: number;
  /** Length of each period, in `period_unit`s. */
  readonly period_length: number;
  /** Unit of `period_length`. */
  readonly period_unit: PeriodUnit;
  /** First day of the first period. */
  readonly start_date: string;
}

/** Options of {@link uniqueLocationCountsSpec}. */
export interface UniqueLocationCountsOptions extends DateRangeOptions, CommonOptions, GeoOptions {
  /** Spatial unit the locations are counted at. */
  readonly aggregationUnit: AggregationUnit;
}

/** A `unique_location_counts` spec: how many distinct locations each subscriber visited. */
export interface UniqueLocationCountsSpec extends PeriodJson, CommonJson, GeoJson {
  /** The kind. */
  readonly query_kind: 'unique_location_counts';
  /** Spatial unit the locations are counted at. */
  readonly aggregation_unit: AggregationUnit;
}

/** Options of {@link subscriberDegreeSpec} and {@link eventCountSpec}. */
export interface DirectedEventsOptions extends DateRangeOptions, CommonOptions {
  /** Count incoming events, outgoing events, or both. @defaultValue 'both' */
  readonly direction?: Direction | undefined;
}

/** A `subscriber_degree` spec: how many distinct counterparts each subscriber interacted with. */
export interface SubscriberDegreeSpec extends PeriodJson, CommonJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'subscriber_degree';
  /** Direction of the events. */
  readonly direction: Direction;
}

/** An `event_count` spec: how many events each subscriber had. */
export interface EventCountSpec extends PeriodJson, CommonJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'event_count';
  /** Direction of the events. */
  readonly direction: Direction;
}

/** Options of {@link paretoInteractionsSpec}. */
export interface ParetoInteractionsOptions extends DateRangeOptions, CommonOptions {
  /** Proportion of each subscriber's interactions to account for, from 0 to 1. @example `0.8` */
  readonly proportion: number;
}

/** A `pareto_interactions` spec: the counterparts accounting for a proportion of each subscriber's interactions. */
export interface ParetoInteractionsSpec extends PeriodJson, CommonJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'pareto_interactions';
  /** Proportion, 0–1. */
  readonly proportion: number;
}

/** Options of {@link nocturnalEventsSpec}. */
export interface NocturnalEventsOptions extends DateRangeOptions, EventFilterOptions {
  /** Night hours, `[startHour, endHour]`, integers 0–24, both inclusive (sent as `night_hours`). @example `[20, 4]` */
  readonly hours: HoursRange;
}

/** A `nocturnal_events` spec: the share of each subscriber's events at night. */
export interface NocturnalEventsSpec extends PeriodJson, EventFilterJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'nocturnal_events';
  /** The night hours. */
  readonly night_hours: HoursJson;
}

const RADIUS_OF_GYRATION: BuilderChecks = {
  builder: 'radiusOfGyrationSpec',
  queryKind: 'radius_of_gyration',
  fields: [F.startDate, F.endDate, F.eventTypes, F.subscriberSubset, F.hours],
};

/** Spec of each subscriber's radius of gyration (km) over a period. */
export function radiusOfGyrationSpec(options: RadiusOfGyrationOptions): RadiusOfGyrationSpec {
  checkOptions(RADIUS_OF_GYRATION, options);
  return { query_kind: 'radius_of_gyration', start_date: options.startDate, end_date: options.endDate, ...commonJson(options) };
}

const TOTAL_ACTIVE_PERIODS: BuilderChecks = {
  builder: 'totalActivePeriodsSpec',
  queryKind: 'total_active_periods',
  fields: [
    /* @__PURE__ */ field('totalPeriods', 'total_periods', { kind: 'integer' }, { required: true }),
    /* @__PURE__ */ field('periodLength', 'period_length', { kind: 'integer' }, {
      nullable: false,
      default: DEFAULT_PERIOD_LENGTH,
    }),
    /* @__PURE__ */ field('periodUnit', 'period_unit', { kind: 'enum', values: PERIOD_UNITS }, {
      nullable: false,
      default: DEFAULT_PERIOD_UNIT,
    }),
    /* @__PURE__ */ field('startDate', 'start_date', { kind: 'date', withTime: true }, { required: true }),
    F.eventTypes, F.subscriberSubset, F.hours,
  ],
};

/**
 * Spec of how many of `totalPeriods` consecutive periods each subscriber was active in.
 * @example `totalActivePeriodsSpec({ startDate: '2016-01-01', totalPeriods: 7 })`
 */
export function totalActivePeriodsSpec(options: TotalActivePeriodsOptions): TotalActivePeriodsSpec {
  checkOptions(TOTAL_ACTIVE_PERIODS, options);
  return {
    query_kind: 'total_active_periods',
    total_periods: options.totalPeriods,
    period_length: options.periodLength ?? DEFAULT_PERIOD_LENGTH,
    period_unit: options.periodUnit ?? DEFAULT_PERIOD_UNIT,
    start_date: options.startDate,
    ...commonJson(options),
  };
}

const UNIQUE_LOCATION_COUNTS: BuilderChecks = {
  builder: 'uniqueLocationCountsSpec',
  queryKind: 'unique_location_counts',
  fields: [F.startDate, F.endDate, F.aggregationUnit, F.eventTypes, F.subscriberSubset, F.mappingTable, F.geomTable, F.geomTableJoinColumn, F.hours],
};

/** Spec of how many distinct locations each subscriber visited in a period. */
export function uniqueLocationCountsSpec(options: UniqueLocationCountsOptions): UniqueLocationCountsSpec {
  checkOptions(UNIQUE_LOCATION_COUNTS, options);
  return {
    query_kind: 'unique_location_counts',
    start_date: options.startDate,
    end_date: options.endDate,
    aggregation_unit: options.aggregationUnit,
    ...eventFilterJson(options),
    ...geoJson(options),
    hours: hoursJson(options.hours),
  };
}

const directed = (builder: string, queryKind: string): BuilderChecks => ({
  builder,
  queryKind,
  fields: [F.startDate, F.endDate, F.direction, F.eventTypes, F.subscriberSubset, F.hours],
});

const SUBSCRIBER_DEGREE = /* @__PURE__ */ directed('subscriberDegreeSpec', 'subscriber_degree');

/** Spec of how many distinct counterparts each subscriber interacted with in a period. */
export function subscriberDegreeSpec(options: DirectedEventsOptions): SubscriberDegreeSpec {
  checkOptions(SUBSCRIBER_DEGREE, options);
  return {
    query_kind: 'subscriber_degree',
    start_date: options.startDate,
    end_date: options.endDate,
    direction: options.direction ?? DEFAULT_DIRECTION,
    ...commonJson(options),
  };
}

const EVENT_COUNT = /* @__PURE__ */ directed('eventCountSpec', 'event_count');

/** Spec of how many events each subscriber had in a period. */
export function eventCountSpec(options: DirectedEventsOptions): EventCountSpec {
  checkOptions(EVENT_COUNT, options);
  return {
    query_kind: 'event_count',
    start_date: options.startDate,
    end_date: options.endDate,
    direction: options.direction ?? DEFAULT_DIRECTION,
    ...commonJson(options),
  };
}

const PARETO_INTERACTIONS: BuilderChecks = {
  builder: 'paretoInteractionsSpec',
  queryKind: 'pareto_interactions',
  fields: [
    F.startDate,
    F.endDate,
    /* @__PURE__ */ field('proportion', 'proportion', { kind: 'number', min: 0, max: 1 }, {
      required: true,
    }),
    F.eventTypes, F.subscriberSubset, F.hours,
  ],
};

/** Spec of the counterparts that make up `proportion` of each subscriber's interactions. */
export function paretoInteractionsSpec(options: ParetoInteractionsOptions): ParetoInteractionsSpec {
  checkOptions(PARETO_INTERACTIONS, options);
  return {
    query_kind: 'pareto_interactions',
    start_date: options.startDate,
    end_date: options.endDate,
    proportion: options.proportion,
    ...commonJson(options),
  };
}

const NOCTURNAL_EVENTS: BuilderChecks = {
  builder: 'nocturnalEventsSpec',
  queryKind: 'nocturnal_events',
  fields: [
    F.startDate,
    F.endDate,
    /* @__PURE__ */ field('hours', 'night_hours', { kind: 'hours', min: HOUR_MIN, max: HOUR_MAX }, {
      required: true,
    }),
    F.eventTypes,
    F.subscriberSubset,
  ],
};

/**
 * Spec of the share of each subscriber's events in the night `hours` (sent as `night_hours`).
 * @example `nocturnalEventsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', hours: [20, 4] })`
 */
export function nocturnalEventsSpec(options: NocturnalEventsOptions): NocturnalEventsSpec {
  checkOptions(NOCTURNAL_EVENTS, options);
  return {
    query_kind: 'nocturnal_events',
    start_date: options.startDate,
    end_date: options.endDate,
    night_hours: { start_hour: options.hours[0], end_hour: options.hours[1] },
    ...eventFilterJson(options),
  };
}

/** Registry entries of this module's builders. @internal */
export const METRIC_BUILDERS = {
  radiusOfGyrationSpec: /* @__PURE__ */ entry(RADIUS_OF_GYRATION, radiusOfGyrationSpec),
  totalActivePeriodsSpec: /* @__PURE__ */ entry(TOTAL_ACTIVE_PERIODS, totalActivePeriodsSpec),
  uniqueLocationCountsSpec: /* @__PURE__ */ entry(UNIQUE_LOCATION_COUNTS, uniqueLocationCountsSpec),
  subscriberDegreeSpec: /* @__PURE__ */ entry(SUBSCRIBER_DEGREE, subscriberDegreeSpec),
  eventCountSpec: /* @__PURE__ */ entry(EVENT_COUNT, eventCountSpec),
  paretoInteractionsSpec: /* @__PURE__ */ entry(PARETO_INTERACTIONS, paretoInteractionsSpec),
  nocturnalEventsSpec: /* @__PURE__ */ entry(NOCTURNAL_EVENTS, nocturnalEventsSpec),
} as const;
