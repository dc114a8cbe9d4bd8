/**
 * Subscriber location builders: unique, most-frequent, daily and modal locations
 * (flowclient's `unique_locations_spec`, `most_frequent_location_spec`, `daily_location_spec`,
 * `modal_location_spec`, `modal_location_from_dates_spec`).
 * @module
 */
import { checkOptions, eventFilterJson, fail, geoJson, hoursJson } from './checks.js';
import * as F from './common-fields.js';
import { entry, field, type BuilderChecks, type CommonOptions, type DateRangeOptions, type GeoOptions } from './fields.js';
import { MODAL_INPUT_KINDS } from './kinds.js';
import type { CommonJson, GeoJson, PeriodJson, SamplingKey } from './types.js';
import type { AggregationUnit, LocationMethod } from './values.js';
import { checkSameAggregationUnit } from './aggregation-units.js';

/** Options of {@link uniqueLocationsSpec} and {@link mostFrequentLocationSpec}. */
export interface LocationsOverPeriodOptions<U extends AggregationUnit = AggregationUnit> extends DateRangeOptions, CommonOptions, GeoOptions {
  /** Spatial unit of the locations. @example `'admin3'` */
  readonly aggregationUnit: U;
}

/** A `unique_locations` spec: the set of locations each subscriber visited in a period. */
export interface UniqueLocationsSpec<U extends AggregationUnit = AggregationUnit> extends PeriodJson, CommonJson, GeoJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'unique_locations';
  /** Spatial unit of the locations. */
  readonly aggregation_unit: U;
}

/** A `most_frequent_location` spec: each subscriber's most visited location in a period. */
export interface MostFrequentLocationSpec<U extends AggregationUnit = AggregationUnit> extends PeriodJson, CommonJson, GeoJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'most_frequent_location';
  /** Spatial unit of the locations. */
  readonly aggregation_unit: U;
}

/** Options of {@link dailyLocationSpec}. */
export interface DailyLocationOptions<U extends AggregationUnit = AggregationUnit> extends CommonOptions, GeoOptions {
  /** The day (ISO date). @example `'2016-01-01'` */
  readonly date: string;
  /** Spatial unit of the locations. */
  readonly aggregationUnit: U;
  /** Location chosen: the day's last, or its most common. */
  readonly method: LocationMethod;
}

/** A `daily_location` spec: each subscriber's location on one day. */
export interface DailyLocationSpec<U extends AggregationUnit = AggregationUnit> extends CommonJson, GeoJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'daily_location';
  /** The day (ISO date). */
  readonly date: string;
  /** Spatial unit of the locations. */
  readonly aggregation_unit: U;
  /** Location chosen: the day's last, or its most common. */
  readonly method: LocationMethod;
}

/** Options of {@link modalLocationSpec}. */
export interface ModalLocationOptions<U extends AggregationUnit = AggregationUnit> {
  /** Daily locations to take the mode of (at least one, all at the same aggregation unit). */
  readonly locations: readonly DailyLocationSpec<U>[];
}

/** A `modal_location` spec: each subscriber's most common location over a list of daily locations. */
export interface ModalLocationSpec<U extends AggregationUnit = AggregationUnit> extends SamplingKey {
  /** The kind. */
  readonly query_kind: 'modal_location';
  /** The daily locations. */
  readonly locations: readonly DailyLocationSpec<U>[];
}

/** Options of {@link modalLocationFromDatesSpec}: those of {@link dailyLocationSpec} over a period instead of a date. */
export interface ModalLocationFromDatesOptions<U extends AggregationUnit = AggregationUnit> extends DateRangeOptions, Omit<DailyLocationOptions<U>, 'date'> {}

const UNIQUE_LOCATIONS: BuilderChecks = {
  builder: 'uniqueLocationsSpec',
  queryKind: 'unique_locations',
  fields: [F.startDate, F.endDate, F.aggregationUnit, F.eventTypes, F.subscriberSubset, F.mappingTable, F.geomTable, F.geomTableJoinColumn, F.hours],
};

/**
 * Spec of the unique set of locations each subscriber visited in a period (a subscriber-level query).
 * @example `uniqueLocationsSpec({ startDate: '2016-01-01', endDate: '2016-01-08', aggregationUnit: 'admin3' })`
 */
export function uniqueLocationsSpec<U extends AggregationUnit>(options: LocationsOverPeriodOptions<U>): UniqueLocationsSpec<U> {
  checkOptions(UNIQUE_LOCATIONS, options);
  return {
    query_kind: 'unique_locations',
    start_date: options.startDate,
    end_date: options.endDate,
    aggregation_unit: options.aggregationUnit,
    ...eventFilterJson(options),
    ...geoJson(options),
    hours: hoursJson(options.hours),
  };
}

const MOST_FREQUENT_LOCATION: BuilderChecks = {
  builder: 'mostFrequentLocationSpec',
  queryKind: 'most_frequent_location',
  fields: [F.startDate, F.endDate, F.hours, F.aggregationUnit, F.eventTypes, F.subscriberSubset, F.mappingTable, F.geomTable, F.geomTableJoinColumn],
};

