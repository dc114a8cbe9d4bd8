/**
 * Aggregates over subscriber-level queries: spatial, labelled spatial, joined spatial and
 * histogram aggregates (flowclient's `aggregates.*_spec` of the same names).
 * @module
 */
import { checkOptions, fail } from './checks.js';
import { entry, field, type BuilderChecks } from './fields.js';
import { CATEGORICAL_METRIC_KINDS, COALESCED_LOCATION_KINDS, CONTINUOUS_METRIC_KINDS, JOINABLE_METRIC_KINDS, LABEL_KINDS, REFERENCE_LOCATION_KINDS } from './kinds.js';
import type { CoalescedLocationSpec, MobilityClassificationSpec } from './derived-locations.js';
import type { CategoricalMetricSpec, ContinuousMetricSpec, JoinableMetricSpec, ReferenceLocationSpec } from './types.js';
import { DEFAULT_JOINED_SPATIAL_AGGREGATE_METHOD, JOINED_SPATIAL_AGGREGATE_METHODS, STATISTICS, type JoinedSpatialAggregateMethod, type Statistic } from './values.js';

/** Options of {@link spatialAggregateSpec}. */
export interface SpatialAggregateOptions<L extends ReferenceLocationSpec = ReferenceLocationSpec> {
  /** Locations to count subscribers in: a daily, modal, most-frequent, majority or coalesced location. */
  readonly locations: L;
}

/** A `spatial_aggregate` spec: subscribers counted per location; `L` is the type of its locations. */
export interface SpatialAggregateSpec<L extends ReferenceLocationSpec = ReferenceLocationSpec> {
  /** The kind. */
  readonly query_kind: 'spatial_aggregate';
  /** The reference locations counted. */
  readonly locations: L;
}

/** Options of {@link labelledSpatialAggregateSpec}. */
export interface LabelledSpatialAggregateOptions<L extends CoalescedLocationSpec = CoalescedLocationSpec> {
  /** Locations to count subscribers in: a coalesced location. */
  readonly locations: L;
  /** Labels to split the counts by: a mobility classification. */
  readonly labels: MobilityClassificationSpec;
}

/** A `labelled_spatial_aggregate` spec: subscribers counted per location and label; `L` is the type of its locations. */
export interface LabelledSpatialAggregateSpec<L extends CoalescedLocationSpec = CoalescedLocationSpec> {
  /** The kind. */
  readonly query_kind: 'labelled_spatial_aggregate';
  /** The locations counted. */
  readonly locations: L;
  /** The labels. */
  readonly labels: MobilityClassificationSpec;
}

/**
 * Options of {@link joinedSpatialAggregateSpec}: a numeric metric takes a statistic (default
 * `avg`), the categorical handset metric takes `distr` and nothing else.
 */
export type JoinedSpatialAggregateOptions =
  | {
      /** Locations the metric is aggregated over. */
      readonly locations: ReferenceLocationSpec;
      /** A numeric subscriber metric. */
      readonly metric: ContinuousMetricSpec;
      /** Statistic of the metric per location. @defaultValue 'avg' */
      readonly method?: Statistic | undefined;
    }
  | {
      /** Locations the metric is aggregated over. */
      readonly locations: ReferenceLocationSpec;
      /** A categorical subscriber metric (handset). */
      readonly metric: CategoricalMetricSpec;
      /** Distribution of the metric's values per location: must be `distr`. */
      readonly method: 'distr';
    };

/**
 * A `joined_spatial_aggregate` spec: a subscriber metric aggregated per location; `L` and `M` are
 * the types of its locations and metric (a categorical metric is aggregated by `distr`).
 */
export interface JoinedSpatialAggregateSpec<L extends ReferenceLocationSpec = ReferenceLocationSpec, M extends JoinableMetricSpec = JoinableMetricSpec> {
  /** The kind. */
  readonly query_kind: 'joined_spatial_aggregate';
  /** Aggregation method. */
  readonly method: JoinedSpatialAggregateMethod;
  /** The locations. */
  readonly locations: L;
  /** The metric. */
  readonly metric: M;
}

