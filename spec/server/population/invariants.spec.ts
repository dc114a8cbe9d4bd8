/**
 * The synthetic country's results agree with each other, as a real FlowKit's do: checked over
 * HTTP on two seeds (8,000 subscribers for speed) and once at the default size.
 */
import { startTestServer } from '../../../server/index.js';
import { byKey, daily, flows, rowsOf, sessionFor, spatial, total, type Row, type Session } from './support.js';

const SUBSCRIBERS = 8_000;
const uniqueSubscribers = (start: string, end: string, unit = 'admin3'): Row => ({
  query_kind: 'unique_subscriber_counts',
  start_date: start,
  end_date: end,
  aggregation_unit: unit,
});
const handsetDistr = (unit: string): Row => ({
  query_kind: 'joined_spatial_aggregate',
  method: 'distr',
  locations: daily('2016-01-04', unit),
  metric: { query_kind: 'handset', start_date: '2016-01-04', end_date: '2016-01-05', characteristic: 'hnd_type', method: 'last' },
});
const meaningful = (label: string, hourScores: number[]): Row => ({
  query_kind: 'meaningful_locations_aggregate',
  start_date: '2016-01-01',
  end_date: '2016-01-08',
  aggregation_unit: 'admin1',
  label,
  labels: {
    evening: { type: 'Polygon', coordinates: [[[-1, 1], [-1, -1], [-0.00001, -1], [-0.00001, 1], [-1, 1]]] },
    day: { type: 'Polygon', coordinates: [[[0.00001, 1], [0.00001, -1], [1, -1], [1, 1], [0.00001, 1]]] },
  },
  tower_day_of_week_scores: { monday: 0.5, tuesday: 0.5, wednesday: 0.5, thursday: 0.5, friday: 0.5, saturday: -0.5, sunday: -0.5 },
  tower_hour_of_day_scores: hourScores,
});
const DAYTIME = Array.from({ length: 24 }, (_, h) => (h >= 7 && h < 19 ? 1 : -1));

