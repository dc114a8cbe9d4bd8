/**
 * The 21 aggregate wrappers of flowclient's `aggregates.py`: each takes its builder's options
 * plus `connection`, builds (and checks) the spec, and returns an unrun `APIQuery` from
 * `connection.makeApiQuery`. Nothing is sent until the query is run.
 * @module
 */
import type { Connection } from '../connection.js';
import type { APIQuery } from '../query/api-query.js';
import { histogramAggregateSpec, joinedSpatialAggregateSpec, labelledSpatialAggregateSpec, spatialAggregateSpec } from './aggregates.js';
import { fail } from './checks.js';
import { consecutiveTripsOdMatrixSpec, flowsSpec, inflowsSpec, labelledFlowsSpec, outflowsSpec, tripsOdMatrixSpec } from './flows.js';
import { locationEventCountsSpec, locationIntroversionSpec, uniqueSubscriberCountsSpec } from './location-counts.js';
import {
  meaningfulLocationsAggregateSpec,
  meaningfulLocationsBetweenDatesOdMatrixSpec,
  meaningfulLocationsBetweenLabelOdMatrixSpec,
} from './meaningful-locations.js';
import { aggregateNetworkObjectsSpec, totalNetworkObjectsSpec } from './network-objects.js';
import {
  activeAtReferenceLocationCountsSpec,
  unmovingAtReferenceLocationCountsSpec,
  unmovingCountsSpec,
} from './reference-location-counts.js';
import type { QuerySpec } from './types.js';

/** A builder's options plus the connection the query will run on. */
export type WithConnection<O> = O & {
  /** The FlowAPI connection the query is bound to. */
  readonly connection: Connection;
};

/** A wrapper: builder options plus `connection` in, unrun `APIQuery` of the built spec out. */
export type AggregateWrapper<O, S extends QuerySpec> = (options: WithConnection<O>) => APIQuery<S>;

const hasMakeApiQuery = (value: unknown): value is Connection =>
  typeof value === 'object' && value !== null && typeof (value as { makeApiQuery?: unknown }).makeApiQuery === 'function';

function wrap<O extends object, S extends QuerySpec>(name: string, build: (options: O) => S): AggregateWrapper<O, S> {
  return (options) => {
    const { connection, ...rest } = options;
    if (!hasMakeApiQuery(connection)) fail(name, 'connection', connection, 'a Connection');
    return connection.makeApiQuery(build(rest as unknown as O));
  };
}

/** Unrun `location_event_counts` query: {@link locationEventCountsSpec} options plus `connection`. */
export const locationEventCounts = /* @__PURE__ */ wrap('locationEventCounts', locationEventCountsSpec);
/** Unrun `meaningful_locations_aggregate` query: {@link meaningfulLocationsAggregateSpec} options plus `connection`. */
export const meaningfulLocationsAggregate = /* @__PURE__ */ wrap('meaningfulLocationsAggregate', meaningfulLocationsAggregateSpec);
/** Unrun `meaningful_locations_between_label_od_matrix` query: {@link meaningfulLocationsBetweenLabelOdMatrixSpec} options plus `connection`. */
export const meaningfulLocationsBetweenLabelOdMatrix = /* @__PURE__ */ wrap(
  'meaningfulLocationsBetweenLabelOdMatrix',
  meaningfulLocationsBetweenLabelOdMatrixSpec,
);
/** Unrun `meaningful_locations_between_dates_od_matrix` query: {@link meaningfulLocationsBetweenDatesOdMatrixSpec} options plus `connection`. */
export const meaningfulLocationsBetweenDatesOdMatrix = /* @__PURE__ */ wrap(
  'meaningfulLocationsBetweenDatesOdMatrix',
  meaningfulLocationsBetweenDatesOdMatrixSpec,
);
/** Unrun `flows` query: {@link flowsSpec} options plus `connection`. */
export const flows = /* @__PURE__ */ wrap('flows', flowsSpec);
/** Unrun `inflows` query: {@link inflowsSpec} options plus `connection`. */
export const inflows = /* @__PURE__ */ wrap('inflows', inflowsSpec);
/** Unrun `outflows` query: {@link outflowsSpec} options plus `connection`. */
export const outflows = /* @__PURE__ */ wrap('outflows', outflowsSpec);
/** Unrun `labelled_flows` query: {@link labelledFlowsSpec} options plus `connection`. */
export const labelledFlows = /* @__PURE__ */ wrap('labelledFlows', labelledFlowsSpec);
/** Unrun `unique_subscriber_counts` query: {@link uniqueSubscriberCountsSpec} options plus `connection`. */
export const uniqueSubscriberCounts = /* @__PURE__ */ wrap('uniqueSubscriberCounts', uniqueSubscriberCountsSpec);
/** Unrun `location_introversion` query: {@link locationIntroversionSpec} options plus `connection`. */
export const locationIntroversion = /* @__PURE__ */ wrap('locationIntroversion', locationIntroversionSpec);
/** Unrun `total_network_objects` query: {@link totalNetworkObjectsSpec} options plus `connection`. */
export const totalNetworkObjects = /* @__PURE__ */ wrap('totalNetworkObjects', totalNetworkObjectsSpec);
/** Unrun `aggregate_network_objects` query: {@link aggregateNetworkObjectsSpec} options plus `connection`. */
export const aggregateNetworkObjects = /* @__PURE__ */ wrap('aggregateNetworkObjects', aggregateNetworkObjectsSpec);
/**
 * Unrun `spatial_aggregate` query: {@link spatialAggregateSpec} options plus `connection`.
 * @example `spatialAggregate({ connection, locations: dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' }) })`
 */