/** Options of {@link histogramAggregateSpec}. */
export interface HistogramAggregateOptions {
  /** A numeric subscriber metric. */
  readonly metric: ContinuousMetricSpec;
  /** Number of equal bins (integer), or the list of bin edges (any array is a list of edges). */
  readonly bins: number | readonly number[];
  /**
   * Bounds `[lower, upper]` of the histogram (as flowclient takes them); `null` covers the data's
   * range. Sent as `{lower_bound, upper_bound}`, the object FlowMachine's schema validates.
   * @defaultValue null (the key is then left out)
   */
  readonly range?: readonly [lower: number, upper: number] | null | undefined;
}

/** A `histogram_aggregate` spec: a histogram of a subscriber metric. */
export interface HistogramAggregateSpec {
  /** The kind. */
  readonly query_kind: 'histogram_aggregate';
  /** The metric. */
  readonly metric: ContinuousMetricSpec;
  /** `{n_bins}` for a number of bins, `{bin_list}` for bin edges. */
  readonly bins: { readonly n_bins: number } | { readonly bin_list: readonly number[] };
  /** The histogram's bounds; the only key of any spec left out when unset. */
  readonly range?: { readonly lower_bound: number; readonly upper_bound: number };
}

const referenceLocations = () =>
  field('locations', 'locations', { kind: 'query', queryKinds: REFERENCE_LOCATION_KINDS }, { required: true });

const SPATIAL_AGGREGATE: BuilderChecks = {
  builder: 'spatialAggregateSpec',
  queryKind: 'spatial_aggregate',
  fields: [/* @__PURE__ */ referenceLocations()],
};

/**
 * Spec counting subscribers per location.
 * @example `spatialAggregateSpec({ locations: dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' }) })`
 */
export function spatialAggregateSpec<L extends ReferenceLocationSpec>(options: SpatialAggregateOptions<L>): SpatialAggregateSpec<L> {
  checkOptions(SPATIAL_AGGREGATE, options);
  return { query_kind: 'spatial_aggregate', locations: options.locations };
}

const LABELLED_SPATIAL_AGGREGATE: BuilderChecks = {
  builder: 'labelledSpatialAggregateSpec',
  queryKind: 'labelled_spatial_aggregate',
  fields: [
    /* @__PURE__ */ field('locations', 'locations', { kind: 'query', queryKinds: COALESCED_LOCATION_KINDS }, {
      required: true,
    }),
    /* @__PURE__ */ field('labels', 'labels', { kind: 'query', queryKinds: LABEL_KINDS }, {
      required: true,
    }),
  ],
};

/** Spec counting subscribers per location, split by a categorical label. */
export function labelledSpatialAggregateSpec<L extends CoalescedLocationSpec>(
  options: LabelledSpatialAggregateOptions<L>,
): LabelledSpatialAggregateSpec<L> {
  checkOptions(LABELLED_SPATIAL_AGGREGATE, options);
  return { query_kind: 'labelled_spatial_aggregate', locations: options.locations, labels: options.labels };
}

const JOINED_SPATIAL_AGGREGATE: BuilderChecks = {
  builder: 'joinedSpatialAggregateSpec',
  queryKind: 'joined_spatial_aggregate',
  fields: [
    /* @__PURE__ */ field('method', 'method', { kind: 'enum', values: JOINED_SPATIAL_AGGREGATE_METHODS }, {
      nullable: false,
      default: DEFAULT_JOINED_SPATIAL_AGGREGATE_METHOD,
    }),
    /* @__PURE__ */ referenceLocations(),
    /* @__PURE__ */ field('metric', 'metric', { kind: 'query', queryKinds: JOINABLE_METRIC_KINDS }, {
      required: true,
    }),
  ],
};

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * Spec of a subscriber metric aggregated per location: a statistic for numeric metrics, the
 * distribution (`distr`) for the handset metric.
 * @example `joinedSpatialAggregateSpec({ locations, metric: radiusOfGyrationSpec({...}), method: 'median' })`
 */
