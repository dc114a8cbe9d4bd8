/**
 * Result rows on a map, as a FlowAPI user draws them: the rows joined to the aggregation unit's
 * geography (`GET /geography/{unit}`) on the location id `pcod`, which FlowAPI puts both in
 * result rows and in each geography feature's `properties`; `lon-lat` rows are points at their
 * own `lon`/`lat`.
 * @module
 */
import type { Feature, FeatureCollection, ResultRow } from '../../src/index.js';

/** A map-ready collection, or why the rows cannot be drawn. */
export type JoinedMap =
  | { readonly collection: FeatureCollection; readonly notes: readonly string[] }
  | { readonly problem: string };

/** The unit whose rows are points at their own coordinates. */
export const LON_LAT = 'lon-lat';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Rows per location id; several rows of one area (one per label, handset…) are summed column by column. */
function rowsByLocation(rows: readonly ResultRow[]): { byId: Map<string, ResultRow>; summed: boolean } {
  const byId = new Map<string, ResultRow>();
  let summed = false;
  for (const row of rows) {
    const id = String(row['pcod']);
    const seen = byId.get(id);
    if (seen === undefined) {
      byId.set(id, { ...row });
      continue;
    }
    summed = true;
    const merged: Record<string, unknown> = { pcod: row['pcod'] };
    for (const [key, value] of Object.entries(row)) {
      const before = seen[key];
      if (isNumber(value) && isNumber(before)) merged[key] = before + value;
    }
    byId.set(id, merged as ResultRow);
  }
  return { byId, summed };
}

/** `lon-lat` rows as point features. */
function points(rows: readonly ResultRow[]): JoinedMap {
  const features: Feature[] = rows
    .filter((row) => isNumber(row['lon']) && isNumber(row['lat']))
    .map((row) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [row['lon'] as number, row['lat'] as number] }, properties: { ...row } }));
  if (features.length === 0) return { problem: 'The rows have no lon and lat columns to place them.' };
  return { collection: { type: 'FeatureCollection', features }, notes: [] };
}

/**
 * Join `rows` to `geography` (the features of `unit`) on `pcod`: every area of the geography,
 * with the columns of its row added to its properties (areas without a row stay without value:
 * redacted, or no data; rows whose `pcod` is `null`, an outer join's unmatched side, are left
 * out with a note). `geography` is not read for `lon-lat`.
 * @example joinRowsToGeography([{ pcod: 'NPL.1.1.1', value: 12 }], geography, 'admin3')
 */
export function joinRowsToGeography(rows: readonly ResultRow[], geography: FeatureCollection | undefined, unit: string): JoinedMap {
  if (unit === LON_LAT) return points(rows);
  if (!rows.some((row) => row['pcod'] !== undefined)) {
    return { problem: 'The rows have no pcod column to join to the geography (flows, for one, have pcod_from and pcod_to; inflows and outflows have pcod).' };
  }
  const features = geography?.features ?? [];
  if (!features.some((f) => f.properties?.['pcod'] !== undefined)) return { problem: `The ${unit} geography has no pcod in its features' properties to join the rows on.` };
  const located = rows.filter((row) => row['pcod'] !== null);
  const placeless = rows.length - located.length;
  const { byId, summed } = rowsByLocation(located);
  const joined = features.map((feature): Feature => {
    const id = feature.properties?.['pcod'];
    const row = id === undefined ? undefined : byId.get(String(id));
    return row === undefined ? feature : { ...feature, properties: { ...feature.properties, ...row } };
  });
  const areaIds = new Set(features.map((f) => String(f.properties?.['pcod'])));
  const unmatched = [...byId.keys()].filter((id) => !areaIds.has(id)).length;
  if (unmatched === byId.size) return { problem: `None of the rows' pcod values is an area of the ${unit} geography.` };
  const notes = [
    summed ? 'areas with several rows show their sum' : '',
    placeless > 0 ? `${placeless} row${placeless === 1 ? '' : 's'} without a location (pcod null: an outer join's unmatched side) left out` : '',
    unmatched > 0 ? `${unmatched} row${unmatched === 1 ? '' : 's'} with a pcod not in the geography left out` : '',
  ].filter((note) => note !== '');
  return { collection: { type: 'FeatureCollection', features: joined }, notes };
}
