/**
 * GeoJSON of the origin–destination kinds as FlowMachine's `FlowLike._geo_augmented_query` writes
 * it: not one feature per row, but one per location that is an origin or a destination of a
 * (redacted) row, its `properties` the location's id columns, `outflows` (destination id → value)
 * and `inflows` (origin id → value), each `null` when the location has none, and `centroid`. For
 * `labelled_flows` the objects are keyed first by `value_label`, then by location. Keys are the
 * text of the other end's first location column (`pcod`, or `lon` for lon-lat).
 *
 * FlowMachine's `json_object_agg` fails on a `null` key, so a real server cannot write the
 * GeoJSON of an outer-joined result with a row lacking a location; here such rows are left out.
 */
import type { Population } from '../population/population.js';
import type { ResultTable } from './compute/index.js';
import { regionProperties, regionValues } from './compute/table.js';
import { centroidOf, geometryOf } from './geography.js';

/** Nested flow objects: location id → value, or label → (location id → value). */
type FlowObject = Record<string, unknown>;

/** Adds `value` under `label` (if any) then `key` in the flows of `region`. */
function addFlow(flows: Map<number, FlowObject>, region: number, label: string | undefined, key: string, value: unknown): void {
  const top = flows.get(region) ?? {};
  flows.set(region, top);
  const target = label === undefined ? top : ((top[label] as FlowObject | undefined) ?? (top[label] = {}));
  (target as FlowObject)[key] = value;
}

/**
 * The features of an origin–destination table (one with `rowDestination`), in region order,
 * numbered from 1; an empty list for any other table.
 */
export function flowFeatures(pop: Population, table: ResultTable): Record<string, unknown>[] {
  const { unit, rowRegion: origins, rowDestination: destinations } = table;
  if (unit === null || origins === null || destinations === undefined) return [];
  const valueAt = table.columns.indexOf('value');
  const labelAt = table.columns.indexOf('value_label');
  const keyOf = (r: number): string => String(regionValues(pop, unit, r)[0]);
  const outflows = new Map<number, FlowObject>();
  const inflows = new Map<number, FlowObject>();
  table.rows.forEach((row, k) => {
    const from = origins[k] ?? -1;
    const to = destinations[k] ?? -1;
    if (from < 0 || to < 0) return;
    const label = labelAt < 0 ? undefined : String(row[labelAt]);
    const value = row[valueAt] ?? null;
    addFlow(outflows, from, label, keyOf(to), value);
    addFlow(inflows, to, label, keyOf(from), value);
  });
  const regions = [...new Set([...outflows.keys(), ...inflows.keys()])].sort((a, b) => a - b);
  return regions.map((r, i) => ({
    type: 'Feature',
    id: i + 1,
    geometry: geometryOf(pop, unit, r),
    properties: {
      ...regionProperties(pop, unit, r),
      outflows: outflows.get(r) ?? null,
      inflows: inflows.get(r) ?? null,
      centroid: centroidOf(pop, unit, r),
    },
  }));
}
