/**
 * Meaningful locations (clusters of towers labelled by when they are used): counts per location
 * and OD matrices between labels or between periods (flowclient's
 * `aggregates.meaningful_locations_aggregate_spec`, `…_between_label_od_matrix_spec`,
 * `…_between_dates_od_matrix_spec`). FlowAPI redacts counts below 15.
 * @module
 */
import { checkOptions, eventFilterJson, geoJson } from './checks.js';
import { joinTuples } from './tuples.js';
import * as F from './common-fields.js';
import { entry, field, type BuilderChecks, type DateRangeOptions, type EventFilterOptions, type FieldCheck, type GeoOptions } from './fields.js';
import type { DayOfWeekScores, EventFilterJson, GeoJson, LabelGeometries, PeriodJson } from './types.js';
import { DAYS_OF_WEEK, DEFAULT_TOWER_CLUSTER_CALL_THRESHOLD, DEFAULT_TOWER_CLUSTER_RADIUS, HOURS_PER_DAY, SCORE_MAX, SCORE_MIN, type AggregationUnit } from './values.js';

/** Options shared by the meaningful-locations builders: how towers are clustered, scored and labelled. */
export interface MeaningfulLocationsScoringOptions<U extends AggregationUnit = AggregationUnit> extends EventFilterOptions, GeoOptions {
  /** Label name → GeoJSON geometry in (hour-of-day score, day-of-week score) space, scores in [-1, 1]. */
  readonly labels: LabelGeometries;
  /** Score in [-1, 1] of an interaction on each day of the week. @example `{ monday: 1, saturday: -1 }` */
  readonly towerDayOfWeekScores: DayOfWeekScores;
  /** Exactly 24 scores in [-1, 1], one per hour of the day; the first is midnight. */
  readonly towerHourOfDayScores: readonly number[];
  /** Spatial unit the clusters are counted at. */
  readonly aggregationUnit: U;
  /** Radius within which towers join a cluster, in km. @defaultValue 1 */
  readonly towerClusterRadius?: number | undefined;
  /** Towers used on fewer days than this are left out of a subscriber's clusters (integer). @defaultValue 0 */
  readonly towerClusterCallThreshold?: number | undefined;
}

/** Options of {@link meaningfulLocationsAggregateSpec}. */
export interface MeaningfulLocationsAggregateOptions<U extends AggregationUnit = AggregationUnit> extends DateRangeOptions, MeaningfulLocationsScoringOptions<U> {
  /** The label counted: one of `labels`' names, or `unknown`. */
  readonly label: string;
}

/** Options of {@link meaningfulLocationsBetweenLabelOdMatrixSpec}. */
export interface MeaningfulLocationsBetweenLabelOdMatrixOptions<U extends AggregationUnit = AggregationUnit>
  extends DateRangeOptions,
    MeaningfulLocationsScoringOptions<U> {
  /** Origin label: one of `labels`' names, or `unknown`. */
  readonly labelA: string;
  /** Destination label: one of `labels`' names, or `unknown`. */
  readonly labelB: string;
}

/** Options of {@link meaningfulLocationsBetweenDatesOdMatrixSpec}. */
export interface MeaningfulLocationsBetweenDatesOdMatrixOptions<U extends AggregationUnit = AggregationUnit> extends MeaningfulLocationsScoringOptions<U> {
  /** First day of the first period, inclusive (ISO date). */
  readonly startDateA: string;
  /** Day after the last day of the first period (ISO date). */
  readonly endDateA: string;
  /** First day of the second period, inclusive (ISO date). */
  readonly startDateB: string;
  /** Day after the last day of the second period (ISO date). */
  readonly endDateB: string;
  /** The label followed: one of `labels`' names, or `unknown`. */
  readonly label: string;
}

/** Keys shared by the meaningful-locations specs. */
interface ScoringJson<U extends AggregationUnit = AggregationUnit> extends EventFilterJson, GeoJson {
  /** Spatial unit counted at. */
  readonly aggregation_unit: U;
  /** Label geometries. */
  readonly labels: LabelGeometries;
  /** Day-of-week scores. */
  readonly tower_day_of_week_scores: DayOfWeekScores;
  /** Hour-of-day scores (24). */
  readonly tower_hour_of_day_scores: readonly number[];
  /** Cluster radius, km. */
  readonly tower_cluster_radius: number;
  /** Minimum days a tower is used. */
  readonly tower_cluster_call_threshold: number;
}

