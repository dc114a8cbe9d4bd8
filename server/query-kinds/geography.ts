/**
 * GeoJSON of the synthetic regions: a feature per region of an aggregation unit, as FlowAPI's
 * `/geography/<unit>` streams them.
 */
import { adminLevel, regionsOf, type Region } from './regions.js';

/** A GeoJSON geometry object. */
export type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'Point'; coordinates: number[] };

/** The geometry of a region: its box as a closed counter-clockwise ring, or a point for lon-lat. */
export function geometryOf(region: Region): Geometry {
  const [x0, y0, x1, y1] = region.box;
  if (x0 === x1 && y0 === y1) return { type: 'Point', coordinates: [x0, y0] };
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

/** Properties FlowKit's geography gives a region of `unit` (`admin<n>pcod`, `admin<n>name`). */
export function geographyProperties(unit: string, region: Region): Record<string, unknown> {
  const level = adminLevel(unit);
  if (level === undefined) return { lon: region.centroid[0], lat: region.centroid[1] };
  return { [`admin${level}pcod`]: region.pcod, [`admin${level}name`]: region.name };
}

function* features(unit: string, regions: readonly Region[]): Generator<Record<string, unknown>> {
  for (const region of regions) {
    yield { type: 'Feature', geometry: geometryOf(region), properties: geographyProperties(unit, region) };
  }
}

/** GeoJSON Feature objects of every region of `unit`, or `null` for an unknown unit. */
export function geographyFeatures(unit: string): Iterable<Record<string, unknown>> | null {
  const regions = regionsOf(unit);
  return regions === undefined ? null : { [Symbol.iterator]: () => features(unit, regions) };
}
