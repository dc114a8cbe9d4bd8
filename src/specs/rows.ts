/**
 * What each aggregate returns, as types: {@link RowOf} is a result row of a spec (its JSON
 * format), {@link GeoPropertiesOf} the `properties` of a feature of its GeoJSON format. Columns
 * are FlowMachine's: the `column_names` of the query class FlowAPI runs for the kind
 * (`flowmachine/features/location/*.py`, `features/network/total_network_objects.py`,
 * `features/utilities/histogram_aggregation.py`; read at FlowKit 396dc41, 9460d4a, 91c2261,
 * 54d14f8, 099c67f, d4e63c0, dfb1f25, 322398f, and the `InOutFlow` of `flows.py` that
 * `redacted_in_out_flows.py` imports), their location columns those of the aggregation
 * unit the spec (or the locations it aggregates) carries. A spec whose unit is not known at compile
 * time gets the union of the rows of every unit; a spec typed as the whole {@link QuerySpec}
 * union, or a kind that is not an aggregate, keeps `Record<string, unknown>`.
 *
 * Type-only: nothing here exists at run time.
 * @module
 */
import type { HandsetSpec } from './metrics-statistics.js';
import type { QuerySpec } from './types.js';
import type { AggregationUnit, JoinType } from './values.js';

/** Flattens an intersection into one object type (distributing over unions), so that hovers read as rows. */
type Simplify<T> = T extends unknown ? { [K in keyof T]: T[K] } : never;

/** A row whose columns are not known at compile time. */
export type UntypedRow = Record<string, unknown>;

/** The units a spec (or each member of a union of specs) carries, `never` for a member that carries none. */
type KnownUnitOf<S> = S extends { readonly aggregation_unit: infer U extends AggregationUnit }
  ? U
  : S extends { readonly locations: readonly (infer L)[] }
    ? KnownUnitOf<L>
    : S extends { readonly locations: infer L }
      ? KnownUnitOf<L>
      : S extends { readonly subscriber_location_weights: infer L }
        ? KnownUnitOf<L>
        : S extends { readonly from_location: infer L }
          ? KnownUnitOf<L>
          : S extends { readonly reference_locations: infer L }
            ? KnownUnitOf<L>
            : S extends { readonly unique_locations: infer L }
              ? KnownUnitOf<L>
              : S extends { readonly total_network_objects: infer L }
                ? KnownUnitOf<L>
                : never;

/**
 * The aggregation unit of a spec: its own `aggregation_unit`, else that of the locations it is
 * built on (`locations`, `subscriber_location_weights`, `from_location`, `reference_locations`,
 * `unique_locations`, `total_network_objects`); every unit when none is known (a hand-written
 * `visited_most_days`, say).
 * @example `UnitOf<SpatialAggregateSpec<DailyLocationSpec<'admin3'>>>` is `'admin3'`.
 */
export type UnitOf<S> = [KnownUnitOf<S>] extends [never] ? AggregationUnit : KnownUnitOf<S>;

/**
 * The location columns of a unit (FlowMachine's `location_id_columns`): `pcod` (a string) for
 * the admin units, `lon` and `lat` (numbers) for `lon-lat`; each name followed by `Suffix`
 * (`_from`, `_to`), and `null`-able when `Nullable` is true.
 * @example `LocationColumns<'admin3', '_from'>` is `{ pcod_from: string }`.
 */
export type LocationColumns<U extends AggregationUnit, Suffix extends string = '', Nullable extends boolean = false> = U extends 'lon-lat'
  ? { [K in `lon${Suffix}` | `lat${Suffix}`]: Nullable extends true ? number | null : number }
  : { [K in `pcod${Suffix}`]: Nullable extends true ? string | null : string };

/** The `value` column: a count of subscribers or events, a share, or a statistic. */
interface ValueColumn {
  /** The aggregate's value. */
  value: number;
}

/** Whether a join type can leave the `from` (origin) or `to` (destination) side of a flow without a location. */
type OuterSide<J, Side extends 'from' | 'to'> = J extends 'full outer'
  ? true
  : J extends (Side extends 'from' ? 'right' | 'right outer' : 'left' | 'left outer')
    ? true
    : false;

/** Row of the per-location counts: `spatial_aggregate`, `unique_subscriber_counts`, `location_introversion`, `unmoving_counts`, … */
export type LocationValueRow<U extends AggregationUnit> = Simplify<LocationColumns<U> & ValueColumn>;

/** Row of `location_event_counts`: location, `date`, then `hour` (and `min`) for the finer intervals, then `value`. */
export type LocationEventCountsRow<U extends AggregationUnit, I> = Simplify<
  LocationColumns<U> &
    { date: string } & (I extends 'hour' | 'min' | 'minute' ? { hour: number } : unknown) & (I extends 'min' | 'minute' ? { min: number } : unknown) &
    ValueColumn
