/**
 * JSON-level types of query specs (snake_case keys, exactly what is POSTed to `run`): the shared
 * pieces, the {@link QuerySpec} union discriminated on `query_kind`, and the slot types that say
 * which kinds FlowAPI accepts where, so that a wrong nesting fails to compile.
 * @module
 */
import type { AggregationUnit, DayOfWeek, EventType, SamplingMethod } from './values.js';
import type { CoalescedLocationSpec, LocationVisitsSpec, MajorityLocationSpec, MobilityClassificationSpec } from './derived-locations.js';
import type {
  HistogramAggregateSpec,
  JoinedSpatialAggregateSpec,
  LabelledSpatialAggregateSpec,
  SpatialAggregateSpec,
} from './aggregates.js';
import type { ConsecutiveTripsOdMatrixSpec, FlowsSpec, InflowsSpec, LabelledFlowsSpec, OutflowsSpec, TripsOdMatrixSpec } from './flows.js';
import type { LocationEventCountsSpec, LocationIntroversionSpec, UniqueSubscriberCountsSpec } from './location-counts.js';
import type { DailyLocationSpec, ModalLocationSpec, MostFrequentLocationSpec, UniqueLocationsSpec } from './locations.js';
import type {
  MeaningfulLocationsAggregateSpec,
  MeaningfulLocationsBetweenDatesOdMatrixSpec,
  MeaningfulLocationsBetweenLabelOdMatrixSpec,
} from './meaningful-locations.js';
import type {
  EventCountSpec,
  NocturnalEventsSpec,
  ParetoInteractionsSpec,
  RadiusOfGyrationSpec,
  SubscriberDegreeSpec,
  TotalActivePeriodsSpec,
  UniqueLocationCountsSpec,
} from './metrics.js';
import type { DisplacementSpec, HandsetSpec, TopupAmountSpec, TopupBalanceSpec } from './metrics-statistics.js';
import type { AggregateNetworkObjectsSpec, TotalNetworkObjectsSpec } from './network-objects.js';
import type {
  ActiveAtReferenceLocationCountsSpec,
  UnmovingAtReferenceLocationCountsSpec,
  UnmovingCountsSpec,
} from './reference-location-counts.js';

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** `hours: [start, end]` as sent: `{start_hour, end_hour}`, integers 0–24, both inclusive. */
export interface HoursJson {
  /** First hour of the day included (0–24). */
  readonly start_hour: number;
  /** Last hour of the day included (0–24); may be less than `start_hour` to span midnight. */
  readonly end_hour: number;
}

/** `hours` as the builders take it: `[startHour, endHour]`, integers 0–24. @example `[20, 4]` */
export type HoursRange = readonly [startHour: number, endHour: number];

/** `event_types` as sent: `null` (all event types) or a non-empty list. */
export type EventTypesJson = readonly EventType[] | null;

/**
 * Subscribers a query is restricted to: `null` (all) or the id of a query already run.
 * flowclient also documents a nested spec, but FlowMachine's `SubscriberSubset` field is a
 * string (`null` or a known query id; checked at FlowKit 019663b), so a spec is refused here.
 */
export type SubscriberSubset = null | string;

/** The `sampling` object `randomSampleSpec` adds to a query. */
export interface SamplingJson {
  /** Seed for repeatable samples; in [-1, 1] for `random_ids`. */
  readonly seed: number;
  /** How rows are drawn. */
  readonly sampling_method: SamplingMethod;
  /** Number of rows to draw, or `null` when `fraction` is given. */
  readonly size: number | null;
  /** Fraction of rows to draw, or `null` when `size` is given. */
  readonly fraction: number | null;
  /** Estimate the row count from table statistics rather than counting. */
  readonly estimate_count: boolean;
}

/** A spec with the `sampling` object of {@link SamplingJson} added by `randomSampleSpec`. */
export type Sampled<S extends SampleableSpec> = S & { readonly sampling: SamplingJson };

/** The optional geography keys every spatially aggregated spec carries (`null` when unset). */
export interface GeoJson {
  /** Table mapping cells to the aggregation unit, or `null`. */
  readonly mapping_table: string | null;
  /** Geometry table to aggregate to, or `null`. */
  readonly geom_table: string | null;
  /** Column of `geom_table` to join on, or `null`. */
  readonly geom_table_join_column: string | null;
}

/** `start_date` and `end_date` of a spec over a period (end exclusive). */
export interface PeriodJson {
  /** First day, inclusive (ISO date). */
  readonly start_date: string;
  /** Day after the last day: exclusive (ISO date). */
  readonly end_date: string;
}

/** `event_types` and `subscriber_subset` as sent (`null` when unset). */
export interface EventFilterJson {
  /** Event types included; `null` for all. */
  readonly event_types: EventTypesJson;
  /** Subscribers included; `null` for all. */
  readonly subscriber_subset: SubscriberSubset;
}

/** flowclient's common optional group as sent: `event_types`, `subscriber_subset`, `hours`. */
export interface CommonJson extends EventFilterJson {
  /** Hours of the day included; `null` for all. */
  readonly hours: HoursJson | null;
}

/** The `sampling` key a sampleable spec may carry (added by `randomSampleSpec`). */
export interface SamplingKey {
  /** Random sample to draw from the result. */
  readonly sampling?: SamplingJson;
}