/** Spec of the location each subscriber visited most often in a period, optionally within some hours of the day. */
export function mostFrequentLocationSpec<U extends AggregationUnit>(options: LocationsOverPeriodOptions<U>): MostFrequentLocationSpec<U> {
  checkOptions(MOST_FREQUENT_LOCATION, options);
  return {
    query_kind: 'most_frequent_location',
    start_date: options.startDate,
    end_date: options.endDate,
    hours: hoursJson(options.hours),
    aggregation_unit: options.aggregationUnit,
    ...eventFilterJson(options),
    ...geoJson(options),
  };
}

const DAILY_LOCATION: BuilderChecks = {
  builder: 'dailyLocationSpec',
  queryKind: 'daily_location',
  fields: [
    /* @__PURE__ */ field('date', 'date', { kind: 'date', withTime: true }, { required: true }),
    F.aggregationUnit,
    F.locationMethod,
    F.eventTypes,
    F.subscriberSubset,
    F.mappingTable, F.geomTable, F.geomTableJoinColumn,
    F.hours,
  ],
};

/**
 * Spec of each subscriber's location on one day; aggregate it with `spatialAggregateSpec`.
 * @example `dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' })`
 */
export function dailyLocationSpec<U extends AggregationUnit>(options: DailyLocationOptions<U>): DailyLocationSpec<U> {
  checkOptions(DAILY_LOCATION, options);
  return {
    query_kind: 'daily_location',
    date: options.date,
    aggregation_unit: options.aggregationUnit,
    method: options.method,
    ...eventFilterJson(options),
    ...geoJson(options),
    hours: hoursJson(options.hours),
  };
}

const MODAL_LOCATION: BuilderChecks = {
  builder: 'modalLocationSpec',
  queryKind: 'modal_location',
  fields: [
    /* @__PURE__ */ field('locations', 'locations', { kind: 'queryList', queryKinds: MODAL_INPUT_KINDS }, {
      required: true,
    }),
  ],
};

/** Spec of each subscriber's most common location over some daily locations; aggregate it with `spatialAggregateSpec`. */
export function modalLocationSpec<U extends AggregationUnit>(options: ModalLocationOptions<U>): ModalLocationSpec<U> {
  checkOptions(MODAL_LOCATION, options);
  checkSameAggregationUnit(MODAL_LOCATION.builder, options, ['locations']);
  return { query_kind: 'modal_location', locations: options.locations };
}

const plainDate = (name: string, key: string) =>
  field(name, key, { kind: 'date', withTime: false }, { required: true });

const MODAL_LOCATION_FROM_DATES: BuilderChecks = {
  builder: 'modalLocationFromDatesSpec',
  queryKind: 'modal_location',
  fields: [
    /* @__PURE__ */ plainDate('startDate', 'start_date'),
    /* @__PURE__ */ plainDate('endDate', 'end_date'),
    F.aggregationUnit,
    F.locationMethod,
    F.eventTypes,
    F.subscriberSubset,
    F.mappingTable, F.geomTable, F.geomTableJoinColumn,
    F.hours,
  ],
};

const DAY_MS = 86_400_000;

/**
 * Spec of a modal location over one daily location per day from `startDate` (inclusive) to
 * `endDate` (exclusive), each carrying the other options. FlowAPI needs at least one day, so
 * `endDate` must be after `startDate`.
 * @example `modalLocationFromDatesSpec({ startDate: '2016-01-01', endDate: '2016-01-03', aggregationUnit: 'admin3', method: 'last' })`
 */
export function modalLocationFromDatesSpec<U extends AggregationUnit>(options: ModalLocationFromDatesOptions<U>): ModalLocationSpec<U> {
  const builder = MODAL_LOCATION_FROM_DATES.builder;
  checkOptions(MODAL_LOCATION_FROM_DATES, options);
  const { startDate, endDate, ...daily } = options;
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate}T00:00:00Z`);
  if (end <= start) fail(builder, 'endDate', endDate, `a date after startDate (${startDate}): the end is exclusive`);
  const locations: DailyLocationSpec<U>[] = [];
  for (let day = start; day < end; day += DAY_MS) {
    locations.push(dailyLocationSpec({ ...daily, date: new Date(day).toISOString().slice(0, 10) }));
  }
  return { query_kind: 'modal_location', locations };
}

/** Registry entries of this module's builders. @internal */
export const LOCATION_BUILDERS = {
  uniqueLocationsSpec: /* @__PURE__ */ entry(UNIQUE_LOCATIONS, uniqueLocationsSpec),
  mostFrequentLocationSpec: /* @__PURE__ */ entry(MOST_FREQUENT_LOCATION, mostFrequentLocationSpec),
  dailyLocationSpec: /* @__PURE__ */ entry(DAILY_LOCATION, dailyLocationSpec),
  modalLocationSpec: /* @__PURE__ */ entry(MODAL_LOCATION, modalLocationSpec),
  modalLocationFromDatesSpec: /* @__PURE__ */ entry(MODAL_LOCATION_FROM_DATES, modalLocationFromDatesSpec),
} as const;