>;

/** Row of `flows` (and the trips OD matrices, with `J` `'inner'`): origin and destination locations, then `value`. */
export type FlowRow<U extends AggregationUnit, J = 'inner'> = Simplify<
  LocationColumns<U, '_from', OuterSide<J, 'from'>> & LocationColumns<U, '_to', OuterSide<J, 'to'>> & ValueColumn
>;

/** Row of `inflows` and `outflows`: the destination (or origin) location under its plain name, then `value`. */
export type InOutFlowRow<U extends AggregationUnit, Nullable extends boolean> = Simplify<LocationColumns<U, '', Nullable> & ValueColumn>;

/** The label column the labelled aggregates add (`value_label`: a mobility class); `null` for subscribers without one. */
interface LabelColumn {
  /** The subscriber's label (mobility classification's `value`), or `null` when the labels do not cover them. */
  value_label: string | null;
}

/** Row of `labelled_flows`: origin, destination, `value_label`, `value`. */
export type LabelledFlowRow<U extends AggregationUnit, J> = Simplify<
  LocationColumns<U, '_from', OuterSide<J, 'from'>> & LocationColumns<U, '_to', OuterSide<J, 'to'>> & LabelColumn & ValueColumn
>;

/** Row of `labelled_spatial_aggregate`: location, `value_label`, `value`. */
export type LabelledLocationRow<U extends AggregationUnit> = Simplify<LocationColumns<U> & LabelColumn & ValueColumn>;

/**
 * Row of `meaningful_locations_aggregate`: `label`, location (`null` for clusters outside every
 * region: FlowMachine left-joins the geometry), and `value` (subscribers, fractional: a subscriber
 * with n clusters counts 1/n in each).
 */
export type MeaningfulLocationsRow<U extends AggregationUnit> = Simplify<{ label: string } & LocationColumns<U, '', true> & ValueColumn>;

/** Row of the meaningful-locations OD matrices: `label_from`, `label_to`, origin, destination, `value` (fractional). */
export type MeaningfulLocationsOdRow<U extends AggregationUnit> = Simplify<
  { label_from: string; label_to: string } & LocationColumns<U, '_from', true> & LocationColumns<U, '_to', true> & ValueColumn
>;

/** Row of `total_network_objects` and `aggregate_network_objects`: location, `value`, `datetime` (ISO timestamp of the period's start). */
export type NetworkObjectsRow<U extends AggregationUnit> = Simplify<LocationColumns<U> & ValueColumn & { datetime: string }>;

/**
 * Row of `joined_spatial_aggregate`: location and `value` (the statistic of the metric's `value`);
 * for a categorical metric (handset, method `distr`), location, `metric` (the metric's column,
 * `value`), `key` (a category) and `value` (its share of the location's subscribers).
 */
export type JoinedSpatialAggregateRow<U extends AggregationUnit, M> = M extends HandsetSpec
  ? Simplify<LocationColumns<U> & { metric: string; key: string } & ValueColumn>
  : LocationValueRow<U>;

/**
 * Row of `histogram_aggregate`: one bin, `value` (its count), `lower_edge`, `upper_edge`. No
 * location. FlowMachine censors a histogram with any bin under 15: it is then one row of `null`s.
 */
export type HistogramRow = {
  /** Values in the bin, or `null` when censored. */
  value: number | null;
  /** The bin's lower edge (inclusive), or `null` when censored. */
  lower_edge: number | null;
  /** The bin's upper edge (exclusive, but for the last bin), or `null` when censored. */
  upper_edge: number | null;
};

/** The `join_type` a flows-family spec carries. */
type JoinOf<S> = S extends { readonly join_type: infer J extends JoinType } ? J : JoinType;
/** The `interval` of a `location_event_counts` spec. */
type IntervalOf<S> = S extends { readonly interval: infer I } ? I : never;
/** The `metric` of a `joined_spatial_aggregate` spec. */
type MetricOf<S> = S extends { readonly metric: infer M } ? M : never;

