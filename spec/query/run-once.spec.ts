/**
 * One run however many start a query at once: `watch`, `getResult` in every format, `status`
 * after a run and `watchAll`, subscribed together, post `run` once; so do two `APIQuery`
 * objects of one spec; a failed run is not remembered.
 */
import { Subject, firstValueFrom, lastValueFrom, map, merge, switchMap, throwError, toArray, type Observable } from 'rxjs';
import { connect, type Connection } from '../../src/connection.js';
import { FlowclientError } from '../../src/errors.js';
import { singleFlight } from '../../src/query/single-flight.js';
import { specKey } from '../../src/query/run-once.js';
import { watchAll } from '../../src/query/watch-all.js';
import { getCsvResult, getGeojsonResult, getResult } from '../../src/client/results.js';
import type { QuerySpec } from '../../src/specs/types.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { setFaults, spatialAggregate } from '../support/fixtures.js';

describe('singleFlight', () => {
  it('starts the work once for concurrent subscribers, and again once it has given its value', () => {
    const flights = new Map<string, Observable<number>>();
    let starts = 0;
    const source = new Subject<number>();
    const work = () => singleFlight(flights, 'k', () => (starts++, source));
    const seen: number[] = [];
    work().subscribe((v) => seen.push(v));
    work().subscribe((v) => seen.push(v));
    expect(starts).toBe(1);
    source.next(7);
    expect(seen).toEqual([7, 7]);
    expect(flights.size).toBe(0);
    work().subscribe();
    expect(starts).toBe(2);
  });

  it('forgets failed work, so the next subscriber starts afresh', () => {
    const flights = new Map<string, Observable<number>>();
    let starts = 0;
    const failing = () => singleFlight(flights, 'k', () => (starts++, throwError(() => new Error('no'))));
    const errors: unknown[] = [];
    failing().subscribe({ error: (e: unknown) => errors.push(e) });
    failing().subscribe({ error: (e: unknown) => errors.push(e) });
    expect(starts).toBe(2);
    expect(errors.length).toBe(2);
    expect(flights.size).toBe(0);
  });

  it('forgets work every subscriber left', () => {
    const flights = new Map<string, Observable<number>>();
    const subscription = singleFlight(flights, 'k', () => new Subject<number>()).subscribe();
    expect(flights.size).toBe(1);
    subscription.unsubscribe();
    expect(flights.size).toBe(0);
  });

  it('starts new work for a subscriber that asks again from inside next, instead of joining finished work', () => {
    const flights = new Map<string, Observable<number>>();
    const source = new Subject<number>();
    let inner: number | undefined;
    const work = () => singleFlight(flights, 'k', () => source);
    work().subscribe(() => work().subscribe((v) => (inner = v)));
    source.next(1);
    source.next(2); // the new work subscribed to the same subject: it sees the next value
    expect(inner).toBe(2);
  });
});

describe('specKey', () => {
  it('is the same for specs equal in content whatever their key order', () => {
    const a = { query_kind: 'x', b: { d: 1, c: [2, { f: 1, e: 2 }] } } as unknown as QuerySpec;
    const b = { b: { c: [2, { e: 2, f: 1 }], d: 1 }, query_kind: 'x' } as unknown as QuerySpec;
    expect(specKey(a)).toBe(specKey(b));
    expect(specKey(a)).not.toBe(specKey({ ...(a as object), query_kind: 'y' } as unknown as QuerySpec));
  });
});

