/**
 * The reshapes that replace the ports' pandas lines: `column`, `indexBy`, `join`, `sumBy`,
 * `meanBy`, on hand-made rows (exact outcomes) and on a wrapper's typed result from the test
 * server (columns and shapes only: the server's data may change).
 */
import { firstValueFrom } from 'rxjs';
import { connect } from '../../src/connection.js';
import { isFlowclientError } from '../../src/errors.js';
import { DuplicateKeyError, isDuplicateKeyError } from '../../src/results/duplicate-key-error.js';
import { column, indexBy, join, meanBy, sumBy } from '../../src/results/table.js';
import { dailyLocationSpec, locationEventCounts, spatialAggregate } from '../../src/specs/index.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';

const residents = [
  { pcod: 'A', value: 10 },
  { pcod: 'B', value: 20 },
  { pcod: 'C', value: 30 },
];
const visitors = [
  { pcod: 'B', value: 2, label: 'b' },
  { pcod: 'A', value: 1, label: 'a' },
  { pcod: 'D', value: 4, label: 'd' },
];
const hourly = [
  { pcod: 'A', date: '2016-01-01', hour: 0, value: 1 },
  { pcod: 'A', date: '2016-01-01', hour: 1, value: 3 },
  { pcod: 'B', date: '2016-01-01', hour: 0, value: 5 },
  { pcod: 'A', date: '2016-01-02', hour: 0, value: 7 },
];

