/**
 * Every top-level kind's result computed from the population, once per spec (a bounded cache
 * per population, keyed by the spec's canonical text).
 */
import type { Population } from '../../population/population.js';
import { canonical } from '../analysis.js';
import type { LoadedQuery } from '../schema.js';
import * as agg from './aggregates.js';
import { makeCtx, type Ctx } from './context.js';
import * as events from './events.js';
import { regionCount } from './filters.js';
import * as od from './flows.js';
import * as meaningful from './meaningful.js';
import * as network from './network.js';
import { regionTable, type ResultTable } from './table.js';

export type { ResultTable } from './table.js';

/** Results kept per population. */
const RESULTS_KEPT = 64;

const COMPUTE: Readonly<Record<string, (ctx: Ctx, q: LoadedQuery) => ResultTable>> = {
  dummy_query: (ctx) => ({ columns: ['value'], rows: [[ctx.pop.subscribers.size]], unit: null, rowRegion: null }),
  geography: (ctx, q) => {
    const unit = q.unit ?? 'admin3';
    return regionTable(ctx.pop, unit, [], Array.from({ length: regionCount(ctx.pop, unit) }, (_, r) => [r, []] as const));
  },
  flows: od.flows,
  inflows: (ctx, q) => od.inOutFlows(ctx, q, true),
  outflows: (ctx, q) => od.inOutFlows(ctx, q, false),
  labelled_flows: od.labelledFlows,
  consecutive_trips_od_matrix: (ctx, q) => od.trips(ctx, q, true),
  trips_od_matrix: (ctx, q) => od.trips(ctx, q, false),
  meaningful_locations_aggregate: meaningful.meaningfulAggregate,
  meaningful_locations_between_label_od_matrix: meaningful.meaningfulBetweenLabels,
  meaningful_locations_between_dates_od_matrix: meaningful.meaningfulBetweenDates,
  location_event_counts: events.locationEventCounts,
  unique_subscriber_counts: events.uniqueSubscriberCounts,
  location_introversion: events.locationIntroversion,
  total_network_objects: network.totalNetworkObjects,
  aggregate_network_objects: network.aggregateNetworkObjects,
  dfs_metric_total_amount: events.dfsMetricTotalAmount,
  spatial_aggregate: agg.spatialAggregate,
  joined_spatial_aggregate: agg.joinedSpatialAggregate,
  histogram_aggregate: agg.histogramAggregate,
  labelled_spatial_aggregate: agg.labelledSpatialAggregate,
  active_at_reference_location_counts: agg.activeAtReferenceLocationCounts,
  unique_visitor_counts: agg.uniqueVisitorCounts,
  unmoving_counts: agg.unmovingCounts,
  unmoving_at_reference_location_counts: agg.unmovingCounts,
};

/** Computes results over one population, caching them. */
export interface ResultComputer {
  /** The population. */
  readonly population: Population;
  /** The result of a validated top-level query. */
  result(q: LoadedQuery): ResultTable;
}

const computers = new WeakMap<Population, ResultComputer>();

/** The result computer over `population` (one per population, shared by every server using it). */
export function resultComputer(population: Population): ResultComputer {
  const known = computers.get(population);
  if (known) return known;
  const made = makeComputer(population);
  computers.set(population, made);
  return made;
}

function makeComputer(population: Population): ResultComputer {
  const ctx = makeCtx(population);
  const cache = new Map<string, ResultTable>();
  return {
    population,
    result(q) {
      const key = canonical(q);
      const known = cache.get(key);
      if (known) return known;
      const compute = COMPUTE[q.kind];
      const table: ResultTable = compute ? compute(ctx, q) : { columns: [], rows: [], unit: null, rowRegion: null };
      cache.set(key, table);
      if (cache.size > RESULTS_KEPT) cache.delete(cache.keys().next().value as string);
      return table;
    },
  };
}