for (const seed of [1, 7]) {
  describe(`synthetic country (seed ${seed}): results agree with each other`, () => {
    const session = sessionFor({ queryDurationMs: 0, seed, subscribers: SUBSCRIBERS });

    it('counts unique subscribers over a period at least as high as over one of its days, and never above the subscribers', async () => {
      const day = byKey(await rowsOf(session, uniqueSubscribers('2016-01-02', '2016-01-03')));
      const week = byKey(await rowsOf(session, uniqueSubscribers('2016-01-01', '2016-01-08')));
      expect(day.size).toBeGreaterThan(0);
      for (const [pcod, value] of day) expect(week.get(pcod) ?? 0).withContext(pcod).toBeGreaterThanOrEqual(value);
      const [country] = await rowsOf(session, uniqueSubscribers('2016-01-01', '2016-01-08', 'admin0'));
      expect(Number(country?.['value'])).toBeLessThanOrEqual(SUBSCRIBERS);
      const located = total(await rowsOf(session, spatial(daily('2016-01-03', 'admin0'))));
      expect(Number(country?.['value'])).toBeGreaterThanOrEqual(located);
      expect(located).toBeLessThanOrEqual(SUBSCRIBERS);
    });

    it('has flows out of a region summing to no more than its located subscribers, and in/outflows equal to the sums of the flows', async () => {
      const from = daily('2016-01-03', 'admin1', 'most-common');
      const to = daily('2016-01-04', 'admin1', 'most-common');
      const od = await rowsOf(session, flows(from, to));
      const located = byKey(await rowsOf(session, spatial(from)));
      const outflows = byKey(await rowsOf(session, flows(from, to, 'outflows')));
      const inflows = byKey(await rowsOf(session, flows(from, to, 'inflows')));
      const out = new Map<string, number>();
      const into = new Map<string, number>();
      for (const r of od) {
        out.set(String(r['pcod_from']), (out.get(String(r['pcod_from'])) ?? 0) + Number(r['value']));
        into.set(String(r['pcod_to']), (into.get(String(r['pcod_to'])) ?? 0) + Number(r['value']));
      }
      expect(od.length).toBe(16); // 4 × 4 admin1 pairs, none redacted at this size
      for (const [pcod, value] of out) {
        expect(value).withContext(pcod).toBeLessThanOrEqual(located.get(pcod) ?? 0);
        expect(outflows.get(pcod)).withContext(pcod).toBe(value);
      }
      for (const [pcod, value] of into) expect(inflows.get(pcod)).withContext(pcod).toBe(value);
      expect(total(od)).toBeLessThanOrEqual(SUBSCRIBERS);
    });

    it('gives handset shares summing to 1 per region, with all three handset types', async () => {
      const rows = await rowsOf(session, handsetDistr('admin2'));
      const sums = new Map<string, number>();
      for (const r of rows) sums.set(String(r['pcod']), (sums.get(String(r['pcod'])) ?? 0) + Number(r['value']));
      expect(sums.size).toBe(18);
      for (const [pcod, sum] of sums) expect(sum).withContext(pcod).toBeCloseTo(1, 9);
      expect(new Set(rows.map((r) => r['key']))).toEqual(new Set(['Basic', 'Feature', 'Smart']));
    });

    it('counts hourly events that follow the time of day and add up to the daily counts', async () => {
      const counts = (interval: string): Row => ({
        query_kind: 'location_event_counts',
        start_date: '2016-01-04',
        end_date: '2016-01-05',
        interval,
        aggregation_unit: 'admin0',
      });
      const hourly = await rowsOf(session, counts('hour'));
      const [dayRow] = await rowsOf(session, counts('day'));
      const at = (h: number) => Number(hourly.find((r) => r['hour'] === h)?.['value'] ?? 0);
      expect(hourly.length).toBe(24);
      expect(total(hourly)).toBe(Number(dayRow?.['value']));
      expect(at(3)).toBeLessThan(at(8));
      expect(at(8)).toBeLessThan(at(19));
      expect(at(3) * 10).toBeLessThan(at(12));
    });

    it('labels meaningful locations by the tower scores (flipping the hour scores swaps day and evening)', async () => {
      const day = await rowsOf(session, meaningful('day', DAYTIME));
      const evening = await rowsOf(session, meaningful('evening', DAYTIME));
      const flipped = await rowsOf(session, meaningful('evening', DAYTIME.map((x) => -x)));
      expect(total(evening)).toBeGreaterThan(0);
      expect(total(day)).toBeGreaterThan(0);
      expect(flipped.map((r) => [r['pcod'], r['value']])).toEqual(day.map((r) => [r['pcod'], r['value']]));
    });

    it('averages a joined metric over the subscribers located in each region', async () => {
      const jsa = (unit: string, method: string): Row => ({
        query_kind: 'joined_spatial_aggregate',
        method,
        locations: daily('2016-01-04', unit),
        metric: { query_kind: 'event_count', start_date: '2016-01-04', end_date: '2016-01-05' },
      });
      const regions = await rowsOf(session, jsa('admin1', 'avg'));
      const counts = byKey(await rowsOf(session, spatial(daily('2016-01-04', 'admin1'))));
      const [country] = await rowsOf(session, jsa('admin0', 'avg'));
      const weighted = regions.reduce((a, r) => a + Number(r['value']) * (counts.get(String(r['pcod'])) ?? 0), 0) / total([...counts].map(([, value]) => ({ value })));
      expect(Number(country?.['value'])).toBeCloseTo(weighted, 4);
      const maxima = byKey(await rowsOf(session, jsa('admin1', 'max')));
      const minima = byKey(await rowsOf(session, jsa('admin1', 'min')));
      for (const r of regions) {
        const pcod = String(r['pcod']);
        expect(Number(r['value'])).toBeLessThanOrEqual(maxima.get(pcod) ?? 0);
        expect(Number(r['value'])).toBeGreaterThanOrEqual(minima.get(pcod) ?? Infinity);
      }
    });

    it('shrinks the population by sampling', async () => {
      const all = total(await rowsOf(session, spatial(daily('2016-01-04', 'admin0'))));
      const half = total(
        await rowsOf(session, spatial({ ...daily('2016-01-04', 'admin0'), sampling: { sampling_method: 'random_ids', fraction: 0.5, seed: 0.2 } })),
      );
      expect(half).toBeGreaterThan(all * 0.45);
      expect(half).toBeLessThan(all * 0.55);
    });

    it('gives the same numbers for the same spec on another server of the same seed', async () => {
      const spec = flows(daily('2016-01-01'), daily('2016-01-02'));
      const again = await startTestServer({ queryDurationMs: 0, seed, subscribers: SUBSCRIBERS });
      try {
        const other = { server: again, token: await again.mintToken() };
        expect(await rowsOf(other, spec)).toEqual(await rowsOf(session, spec));
      } finally {
        await again.close();
      }
    });
  });
}

describe('synthetic country: seeds and size', () => {
  it('differs between seeds, and has 100,000 subscribers by default', async () => {
    const servers = await Promise.all([startTestServer({ queryDurationMs: 0 }), startTestServer({ queryDurationMs: 0, seed: 7 })]);
    try {
      const [one, seven] = await Promise.all(servers.map(async (server) => ({ server, token: await server.mintToken() })));
      const spec = spatial(daily('2016-01-04', 'admin0'));
      const located = total(await rowsOf(one as Session, spec));
      expect(located).toBeLessThanOrEqual(100_000);
      expect(located).toBeGreaterThan(80_000);
      expect(await rowsOf(seven as Session, spatial(daily('2016-01-04', 'admin1')))).not.toEqual(
        await rowsOf(one as Session, spatial(daily('2016-01-04', 'admin1'))),
      );
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
