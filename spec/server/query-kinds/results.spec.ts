import {
  AGGREGATION_UNITS,
  allQueryScopes,
  geographyFeatures,
  resultColumns,
  resultFeatures,
  resultRows,
  TOP_LEVEL_KINDS,
  validateQuerySpec,
} from '../../../server/query-kinds/index.js';
import type { QueryKinds } from '../../../server/kinds.js';
import { pyDumps, pyNumber } from '../../../server/query-kinds/python-json.js';
import { daily, METRICS, tno, VALID } from './fixtures.js';

type Spec = Record<string, unknown>;
const spec = (name: string): Spec => (VALID.find(([n]) => n === name)?.[1] ?? {}) as Spec;
const take = <T>(items: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= n) break;
    out.push(item);
  }
  return out;
};

describe('query-kinds: scopes', () => {
  const scopes = allQueryScopes();

  it("lists contract §4's examples", () => {
    for (const scope of [
      'admin3:spatial_aggregate:spatial_aggregate',
      'admin3:spatial_aggregate:daily_location',
      'admin3:geography:geography',
      'nonspatial:histogram_aggregate:event_count',
      'lon-lat:flows:unique_locations',
      'admin2:joined_spatial_aggregate:handset',
      'admin1:meaningful_locations_aggregate:meaningful_locations_aggregate',
    ]) {
      expect(scopes).withContext(scope).toContain(scope);
    }
  });

  it('has a self scope for every top-level kind and none for nested-only ones or impossible units', () => {
    for (const kind of TOP_LEVEL_KINDS) expect(scopes.some((s) => s.endsWith(`:${kind}:${kind}`))).withContext(kind).toBeTrue();
    expect(scopes.some((s) => s.split(':')[1] === 'daily_location')).toBeFalse();
    expect(scopes).not.toContain('admin3:histogram_aggregate:histogram_aggregate');
    expect(scopes).not.toContain('nonspatial:spatial_aggregate:spatial_aggregate');
    expect(scopes).not.toContain('lon-lat:dfs_metric_total_amount:dfs_metric_total_amount');
    expect(scopes).not.toContain('admin3:spatial_aggregate:event_count');
  });

  it('is sorted and unique', () => {
    expect([...new Set(scopes)].sort()).toEqual(scopes);
  });
});

/** [name, spec, FlowMachine's `column_names` of the query class FlowAPI runs for it, in order]. */
const COLUMNS: ReadonlyArray<readonly [string, Spec, string[]]> = [
  ['spatial_aggregate by admin3', spec('daily_location'), ['pcod', 'value']],
  ['spatial_aggregate by lon-lat', { query_kind: 'spatial_aggregate', locations: daily('2016-01-01', 'lon-lat') }, ['lon', 'lat', 'value']],
  ['flows', spec('flows'), ['pcod_from', 'pcod_to', 'value']],
  ['inflows', spec('inflows'), ['pcod', 'value']],
  ['outflows', spec('outflows'), ['pcod', 'value']],
  ['labelled_flows', spec('labelled_flows'), ['pcod_from', 'pcod_to', 'value_label', 'value']],
  ['location_event_counts', spec('location_event_counts'), ['pcod', 'date', 'value']],
  ['location_event_counts by hour', { ...spec('location_event_counts'), interval: 'hour' }, ['pcod', 'date', 'hour', 'value']],
  ['location_event_counts by min', { ...spec('location_event_counts'), interval: 'min' }, ['pcod', 'date', 'hour', 'min', 'value']],
  ['joined_spatial_aggregate', spec('event_count'), ['pcod', 'value']],
  ['joined_spatial_aggregate distr', spec('handset'), ['pcod', 'metric', 'key', 'value']],
  ['histogram_aggregate', spec('histogram_aggregate'), ['value', 'lower_edge', 'upper_edge']],
  ['total_network_objects', tno(), ['pcod', 'value', 'datetime']],
  ['aggregate_network_objects', spec('aggregate_network_objects'), ['pcod', 'value', 'datetime']],
  ['meaningful_locations_aggregate', spec('meaningful_locations_aggregate'), ['label', 'pcod', 'value']],
  ['meaningful_locations_between_label_od_matrix', spec('meaningful_locations_between_label_od_matrix'), ['label_from', 'label_to', 'pcod_from', 'pcod_to', 'value']],
  ['geography', spec('geography'), ['pcod']],
  ['labelled_spatial_aggregate', spec('coalesced_location + mobility_classification'), ['pcod', 'value_label', 'value']],
];