export function joinedSpatialAggregateSpec<L extends ReferenceLocationSpec, M extends JoinableMetricSpec>(
  options: JoinedSpatialAggregateOptions & { readonly locations: L; readonly metric: M },
): JoinedSpatialAggregateSpec<L, M> {
  const { builder } = JOINED_SPATIAL_AGGREGATE;
  checkOptions(JOINED_SPATIAL_AGGREGATE, options);
  const method = options.method ?? DEFAULT_JOINED_SPATIAL_AGGREGATE_METHOD;
  const categorical = (CATEGORICAL_METRIC_KINDS as readonly string[]).includes(options.metric.query_kind);
  if (categorical && method !== 'distr') {
    fail(builder, 'method', options.method, `'distr' for a categorical metric (${options.metric.query_kind})`);
  }
  if (!categorical && !(STATISTICS as readonly string[]).includes(method)) {
    fail(builder, 'method', options.method, `one of ${quoted(STATISTICS)} for a numeric metric (${options.metric.query_kind})`);
  }
  return { query_kind: 'joined_spatial_aggregate', method, locations: options.locations, metric: options.metric };
}

const HISTOGRAM_AGGREGATE: BuilderChecks = {
  builder: 'histogramAggregateSpec',
  queryKind: 'histogram_aggregate',
  fields: [
    /* @__PURE__ */ field('metric', 'metric', { kind: 'query', queryKinds: CONTINUOUS_METRIC_KINDS }, {
      required: true,
    }),
    /* @__PURE__ */ field('bins', 'bins', { kind: 'bins' }, {
      required: true,
    }),
    /* @__PURE__ */ field('range', 'range', { kind: 'range' }, {
      omitWhenUnset: true,
    }),
  ],
};

const isEdgeList = (bins: number | readonly number[]): bins is readonly number[] => Array.isArray(bins);

/**
 * Spec of a histogram of a numeric metric. `bins` is a number of bins (`{n_bins}`) or a list of
 * edges (`{bin_list}`); `range` is sent only when given, as `{lower_bound, upper_bound}`: flowclient
 * sends the pair as a list, which FlowMachine's `Bounds` schema rejects (checked at FlowKit 0ae659e).
 * @example `histogramAggregateSpec({ metric: eventCountSpec({...}), bins: 5, range: [0, 100] })`
 */
export function histogramAggregateSpec(options: HistogramAggregateOptions): HistogramAggregateSpec {
  checkOptions(HISTOGRAM_AGGREGATE, options);
  const { bins, range } = options;
  const spec: HistogramAggregateSpec = {
    query_kind: 'histogram_aggregate',
    metric: options.metric,
    bins: isEdgeList(bins) ? { bin_list: bins } : { n_bins: bins },
  };
  return range == null ? spec : { ...spec, range: { lower_bound: range[0], upper_bound: range[1] } };
}

/** Registry entries of this module's builders. @internal */
export const AGGREGATE_BUILDERS = {
  spatialAggregateSpec: /* @__PURE__ */ entry(SPATIAL_AGGREGATE, spatialAggregateSpec),
  labelledSpatialAggregateSpec: /* @__PURE__ */ entry(LABELLED_SPATIAL_AGGREGATE, labelledSpatialAggregateSpec),
  joinedSpatialAggregateSpec: /* @__PURE__ */ entry(JOINED_SPATIAL_AGGREGATE, joinedSpatialAggregateSpec),
  histogramAggregateSpec: /* @__PURE__ */ entry(HISTOGRAM_AGGREGATE, histogramAggregateSpec),
} as const;
