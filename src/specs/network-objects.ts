/**
 * Network objects (cells, sites) per location: totals, and statistics of the totals
 * (flowclient's `aggregates.total_network_objects_spec`, `aggregate_network_objects_spec`).
 * @module
 */
import { checkOptions, commonJson, geoJson } from './checks.js';
import * as F from './common-fields.js';
import { entry, field, type BuilderChecks, type CommonOptions, type DateRangeOptions, type GeoOptions } from './fields.js';
import { TOTAL_NETWORK_OBJECTS_KINDS } from './kinds.js';
import type { CommonJson, GeoJson, PeriodJson } from './types.js';
import { AGGREGATE_BY_PERIODS, DEFAULT_AGGREGATE_BY, DEFAULT_TOTAL_BY, TOTAL_BY_PERIODS, type AggregateByPeriod, type AggregationUnit, type Statistic, type TotalByPeriod } from './values.js';

/** Options of {@link totalNetworkObjectsSpec}. */
export interface TotalNetworkObjectsOptions<U extends AggregationUnit = AggregationUnit> extends DateRangeOptions, CommonOptions, GeoOptions {
  /** Spatial unit counted at. */
  readonly aggregationUnit: U;
  /** Period the totals are bucketed by. @defaultValue 'day' */
  readonly totalBy?: TotalByPeriod | undefined;
}

/** A `total_network_objects` spec: active network objects per location and period. */
export interface TotalNetworkObjectsSpec<U extends AggregationUnit = AggregationUnit> extends PeriodJson, CommonJson, GeoJson {
  /** The kind. */
  readonly query_kind: 'total_network_objects';
  /** Spatial unit counted at. */
  readonly aggregation_unit: U;
  /** Period bucketed by. */
  readonly total_by: TotalByPeriod;
}

/** Options of {@link aggregateNetworkObjectsSpec}. */
export interface AggregateNetworkObjectsOptions<U extends AggregationUnit = AggregationUnit> {
  /** The totals to aggregate (a `total_network_objects` spec). */
  readonly totalNetworkObjects: TotalNetworkObjectsSpec<U>;
  /** Statistic of the totals. */
  readonly statistic: Statistic;
  /** Period the statistic is taken over. @defaultValue 'day' */
  readonly aggregateBy?: AggregateByPeriod | undefined;
}

/** An `aggregate_network_objects` spec: a statistic of network-object totals per location. */
export interface AggregateNetworkObjectsSpec<U extends AggregationUnit = AggregationUnit> {
  /** The kind. */
  readonly query_kind: 'aggregate_network_objects';
  /** The totals. */
  readonly total_network_objects: TotalNetworkObjectsSpec<U>;
  /** Statistic of the totals. */
  readonly statistic: Statistic;
  /** Period the statistic is taken over. */
  readonly aggregate_by: AggregateByPeriod;
}

const TOTAL_NETWORK_OBJECTS: BuilderChecks = {
  builder: 'totalNetworkObjectsSpec',
  queryKind: 'total_network_objects',
  fields: [
    F.startDate,
    F.endDate,
    F.aggregationUnit,
    /* @__PURE__ */ field('totalBy', 'total_by', { kind: 'enum', values: TOTAL_BY_PERIODS }, {
      nullable: false,
      default: DEFAULT_TOTAL_BY,
    }),
    F.mappingTable, F.geomTable, F.geomTableJoinColumn,
    F.eventTypes,
    F.subscriberSubset,
    F.hours,
  ],
};

/** Spec of the number of active network objects per location and period. */
export function totalNetworkObjectsSpec<U extends AggregationUnit>(options: TotalNetworkObjectsOptions<U>): TotalNetworkObjectsSpec<U> {
  checkOptions(TOTAL_NETWORK_OBJECTS, options);
  return {
    query_kind: 'total_network_objects',
    start_date: options.startDate,
    end_date: options.endDate,
    aggregation_unit: options.aggregationUnit,
    total_by: options.totalBy ?? DEFAULT_TOTAL_BY,
    ...geoJson(options),
    ...commonJson(options),
  };
}

const AGGREGATE_NETWORK_OBJECTS: BuilderChecks = {
  builder: 'aggregateNetworkObjectsSpec',
  queryKind: 'aggregate_network_objects',
  fields: [
    /* @__PURE__ */ field('totalNetworkObjects', 'total_network_objects', { kind: 'query', queryKinds: TOTAL_NETWORK_OBJECTS_KINDS }, {
      required: true,
    }),
    F.statistic,
    /* @__PURE__ */ field('aggregateBy', 'aggregate_by', { kind: 'enum', values: AGGREGATE_BY_PERIODS }, {
      nullable: false,
      default: DEFAULT_AGGREGATE_BY,
    }),
  ],
};

/** Spec of a statistic of network-object totals per location, over `aggregateBy` periods. */
export function aggregateNetworkObjectsSpec<U extends AggregationUnit>(options: AggregateNetworkObjectsOptions<U>): AggregateNetworkObjectsSpec<U> {
  checkOptions(AGGREGATE_NETWORK_OBJECTS, options);
  return {
    query_kind: 'aggregate_network_objects',
    total_network_objects: options.totalNetworkObjects,
    statistic: options.statistic,
    aggregate_by: options.aggregateBy ?? DEFAULT_AGGREGATE_BY,
  };
}

/** Registry entries of this module's builders. @internal */
export const NETWORK_OBJECT_BUILDERS = {
  totalNetworkObjectsSpec: /* @__PURE__ */ entry(TOTAL_NETWORK_OBJECTS, totalNetworkObjectsSpec),
  aggregateNetworkObjectsSpec: /* @__PURE__ */ entry(AGGREGATE_NETWORK_OBJECTS, aggregateNetworkObjectsSpec),
} as const;