for (const era of ['1.18', '1.3'] as const) {
  describe(`one run per query against FlowAPI ${era}`, () => {
    let server: BrowserTestServer;
    let conn: Connection;
    let n = 0;
    /** A spec no other spec here has: one of the 7 days with data, at a unit taken in turn. */
    const nextSpec = (): QuerySpec => {
      n += 1;
      return spatialAggregate(`2016-01-0${(n % 7) + 1}`, ['admin2', 'admin1', 'admin3'][Math.floor(n / 7) % 3]);
    };
    beforeAll(async () => (server = await startTestServer({ flowapiVersion: era, queryDurationMs: 300, admin: true })));
    afterAll(async () => server.close());
    beforeEach(async () => {
      spyOn(console, 'warn');
      await setFaults(server, {});
      await server.reset();
      conn = connect({ url: server.url, token: server.token, retry: false });
    });
    const posts = async (): Promise<number> => (await server.counters()).requests['run'] ?? 0;

    it('posts run once for watch, getResult in every format, status after the run and watchAll, subscribed together', async () => {
      const query = conn.makeApiQuery(nextSpec());
      const POLL = { pollInterval: 100 };
      const all = await lastValueFrom(
        merge(
          query.watch(POLL).pipe(toArray(), map((states) => states.at(-1)?.status)),
          query.getResult(POLL).pipe(map((rows) => rows.length > 0)),
          ...(era === '1.18'
            ? [query.getResult({ ...POLL, format: 'geojson' }).pipe(map((c) => c.type)), query.getResult({ ...POLL, format: 'csv' }).pipe(map((t) => t.length > 0))]
            : []),
          query.run().pipe(switchMap(() => query.status())),
          watchAll([query], POLL).pipe(toArray(), map((states) => states.at(-1)?.done)),
        ).pipe(toArray()),
      );
      expect(all).toContain('completed');
      expect(all).not.toContain(false);
      expect(await posts()).toBe(1);
      expect((await server.counters()).runs[query.queryId ?? '']).toBe(1);
    });

    it('keeps flowclient\'s answers before a run: not_running, "Query is not running."', async () => {
      const query = conn.makeApiQuery(nextSpec());
      expect(await firstValueFrom(query.status())).toBe('not_running');
      await expectAsync(firstValueFrom(query.waitUntilReady())).toBeRejectedWith(jasmine.objectContaining({ message: 'Query is not running.' }));
      expect(await posts()).toBe(0);
    });

    it('posts once for two APIQuery objects of one spec started together, and both get the id', async () => {
      const spec = nextSpec();
      const a = conn.makeApiQuery(spec);
      const b = conn.makeApiQuery({ ...spec });
      const [idA, idB] = await Promise.all([firstValueFrom(a.run()), firstValueFrom(b.run())]);
      expect(idA).toBe(idB);
      expect([a.queryId, b.queryId]).toEqual([idA, idA]);
      expect(await posts()).toBe(1);
    });

    it('posts once for the free getResult functions of one spec called together', async () => {
      const querySpec = nextSpec();
      const calls: Observable<unknown>[] = [getResult({ connection: conn, querySpec, pollInterval: 100 })];
      if (era === '1.18') {
        calls.push(getGeojsonResult({ connection: conn, querySpec, pollInterval: 100 }), getCsvResult({ connection: conn, querySpec, pollInterval: 100 }));
      }
      await Promise.all(calls.map((call) => firstValueFrom(call)));
      expect(await posts()).toBe(1);
    });

    it('reuses the id once a run has given it: a later watch and getResult post nothing', async () => {
      const query = conn.makeApiQuery(nextSpec());
      await firstValueFrom(query.run());
      await lastValueFrom(query.watch({ pollInterval: 100 }));
      await firstValueFrom(query.getResult());
      expect(await posts()).toBe(1);
    });

    it('shares a failed run with everyone waiting on it, forgets it, and posts again on the next subscriber', async () => {
      await setFaults(server, { bursts: [{ route: 'run', status: 500, count: 1 }] });
      const query = conn.makeApiQuery(nextSpec());
      const failures = await Promise.all([query.watch(), query.getResult()].map((o) => firstValueFrom(o as Observable<unknown>).then(() => null, (e: unknown) => e)));
      expect(failures.every((e) => e instanceof FlowclientError)).withContext(String(failures)).toBeTrue();
      expect(query.queryId).toBeUndefined();
      expect(await posts()).toBe(1);
      const rows = await firstValueFrom(query.getResult({ pollInterval: 100 }));
      expect(rows.length).toBeGreaterThan(0);
      expect(await posts()).toBe(2);
    });
  });
}
