/**
 * GeoJSON of the synthetic country as FlowMachine's `Geography` query gives it: one feature per
 * region with `id` (the row number), a `MultiPolygon` geometry, and `properties` holding the
 * unit's location id columns (`pcod`, or `lon`/`lat` for lon-lat) and the `centroid` point.
 */
import type { Population } from '../population/population.js';
import { adminLevel, regionCount } from './compute/filters.js';
import { regionProperties } from './compute/table.js';
import { AGGREGATION_UNITS } from './units.js';

/** A GeoJSON geometry object. */
export type Geometry = { type: 'MultiPolygon'; coordinates: number[][][][] } | { type: 'Point'; coordinates: number[] };

/** The geometry of region `r` of a unit. */
export function geometryOf(pop: Population, unit: string, r: number): Geometry {
  const level = adminLevel(unit);
  if (level === undefined) return { type: 'Point', coordinates: [pop.network.lon[r] ?? 0, pop.network.lat[r] ?? 0] };
  return { type: 'MultiPolygon', coordinates: pop.country.levels[level]?.[r]?.coordinates ?? [] };
}

/** The `centroid` property FlowMachine's GeoJSON adds (`ST_Centroid` as a GeoJSON point). */
export function centroidOf(pop: Population, unit: string, r: number): Geometry {
  const level = adminLevel(unit);
  const c = level === undefined ? [pop.network.lon[r] ?? 0, pop.network.lat[r] ?? 0] : [...(pop.country.levels[level]?.[r]?.centroid ?? [0, 0])];
  return { type: 'Point', coordinates: c };
}

function* features(pop: Population, unit: string): Generator<Record<string, unknown>> {
  const count = regionCount(pop, unit);
  for (let r = 0; r < count; r++) {
    yield { type: 'Feature', id: r + 1, geometry: geometryOf(pop, unit, r), properties: { ...regionProperties(pop, unit, r), centroid: centroidOf(pop, unit, r) } };
  }
}

/** GeoJSON Feature objects of every region of `unit`, or `null` for an unknown unit. */
export function populationFeatures(pop: Population, unit: string): Iterable<Record<string, unknown>> | null {
  return AGGREGATION_UNITS.includes(unit) ? { [Symbol.iterator]: () => features(pop, unit) } : null;
}
