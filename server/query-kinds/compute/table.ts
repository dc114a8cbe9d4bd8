/**
 * A computed result: its columns and rows, the unit of its region columns (for `.geojson`), and
 * FlowMachine's redaction rule.
 */
import type { Population } from '../../population/population.js';
import { adminLevel } from './filters.js';

/** A query result as rows of values. */
export interface ResultTable {
  /** Column names. */
  readonly columns: readonly string[];
  /** Rows, values in column order. */
  readonly rows: readonly (readonly unknown[])[];
  /** Unit of the rows' (first) region, or `null` without one. */
  readonly unit: string | null;
  /** Region index of each row (for its geometry; `-1` for none), or `null`. */
  readonly rowRegion: Int32Array | null;
  /**
   * Of an origin–destination table (flows, labelled flows, trips and meaningful-locations OD
   * matrices): the destination region of each row (`-1` for none), `rowRegion` being the origin.
   */
  readonly rowDestination?: Int32Array;
}

/** FlowMachine drops aggregates of this many subscribers or fewer. */
export const REDACTION_THRESHOLD = 15;

/** Region columns of a unit: `pcod<suffix>`, or `lon<suffix>`, `lat<suffix>` for lon-lat. */
export function regionColumns(unit: string, suffix = ''): string[] {
  return adminLevel(unit) === undefined ? [`lon${suffix}`, `lat${suffix}`] : [`pcod${suffix}`];
}

/** Values of the region columns for region `r` of a unit (`null`s for `-1`). */
export function regionValues(pop: Population, unit: string, r: number): unknown[] {
  const level = adminLevel(unit);
  if (level === undefined) return r < 0 ? [null, null] : [pop.network.lon[r] ?? null, pop.network.lat[r] ?? null];
  return [r < 0 ? null : (pop.country.levels[level]?.[r]?.pcod ?? null)];
}

/** The region columns of region `r` of a unit as an object (`pcod`, or `lon` and `lat`), as GeoJSON properties carry them. */
export function regionProperties(pop: Population, unit: string, r: number): Record<string, unknown> {
  const values = regionValues(pop, unit, r);
  return Object.fromEntries(regionColumns(unit).map((c, j) => [c, values[j] ?? null]));
}

/** A table with one region column set per row, built from `(region, values)` entries. */
export function regionTable(
  pop: Population,
  unit: string,
  valueColumns: readonly string[],
  entries: Iterable<readonly [number, readonly unknown[]]>,
  leading: readonly string[] = [],
  leadingValues?: (k: number) => readonly unknown[],
): ResultTable {
  const rows: unknown[][] = [];
  const regions: number[] = [];
  let k = 0;
  for (const [r, values] of entries) {
    rows.push([...(leadingValues?.(k) ?? []), ...regionValues(pop, unit, r), ...values]);
    regions.push(r);
    k++;
  }
  return { columns: [...leading, ...regionColumns(unit), ...valueColumns], rows, unit, rowRegion: Int32Array.from(regions) };
}

/** Rows `(region, value)` of per-region subscriber counts above the redaction threshold. */
export function redactedCounts(pop: Population, unit: string, counts: Float64Array): ResultTable {
  const entries: [number, unknown[]][] = [];
  counts.forEach((c, r) => {
    if (c > REDACTION_THRESHOLD) entries.push([r, [c]]);
  });
  return regionTable(pop, unit, ['value'], entries);
}

/** Round to `digits` decimals. */
export function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