describe('query-kinds: synthetic results', () => {
  for (const [name, s, columns] of COLUMNS) {
    it(`gives ${name} FlowKit's columns`, () => {
      expect(resultColumns(s)).toEqual(columns);
      const [first] = take(resultRows(s, 'q1'), 1);
      expect(Object.keys(first ?? {})).toEqual(columns);
    });
  }

  it('has rows for every top-level kind in the fixtures', () => {
    for (const [name, s] of VALID) {
      const rows = take(resultRows(s, 'id'), 3);
      expect(rows.length).withContext(name).toBeGreaterThan(0);
    }
  });

  it('gives the same numbers for the same spec whatever the query id, and is re-iterable', () => {
    const s = spec('flows');
    const a = resultRows(s, '5ffe4a96dbe33a117ae9550178b81836');
    expect([...a]).toEqual([...resultRows(s, '5ffe4a96dbe33a117ae9550178b81836')]);
    expect([...a]).toEqual([...a]);
    expect([...a]).toEqual([...resultRows(s, 'another')]);
    expect([...a]).not.toEqual([...resultRows({ ...s, to_location: daily('2016-01-03') }, 'x')]);
  });

  it('has one row per populated region (redacted at 15) by default', () => {
    const admin3 = [...(geographyFeatures('admin3') ?? [])].length;
    expect([...resultRows(spec('spatial_aggregate'), 'x')].length).toBe(1);
    expect([...resultRows(spec('unique_locations'), 'x')].length).toBe(18);
    const flows = [...resultRows(spec('flows'), 'x')];
    expect(flows.length).toBeGreaterThan(admin3);
    expect(flows.length).toBeLessThan(admin3 * admin3);
    expect(flows.every((r) => Number(r['value']) > 15)).toBeTrue();
    expect([...resultRows({ ...spec('location_event_counts'), end_date: '2016-01-04' }, 'x')].length).toBe(3 * admin3);
    expect([...resultRows(spec('histogram_aggregate (bin_list, range)'), 'x')]).toEqual([
      jasmine.objectContaining({ lower_edge: 0, upper_edge: 1 }),
      jasmine.objectContaining({ lower_edge: 1, upper_edge: 5 }),
    ]);
  });

  it('honours a row count lazily (no buffering of huge results)', () => {
    const started = Date.now();
    const rows = take(resultRows(spec('daily_location'), 'big', 10_000_000), 5);
    expect(rows.length).toBe(5);
    expect([...resultRows(spec('daily_location'), 'big', 100)].length).toBe(100);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('gives no rows for an invalid spec', () => {
    expect([...resultRows({ query_kind: 'nope' }, 'x')]).toEqual([]);
  });

  it('gives features with the row as properties and the region as geometry', () => {
    const [feature] = take(resultFeatures(spec('daily_location'), 'f'), 1);
    const [row] = take(resultRows(spec('daily_location'), 'f'), 1);
    expect(feature).toEqual({
      type: 'Feature',
      id: 1,
      geometry: jasmine.objectContaining({ type: 'MultiPolygon' }),
      properties: { ...(row as Spec), centroid: jasmine.objectContaining({ type: 'Point' }) },
    });
    expect([...resultFeatures(spec('histogram_aggregate'), 'f')]).toEqual([]);
    const [point] = take(resultFeatures({ query_kind: 'spatial_aggregate', locations: daily('2016-01-01', 'lon-lat') }, 'f'), 1);
    expect((point?.['geometry'] as Spec | undefined)?.['type']).toBe('Point');
  });

  it('gives inflows one feature per row, a row without a location (outer join) with null geometry', () => {
    const s = { ...spec('flows (unique_locations, left outer)'), query_kind: 'inflows' };
    const rows = [...resultRows(s, 'f')];
    const features = [...resultFeatures(s, 'f')];
    expect(features.length).toBe(rows.length);
    expect(features.map((f) => f['properties'])).toEqual(rows.map((r) => jasmine.objectContaining(r)));
    const placeless = features.filter((f) => (f['properties'] as Spec)['pcod'] === null);
    expect(placeless.length).toBe(1);
    expect(placeless[0]?.['geometry']).toBeNull();
    expect((placeless[0]?.['properties'] as Spec)['centroid']).toBeNull();
  });

  for (const name of ['flows', 'trips_od_matrix', 'meaningful_locations_between_label_od_matrix']) {
    it(`gives ${name} FlowMachine's flow GeoJSON: one feature per location with outflows and inflows`, () => {
      const rows = [...resultRows(spec(name), 'f')];
      const features = [...resultFeatures(spec(name), 'f')];
      const byPcod = new Map(features.map((f) => [String((f['properties'] as Spec)['pcod']), f['properties'] as Spec]));
      expect(rows.length).toBeGreaterThan(0);
      expect(byPcod.size).toBe(features.length);
      expect(features.map((f) => f['id'])).toEqual(features.map((_, i) => i + 1));
      for (const f of features) expect(Object.keys(f['properties'] as Spec)).toEqual(['pcod', 'outflows', 'inflows', 'centroid']);
      const ends = new Set(rows.flatMap((r) => [String(r['pcod_from']), String(r['pcod_to'])]));
      expect([...byPcod.keys()].sort()).toEqual([...ends].sort());
      for (const r of rows) {
        const from = String(r['pcod_from']);
        const to = String(r['pcod_to']);
        expect((byPcod.get(from)?.['outflows'] as Spec | null)?.[to]).withContext(`${from}>${to}`).toBe(r['value']);
        expect((byPcod.get(to)?.['inflows'] as Spec | null)?.[from]).withContext(`${to}<${from}`).toBe(r['value']);
      }
      const entries = (key: string) => features.reduce((n, f) => n + Object.keys(((f['properties'] as Spec)[key] as Spec | null) ?? {}).length, 0);
      expect(entries('outflows')).toBe(rows.length);
      expect(entries('inflows')).toBe(rows.length);
    });
  }

  it('keys labelled_flows GeoJSON by value_label, then by location', () => {
    const rows = [...resultRows(spec('labelled_flows'), 'f')];
    const features = [...resultFeatures(spec('labelled_flows'), 'f')];
    const byPcod = new Map(features.map((f) => [String((f['properties'] as Spec)['pcod']), f['properties'] as Spec]));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const label = String(r['value_label']);
      const out = byPcod.get(String(r['pcod_from']))?.['outflows'] as Record<string, Spec> | null | undefined;
      const into = byPcod.get(String(r['pcod_to']))?.['inflows'] as Record<string, Spec> | null | undefined;
      expect(out?.[label]?.[String(r['pcod_to'])]).toBe(r['value']);
      expect(into?.[label]?.[String(r['pcod_from'])]).toBe(r['value']);
    }
  });

  it('leaves out of flow GeoJSON the rows an outer join leaves without a location', () => {
    const s = spec('flows (unique_locations, left outer)');
    const rows = [...resultRows(s, 'f')].filter((r) => r['pcod_to'] !== null);
    const features = [...resultFeatures(s, 'f')];
    expect(features.some((f) => (f['properties'] as Spec)['pcod'] === null)).toBeFalse();
    const outflows = features.reduce((n, f) => n + Object.keys(((f['properties'] as Spec)['outflows'] as Spec | null) ?? {}).length, 0);
    expect(outflows).toBe(rows.length);
  });

  it('keeps metric fixtures valid for the JSA', () => {
    expect(Object.keys(METRICS).length).toBe(11);
  });
});

type Ring = number[][];
type Multi = Ring[][];
const polygonsOf = (f: Record<string, unknown>): Multi => (f['geometry'] as { coordinates: Multi }).coordinates;
const pointsOf = (f: Record<string, unknown>): Ring => polygonsOf(f).flat(2);
const boxOf = (points: Ring): number[] => {
  const xs = points.map((p) => p[0] ?? 0);
  const ys = points.map((p) => p[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};
const signedArea = (ring: Ring): number =>
  ring.slice(1).reduce((sum, p, i) => sum + ((ring[i]?.[0] ?? 0) * (p[1] ?? 0) - (p[0] ?? 0) * (ring[i]?.[1] ?? 0)), 0) / 2;
const areaOf = (f: Record<string, unknown>): number => polygonsOf(f).flat().reduce((a, ring) => a + signedArea(ring), 0);
const pcodOf = (f: Record<string, unknown>): string => String((f['properties'] as Spec)['pcod']);

describe('query-kinds: geography', () => {
  const levels = ['admin0', 'admin1', 'admin2', 'admin3'].map((unit) => [...(geographyFeatures(unit) ?? [])]);

  it('has 1 / 4 / 18 / 72 regions with FlowMachine\'s pcod and centroid, numbered by id', () => {
    expect(levels.map((l) => l.length)).toEqual([1, 4, 18, 72]);
    for (const features of levels) {
      features.forEach((f, k) => {
        expect(f['id']).toBe(k + 1);
        expect(Object.keys(f['properties'] as Spec)).toEqual(['pcod', 'centroid']);
        expect((f['geometry'] as Spec)['type']).toBe('MultiPolygon');
      });
    }
  });

  it('has closed rings, outer rings counter-clockwise, and irregular outlines (not boxes)', () => {
    for (const f of levels.flat()) {
      for (const polygon of polygonsOf(f)) {
        const [outer, ...holes] = polygon;
        expect(signedArea(outer ?? [])).toBeGreaterThan(0);
        for (const hole of holes) expect(signedArea(hole)).toBeLessThan(0);
        for (const ring of polygon) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1] ?? []);
        }
      }
    }
    expect(levels[3]?.every((f) => (polygonsOf(f)[0]?.[0]?.length ?? 0) > 5)).toBeTrue();
  });

  it('nests each region inside its parent (p-code prefix) and tiles the parent', () => {
    for (let n = 1; n < levels.length; n++) {
      for (const parent of levels[n - 1] ?? []) {
        const children = (levels[n] ?? []).filter((c) => pcodOf(c).startsWith(`${pcodOf(parent)}.`));
        const [px0 = 0, py0 = 0, px1 = 0, py1 = 0] = boxOf(pointsOf(parent));
        expect(children.length).toBeGreaterThan(1);
        let area = 0;
        for (const child of children) {
          const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = boxOf(pointsOf(child));
          expect(x0 >= px0 && y0 >= py0 && x1 <= px1 && y1 <= py1).withContext(pcodOf(child)).toBeTrue();
          area += areaOf(child);
        }
        expect(area).toBeCloseTo(areaOf(parent), 6);
      }
    }
  });

  it('serves lon-lat as points and knows no other units', () => {
    expect(AGGREGATION_UNITS).toEqual(['admin0', 'admin1', 'admin2', 'admin3', 'lon-lat']);
    const [point] = [...(geographyFeatures('lon-lat') ?? [])];
    expect((point?.['geometry'] as Spec | undefined)?.['type']).toBe('Point');
    expect(Object.keys(point?.['properties'] as Spec)).toEqual(['lon', 'lat', 'centroid']);
    expect(geographyFeatures('admin9')).toBeNull();
  });
});

describe('query-kinds: Python-style JSON text', () => {
  it('writes numbers and strings as json.dumps does', () => {
    expect([1e-5, 0.5, 1e16, 2.5e-7, 3, -0.0001].map(pyNumber)).toEqual(['1e-05', '0.5', '10000000000000000', '2.5e-07', '3', '-0.0001']);
    expect(pyDumps({ a: 'é\u007f"', b: [], c: {} })).toBe('{\n  "a": "\\u00e9\\u007f\\"",\n  "b": [],\n  "c": {}\n}');
  });
});

describe('query-kinds: module contract', () => {
  it('fits the QueryKinds interface the server core binds', async () => {
    const kinds = await import('../../../server/query-kinds/index.js');
    const bound: QueryKinds = kinds;
    expect(bound.AGGREGATION_UNITS.length).toBe(5);
  });

  it('keeps a submitted __proto__ key as an unknown field', () => {
    const spec = JSON.parse('{"query_kind":"geography","aggregation_unit":"admin1","__proto__":{"x":1}}') as Spec;
    expect(validateQuerySpec(spec as Spec & { query_kind: unknown }).ok).toBeFalse();
  });
});
