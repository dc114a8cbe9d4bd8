/**
 * A "flows above normal" analysis as FlowKit's worked example makes it: flows of a normal period
 * (Saturday → Sunday) and of the period of interest (Sunday → Monday, when commuters leave),
 * their difference joined to the geography on pcod.
 */
import { call } from '../support/http.js';
import { daily, flows, rowsOf, sessionFor, type Row } from './support.js';

describe('synthetic country: flows above normal', () => {
  const session = sessionFor({ queryDurationMs: 0, subscribers: 8_000 });

  it('finds plausible, non-zero flows above normal that all join to the map', async () => {
    const at = (date: string) => daily(date, 'admin2', 'most-common');
    const normal = await rowsOf(session, flows(at('2016-01-02'), at('2016-01-03')));
    const event = await rowsOf(session, flows(at('2016-01-03'), at('2016-01-04')));
    const key = (r: Row) => `${String(r['pcod_from'])}>${String(r['pcod_to'])}`;
    const base = new Map(normal.map((r) => [key(r), Number(r['value'])]));
    const above = event
      .filter((r) => r['pcod_from'] !== r['pcod_to'])
      .map((r) => ({ from: String(r['pcod_from']), to: String(r['pcod_to']), value: Number(r['value']) - (base.get(key(r)) ?? 0) }))
      .filter((r) => r.value > 0);
    const answer = await call(session.server, '/api/0/geography/admin2', { token: session.token });
    const regions = new Map((answer.body as { features: { properties: Row }[] }).features.map((f) => [String(f.properties['pcod']), f]));
    expect(above.length).toBeGreaterThan(3);
    for (const r of above) {
      expect(regions.has(r.from) && regions.has(r.to)).withContext(`${r.from}>${r.to}`).toBeTrue();
      expect(r.value).toBeLessThanOrEqual(8_000);
    }
    const moved = above.reduce((a, r) => a + r.value, 0);
    expect(moved).toBeGreaterThan(100); // Monday's commute
    expect(moved).toBeLessThan(8_000 * 0.5);
  });
});
