/**
 * Query results as the server streams them: rows (objects with FlowKit's columns) and their
 * GeoJSON features, computed from the population (same spec, same numbers).
 */
import type { Population } from '../population/population.js';
import type { ResultComputer, ResultTable } from './compute/index.js';
import { flowFeatures } from './flow-features.js';
import { centroidOf, geometryOf } from './geography.js';
import { CONTEXT, TOP_LEVEL_KINDS } from './registry.js';
import { loadOneOf } from './schema.js';

/** The result rows and features of specs over one population. */
export interface Results {
  /** Result rows of a valid spec (`rowCount` repeats them up to that many), none for an invalid one. */
  resultRows(spec: Record<string, unknown>, queryId: string, rowCount?: number): Iterable<Record<string, unknown>>;
  /**
   * The result as GeoJSON features, as FlowMachine's `geojson_query` writes them: one per row (the
   * row's region as geometry, `null` for a row without a location; properties = the row and
   * `centroid`), or for the origin–destination kinds one per location with its `outflows` and
   * `inflows` ({@link flowFeatures}). `rowCount` repeats them up to that many.
   */
  resultFeatures(spec: Record<string, unknown>, queryId: string, rowCount?: number): Iterable<Record<string, unknown>>;
  /** Column names of a valid spec's rows, or `undefined`. */
  resultColumns(spec: Record<string, unknown>): string[] | undefined;
}

function rowObject(table: ResultTable, k: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const values = table.rows[k] ?? [];
  table.columns.forEach((c, i) => (row[c] = values[i] ?? null));
  return row;
}

/** Origin–destination features per (cached) table: built on the first `.geojson` request, not on every one. */
const flowFeatureCache = new WeakMap<ResultTable, Record<string, unknown>[]>();

function flowFeaturesOf(pop: Population, table: ResultTable): Record<string, unknown>[] {
  let features = flowFeatureCache.get(table);
  if (features === undefined) {
    features = flowFeatures(pop, table);
    flowFeatureCache.set(table, features);
  }
  return features;
}

/** Results over the computer `computer()` gives (called when a result is first needed). */
export function makeResults(computer: () => ResultComputer): Results {
  const tableOf = (spec: Record<string, unknown>): ResultTable | undefined => {
    const loaded = loadOneOf(spec, TOP_LEVEL_KINDS, CONTEXT);
    return loaded.ok ? computer().result(loaded.query) : undefined;
  };
  function* indices(total: number, rowCount: number | undefined): Generator<number> {
    if (total === 0) return;
    const count = rowCount === undefined ? total : Math.max(0, Math.floor(rowCount));
    for (let i = 0; i < count; i++) yield i % total;
  }
  return {
    resultColumns: (spec) => {
      const table = tableOf(spec);
      return table === undefined ? undefined : [...table.columns];
    },
    resultRows: (spec, _queryId, rowCount) => ({
      *[Symbol.iterator]() {
        const table = tableOf(spec);
        if (table === undefined) return;
        for (const k of indices(table.rows.length, rowCount)) yield rowObject(table, k);
      },
    }),
    resultFeatures: (spec, _queryId, rowCount) => ({
      *[Symbol.iterator]() {
        const table = tableOf(spec);
        if (table === undefined || table.unit === null || table.rowRegion === null) return;
        const pop = computer().population;
        if (table.rowDestination !== undefined) {
          const features = flowFeaturesOf(pop, table);
          for (const k of indices(features.length, rowCount)) yield features[k] ?? {};
          return;
        }
        for (const k of indices(table.rows.length, rowCount)) {
          const r = table.rowRegion[k] ?? -1;
          yield {
            type: 'Feature',
            id: k + 1,
            geometry: r < 0 ? null : geometryOf(pop, table.unit, r),
            properties: { ...rowObject(table, k), centroid: r < 0 ? null : centroidOf(pop, table.unit, r) },
          };
        }
      },
    }),
  };
}
