/**
 * Query results as the server streams them: rows (objects with FlowKit's columns) and the same
 * rows as GeoJSON features, computed from the population (same spec, same numbers).
 */
import type { ResultComputer, ResultTable } from './compute/index.js';
import { centroidOf, geometryOf } from './geography.js';
import { CONTEXT, TOP_LEVEL_KINDS } from './registry.js';
import { loadOneOf } from './schema.js';

/** The result rows and features of specs over one population. */
export interface Results {
  /** Result rows of a valid spec (`rowCount` repeats them up to that many), none for an invalid one. */
  resultRows(spec: Record<string, unknown>, queryId: string, rowCount?: number): Iterable<Record<string, unknown>>;
  /** The rows as GeoJSON features (region geometry; properties = the row and FlowMachine's `centroid`). */
  resultFeatures(spec: Record<string, unknown>, queryId: string, rowCount?: number): Iterable<Record<string, unknown>>;
  /** Column names of a valid spec's rows, or `undefined`. */
  resultColumns(spec: Record<string, unknown>): string[] | undefined;
  /** The computed table of a valid spec, or `undefined`. */
  resultTable(spec: Record<string, unknown>): ResultTable | undefined;
}

function rowObject(table: ResultTable, k: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const values = table.rows[k] ?? [];
  table.columns.forEach((c, i) => (row[c] = values[i] ?? null));
  return row;
}

/** Results over the computer `computer()` gives (called when a result is first needed). */
export function makeResults(computer: () => ResultComputer): Results {
  const tableOf = (spec: Record<string, unknown>): ResultTable | undefined => {
    const loaded = loadOneOf(spec, TOP_LEVEL_KINDS, CONTEXT);
    return loaded.ok ? computer().result(loaded.query) : undefined;
  };
  function* indices(table: ResultTable, rowCount: number | undefined): Generator<number> {
    const total = table.rows.length;
    if (total === 0) return;
    const count = rowCount === undefined ? total : Math.max(0, Math.floor(rowCount));
    for (let i = 0; i < count; i++) yield i % total;
  }
  return {
    resultTable: tableOf,
    resultColumns: (spec) => {
      const table = tableOf(spec);
      return table === undefined ? undefined : [...table.columns];
    },
    resultRows: (spec, _queryId, rowCount) => ({
      *[Symbol.iterator]() {
        const table = tableOf(spec);
        if (table === undefined) return;
        for (const k of indices(table, rowCount)) yield rowObject(table, k);
      },
    }),
    resultFeatures: (spec, _queryId, rowCount) => ({
      *[Symbol.iterator]() {
        const table = tableOf(spec);
        if (table === undefined || table.unit === null || table.rowRegion === null) return;
        const pop = computer().population;
        for (const k of indices(table, rowCount)) {
          const r = table.rowRegion[k] ?? -1;
          if (r < 0) continue;
          yield {
            type: 'Feature',
            id: k + 1,
            geometry: geometryOf(pop, table.unit, r),
            properties: { ...rowObject(table, k), centroid: centroidOf(pop, table.unit, r) },
          };
        }
      },
    }),
  };
}