/** The row type of each aggregate kind, given its spec `S`. */
interface RowsByKind<S> {
  location_event_counts: LocationEventCountsRow<UnitOf<S>, IntervalOf<S>>;
  meaningful_locations_aggregate: MeaningfulLocationsRow<UnitOf<S>>;
  meaningful_locations_between_label_od_matrix: MeaningfulLocationsOdRow<UnitOf<S>>;
  meaningful_locations_between_dates_od_matrix: MeaningfulLocationsOdRow<UnitOf<S>>;
  flows: FlowRow<UnitOf<S>, JoinOf<S>>;
  inflows: InOutFlowRow<UnitOf<S>, OuterSide<JoinOf<S>, 'to'>>;
  outflows: InOutFlowRow<UnitOf<S>, OuterSide<JoinOf<S>, 'from'>>;
  labelled_flows: LabelledFlowRow<UnitOf<S>, JoinOf<S>>;
  unique_subscriber_counts: LocationValueRow<UnitOf<S>>;
  location_introversion: LocationValueRow<UnitOf<S>>;
  total_network_objects: NetworkObjectsRow<UnitOf<S>>;
  aggregate_network_objects: NetworkObjectsRow<UnitOf<S>>;
  spatial_aggregate: LocationValueRow<UnitOf<S>>;
  labelled_spatial_aggregate: LabelledLocationRow<UnitOf<S>>;
  consecutive_trips_od_matrix: FlowRow<UnitOf<S>>;
  trips_od_matrix: FlowRow<UnitOf<S>>;
  unmoving_counts: LocationValueRow<UnitOf<S>>;
  unmoving_at_reference_location_counts: LocationValueRow<UnitOf<S>>;
  active_at_reference_location_counts: LocationValueRow<UnitOf<S>>;
  joined_spatial_aggregate: JoinedSpatialAggregateRow<UnitOf<S>, MetricOf<S>>;
  histogram_aggregate: HistogramRow;
}

/** Query kinds whose rows {@link RowOf} knows: the 21 aggregates of flowclient's wrappers. */
export type AggregateKind = keyof RowsByKind<never>;

/** The row of one spec (not a union), by its `query_kind`. */
type RowOfOne<S> = S extends { readonly query_kind: infer K } ? (K extends AggregateKind ? RowsByKind<S>[K] : UntypedRow) : UntypedRow;

/**
 * One JSON result row of a query of spec `S`, as FlowMachine returns it.
 * @example
 * ```ts
 * // spatialAggregate({ connection, locations: dailyLocationSpec({ date, aggregationUnit: 'admin3', method: 'last' }) })
 * //   .getResult() is an Observable<{ pcod: string; value: number }[]>
 * type Row = RowOf<SpatialAggregateSpec<DailyLocationSpec<'admin3'>>>; // { pcod: string; value: number }
 * ```
 */
export type RowOf<S> = QuerySpec extends S ? UntypedRow : S extends unknown ? RowOfOne<S> : never;

/** A GeoJSON point, as PostGIS's `ST_AsGeoJSON` writes it. */
export interface PointGeometry {
  /** Always `Point`. */
  type: 'Point';
  /** `[lon, lat]`. */
  coordinates: number[];
}

/** The `centroid` FlowMachine adds to every feature's properties (`null` where the location has no geometry). */
interface CentroidProperty {
  /** Centroid of the feature's geometry. */
  centroid: PointGeometry | null;
}

/** Flows to (or from) other locations, keyed by their location id. */
export type FlowsByLocation = { [location: string]: number };

/**
 * Feature properties of the flow-like kinds (`flows`, `labelled_flows`, the trips and the
 * meaningful-locations OD matrices): one feature per location, with `outflows` and `inflows`
 * keyed by the other end's location id (and first by `value_label` for `labelled_flows`);
 * `null` when the location has none.
 */
export type FlowGeoProperties<U extends AggregationUnit, Flow> = Simplify<
  LocationColumns<U> & { outflows: Flow | null; inflows: Flow | null } & CentroidProperty
>;

/** The GeoJSON properties of one spec (not a union), by its `query_kind`. */
type GeoPropertiesOfOne<S> = S extends { readonly query_kind: infer K }
  ? K extends 'flows' | 'consecutive_trips_od_matrix' | 'trips_od_matrix' | 'meaningful_locations_between_label_od_matrix' | 'meaningful_locations_between_dates_od_matrix'
    ? FlowGeoProperties<UnitOf<S>, FlowsByLocation>
    : K extends 'labelled_flows'
      ? FlowGeoProperties<UnitOf<S>, { [label: string]: FlowsByLocation }>
      : K extends 'histogram_aggregate'
        ? never
        : K extends AggregateKind
          ? Simplify<RowsByKind<S>[K] & CentroidProperty>
          : UntypedRow | null
  : UntypedRow | null;

/**
 * The `properties` of a feature of the GeoJSON result of a query of spec `S`, as FlowMachine
 * writes them (`GeoDataMixin.geojson_query`): the row's columns plus `centroid`; for the
 * flow-like kinds, the location with its `outflows` and `inflows`. `never` for
 * `histogram_aggregate`, which FlowAPI has no GeoJSON of (403, "has no geojson compatible
 * representation"). `meaningful_locations_aggregate` has one (its `RedactedMeaningfulLocationsAggregate`
 * mixes in `GeoDataMixin` since FlowKit 389fe30): the row plus `centroid`, both `null`-located for
 * clusters outside every region.
 */
export type GeoPropertiesOf<S> = QuerySpec extends S ? UntypedRow | null : S extends unknown ? GeoPropertiesOfOne<S> : never;