describe('Reshaping rows without pandas', () => {
  describe('column', () => {
    it('gives one column\'s values in row order', () => {
      expect(column(residents, 'value')).toEqual([10, 20, 30]);
      expect(column(visitors, 'label')).toEqual(['b', 'a', 'd']);
    });
  });

  describe('indexBy', () => {
    it('maps each key to its row', () => {
      const index = indexBy(residents, 'pcod');
      expect(index.get('B')).toBe(residents[1]);
      expect([...index.keys()]).toEqual(['A', 'B', 'C']);
      expect(index.get('Z')).toBeUndefined();
    });

    it('keeps null and number keys as they are', () => {
      const index = indexBy([{ pcod: null, value: 1 }, { pcod: 'A', value: 2 }], 'pcod');
      expect(index.get(null)?.value).toBe(1);
      expect(indexBy([{ hour: 1 }, { hour: 2 }], 'hour').get(2)).toEqual({ hour: 2 });
    });

    it('refuses a key found twice with a DuplicateKeyError naming the column and the key', () => {
      let caught: unknown;
      try {
        indexBy(hourly, 'pcod');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DuplicateKeyError);
      expect(isDuplicateKeyError(caught)).toBeTrue();
      expect(isFlowclientError(caught)).toBeTrue();
      const error = caught as DuplicateKeyError;
      expect([error.operation, error.column, error.key]).toEqual(['indexBy', 'pcod', 'A']);
      expect(error.message).toContain('two rows have pcod "A"');
    });
  });

  describe('join', () => {
    it('inner-joins on the key in the left\'s order, suffixing the shared columns _x and _y as pandas', () => {
      expect(join(residents, visitors, 'pcod')).toEqual([
        { pcod: 'A', value_x: 10, value_y: 1, label: 'a' },
        { pcod: 'B', value_x: 20, value_y: 2, label: 'b' },
      ]);
    });

    it('takes suffixes, and several keys', () => {
      const joined = join(hourly, [{ pcod: 'A', date: '2016-01-01', value: 100 }], ['pcod', 'date'], { suffixes: ['_hour', '_day'] });
      expect(joined).toEqual([
        { pcod: 'A', date: '2016-01-01', hour: 0, value_hour: 1, value_day: 100 },
        { pcod: 'A', date: '2016-01-01', hour: 1, value_hour: 3, value_day: 100 },
      ]);
      const share = joined.map((r) => r.value_hour / r.value_day);
      expect(share).toEqual([0.01, 0.03]);
    });

    it('pairs every match (many to many) and tells 1 from "1"', () => {
      const left = [{ k: 1, a: 'x' }, { k: 1, a: 'y' }];
      const right = [{ k: 1, b: 'p' }, { k: 1, b: 'q' }, { k: '1', b: 'string' }];
      expect(join(left, right, 'k').map((r) => `${r.a}${r.b}`)).toEqual(['xp', 'xq', 'yp', 'yq']);
    });

    it('refuses equal suffixes', () => {
      expect(() => join(residents, visitors, 'pcod', { suffixes: ['_a', '_a'] })).toThrowError(TypeError, /suffixes must differ/);
    });
  });

  describe('sumBy and meanBy', () => {
    it('sum a column per group, groups in first-appearance order', () => {
      expect(sumBy(hourly, 'pcod', 'value')).toEqual([
        { pcod: 'A', value: 11 },
        { pcod: 'B', value: 5 },
      ]);
      expect(sumBy(hourly, ['pcod', 'date'], 'value')).toEqual([
        { pcod: 'A', date: '2016-01-01', value: 4 },
        { pcod: 'B', date: '2016-01-01', value: 5 },
        { pcod: 'A', date: '2016-01-02', value: 7 },
      ]);
    });

    it('average a column per group, leaving nulls out (NaN for a group of nulls only)', () => {
      expect(meanBy(hourly, 'date', 'value')).toEqual([
        { date: '2016-01-01', value: 3 },
        { date: '2016-01-02', value: 7 },
      ]);
      const censored = [
        { bin: 1, value: null },
        { bin: 1, value: 4 },
        { bin: 2, value: null },
      ];
      const means = meanBy(censored, 'bin', 'value');
      expect(means[0]).toEqual({ bin: 1, value: 4 });
      expect(means[1]?.value).toBeNaN();
      expect(sumBy(censored, 'bin', 'value')).toEqual([
        { bin: 1, value: 4 },
        { bin: 2, value: 0 },
      ]);
    });

    it('refuse a value that is not a number, naming the column', () => {
      const rows = JSON.parse('[{"pcod": "A", "value": "12"}]') as { pcod: string; value: number }[];
      expect(() => sumBy(rows, 'pcod', 'value')).toThrowError(TypeError, 'sumBy: column value holds "12", not a number.');
    });
  });

  describe('on a wrapper\'s typed result from the test server', () => {
    let server: BrowserTestServer;
    beforeAll(async () => (server = await startTestServer({ queryDurationMs: 50 })));
    afterAll(async () => server.close());
    beforeEach(() => spyOn(console, 'warn')); // the test server is plain HTTP: the connection warns

    it('reshapes a spatial aggregate and hourly event counts by their FlowMachine columns', async () => {
      const connection = connect({ url: server.url, token: server.token, retry: false });
      const locations = dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin2', method: 'last' });
      const counts = await firstValueFrom(spatialAggregate({ connection, locations }).getResult({ pollInterval: 100 }));
      const events = await firstValueFrom(
        locationEventCounts({ connection, startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin2', countInterval: 'hour' }).getResult({
          pollInterval: 100,
        }),
      );
      expect(counts.length).toBeGreaterThan(0);
      expect(Object.keys(counts[0] ?? {}).sort()).toEqual(['pcod', 'value']);
      expect(Object.keys(events[0] ?? {}).sort()).toEqual(['date', 'hour', 'pcod', 'value']);

      const pcods = column(counts, 'pcod');
      expect(new Set(pcods).size).withContext('one row per admin2 region').toBe(pcods.length);
      const byPcod = indexBy(counts, 'pcod');
      expect(byPcod.size).toBe(counts.length);

      const perRegion = sumBy(events, 'pcod', 'value');
      expect(perRegion.every((r) => typeof r.pcod === 'string' && Number.isFinite(r.value))).toBeTrue();
      expect(perRegion.reduce((s, r) => s + r.value, 0)).toBe(column(events, 'value').reduce((s, v) => s + v, 0));

      const joined = join(counts, perRegion, 'pcod', { suffixes: ['_subscribers', '_events'] });
      expect(joined.length).toBe(new Set(column(events, 'pcod').filter((p) => byPcod.has(p))).size);
      for (const row of joined) {
        expect(Object.keys(row).sort()).toEqual(['pcod', 'value_events', 'value_subscribers']);
        expect(row.value_subscribers).toBe(byPcod.get(row.pcod)?.value as number);
      }
      const hourlyMeans = meanBy(events, 'hour', 'value');
      expect(column(hourlyMeans, 'hour').sort((x, y) => x - y)).toEqual([...new Set(column(events, 'hour'))].sort((x, y) => x - y));
    });
  });
});
