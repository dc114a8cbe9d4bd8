/**
 * Movement between locations: flows, inflows, outflows, labelled flows, and the trips OD
 * matrices (flowclient's `aggregates.flows_spec`, `inflows_spec`, `outflows_spec`,
 * `labelled_flows_spec`, `consecutive_trips_od_matrix_spec`, `trips_od_matrix_spec`).
 * @module
 */
import { checkOptions, eventFilterJson, geoJson, hoursJson } from './checks.js';
import * as F from './common-fields.js';
import { entry, field, type BuilderChecks, type CommonOptions, type DateRangeOptions, type GeoOptions } from './fields.js';
import { COALESCED_LOCATION_KINDS, FLOW_INPUT_KINDS, LABEL_KINDS } from './kinds.js';
import type { CoalescedLocationSpec, MobilityClassificationSpec } from './derived-locations.js';
import type { CommonJson, FlowInputSpec, GeoJson, PeriodJson } from './types.js';
import { DEFAULT_JOIN_TYPE, JOIN_TYPES, type AggregationUnit, type JoinType } from './values.js';
import { checkSameAggregationUnit } from './aggregation-units.js';

/** Options of {@link flowsSpec}, {@link inflowsSpec} and {@link outflowsSpec}. */
export interface FlowsOptions<U extends AggregationUnit = AggregationUnit, J extends JoinType = JoinType> {
  /** Each subscriber's location in the origin period (a reference location or unique locations). */
  readonly fromLocation: FlowInputSpec<U>;
  /** Each subscriber's location in the destination period, at the same aggregation unit. */
  readonly toLocation: FlowInputSpec<U>;
  /** How the two are joined. @defaultValue 'inner' */
  readonly joinType?: J | undefined;
}

/** Keys of a flows-family spec. */
interface FlowsJson<U extends AggregationUnit = AggregationUnit, J extends JoinType = JoinType> {
  /** Origin locations. */
  readonly from_location: FlowInputSpec<U>;
  /** Destination locations. */
  readonly to_location: FlowInputSpec<U>;
  /** How the two are joined. */
  readonly join_type: J;
}

/** A `flows` spec: subscribers moving between each pair of locations; `U` is their unit, `J` the join. */
export interface FlowsSpec<U extends AggregationUnit = AggregationUnit, J extends JoinType = JoinType> extends FlowsJson<U, J> {
  /** The kind. */
  readonly query_kind: 'flows';
}

/** An `inflows` spec: subscribers arriving at each destination. */
export interface InflowsSpec<U extends AggregationUnit = AggregationUnit, J extends JoinType = JoinType> extends FlowsJson<U, J> {
  /** The kind. */
  readonly query_kind: 'inflows';
}

/** An `outflows` spec: subscribers leaving each origin. */
export interface OutflowsSpec<U extends AggregationUnit = AggregationUnit, J extends JoinType = JoinType> extends FlowsJson<U, J> {
  /** The kind. */
  readonly query_kind: 'outflows';
}

/** Options of {@link labelledFlowsSpec}. */
export interface LabelledFlowsOptions<U extends AggregationUnit = AggregationUnit, J extends JoinType = JoinType> {
  /** Origin locations (a coalesced location). */
  readonly fromLocation: CoalescedLocationSpec<U>;
  /** Destination locations (a coalesced location). */
  readonly toLocation: CoalescedLocationSpec<U>;
  /** Labels to split the flows by (a mobility classification). */
  readonly labels: MobilityClassificationSpec;
  /** How the two are joined. @defaultValue 'inner' */
  readonly joinType?: J | undefined;
}

/** A `labelled_flows` spec: flows split by a categorical label. */
export interface LabelledFlowsSpec<U extends AggregationUnit = AggregationUnit, J extends JoinType = JoinType> {
  /** The kind. */
  readonly query_kind: 'labelled_flows';
  /** Origin locations. */
  readonly from_location: CoalescedLocationSpec<U>;
  /** Destination locations. */
  readonly to_location: CoalescedLocationSpec<U>;
  /** The labels. */
  readonly labels: MobilityClassificationSpec;
  /** How the two are joined. */
  readonly join_type: J;
}