/** A `meaningful_locations_aggregate` spec: subscribers' clusters with a label, counted per location. */
export interface MeaningfulLocationsAggregateSpec<U extends AggregationUnit = AggregationUnit> extends PeriodJson, ScoringJson<U> {
  /** The kind. */
  readonly query_kind: 'meaningful_locations_aggregate';
  /** The label counted. */
  readonly label: string;
}

/** A `meaningful_locations_between_label_od_matrix` spec: movement between clusters of two labels. */
export interface MeaningfulLocationsBetweenLabelOdMatrixSpec<U extends AggregationUnit = AggregationUnit> extends PeriodJson, ScoringJson<U> {
  /** The kind. */
  readonly query_kind: 'meaningful_locations_between_label_od_matrix';
  /** Origin label. */
  readonly label_a: string;
  /** Destination label. */
  readonly label_b: string;
}

/** A `meaningful_locations_between_dates_od_matrix` spec: movement of one label's clusters between two periods. */
export interface MeaningfulLocationsBetweenDatesOdMatrixSpec<U extends AggregationUnit = AggregationUnit> extends ScoringJson<U> {
  /** The kind. */
  readonly query_kind: 'meaningful_locations_between_dates_od_matrix';
  /** First period start. */
  readonly start_date_a: string;
  /** First period end (exclusive). */
  readonly end_date_a: string;
  /** Second period start. */
  readonly start_date_b: string;
  /** Second period end (exclusive). */
  readonly end_date_b: string;
  /** The label followed. */
  readonly label: string;
}

const text = (name: string, key: string) => field(name, key, { kind: 'string' }, { required: true });
const date = (name: string, key: string) =>
  field(name, key, { kind: 'date', withTime: true }, { required: true });

/** Descriptors of the scoring keys, from `labels` to `geom_table_join_column`, in JSON order. */
const SCORING_FIELDS: readonly FieldCheck[] = [
  /* @__PURE__ */ field('labels', 'labels', { kind: 'geometryMap' }, {
    required: true,
  }),
  /* @__PURE__ */ field('towerDayOfWeekScores', 'tower_day_of_week_scores', { kind: 'numberMap', keys: DAYS_OF_WEEK, min: SCORE_MIN, max: SCORE_MAX }, {
    required: true,
  }),
  /* @__PURE__ */ field('towerHourOfDayScores', 'tower_hour_of_day_scores', { kind: 'numberList', length: HOURS_PER_DAY, min: SCORE_MIN, max: SCORE_MAX }, {
    required: true,
  }),
  /* @__PURE__ */ field('towerClusterRadius', 'tower_cluster_radius', { kind: 'number' }, {
    nullable: false,
    default: DEFAULT_TOWER_CLUSTER_RADIUS,
  }),
  /* @__PURE__ */ field('towerClusterCallThreshold', 'tower_cluster_call_threshold', { kind: 'integer' }, {
    nullable: false,
    default: DEFAULT_TOWER_CLUSTER_CALL_THRESHOLD,
  }),
  F.eventTypes,
  F.subscriberSubset,
  F.mappingTable, F.geomTable, F.geomTableJoinColumn,
];

type ScoringTail = Omit<ScoringJson, 'aggregation_unit'>;

const scoringJson = (options: MeaningfulLocationsScoringOptions): ScoringTail => ({
  labels: options.labels,
  tower_day_of_week_scores: options.towerDayOfWeekScores,
  tower_hour_of_day_scores: options.towerHourOfDayScores,
  tower_cluster_radius: options.towerClusterRadius ?? DEFAULT_TOWER_CLUSTER_RADIUS,
  tower_cluster_call_threshold: options.towerClusterCallThreshold ?? DEFAULT_TOWER_CLUSTER_CALL_THRESHOLD,
  ...eventFilterJson(options),
  ...geoJson(options),
});

const MEANINGFUL_LOCATIONS_AGGREGATE: BuilderChecks = {
  builder: 'meaningfulLocationsAggregateSpec',
  queryKind: 'meaningful_locations_aggregate',
  fields: /* @__PURE__ */ joinTuples([F.aggregationUnit, F.startDate, F.endDate, /* @__PURE__ */ text('label', 'label')], SCORING_FIELDS),
};

