/**
 * One download per result: concurrent `getResult()`s share it, later ones come from the
 * connection's cache (bounded in bytes, least recently used first out), unless it is off or
 * cleared; a download that fails or does not decode is not kept.
 */
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { connect, type ConnectOptions, type Connection } from '../../src/connection.js';
import { NetworkError, ResultDecodeError } from '../../src/errors.js';
import { DEFAULT_RESULT_CACHE_BYTES } from '../../src/client/result-cache.js';
import { getCsvResultByQueryId, getGeojsonResultByQueryId, getResultByQueryId } from '../../src/client/results.js';
import type { APIQuery } from '../../src/query/api-query.js';
import type { QuerySpec } from '../../src/specs/types.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { setFaults, spatialAggregate } from '../support/fixtures.js';
import { unsignedJwt } from '../support/jwt.js';

describe('connect({ resultCache })', () => {
  const base = { url: 'http://127.0.0.1:1', token: unsignedJwt({ sub: 'someone' }), onWarning: () => undefined };
  for (const bad of [{ maxBytes: -1 }, 'yes', { maxBytes: 1.5 }, { maxBytes: '1' }, null, { size: 5 }, 0, []] as unknown[]) {
    it(`refuses ${JSON.stringify(bad)} with a TypeError naming resultCache`, () => {
      expect(() => connect({ ...base, resultCache: bad } as unknown as ConnectOptions)).toThrowMatching(
        (e: unknown) => e instanceof TypeError && /resultCache/.test(e.message),
      );
    });
  }
  const good: Array<[ConnectOptions['resultCache'] | undefined, number]> = [
    [undefined, DEFAULT_RESULT_CACHE_BYTES], [true, DEFAULT_RESULT_CACHE_BYTES], [{}, DEFAULT_RESULT_CACHE_BYTES],
    [false, 0], [{ maxBytes: 0 }, 0], [{ maxBytes: 1024 }, 1024],
  ];
  for (const [option, bytes] of good) {
    it(`takes ${JSON.stringify(option)} as ${bytes} bytes`, () => {
      const options: ConnectOptions = option === undefined ? base : { ...base, resultCache: option };
      expect(connect(options).resultCache.stats.maxBytes).toBe(bytes);
    });
  }
  it('defaults to 64 MiB', () => expect(DEFAULT_RESULT_CACHE_BYTES).toBe(64 * 1024 * 1024));
});