/** Options of {@link consecutiveTripsOdMatrixSpec} and {@link tripsOdMatrixSpec}. */
export interface TripsOdMatrixOptions<U extends AggregationUnit = AggregationUnit> extends DateRangeOptions, CommonOptions, GeoOptions {
  /** Spatial unit of the trips' ends. */
  readonly aggregationUnit: U;
}

/** Keys of a trips OD matrix spec. */
interface TripsJson<U extends AggregationUnit = AggregationUnit> extends PeriodJson, CommonJson, GeoJson {
  /** Spatial unit of the trips' ends. */
  readonly aggregation_unit: U;
}

/** A `consecutive_trips_od_matrix` spec: subscribers making consecutive visits between each pair of locations. */
export interface ConsecutiveTripsOdMatrixSpec<U extends AggregationUnit = AggregationUnit> extends TripsJson<U> {
  /** The kind. */
  readonly query_kind: 'consecutive_trips_od_matrix';
}

/** A `trips_od_matrix` spec: subscribers visiting each pair of locations. */
export interface TripsOdMatrixSpec<U extends AggregationUnit = AggregationUnit> extends TripsJson<U> {
  /** The kind. */
  readonly query_kind: 'trips_od_matrix';
}

const flowEnd = (name: string, key: string, kinds: readonly string[]) =>
  field(name, key, { kind: 'query', queryKinds: kinds }, { required: true });

const JOIN_TYPE = /* @__PURE__ */ field('joinType', 'join_type', { kind: 'enum', values: JOIN_TYPES }, {
  nullable: false,
  default: DEFAULT_JOIN_TYPE,
});

const flowsDescriptor = (builder: string, queryKind: string): BuilderChecks => ({
  builder,
  queryKind,
  fields: [
    /* @__PURE__ */ flowEnd('fromLocation', 'from_location', FLOW_INPUT_KINDS),
    /* @__PURE__ */ flowEnd('toLocation', 'to_location', FLOW_INPUT_KINDS),
    JOIN_TYPE,
  ],
});

const flowsJson = <U extends AggregationUnit, J extends JoinType>(options: FlowsOptions<U, J>): FlowsJson<U, J> => ({
  from_location: options.fromLocation,
  to_location: options.toLocation,
  join_type: (options.joinType ?? DEFAULT_JOIN_TYPE) as J, // J is 'inner' when joinType is left out
});

/** The two ends of a flow, which FlowMachine wants at one aggregation unit. */
const FLOW_ENDS = ['fromLocation', 'toLocation'] as const;

const FLOWS = /* @__PURE__ */ flowsDescriptor('flowsSpec', 'flows');

/**
 * Spec of the flows of subscribers between two location queries.
 * @example `flowsSpec({ fromLocation: dailyLocationSpec({...}), toLocation: dailyLocationSpec({...}) })`
 */
export function flowsSpec<U extends AggregationUnit, J extends JoinType = 'inner'>(options: FlowsOptions<U, J>): FlowsSpec<U, J> {
  checkOptions(FLOWS, options);
  checkSameAggregationUnit(FLOWS.builder, options, FLOW_ENDS);
  return { query_kind: 'flows', ...flowsJson(options) };
}

const INFLOWS = /* @__PURE__ */ flowsDescriptor('inflowsSpec', 'inflows');

/** Spec counting, per destination, the subscribers who travelled to it. */
export function inflowsSpec<U extends AggregationUnit, J extends JoinType = 'inner'>(options: FlowsOptions<U, J>): InflowsSpec<U, J> {
  checkOptions(INFLOWS, options);
  checkSameAggregationUnit(INFLOWS.builder, options, FLOW_ENDS);
  return { query_kind: 'inflows', ...flowsJson(options) };
}

const OUTFLOWS = /* @__PURE__ */ flowsDescriptor('outflowsSpec', 'outflows');

/** Spec counting, per origin, the subscribers who travelled from it. */
export function outflowsSpec<U extends AggregationUnit, J extends JoinType = 'inner'>(options: FlowsOptions<U, J>): OutflowsSpec<U, J> {
  checkOptions(OUTFLOWS, options);
  checkSameAggregationUnit(OUTFLOWS.builder, options, FLOW_ENDS);
  return { query_kind: 'outflows', ...flowsJson(options) };
}

