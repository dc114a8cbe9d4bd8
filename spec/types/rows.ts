/**
 * Compile-time tests of typed results, checked by `tsc --noEmit` (not run): for every aggregate
 * wrapper, `getResult()` rows have FlowMachine's columns with their types (a right column reads
 * without a cast, `Exact` pins the whole row) and a wrong column fails (`@ts-expect-error` fails
 * the type check if the line below it compiles). GeoJSON properties are typed likewise; a
 * hand-made `QuerySpec` keeps `Record<string, unknown>`.
 */
import type { Observable } from 'rxjs';
import type { Connection } from '../../src/connection.js';
import type { APIQuery } from '../../src/query/api-query.js';
import { getGeojsonResult, getResult, type FeatureCollection } from '../../src/client/results.js';
import {
  activeAtReferenceLocationCounts,
  aggregateNetworkObjects,
  coalescedLocationSpec,
  consecutiveTripsOdMatrix,
  dailyLocationSpec,
  eventCountSpec,
  flows,
  handsetSpec,
  histogramAggregate,
  inflows,
  joinedSpatialAggregate,
  labelledFlows,
  labelledSpatialAggregate,
  locationEventCounts,
  locationIntroversion,
  locationVisitsSpec,
  majorityLocationSpec,
  meaningfulLocationsAggregate,
  meaningfulLocationsBetweenDatesOdMatrix,
  meaningfulLocationsBetweenLabelOdMatrix,
  mobilityClassificationSpec,
  modalLocationFromDatesSpec,
  outflows,
  radiusOfGyrationSpec,
  randomSampleSpec,
  spatialAggregate,
  spatialAggregateSpec,
  totalNetworkObjects,
  totalNetworkObjectsSpec,
  tripsOdMatrix,
  uniqueLocationsSpec,
  uniqueSubscriberCounts,
  unmovingAtReferenceLocationCounts,
  unmovingCounts,
  type AggregationUnit,
  type QuerySpec,
  type RowOf,
  type SpatialAggregateSpec,
} from '../../src/specs/index.js';
import type { PointGeometry } from '../../src/specs/rows.js';

declare const connection: Connection;
/** The row type of an observable of rows, as a value to read columns from. */
declare function rowOf<R>(rows: Observable<R[]>): R;
/** The properties type of an observable FeatureCollection. */
declare function propertiesOf<P>(collection: Observable<FeatureCollection<P>>): P;
/** Compiles only when `A` and `B` are the same type. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const exact = <T extends true>(proof: T): T => proof;
/** Compiles only when `value`'s type is exactly `Expected`. */
const same =
  <Expected>() =>
  <Actual>(value: Actual, ...proof: Exact<Actual, Expected> extends true ? [] : [never]): Actual => {
    void proof;
    return value;
  };

const period = { startDate: '2016-01-01', endDate: '2016-01-08' } as const;
const daily = dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' });
const dailyLonLat = dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'lon-lat', method: 'last' });
const modal = modalLocationFromDatesSpec({ ...period, aggregationUnit: 'admin3', method: 'most-common' });
const unique = uniqueLocationsSpec({ ...period, aggregationUnit: 'admin3' });
const visits = locationVisitsSpec({ locations: [daily, modal] });
const majority = majorityLocationSpec({ subscriberLocationWeights: visits });
const coalesced = coalescedLocationSpec({ preferredLocation: majority, fallbackLocation: majority, subscriberLocationWeights: visits, weightThreshold: 1 });
const mobility = mobilityClassificationSpec({ locations: [coalesced], stayLengthThreshold: 2 });
const scoring = {
  labels: { home: { type: 'Polygon', coordinates: [] } },
  towerDayOfWeekScores: { monday: 1 },
  towerHourOfDayScores: Array.from({ length: 24 }, () => 0),
  aggregationUnit: 'admin3',
} as const;

// ---- Builders keep their literals ----
exact<Exact<typeof daily.aggregation_unit, 'admin3'>>(true);
exact<Exact<typeof modal.locations[number]['aggregation_unit'], 'admin3'>>(true);
exact<Exact<ReturnType<typeof spatialAggregateSpec<typeof daily>>['locations'], typeof daily>>(true);

