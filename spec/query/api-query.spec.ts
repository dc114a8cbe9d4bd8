import { firstValueFrom, lastValueFrom, toArray, Subscription } from 'rxjs';
import { connect, type Connection } from '../../src/connection.js';
import { FlowclientConnectionError, NotFoundError, QueryFailedError } from '../../src/errors.js';
import type { WatchState } from '../../src/query/watch-state.js';
import { watchQuery } from '../../src/query/shared-watch.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { setFaults, setQueryState, sleep, spatialAggregate } from '../support/fixtures.js';

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

for (const era of ['1.18', '1.3'] as const) {
  describe(`APIQuery lifecycle against FlowAPI ${era}`, () => {
    let server: BrowserTestServer;
    let conn: Connection;
    beforeAll(async () => (server = await startTestServer({ flowapiVersion: era, queryDurationMs: 400, admin: true })));
    afterAll(async () => server.close());
    beforeEach(async () => {
      spyOn(console, 'warn');
      await setFaults(server, {});
      await server.reset();
      conn = connect({ url: server.url, token: server.token, retry: { count: 3, baseDelayMs: 20, maxDelayMs: 100 } });
    });

    it('runs and gives a deterministic id, kept on the query', async () => {
      const query = conn.makeApiQuery(spatialAggregate('2016-01-02'));
      expect(query.queryId).toBeUndefined();
      const id = await firstValueFrom(query.run());
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(query.queryId).toBe(id);
      expect(await firstValueFrom(conn.makeApiQuery(spatialAggregate('2016-01-02')).run())).toBe(id);
      expect((await server.counters()).runs[id]).toBe(1);
    });

    it('watches queued/executing → completed in one stream that completes', async () => {
      const query = conn.makeApiQuery(spatialAggregate('2016-01-03'));
      const states = await lastValueFrom(query.watch({ pollInterval: 200, pollStrategy: 'eager' }).pipe(toArray()));
      const last = states.at(-1) as WatchState;
      expect(last.status).toBe('completed');
      expect(states.slice(0, -1).every((s) => s.status === 'queued' || s.status === 'executing')).toBeTrue();
      expect(states.length).toBeGreaterThan(2);
      // FlowAPI 1.18's run reply carries progress: the first state comes from it, without a poll.
      const first = era === '1.18' ? 0 : 1;
      expect(states.map((s) => s.polls)).toEqual(states.map((_, i) => i + first));
      const elapsed = states.map((s) => s.elapsedMs);
      expect(elapsed).toEqual([...elapsed].sort((a, b) => a - b));
      expect(states.every((s) => s.queryId === query.queryId)).toBeTrue();
      const running = states.filter((s): s is Extract<WatchState, { status: 'executing' | 'queued' }> => s.status !== 'completed');
      if (era === '1.18') {
        expect(running[0]?.totalParts).toBe(2);
        const parts = running.map((s) => s.completedParts ?? -1);
        expect(parts).toEqual([...parts].sort((a, b) => a - b));
        expect(last).toEqual(jasmine.objectContaining({ completedParts: 2, totalParts: 2 }));
      } else {
        expect(running.every((s) => s.progress === null && s.totalParts === null)).toBeTrue();
      }
      // status checks never downloaded the result
      expect((await server.counters()).requests['get'] ?? 0).toBe(0);
    });

    it('gets the result as rows, downloading it once', async () => {
      const rows = await firstValueFrom(conn.makeApiQuery(spatialAggregate('2016-01-04')).getResult({ pollInterval: 200 }));
      expect(rows.length).toBeGreaterThan(0);
      expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['pcod', 'value']);
      expect((await server.counters()).requests['get']).toBe(1);
    });

    it('reports an errored query (dates outside the available ones) with the server text', async () => {
      const query = conn.makeApiQuery(spatialAggregate('2015-06-01'));
      const states = await lastValueFrom(query.watch().pipe(toArray()));
      expect(states.at(-1)).toEqual(jasmine.objectContaining({ status: 'errored', queryId: query.queryId }));
      const error = await failure(firstValueFrom(query.getResult()));
      expect(error).toBeInstanceOf(QueryFailedError);
    });

    it('reports not_running for a query the server forgot by id, and re-runs it for watch() and getResult', async () => {
      const query = conn.makeApiQuery(spatialAggregate('2016-01-05'));
      const id = await firstValueFrom(query.run());
      await lastValueFrom(query.watch());
      await setQueryState(server, id, 'known');
      expect(await firstValueFrom(query.status())).toBe('not_running');
      expect((await lastValueFrom(watchQuery(conn, id))).status).withContext('a watch by id, without the spec').toBe('not_running');
      await expectAsync(firstValueFrom(query.waitUntilReady())).toBeRejectedWith(jasmine.any(NotFoundError));
      const states = await lastValueFrom(query.watch({ pollInterval: 200 }).pipe(toArray()));
      expect(states.map((s) => s.status)).withContext('the forgetting is not a state of the APIQuery\'s watch').not.toContain('not_running');
      expect(states.at(-1)?.status).toBe('completed');
      expect((await server.counters()).runs[id]).toBe(2);
      await setQueryState(server, id, 'known');
      const rows = await firstValueFrom(query.getResult({ pollInterval: 200 }));
      expect(rows.length).toBeGreaterThan(0);
      expect((await server.counters()).runs[id]).toBe(3);
    });

    it('reports cancelled', async () => {
      const query = conn.makeApiQuery(spatialAggregate('2016-01-06'));
      const id = await firstValueFrom(query.run());
      await setQueryState(server, id, 'cancelled');
      expect((await lastValueFrom(query.watch())).status).toBe('cancelled');
    });

    it('status() is not_running before run, then the server\'s', async () => {
      const query = conn.makeApiQuery(spatialAggregate('2016-01-07'));
      expect(await firstValueFrom(query.status())).toBe('not_running');
      await expectAsync(firstValueFrom(query.waitUntilReady())).toBeRejectedWith(jasmine.objectContaining({ message: 'Query is not running.' }));
      await firstValueFrom(query.run());
      expect(['queued', 'executing', 'completed']).toContain(await firstValueFrom(query.status()));
      await firstValueFrom(query.waitUntilReady({ pollInterval: 100 }));
      expect(await firstValueFrom(query.status())).toBe('completed');
    });

    it('shares one poll loop between 100 watchers: exactly one poll per tick', async () => {
      const query = conn.makeApiQuery(spatialAggregate('2016-01-01', 'admin2'));
      const id = await firstValueFrom(query.run());
      await server.reset();
      const finals = await Promise.all(Array.from({ length: 100 }, () => lastValueFrom(query.watch({ pollInterval: 100 }))));
      const polls = (await server.counters()).polls[id];
      expect(finals.every((s) => s.status === 'completed')).toBeTrue();
      expect(polls).toBe(finals[0]?.polls);
    });

    it('gives a late subscriber the current state at once, and stops polling when the last leaves', async () => {
      const slow = connect({ url: server.url, token: server.token });
      const query = slow.makeApiQuery(spatialAggregate('2016-01-02', 'admin1'));
      const id = await firstValueFrom(query.run());
      const seen: WatchState[] = [];
      const subscriptions = new Subscription();
      subscriptions.add(query.watch({ pollInterval: 100, pollStrategy: 'eager' }).subscribe((s) => seen.push(s)));
      await sleep(150);
      let late: WatchState | undefined;
      subscriptions.add(query.watch().subscribe((s) => (late ??= s)));
      expect(late).toEqual(seen.at(-1));
      subscriptions.unsubscribe();
      await sleep(50); // a poll already on the wire when the last watcher left may still reach the server
      const before = (await server.counters()).polls[id] ?? 0;
      await sleep(300);
      expect((await server.counters()).polls[id] ?? 0).toBe(before);
      expect(before).toBeGreaterThan(0);
    });

    if (era === '1.18') {
      it('gets GeoJSON and CSV results', async () => {
        const query = conn.makeApiQuery(spatialAggregate('2016-01-03', 'admin1'));
        const geojson = await firstValueFrom(query.getResult({ format: 'geojson', pollInterval: 100 }));
        expect(geojson.type).toBe('FeatureCollection');
        expect(geojson.features.length).toBeGreaterThan(0);
        const csv = await firstValueFrom(query.getResult({ format: 'csv' }));
        expect(csv.split('\r\n')[0]).toBe('pcod,value');
      });

      it('continues the same watch across a token expiry once a new token arrives', async () => {
        const longQuery = await startTestServer({ queryDurationMs: 2500 });
        try {
          // A token's `exp` is in whole seconds: mint just after a second starts, so it lives ~1 s, not 0–1 s.
          await sleep(1020 - (Date.now() % 1000));
          const c = connect({ url: longQuery.url, token: await longQuery.mintToken({ expiresInSeconds: 1 }) });
          const query = c.makeApiQuery(spatialAggregate('2016-01-04', 'admin1'));
          const done = lastValueFrom(query.watch({ pollInterval: 100 }).pipe(toArray()));
          await sleep(1800); // the token has expired: polls get 401 and the loop waits
          const pausedAt = (await longQuery.counters()).polls;
          await sleep(300);
          expect((await longQuery.counters()).polls).toEqual(pausedAt);
          c.updateToken(await longQuery.mintToken());
          const states = await done;
          expect(states.at(-1)?.status).toBe('completed');
          expect(states.filter((s) => s.status === 'completed').length).toBe(1);
          // One state says the watch waits for a token, at once (not after the stall time); the others are answers.
          const paused = states.filter((s) => 'awaitingToken' in s && s.awaitingToken === true);
          expect(paused.length).toBe(1);
          expect(paused[0]).toEqual(jasmine.objectContaining({ authError: jasmine.objectContaining({ name: 'AuthenticationError', status: 401 }) }));
          const answers = states.filter((s) => !('awaitingToken' in s));
          expect(answers.map((s) => s.polls)).toEqual(answers.map((_, i) => i));
          expect(states.indexOf(paused[0] as WatchState)).toBeLessThan(states.length - 1);
        } finally {
          await longQuery.close();
        }
      });

      it('ends a 503 burst mid-watch in the same result as a clean run', async () => {
        const clean = await firstValueFrom(conn.makeApiQuery(spatialAggregate('2016-01-05', 'admin2')).getResult({ pollInterval: 100 }));
        const query = conn.makeApiQuery(spatialAggregate('2016-01-06', 'admin2'));
        await firstValueFrom(query.run());
        await setFaults(server, { bursts: [{ route: 'poll', status: 503, count: 6 }] });
        const states = await lastValueFrom(query.watch({ pollInterval: 100 }).pipe(toArray()));
        expect(states.at(-1)?.status).toBe('completed');
        const rows = await firstValueFrom(query.getResult());
        expect(rows.length).toBe(clean.length);
        expect(Object.keys(rows[0] ?? {})).toEqual(Object.keys(clean[0] ?? {}));
      });
    }
  });
}

describe('polling an unknown id', () => {
  it('is not_running on a 404, and a FlowclientConnectionError on FlowAPI 1.18\'s 500 HTML page', async () => {
    spyOn(console, 'warn');
    const intended = await startTestServer({});
    const buggy = await startTestServer({ unknownIdBug: true });
    try {
      const id = '0123456789abcdef0123456789abcdef';
      const a = connect({ url: intended.url, token: intended.token }).makeApiQuery(spatialAggregate());
      const b = connect({ url: buggy.url, token: buggy.token, retry: false });
      expect(await firstValueFrom(a.connection.getUrl({ route: `poll/${id}` }).pipe(toArray())).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
      const { getStatus } = await import('../../src/client/status.js');
      expect(await firstValueFrom(getStatus({ connection: a.connection, queryId: id }))).toBe('not_running');
      const error = await failure(firstValueFrom(getStatus({ connection: b, queryId: id })));
      expect(error).toBeInstanceOf(FlowclientConnectionError);
      expect(error).not.toBeInstanceOf(NotFoundError);
      expect((error as FlowclientConnectionError).status).toBe(500);
    } finally {
      await intended.close();
      await buggy.close();
    }
  });
});
