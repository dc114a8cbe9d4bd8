/**
 * Redaction as FlowMachine's `Redacted*` queries apply it (groups of 15 subscribers or fewer
 * dropped), and the named `mapping_table` / `geom_table`s (unknown names refused).
 */
import { call } from '../support/http.js';
import { daily, flows, rowsOf, sessionFor, spatial, type Row } from './support.js';

describe('synthetic country: redaction', () => {
  const session = sessionFor({ queryDurationMs: 0, subscribers: 3_000 });

  it('drops regions and pairs of 15 subscribers or fewer, so a small country has gaps', async () => {
    const located = await rowsOf(session, spatial(daily('2016-01-01', 'lon-lat')));
    const sites = await call(session.server, '/api/0/geography/lon-lat', { token: session.token });
    expect(located.length).toBeGreaterThan(0);
    expect(located.length).toBeLessThan((sites.body as { features: unknown[] }).features.length);
    const od = await rowsOf(session, flows(daily('2016-01-01'), daily('2016-01-02')));
    for (const r of [...located, ...od]) expect(Number(r['value'])).toBeGreaterThan(15);
  });

  it('drops a region from a labelled aggregate when any of its labels has 15 or fewer', async () => {
    const location = (date: string) => daily(date, 'admin1');
    const rows = await rowsOf(session, {
      query_kind: 'labelled_spatial_aggregate',
      locations: location('2016-01-03'),
      labels: { query_kind: 'mobility_classification', locations: ['2016-01-01', '2016-01-02', '2016-01-03'].map(location), stay_length_threshold: 2 },
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r['value'])).toBeGreaterThan(15);
  });
});

describe('synthetic country: mapping and geometry tables', () => {
  const session = sessionFor({ queryDurationMs: 0, subscribers: 8_000 });
  const located = (extra: Row, unit = 'admin3') => spatial({ ...daily('2016-01-01', unit), ...extra });

  it('maps every cell to the capital with geography.capital_mapping: one unit only', async () => {
    const all = await rowsOf(session, located({}));
    const mapped = await rowsOf(session, located({ mapping_table: 'geography.capital_mapping' }));
    expect(mapped.length).toBe(1);
    // Everyone with an event is located at the capital (the unmapped rows lose the redacted regions).
    expect(Number(mapped[0]?.['value'])).toBeGreaterThanOrEqual(all.reduce((a, r) => a + Number(r['value']), 0));
    expect(Number(mapped[0]?.['value'])).toBeLessThanOrEqual(8_000);
  });

  it('keeps only the urban areas with geography.urban_mapping (events elsewhere dropped, so their people are located there)', async () => {
    const all = new Map((await rowsOf(session, located({}))).map((r) => [r['pcod'], r['value']]));
    const mapped = await rowsOf(session, located({ mapping_table: 'geography.urban_mapping' }));
    expect(mapped.length).toBeGreaterThan(0);
    expect(mapped.length).toBeLessThanOrEqual(12);
    for (const r of mapped) expect(Number(r['value'])).toBeGreaterThanOrEqual(Number(all.get(r['pcod']) ?? 0));
  });

  it("refuses unknown tables with FlowMachine's Table error, and reads geom_table for lon-lat only", async () => {
    const refused = await call(session.server, '/api/0/run', { token: session.token, json: located({ mapping_table: 'nope' }) });
    expect(refused.status).toBe(400);
    expect((refused.body as { msg: string }).msg).toBe('public.nope is not a known table.');
    const lonLat = await call(session.server, '/api/0/run', { token: session.token, json: located({ geom_table: 'geography.nope' }, 'lon-lat') });
    expect((lonLat.body as { msg: string }).msg).toBe('geography.nope is not a known table.');
    const sites = await rowsOf(session, located({ geom_table: 'infrastructure.sites' }, 'lon-lat'));
    expect(sites).toEqual(await rowsOf(session, located({}, 'lon-lat')));
    const admin = await call(session.server, '/api/0/run', { token: session.token, json: located({ geom_table: 'geography.nope' }) });
    expect(admin.status).toBe(202);
  });
});