const LABELLED_FLOWS: BuilderChecks = {
  builder: 'labelledFlowsSpec',
  queryKind: 'labelled_flows',
  fields: [
    /* @__PURE__ */ flowEnd('fromLocation', 'from_location', COALESCED_LOCATION_KINDS),
    /* @__PURE__ */ flowEnd('toLocation', 'to_location', COALESCED_LOCATION_KINDS),
    /* @__PURE__ */ flowEnd('labels', 'labels', LABEL_KINDS),
    JOIN_TYPE,
  ],
};

/** Spec of flows between two coalesced locations, split by a mobility classification. */
export function labelledFlowsSpec<U extends AggregationUnit, J extends JoinType = 'inner'>(
  options: LabelledFlowsOptions<U, J>,
): LabelledFlowsSpec<U, J> {
  checkOptions(LABELLED_FLOWS, options);
  checkSameAggregationUnit(LABELLED_FLOWS.builder, options, FLOW_ENDS);
  return {
    query_kind: 'labelled_flows',
    from_location: options.fromLocation,
    to_location: options.toLocation,
    labels: options.labels,
    join_type: (options.joinType ?? DEFAULT_JOIN_TYPE) as J, // J is 'inner' when joinType is left out
  };
}

const tripsDescriptor = (builder: string, queryKind: string): BuilderChecks => ({
  builder,
  queryKind,
  fields: [F.startDate, F.endDate, F.aggregationUnit, F.eventTypes, F.subscriberSubset, F.mappingTable, F.geomTable, F.geomTableJoinColumn, F.hours],
});

const tripsJson = <U extends AggregationUnit>(options: TripsOdMatrixOptions<U>): TripsJson<U> => ({
  start_date: options.startDate,
  end_date: options.endDate,
  aggregation_unit: options.aggregationUnit,
  ...eventFilterJson(options),
  ...geoJson(options),
  hours: hoursJson(options.hours),
});

const CONSECUTIVE_TRIPS_OD_MATRIX = /* @__PURE__ */ tripsDescriptor('consecutiveTripsOdMatrixSpec', 'consecutive_trips_od_matrix');

/** Spec of an origin-destination matrix of consecutive visits. */
export function consecutiveTripsOdMatrixSpec<U extends AggregationUnit>(options: TripsOdMatrixOptions<U>): ConsecutiveTripsOdMatrixSpec<U> {
  checkOptions(CONSECUTIVE_TRIPS_OD_MATRIX, options);
  return { query_kind: 'consecutive_trips_od_matrix', ...tripsJson(options) };
}

const TRIPS_OD_MATRIX = /* @__PURE__ */ tripsDescriptor('tripsOdMatrixSpec', 'trips_od_matrix');

/** Spec of an origin-destination matrix of visits. */
export function tripsOdMatrixSpec<U extends AggregationUnit>(options: TripsOdMatrixOptions<U>): TripsOdMatrixSpec<U> {
  checkOptions(TRIPS_OD_MATRIX, options);
  return { query_kind: 'trips_od_matrix', ...tripsJson(options) };
}

/** Registry entries of this module's builders. @internal */
export const FLOW_BUILDERS = {
  flowsSpec: /* @__PURE__ */ entry(FLOWS, flowsSpec),
  inflowsSpec: /* @__PURE__ */ entry(INFLOWS, inflowsSpec),
  outflowsSpec: /* @__PURE__ */ entry(OUTFLOWS, outflowsSpec),
  labelledFlowsSpec: /* @__PURE__ */ entry(LABELLED_FLOWS, labelledFlowsSpec),
  consecutiveTripsOdMatrixSpec: /* @__PURE__ */ entry(CONSECUTIVE_TRIPS_OD_MATRIX, consecutiveTripsOdMatrixSpec),
  tripsOdMatrixSpec: /* @__PURE__ */ entry(TRIPS_OD_MATRIX, tripsOdMatrixSpec),
} as const;