// ---- Every aggregate wrapper: right columns read without a cast, a wrong one fails ----
{
  const r = rowOf(spatialAggregate({ connection, locations: daily }).getResult());
  same<{ pcod: string; value: number }>()(r);
  const total: number = r.value + 1;
  const pcod: string = r.pcod.toUpperCase();
  // @ts-expect-error a spatial aggregate has no `name` column
  void r.name;
  // @ts-expect-error `value` is a number, not a string
  const wrong: string = r.value;
  void [total, pcod, wrong];
}
{
  const r = rowOf(spatialAggregate({ connection, locations: dailyLonLat }).getResult());
  same<{ lon: number; lat: number; value: number }>()(r);
  // @ts-expect-error lon-lat rows have no pcod
  void r.pcod;
}
{
  const sampled = rowOf(spatialAggregate({ connection, locations: randomSampleSpec({ query: daily, seed: 0.1, size: 10 }) }).getResult());
  same<{ pcod: string; value: number }>()(sampled);
  const viaMajority = rowOf(spatialAggregate({ connection, locations: majority }).getResult());
  same<{ pcod: string; value: number }>()(viaMajority);
}
{
  const hourly = rowOf(locationEventCounts({ connection, ...period, aggregationUnit: 'admin3', countInterval: 'hour' }).getResult());
  same<{ pcod: string; date: string; hour: number; value: number }>()(hourly);
  const daily_ = rowOf(locationEventCounts({ connection, ...period, aggregationUnit: 'admin2', countInterval: 'day' }).getResult());
  same<{ pcod: string; date: string; value: number }>()(daily_);
  // @ts-expect-error daily counts have no hour
  void daily_.hour;
  const minutes = rowOf(locationEventCounts({ connection, ...period, aggregationUnit: 'lon-lat', countInterval: 'min' }).getResult());
  same<{ lon: number; lat: number; date: string; hour: number; min: number; value: number }>()(minutes);
}
{
  const r = rowOf(meaningfulLocationsAggregate({ connection, ...period, ...scoring, label: 'home' }).getResult());
  same<{ label: string; pcod: string | null; value: number }>()(r);
  // @ts-expect-error no label_from in an aggregate
  void r.label_from;
  const p = propertiesOf(meaningfulLocationsAggregate({ connection, ...period, ...scoring, label: 'home' }).getResult({ format: 'geojson' }));
  same<{ label: string; pcod: string | null; value: number; centroid: PointGeometry | null }>()(p);
}
{
  const byLabel = rowOf(meaningfulLocationsBetweenLabelOdMatrix({ connection, ...period, ...scoring, labelA: 'home', labelB: 'work' }).getResult());
  same<{ label_from: string; label_to: string; pcod_from: string | null; pcod_to: string | null; value: number }>()(byLabel);
  const byDates = rowOf(
    meaningfulLocationsBetweenDatesOdMatrix({
      connection,
      ...scoring,
      startDateA: '2016-01-01',
      endDateA: '2016-01-02',
      startDateB: '2016-01-02',
      endDateB: '2016-01-03',
      label: 'home',
    }).getResult(),
  );
  same<typeof byLabel>()(byDates);
  // @ts-expect-error no plain label in an OD matrix
  void byDates.label;
}
{
  const inner = rowOf(flows({ connection, fromLocation: daily, toLocation: modal }).getResult());
  same<{ pcod_from: string; pcod_to: string; value: number }>()(inner);
  // @ts-expect-error flows have no plain pcod
  void inner.pcod;
  const outer = rowOf(flows({ connection, fromLocation: daily, toLocation: unique, joinType: 'full outer' }).getResult());
  same<{ pcod_from: string | null; pcod_to: string | null; value: number }>()(outer);
  const left = rowOf(flows({ connection, fromLocation: daily, toLocation: daily, joinType: 'left' }).getResult());
  same<{ pcod_from: string; pcod_to: string | null; value: number }>()(left);
}
{
  const inRow = rowOf(inflows({ connection, fromLocation: daily, toLocation: daily }).getResult());
  same<{ pcod: string; value: number }>()(inRow);
  // @ts-expect-error FlowMachine's InOutFlow names the location `pcod`, not `pcod_to`
  void inRow.pcod_to;
  const outRow = rowOf(outflows({ connection, fromLocation: daily, toLocation: daily, joinType: 'right' }).getResult());
  same<{ pcod: string | null; value: number }>()(outRow);
}
{
  const r = rowOf(labelledFlows({ connection, fromLocation: coalesced, toLocation: coalesced, labels: mobility }).getResult());
  same<{ pcod_from: string; pcod_to: string; value_label: string | null; value: number }>()(r);
  // @ts-expect-error the label column is `value_label`
  void r.label_value;
}
{
  const r = rowOf(uniqueSubscriberCounts({ connection, ...period, aggregationUnit: 'admin1' }).getResult());
  same<{ pcod: string; value: number }>()(r);
  // @ts-expect-error no date column
  void r.date;
}
{
  const r = rowOf(locationIntroversion({ connection, ...period, aggregationUnit: 'admin0' }).getResult());
  same<{ pcod: string; value: number }>()(r);
  // @ts-expect-error introversion is `value`
  void r.introversion;
}
{
  const totals = rowOf(totalNetworkObjects({ connection, ...period, aggregationUnit: 'admin3' }).getResult());
  same<{ pcod: string; value: number; datetime: string }>()(totals);
  const stats = rowOf(
    aggregateNetworkObjects({ connection, totalNetworkObjects: totalNetworkObjectsSpec({ ...period, aggregationUnit: 'lon-lat' }), statistic: 'avg' }).getResult(),
  );
  same<{ lon: number; lat: number; value: number; datetime: string }>()(stats);
  // @ts-expect-error no date column (it is `datetime`)
  void stats.date;
}
{
  const r = rowOf(labelledSpatialAggregate({ connection, locations: coalesced, labels: mobility }).getResult());
  same<{ pcod: string; value_label: string | null; value: number }>()(r);
  // @ts-expect-error no label column (it is `value_label`)
  void r.label;
}
{
  const consecutive = rowOf(consecutiveTripsOdMatrix({ connection, ...period, aggregationUnit: 'admin3' }).getResult());
  same<{ pcod_from: string; pcod_to: string; value: number }>()(consecutive);
  const trips = rowOf(tripsOdMatrix({ connection, ...period, aggregationUnit: 'lon-lat' }).getResult());
  same<{ lon_from: number; lat_from: number; lon_to: number; lat_to: number; value: number }>()(trips);
  // @ts-expect-error no pcod at lon-lat
  void trips.pcod_from;
}
{
  const unmoving = rowOf(unmovingCounts({ connection, uniqueLocations: unique }).getResult());
  same<{ pcod: string; value: number }>()(unmoving);
  const atReference = rowOf(unmovingAtReferenceLocationCounts({ connection, uniqueLocations: unique, referenceLocations: daily }).getResult());
  same<{ pcod: string; value: number }>()(atReference);
  const active = rowOf(activeAtReferenceLocationCounts({ connection, uniqueLocations: unique, referenceLocations: modal }).getResult());
  same<{ pcod: string; value: number }>()(active);
  // @ts-expect-error no subscriber column in an aggregate
  void active.subscriber;
}
{
  const stat = rowOf(joinedSpatialAggregate({ connection, locations: daily, metric: radiusOfGyrationSpec(period), method: 'median' }).getResult());
  same<{ pcod: string; value: number }>()(stat);
  // @ts-expect-error a statistic has no key
  void stat.key;
  const distr = rowOf(joinedSpatialAggregate({ connection, locations: daily, metric: handsetSpec(period), method: 'distr' }).getResult());
  same<{ pcod: string; metric: string; key: string; value: number }>()(distr);
  // @ts-expect-error the category column is `key`
  void distr.category;
}
{
  const r = rowOf(histogramAggregate({ connection, metric: eventCountSpec(period), bins: 5 }).getResult());
  same<{ value: number | null; lower_edge: number | null; upper_edge: number | null }>()(r);
  // @ts-expect-error a histogram has no location
  void r.pcod;
}