/** Spec counting, per location, subscribers' meaningful locations (tower clusters) with one label. */
export function meaningfulLocationsAggregateSpec<U extends AggregationUnit>(
  options: MeaningfulLocationsAggregateOptions<U>,
): MeaningfulLocationsAggregateSpec<U> {
  checkOptions(MEANINGFUL_LOCATIONS_AGGREGATE, options);
  return {
    query_kind: 'meaningful_locations_aggregate',
    aggregation_unit: options.aggregationUnit,
    start_date: options.startDate,
    end_date: options.endDate,
    label: options.label,
    ...scoringJson(options),
  };
}

const BETWEEN_LABEL: BuilderChecks = {
  builder: 'meaningfulLocationsBetweenLabelOdMatrixSpec',
  queryKind: 'meaningful_locations_between_label_od_matrix',
  fields: /* @__PURE__ */ joinTuples(
    [
      F.aggregationUnit,
      F.startDate,
      F.endDate,
      /* @__PURE__ */ text('labelA', 'label_a'),
      /* @__PURE__ */ text('labelB', 'label_b'),
    ],
    SCORING_FIELDS,
  ),
};

/** Spec of an OD matrix between subscribers' meaningful locations labelled `labelA` and `labelB`. */
export function meaningfulLocationsBetweenLabelOdMatrixSpec<U extends AggregationUnit>(
  options: MeaningfulLocationsBetweenLabelOdMatrixOptions<U>,
): MeaningfulLocationsBetweenLabelOdMatrixSpec<U> {
  checkOptions(BETWEEN_LABEL, options);
  return {
    query_kind: 'meaningful_locations_between_label_od_matrix',
    aggregation_unit: options.aggregationUnit,
    start_date: options.startDate,
    end_date: options.endDate,
    label_a: options.labelA,
    label_b: options.labelB,
    ...scoringJson(options),
  };
}

const BETWEEN_DATES: BuilderChecks = {
  builder: 'meaningfulLocationsBetweenDatesOdMatrixSpec',
  queryKind: 'meaningful_locations_between_dates_od_matrix',
  fields: /* @__PURE__ */ joinTuples(
    [
      F.aggregationUnit,
      /* @__PURE__ */ date('startDateA', 'start_date_a'),
      /* @__PURE__ */ date('endDateA', 'end_date_a'),
      /* @__PURE__ */ date('startDateB', 'start_date_b'),
      /* @__PURE__ */ date('endDateB', 'end_date_b'),
      /* @__PURE__ */ text('label', 'label'),
    ],
    SCORING_FIELDS,
  ),
};

/** Spec of an OD matrix of subscribers' meaningful locations with one label, from period A to period B. */
export function meaningfulLocationsBetweenDatesOdMatrixSpec<U extends AggregationUnit>(
  options: MeaningfulLocationsBetweenDatesOdMatrixOptions<U>,
): MeaningfulLocationsBetweenDatesOdMatrixSpec<U> {
  checkOptions(BETWEEN_DATES, options);
  return {
    query_kind: 'meaningful_locations_between_dates_od_matrix',
    aggregation_unit: options.aggregationUnit,
    start_date_a: options.startDateA,
    end_date_a: options.endDateA,
    start_date_b: options.startDateB,
    end_date_b: options.endDateB,
    label: options.label,
    ...scoringJson(options),
  };
}

/** Registry entries of this module's builders. @internal */
export const MEANINGFUL_LOCATION_BUILDERS = {
  meaningfulLocationsAggregateSpec: /* @__PURE__ */ entry(MEANINGFUL_LOCATIONS_AGGREGATE, meaningfulLocationsAggregateSpec),
  meaningfulLocationsBetweenLabelOdMatrixSpec: /* @__PURE__ */ entry(BETWEEN_LABEL, meaningfulLocationsBetweenLabelOdMatrixSpec),
  meaningfulLocationsBetweenDatesOdMatrixSpec: /* @__PURE__ */ entry(BETWEEN_DATES, meaningfulLocationsBetweenDatesOdMatrixSpec),
} as const;