for (const era of ['1.18', '1.3'] as const) {
  describe(`the result cache against FlowAPI ${era}`, () => {
    let server: BrowserTestServer;
    let n = 0;
    /** A spec no other spec here has: one of the 7 days with data, at a unit taken in turn (or `unit`). */
    const nextSpec = (unit?: string): QuerySpec => {
      n += 1;
      return spatialAggregate(`2016-01-0${(n % 7) + 1}`, unit ?? ['admin3', 'admin2', 'admin1'][Math.floor(n / 7) % 3]);
    };
    const POLL = { pollInterval: 100 };
    beforeAll(async () => (server = await startTestServer({ flowapiVersion: era, queryDurationMs: 0, admin: true })));
    afterAll(async () => server.close());
    beforeEach(async () => {
      spyOn(console, 'warn');
      await setFaults(server, {});
      await server.reset();
    });
    const conn = (options: Partial<ConnectOptions> = {}): Connection => connect({ url: server.url, token: server.token, retry: false, ...options });
    /** A query run and completed, with the counters zeroed. */
    const ready = async (c: Connection, spec = nextSpec()): Promise<APIQuery> => {
      const query = c.makeApiQuery(spec);
      await lastValueFrom(query.watch(POLL));
      await server.reset();
      return query;
    };
    const downloads = async (): Promise<number> => (await server.counters()).requests['get'] ?? 0;
    const sequentially = async (n: number, get: () => Promise<unknown>): Promise<unknown[]> => {
      const got: unknown[] = [];
      for (let i = 0; i < n; i++) got.push(await get());
      return got;
    };

    it('downloads once for ten concurrent getResult()s of one result, the same rows for all', async () => {
      const c = conn();
      const query = c.makeApiQuery(nextSpec());
      const all = await Promise.all(Array.from({ length: 10 }, () => firstValueFrom(query.getResult(POLL))));
      expect(all.every((rows) => rows.length > 0 && rows === all[0])).toBeTrue();
      expect(await downloads()).toBe(1);
    });

    it('downloads once for ten sequential getResult()s, and says it holds the result', async () => {
      const c = conn();
      const query = await ready(c);
      const id = query.queryId ?? '';
      expect(c.resultCache.has(id, 'json')).toBeFalse();
      const all = await sequentially(10, () => firstValueFrom(query.getResult()));
      expect(new Set(all).size).toBe(1);
      expect(await downloads()).toBe(1);
      expect(c.resultCache.has(id, 'json')).toBeTrue();
      expect(c.resultCache.stats).toEqual(jasmine.objectContaining({ hits: 9, misses: 1, entries: 1 }));
      expect(c.resultCache.stats.bytes).toBeGreaterThan(0);
    });

    it('downloads every time with resultCache: false', async () => {
      const c = conn({ resultCache: false });
      const query = await ready(c);
      await sequentially(10, () => firstValueFrom(query.getResult()));
      expect(await downloads()).toBe(10);
      expect(c.resultCache.stats.entries).toBe(0);
    });

    it('downloads again after clear()', async () => {
      const c = conn();
      const query = await ready(c);
      await firstValueFrom(query.getResult());
      await firstValueFrom(query.getResult());
      c.resultCache.clear();
      expect(c.resultCache.has(query.queryId ?? '')).toBeFalse();
      await firstValueFrom(query.getResult());
      expect(await downloads()).toBe(2);
    });

    it('is shared by the by-id functions and getResult, per format', async () => {
      const c = conn();
      const query = await ready(c);
      const queryId = query.queryId ?? '';
      const rows = await firstValueFrom(getResultByQueryId({ connection: c, queryId }));
      expect(await firstValueFrom(query.getResult())).toBe(rows);
      if (era === '1.18') {
        const geojson = await firstValueFrom(getGeojsonResultByQueryId({ connection: c, queryId }));
        expect(await firstValueFrom(query.getResult({ format: 'geojson' }))).toBe(geojson);
        const csv = await firstValueFrom(query.getResult({ format: 'csv' }));
        expect(await firstValueFrom(getCsvResultByQueryId({ connection: c, queryId }))).toBe(csv);
        expect(await downloads()).toBe(3);
        expect(['json', 'geojson', 'csv'].every((f) => c.resultCache.has(queryId, f as 'json'))).toBeTrue();
      } else {
        expect(await downloads()).toBe(1);
      }
    });

    it('is bounded in bytes: with room for one of two results, the older is evicted and downloads again', async () => {
      const measure = conn();
      const [a, b] = [await ready(measure, nextSpec('admin2')), await ready(measure, nextSpec('admin3'))];
      await firstValueFrom(a.getResult());
      const aBytes = measure.resultCache.stats.bytes;
      await firstValueFrom(b.getResult());
      const bBytes = measure.resultCache.stats.bytes - aBytes;
      const c = conn({ resultCache: { maxBytes: Math.max(aBytes, bBytes) } });
      const [ac, bc] = [c.makeApiQuery(a.parameters), c.makeApiQuery(b.parameters)];
      await server.reset();
      await firstValueFrom(ac.getResult());
      await firstValueFrom(bc.getResult());
      expect([c.resultCache.has(a.queryId ?? ''), c.resultCache.has(b.queryId ?? '')]).toEqual([false, true]);
      await firstValueFrom(bc.getResult()); // held
      await firstValueFrom(ac.getResult()); // evicted: downloaded again
      expect(await downloads()).toBe(3);
      expect(c.resultCache.stats.bytes).toBeLessThanOrEqual(Math.max(aBytes, bBytes));
    });

    it('does not keep a download cut mid-body: the next getResult downloads it whole, then it is held', async () => {
      const c = conn();
      const query = await ready(c);
      await setFaults(server, { cutResults: [{ afterBytes: 10, count: 1 }] });
      await expectAsync(firstValueFrom(query.getResult())).toBeRejectedWith(jasmine.any(NetworkError));
      expect(c.resultCache.has(query.queryId ?? '')).toBeFalse();
      expect((await firstValueFrom(query.getResult())).length).toBeGreaterThan(0);
      await firstValueFrom(query.getResult());
      expect(await downloads()).toBe(2);
    });

    it('does not keep a result that does not decode', async () => {
      const c = conn();
      const query = await ready(c);
      await setFaults(server, { bursts: [{ route: 'get', status: 200, count: 1, body: '{"query_result":[{"a"', contentType: 'application/json' }] });
      await expectAsync(firstValueFrom(query.getResult())).toBeRejectedWith(jasmine.any(ResultDecodeError));
      expect((await firstValueFrom(query.getResult())).length).toBeGreaterThan(0);
      await firstValueFrom(query.getResult());
      expect(await downloads()).toBe(2);
    });
  });
}
