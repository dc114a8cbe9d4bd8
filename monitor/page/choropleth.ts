/**
 * GeoJSON drawn as a choropleth in SVG: Polygon and MultiPolygon areas (holes kept) and points,
 * in an equirectangular projection fitted to the features' bounding box, filled by their `value`
 * (or first numeric property) in five quantile classes, with a legend. No map tiles: everything
 * comes from the GeoJSON.
 * @module
 */
import type { Feature, FeatureCollection } from '../../src/index.js';
import { h, svg } from './dom.js';
import { formatNumber } from './format.js';

type Position = readonly [number, number];
type Ring = readonly Position[];

/** ColorBrewer Blues, light to dark. */
const PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
const NO_DATA = '#d9d9d9';
const WIDTH = 480;
const PAD = 6;

const isPosition = (p: unknown): p is Position => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number';
const isRing = (r: unknown): r is Ring => Array.isArray(r) && r.every(isPosition);

/** The polygons (as lists of rings) and points of a geometry; other geometry types are skipped. */
function shapesOf(geometry: unknown): { polygons: Ring[][]; points: Position[] } {
  const g = (typeof geometry === 'object' && geometry !== null ? geometry : {}) as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const c = g.coordinates;
  const asPolygon = (p: unknown): Ring[] => (Array.isArray(p) ? p.filter(isRing) : []);
  switch (g.type) {
    case 'Polygon':
      return { polygons: [asPolygon(c)], points: [] };
    case 'MultiPolygon':
      return { polygons: Array.isArray(c) ? c.map(asPolygon) : [], points: [] };
    case 'Point':
      return { polygons: [], points: isPosition(c) ? [c] : [] };
    case 'MultiPoint':
      return { polygons: [], points: Array.isArray(c) ? c.filter(isPosition) : [] };
    case 'GeometryCollection': {
      const parts = Array.isArray(g.geometries) ? g.geometries.map(shapesOf) : [];
      return { polygons: parts.flatMap((p) => p.polygons), points: parts.flatMap((p) => p.points) };
    }
    default:
      return { polygons: [], points: [] };
  }
}

/** The property coloured: `value` when numeric somewhere, else the first numeric property that is not a coordinate. */
export function valueProperty(features: readonly Feature[]): string | undefined {
  const numericKeys = new Set<string>();
  for (const f of features) for (const [k, v] of Object.entries(f.properties ?? {})) if (typeof v === 'number') numericKeys.add(k);
  if (numericKeys.has('value')) return 'value';
  return [...numericKeys].find((k) => !['lon', 'lat', 'longitude', 'latitude'].includes(k));
}

/** Upper bounds of `classes` quantile classes of `values` (sorted, distinct). */
export function quantileBreaks(values: readonly number[], classes = PALETTE.length): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks = Array.from({ length: classes }, (_, i) => sorted[Math.min(sorted.length - 1, Math.ceil(((i + 1) * sorted.length) / classes) - 1)] ?? 0);
  return [...new Set(breaks)];
}

/** A feature's label: its name or code property, for tooltips. */
function labelOf(feature: Feature): string {
  const props = feature.properties ?? {};
  const key = Object.keys(props).find((k) => /name$/i.test(k)) ?? Object.keys(props).find((k) => /pcod/i.test(k));
  return key === undefined ? String(feature.id ?? 'area') : String(props[key]);
}

/**
 * The map and its legend (with `notes` about how it was made, if any); a note instead when
 * there is nothing to draw.
 */
export function choropleth(collection: FeatureCollection, title: string, notes: readonly string[] = []): HTMLElement {
  const features = collection.features;
  const property = valueProperty(features);
  const shapes = features.map((f) => shapesOf(f.geometry));
  const all = shapes.flatMap((s) => [...s.polygons.flat(2), ...s.points]);
  if (all.length === 0) return h('p', { class: 'muted' }, 'Nothing to draw: the result has no polygons.');

  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of all) {
    [minLon, maxLon, minLat, maxLat] = [Math.min(minLon, lon), Math.max(maxLon, lon), Math.min(minLat, lat), Math.max(maxLat, lat)];
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180); // equirectangular: shrink longitudes at this latitude
  const spanX = Math.max((maxLon - minLon) * kx, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = (WIDTH - 2 * PAD) / Math.max(spanX, spanY * 1.6); // very tall extents are capped
  const height = Math.round(spanY * scale + 2 * PAD);
  const x = (lon: number): string => (PAD + (lon - minLon) * kx * scale).toFixed(1);
  const y = (lat: number): string => (PAD + (maxLat - lat) * scale).toFixed(1);
  const ringPath = (ring: Ring): string => ring.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p[0])} ${y(p[1])}`).join('') + 'Z';

  const values = property === undefined ? [] : features.map((f) => f.properties?.[property]).filter((v): v is number => typeof v === 'number');
  const breaks = quantileBreaks(values);
  const classOf = (v: number): number => {
    const i = breaks.findIndex((b) => v <= b);
    return i < 0 ? breaks.length - 1 : i;
  };
  // Fewer classes than colours (few distinct values): spread them over the palette.
  const colourOfClass = (i: number): string => PALETTE[Math.round((i * (PALETTE.length - 1)) / Math.max(1, breaks.length - 1))] ?? NO_DATA;
  const colourOf = (v: unknown): string => (typeof v === 'number' ? colourOfClass(classOf(v)) : NO_DATA);

  const map = svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${height}`, class: 'choropleth', role: 'img', 'aria-label': `Map: ${title}`, 'data-testid': 'map' },
    ...features.flatMap((feature, i) => {
      const value = property === undefined ? undefined : feature.properties?.[property];
      const tip = svg('title', {}, `${labelOf(feature)}: ${typeof value === 'number' ? formatNumber(value) : 'no data'}`);
      const fill = colourOf(value);
      const { polygons, points } = shapes[i] ?? { polygons: [], points: [] };
      return [
        ...(polygons.length > 0 ? [svg('path', { d: polygons.map((rings) => rings.map(ringPath).join('')).join(''), fill, 'fill-rule': 'evenodd' }, tip)] : []),
        ...points.map((p) => svg('circle', { cx: x(p[0]), cy: y(p[1]), r: 4, fill }, tip.cloneNode(true))),
      ];
    }),
  );

  // Each class's legend gives the smallest and largest value actually in it.
  const ranges = breaks.map(() => ({ low: Infinity, high: -Infinity }));
  for (const v of values) {
    const range = ranges[classOf(v)];
    if (range) [range.low, range.high] = [Math.min(range.low, v), Math.max(range.high, v)];
  }
  const legendItems = ranges.flatMap((range, i) => {
    if (range.low > range.high) return [];
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = colourOfClass(i);
    return [h('li', {}, swatch, range.low === range.high ? formatNumber(range.low) : `${formatNumber(range.low)} – ${formatNumber(range.high)}`)];
  });
  if (values.length < features.length) {
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = NO_DATA;
    legendItems.push(h('li', {}, swatch, 'no data'));
  }
  const legend = h(
    'div',
    { class: 'legend' },
    h('p', { class: 'legend-title' }, property === undefined ? 'no numeric property to colour by' : property),
    h('ul', {}, ...legendItems),
    notes.length > 0 && h('p', { class: 'legend-note muted', 'data-testid': 'map-notes' }, notes.join('; ')),
  );
  return h('figure', { class: 'map' }, map, h('figcaption', {}, legend));
}