export const spatialAggregate = /* @__PURE__ */ wrap('spatialAggregate', spatialAggregateSpec);
/** Unrun `labelled_spatial_aggregate` query: {@link labelledSpatialAggregateSpec} options plus `connection`. */
export const labelledSpatialAggregate = /* @__PURE__ */ wrap('labelledSpatialAggregate', labelledSpatialAggregateSpec);
/** Unrun `consecutive_trips_od_matrix` query: {@link consecutiveTripsOdMatrixSpec} options plus `connection`. */
export const consecutiveTripsOdMatrix = /* @__PURE__ */ wrap('consecutiveTripsOdMatrix', consecutiveTripsOdMatrixSpec);
/** Unrun `trips_od_matrix` query: {@link tripsOdMatrixSpec} options plus `connection`. */
export const tripsOdMatrix = /* @__PURE__ */ wrap('tripsOdMatrix', tripsOdMatrixSpec);
/** Unrun `unmoving_counts` query: {@link unmovingCountsSpec} options plus `connection`. */
export const unmovingCounts = /* @__PURE__ */ wrap('unmovingCounts', unmovingCountsSpec);
/** Unrun `unmoving_at_reference_location_counts` query: {@link unmovingAtReferenceLocationCountsSpec} options plus `connection`. */
export const unmovingAtReferenceLocationCounts = /* @__PURE__ */ wrap('unmovingAtReferenceLocationCounts', unmovingAtReferenceLocationCountsSpec);
/** Unrun `active_at_reference_location_counts` query: {@link activeAtReferenceLocationCountsSpec} options plus `connection`. */
export const activeAtReferenceLocationCounts = /* @__PURE__ */ wrap('activeAtReferenceLocationCounts', activeAtReferenceLocationCountsSpec);
/** Unrun `joined_spatial_aggregate` query: {@link joinedSpatialAggregateSpec} options plus `connection`. */
export const joinedSpatialAggregate = /* @__PURE__ */ wrap('joinedSpatialAggregate', joinedSpatialAggregateSpec);
/** Unrun `histogram_aggregate` query: {@link histogramAggregateSpec} options plus `connection`. */
export const histogramAggregate = /* @__PURE__ */ wrap('histogramAggregate', histogramAggregateSpec);

/** Names of the 21 wrappers, in flowclient's order. */
export const WRAPPER_NAMES = [
  'locationEventCounts',
  'meaningfulLocationsAggregate',
  'meaningfulLocationsBetweenLabelOdMatrix',
  'meaningfulLocationsBetweenDatesOdMatrix',
  'flows',
  'inflows',
  'outflows',
  'labelledFlows',
  'uniqueSubscriberCounts',
  'locationIntroversion',
  'totalNetworkObjects',
  'aggregateNetworkObjects',
  'spatialAggregate',
  'labelledSpatialAggregate',
  'consecutiveTripsOdMatrix',
  'tripsOdMatrix',
  'unmovingCounts',
  'unmovingAtReferenceLocationCounts',
  'activeAtReferenceLocationCounts',
  'joinedSpatialAggregate',
  'histogramAggregate',
] as const;
