/**
 * Counts per location over a period: events, unique subscribers, introversion (flowclient's
 * `aggregates.location_event_counts_spec`, `unique_subscriber_counts_spec`, `location_introversion_spec`).
 * @module
 */
import { checkOptions, commonJson, eventFilterJson, geoJson, hoursJson } from './checks.js';
import * as F from './common-fields.js';
import { entry, field, type BuilderChecks, type CommonOptions, type DateRangeOptions, type GeoOptions } from './fields.js';
import type { CommonJson, GeoJson, PeriodJson } from './types.js';
import { COUNT_INTERVALS, DEFAULT_DIRECTION, type AggregationUnit, type CountInterval, type Direction } from './values.js';

/** Options shared by the per-location counts. */
export interface LocationCountsOptions<U extends AggregationUnit = AggregationUnit> extends DateRangeOptions, CommonOptions, GeoOptions {
  /** Spatial unit counted at. @example `'admin3'` */
  readonly aggregationUnit: U;
}

/** Options of {@link locationEventCountsSpec}. */
export interface LocationEventCountsOptions<U extends AggregationUnit = AggregationUnit, I extends CountInterval = CountInterval>
  extends LocationCountsOptions<U> {
  /** Time bucket of the counts (sent as `interval`); `min` and `minute` are both accepted. */
  readonly countInterval: I;
  /** Count incoming events, outgoing events, or both. @defaultValue 'both' */
  readonly direction?: Direction | undefined;
}

/** Options of {@link locationIntroversionSpec}. */
export interface LocationIntroversionOptions<U extends AggregationUnit = AggregationUnit> extends LocationCountsOptions<U> {
  /** Count incoming events, outgoing events, or both. @defaultValue 'both' */
  readonly direction?: Direction | undefined;
}

/** Keys of a per-location count spec. */
interface LocationCountsJson<U extends AggregationUnit = AggregationUnit> extends PeriodJson, CommonJson, GeoJson {
  /** Spatial unit counted at. */
  readonly aggregation_unit: U;
}

/** A `location_event_counts` spec: events per location and time bucket. */
export interface LocationEventCountsSpec<U extends AggregationUnit = AggregationUnit, I extends CountInterval = CountInterval>
  extends LocationCountsJson<U> {
  /** The kind. */
  readonly query_kind: 'location_event_counts';
  /** Time bucket (`countInterval`). */
  readonly interval: I;
  /** Direction of the events. */
  readonly direction: Direction;
}

/** A `unique_subscriber_counts` spec: distinct subscribers per location. */
export interface UniqueSubscriberCountsSpec<U extends AggregationUnit = AggregationUnit> extends LocationCountsJson<U> {
  /** The kind. */
  readonly query_kind: 'unique_subscriber_counts';
}

/** A `location_introversion` spec: per location, the share of interactions with counterparts in the same location. */
export interface LocationIntroversionSpec<U extends AggregationUnit = AggregationUnit> extends LocationCountsJson<U> {
  /** The kind. */
  readonly query_kind: 'location_introversion';
  /** Direction of the events. */
  readonly direction: Direction;
}

const LOCATION_EVENT_COUNTS: BuilderChecks = {
  builder: 'locationEventCountsSpec',
  queryKind: 'location_event_counts',
  fields: [
    F.startDate,
    F.endDate,
    /* @__PURE__ */ field('countInterval', 'interval', { kind: 'enum', values: COUNT_INTERVALS }, {
      required: true,
    }),
    F.aggregationUnit,
    F.direction,
    F.eventTypes,
    F.subscriberSubset,
    F.mappingTable, F.geomTable, F.geomTableJoinColumn,
    F.hours,
  ],
};

/**
 * Spec of event counts per location and time bucket; `countInterval` is sent as `interval`.
 * @example `locationEventCountsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin3', countInterval: 'day' })`
 */
export function locationEventCountsSpec<U extends AggregationUnit, I extends CountInterval>(
  options: LocationEventCountsOptions<U, I>,
): LocationEventCountsSpec<U, I> {
  checkOptions(LOCATION_EVENT_COUNTS, options);
  return {
    query_kind: 'location_event_counts',
    start_date: options.startDate,
    end_date: options.endDate,
    interval: options.countInterval,
    aggregation_unit: options.aggregationUnit,
    direction: options.direction ?? DEFAULT_DIRECTION,
    ...eventFilterJson(options),
    ...geoJson(options),
    hours: hoursJson(options.hours),
  };
}

const UNIQUE_SUBSCRIBER_COUNTS: BuilderChecks = {
  builder: 'uniqueSubscriberCountsSpec',
  queryKind: 'unique_subscriber_counts',
  fields: [F.startDate, F.endDate, F.aggregationUnit, F.mappingTable, F.geomTable, F.geomTableJoinColumn, F.eventTypes, F.subscriberSubset, F.hours],
};

/** Spec of how many distinct subscribers were seen in each location. */
export function uniqueSubscriberCountsSpec<U extends AggregationUnit>(options: LocationCountsOptions<U>): UniqueSubscriberCountsSpec<U> {
  checkOptions(UNIQUE_SUBSCRIBER_COUNTS, options);
  return {
    query_kind: 'unique_subscriber_counts',
    start_date: options.startDate,
    end_date: options.endDate,
    aggregation_unit: options.aggregationUnit,
    ...geoJson(options),
    ...commonJson(options),
  };
}

const LOCATION_INTROVERSION: BuilderChecks = {
  builder: 'locationIntroversionSpec',
  queryKind: 'location_introversion',
  fields: [F.startDate, F.endDate, F.aggregationUnit, F.direction, F.mappingTable, F.geomTable, F.geomTableJoinColumn, F.eventTypes, F.subscriberSubset, F.hours],
};

/** Spec of each location's introversion: the share of its interactions that stay within it. */
export function locationIntroversionSpec<U extends AggregationUnit>(options: LocationIntroversionOptions<U>): LocationIntroversionSpec<U> {
  checkOptions(LOCATION_INTROVERSION, options);
  return {
    query_kind: 'location_introversion',
    start_date: options.startDate,
    end_date: options.endDate,
    aggregation_unit: options.aggregationUnit,
    direction: options.direction ?? DEFAULT_DIRECTION,
    ...geoJson(options),
    ...commonJson(options),
  };
}

/** Registry entries of this module's builders. @internal */
export const LOCATION_COUNT_BUILDERS = {
  locationEventCountsSpec: /* @__PURE__ */ entry(LOCATION_EVENT_COUNTS, locationEventCountsSpec),
  uniqueSubscriberCountsSpec: /* @__PURE__ */ entry(UNIQUE_SUBSCRIBER_COUNTS, uniqueSubscriberCountsSpec),
  locationIntroversionSpec: /* @__PURE__ */ entry(LOCATION_INTROVERSION, locationIntroversionSpec),
} as const;