/** A GeoJSON geometry object, e.g. `{type: 'Polygon', coordinates: [...]}`. */
export type GeoJsonGeometry = { readonly type: string; readonly [key: string]: JsonValue };

/** Meaningful-location labels: label name → GeoJSON geometry in (hour score, day score) space. */
export type LabelGeometries = { readonly [label: string]: GeoJsonGeometry };

/** Day of week → score in [-1, 1] (days left out are not scored). */
export type DayOfWeekScores = { readonly [day in DayOfWeek]?: number };

/**
 * A `visited_most_days` reference location: FlowAPI accepts it wherever a reference location
 * goes, but flowclient has no builder for it, so it is written by hand.
 */
export interface VisitedMostDaysSpec {
  /** The kind. */
  readonly query_kind: 'visited_most_days';
  /** Its other keys, as FlowAPI documents them. */
  readonly [key: string]: JsonValue;
}

/** Every spec the builders produce, discriminated on `query_kind` (40 kinds). */
export type QuerySpec =
  | UniqueLocationsSpec
  | MostFrequentLocationSpec
  | DailyLocationSpec
  | ModalLocationSpec
  | RadiusOfGyrationSpec
  | TotalActivePeriodsSpec
  | UniqueLocationCountsSpec
  | TopupBalanceSpec
  | SubscriberDegreeSpec
  | TopupAmountSpec
  | EventCountSpec
  | DisplacementSpec
  | ParetoInteractionsSpec
  | NocturnalEventsSpec
  | HandsetSpec
  | MajorityLocationSpec
  | LocationVisitsSpec
  | CoalescedLocationSpec
  | MobilityClassificationSpec
  | LocationEventCountsSpec
  | MeaningfulLocationsAggregateSpec
  | MeaningfulLocationsBetweenLabelOdMatrixSpec
  | MeaningfulLocationsBetweenDatesOdMatrixSpec
  | FlowsSpec
  | InflowsSpec
  | OutflowsSpec
  | LabelledFlowsSpec
  | UniqueSubscriberCountsSpec
  | LocationIntroversionSpec
  | TotalNetworkObjectsSpec
  | AggregateNetworkObjectsSpec
  | SpatialAggregateSpec
  | LabelledSpatialAggregateSpec
  | ConsecutiveTripsOdMatrixSpec
  | TripsOdMatrixSpec
  | UnmovingCountsSpec
  | UnmovingAtReferenceLocationCountsSpec
  | ActiveAtReferenceLocationCountsSpec
  | JoinedSpatialAggregateSpec
  | HistogramAggregateSpec;

/** The spec of one kind. @example `SpecOfKind<'daily_location'>` is {@link DailyLocationSpec}. */
export type SpecOfKind<K extends QuerySpec['query_kind']> = Extract<QuerySpec, { readonly query_kind: K }>;

/**
 * One location per subscriber: what spatial and joined spatial aggregates, displacement and the
 * reference-location counts take; `U` is its aggregation unit, when known.
 */
export type ReferenceLocationSpec<U extends AggregationUnit = AggregationUnit> =
  | DailyLocationSpec<U>
  | ModalLocationSpec<U>
  | MostFrequentLocationSpec<U>
  | VisitedMostDaysSpec
  | MajorityLocationSpec<U>
  | CoalescedLocationSpec<U>;

/** Endpoints of flows, inflows and outflows: a reference location or unique locations. */
export type FlowInputSpec<U extends AggregationUnit = AggregationUnit> = ReferenceLocationSpec<U> | UniqueLocationsSpec<U>;

/** What `locationVisitsSpec` counts visits of: daily or modal locations. */
export type VisitableLocationSpec<U extends AggregationUnit = AggregationUnit> = DailyLocationSpec<U> | ModalLocationSpec<U>;

/** Numeric subscriber metrics: a histogram's metric, or a joined spatial aggregate's metric with a statistic. */
export type ContinuousMetricSpec =
  | RadiusOfGyrationSpec
  | UniqueLocationCountsSpec
  | TopupBalanceSpec
  | SubscriberDegreeSpec
  | TopupAmountSpec
  | EventCountSpec
  | ParetoInteractionsSpec
  | NocturnalEventsSpec
  | DisplacementSpec
  | TotalActivePeriodsSpec;

/** Categorical subscriber metrics: a joined spatial aggregate's metric with method `distr`. */
export type CategoricalMetricSpec = HandsetSpec;

/** Any metric a joined spatial aggregate takes. */
export type JoinableMetricSpec = ContinuousMetricSpec | CategoricalMetricSpec;

/** Specs FlowAPI lets `randomSampleSpec` sample (their schema has a `sampling` key). */
export type SampleableSpec =
  | UniqueLocationsSpec
  | MostFrequentLocationSpec
  | DailyLocationSpec
  | ModalLocationSpec
  | LocationVisitsSpec
  | MajorityLocationSpec
  | CoalescedLocationSpec
  | MobilityClassificationSpec
  | RadiusOfGyrationSpec
  | TopupBalanceSpec
  | TopupAmountSpec
  | SubscriberDegreeSpec
  | EventCountSpec
  | ParetoInteractionsSpec
  | NocturnalEventsSpec
  | HandsetSpec
  | DisplacementSpec;