// ---- GeoJSON properties are typed likewise ----
{
  const p = propertiesOf(spatialAggregate({ connection, locations: daily }).getResult({ format: 'geojson' }));
  const pcod: string = p.pcod;
  const value: number = p.value;
  const centroid: PointGeometry | null = p.centroid;
  // @ts-expect-error no such property
  void p.name;
  const flowProperties = propertiesOf(flows({ connection, fromLocation: daily, toLocation: daily }).getResult({ format: 'geojson' }));
  const outTo: number | undefined = flowProperties.outflows?.['NPL.1.1.1'];
  // @ts-expect-error flows' features are per location: no pcod_from
  void flowProperties.pcod_from;
  void [pcod, value, centroid, outTo];
  const csv: string = rowOf as unknown as string;
  void csv;
}

// ---- Unknown unit: the union of every unit's row; a hand-made QuerySpec: untyped rows ----
{
  const wide: SpatialAggregateSpec = spatialAggregateSpec({ locations: daily });
  const r = rowOf(connection.makeApiQuery(wide).getResult());
  same<{ pcod: string; value: number } | { lon: number; lat: number; value: number }>()(r);
  const value: number = r.value;
  // @ts-expect-error the unit is unknown: `pcod` is in some rows only
  void r.pcod;
  const byUnit: RowOf<SpatialAggregateSpec<ReturnType<typeof dailyLocationSpec<AggregationUnit>>>> = r;
  void [value, byUnit];

  // A spec typed as the whole union (read from a file, a form, a function's `QuerySpec` parameter):
  const handMade = JSON.parse('{"query_kind": "spatial_aggregate"}') as QuerySpec;
  const untyped = rowOf(connection.makeApiQuery(handMade).getResult());
  same<Record<string, unknown>>()(untyped);
  const subscriberLevel = rowOf(connection.makeApiQuery(daily).getResult());
  same<Record<string, unknown>>()(subscriberLevel);
}

// ---- The one-shot functions are typed by their querySpec too ----
{
  const r = rowOf(getResult({ connection, querySpec: spatialAggregateSpec({ locations: dailyLonLat }) }));
  same<{ lon: number; lat: number; value: number }>()(r);
  const p = propertiesOf(getGeojsonResult({ connection, querySpec: spatialAggregateSpec({ locations: daily }) }));
  const pcod: string = p.pcod;
  // @ts-expect-error no such property
  void p.pcod_from;
  void pcod;
}

// ---- A typed query still goes where any APIQuery goes (watchAll, Angular's queryResult, arrays of queries) ----
{
  const typed = flows({ connection, fromLocation: daily, toLocation: daily });
  const anyQuery: APIQuery = typed;
  const queries: APIQuery[] = [typed, histogramAggregate({ connection, metric: eventCountSpec(period), bins: [0, 1, 2] })];
  void [anyQuery, queries];
}
