/**
 * Geography as FlowAPI gives it: features with `pcod` (or `lon`/`lat`) in `properties`,
 * `MultiPolygon` admin geometries, the same shapes in `.geojson` results, and every result row
 * joining to a feature on `pcod`.
 */
import { call, runToCompletion } from '../support/http.js';
import { daily, flows, rowsOf, sessionFor, spatial, type Row } from './support.js';

type Feature = { type: string; id: number; geometry: { type: string; coordinates: unknown }; properties: Row };

describe('synthetic country: geography as FlowAPI gives it', () => {
  const session = sessionFor({ queryDurationMs: 0, subscribers: 8_000 });
  const geography = async (unit: string): Promise<Feature[]> => {
    const answer = await call(session.server, `/api/0/geography/${unit}`, { token: session.token });
    expect(answer.status).toBe(200);
    return (answer.body as { features: Feature[] }).features;
  };

  it('gives admin features with pcod in properties and MultiPolygon geometries', async () => {
    for (const [unit, count] of [['admin0', 1], ['admin1', 4], ['admin2', 18], ['admin3', 72]] as const) {
      const features = await geography(unit);
      expect(features.length).withContext(unit).toBe(count);
      for (const f of features) {
        expect(f.type).toBe('Feature');
        expect('pcod' in f.properties).toBeTrue();
        expect(f.geometry.type).toBe('MultiPolygon');
      }
    }
  });

  it('joins every result row to a feature on pcod (spatial aggregate, flows, .geojson)', async () => {
    const pcods = new Set((await geography('admin3')).map((f) => String(f.properties['pcod'])));
    const located = await rowsOf(session, spatial(daily('2016-01-01')));
    expect(located.length).toBeGreaterThan(0);
    for (const r of located) expect(pcods.has(String(r['pcod']))).withContext(String(r['pcod'])).toBeTrue();
    for (const r of await rowsOf(session, flows(daily('2016-01-01'), daily('2016-01-02')))) {
      expect(pcods.has(String(r['pcod_from'])) && pcods.has(String(r['pcod_to']))).toBeTrue();
    }
    const id = await runToCompletion(session.server, session.token, spatial(daily('2016-01-01')));
    const answer = await call(session.server, `/api/0/get/${id}.geojson`, { token: session.token });
    const features = (answer.body as { features: Feature[] }).features;
    expect(features.length).toBe(located.length);
    for (const f of features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(pcods.has(String(f.properties['pcod']))).toBeTrue();
    }
  });

  it('gives lon-lat as points whose lon/lat are the result rows\' lon/lat', async () => {
    const points = await geography('lon-lat');
    expect(points.every((f) => f.geometry.type === 'Point')).toBeTrue();
    const keys = new Set(points.map((f) => `${String(f.properties['lon'])},${String(f.properties['lat'])}`));
    const rows = await rowsOf(session, spatial(daily('2016-01-01', 'lon-lat')));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(keys.has(`${String(r['lon'])},${String(r['lat'])}`)).toBeTrue();
  });
});
