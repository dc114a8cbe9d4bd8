/**
 * Counts per location over a period: events, unique subscribers, introversion (flowclient's
 * `aggregates.location_event_counts_spec`, `unique_subscriber_counts_spec`, `location_introversion_spec`).
 * @module
 */
import { checkOptions, commonJson, eventFilterJson, geoJson, hoursJson } from './checks.js';
import * as F from './common-fields.js';
import { entry, field, type BuilderChecks, type CommonOptions, type DateRangeOptions, type GeoOptions } from './fields.js';
import type { CommonJson, GeoJson, PeriodJson } from './types.js';
import { COUNT_INTERVALS, DEFAULTS, type AggregationUnit, type CountInterval, type Direction } from './values.js';

/** Options shared by the per-location counts. */
export interface LocationCountsOptions extends DateRangeOptions, CommonOptions, GeoOptions {
  /** Spatial unit counted at. @example `'admin3'` */
  readonly aggregationUnit: AggregationUnit;
}

/** Options of {@link locationEventCountsSpec}. */
export interface LocationEventCountsOptions extends LocationCountsOptions {
  /** Time bucket of the counts (sent as `interval`); `min` and `minute` are both accepted. */
  readonly countInterval: CountInterval;
  /** Count incoming events, outgoing events, or both. @defaultValue 'both' */
  readonly direction?: Direction | undefined;
}

/** Options of {@link locationIntroversionSpec}. */
export interface LocationIntroversionOptions extends LocationCountsOptions {
  /** Count incoming events, outgoing events, or both. @defaultValue 'both' */
  readonly direction?: Direction | undefined;
}

/** Keys of a per-location count spec. */
interface LocationCountsJson extends PeriodJson, CommonJson, GeoJson {
  /** Spatial unit counted at. */
  readonly aggregation_unit: AggregationUnit;
}

/** A `location_event_counts` spec: events per location and time bucket. */
export interface LocationEventCountsSpec extends LocationCountsJson {
  /** The kind. */
  readonly query_kind: 'location_event_counts';
  /** Time bucket (`countInterval`). */
  readonly interval: CountInterval;
  /** Direction of the events. */
  readonly direction: Direction;
}

/** A `unique_subscriber_counts` spec: distinct subscribers per location. */
export interface UniqueSubscriberCountsSpec extends LocationCountsJson {
  /** The kind. */
  readonly query_kind: 'unique_subscriber_counts';
}

/** A `location_introversion` spec: per location, the share of interactions with counterparts in the same location. */
export interface LocationIntroversionSpec extends LocationCountsJson {
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
export function locationEventCountsSpec(options: LocationEventCountsOptions): LocationEventCountsSpec {
  checkOptions(LOCATION_EVENT_COUNTS, options);
  return {
    query_kind: 'location_event_counts',
    start_date: options.startDate,
    end_date: options.endDate,
    interval: options.countInterval,
    aggregation_unit: options.aggregationUnit,
    direction: options.direction ?? DEFAULTS.direction,
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
export function uniqueSubscriberCountsSpec(options: LocationCountsOptions): UniqueSubscriberCountsSpec {
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
export function locationIntroversionSpec(options: LocationIntroversionOptions): LocationIntroversionSpec {
  checkOptions(LOCATION_INTROVERSION, options);
  return {
    query_kind: 'location_introversion',
    start_date: options.startDate,
    end_date: options.endDate,
    aggregation_unit: options.aggregationUnit,
    direction: options.direction ?? DEFAULTS.direction,
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
