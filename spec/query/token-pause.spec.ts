import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { connect } from '../../src/connection.js';
import { AuthenticationError } from '../../src/errors.js';
import type { WatchState } from '../../src/query/watch-state.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { sleep, spatialAggregate } from '../support/fixtures.js';

for (const era of ['1.18', '1.3'] as const) {
  describe(`a token expiring mid-watch against FlowAPI ${era}`, () => {
    let server: BrowserTestServer;
    beforeAll(async () => (server = await startTestServer({ flowapiVersion: era, queryDurationMs: 2500, admin: true })));
    afterAll(async () => server.close());

    it('pauses the shared watch at once (awaitingToken), fails a one-shot getResult at once, and resumes the others on updateToken', async () => {
      spyOn(console, 'warn');
      // exp is in whole seconds: a token for 1 s lives 0–1 s by when in its second it is minted. Mint it
      // just after a second starts, so it lives almost 1 s whatever the load (it expired before the run).
      await sleep(1000 - (Date.now() % 1000) + 10);
      const conn = connect({ url: server.url, token: await server.mintToken({ expiresInSeconds: 1 }), retry: false });
      const query = conn.makeApiQuery(spatialAggregate('2016-01-03', 'admin2'));
      const started = performance.now();
      const pausedAt: number[] = [];
      const watched = lastValueFrom(
        query.watch({ pollStrategy: 'eager', pollInterval: 100 }).pipe(toArray()),
      );
      query.watch().subscribe((s) => ('awaitingToken' in s ? pausedAt.push(performance.now() - started) : undefined));
      const waiting = firstValueFrom(query.getResult({ waitForNewToken: true }));
      const oneShot = firstValueFrom(query.getResult()).then(
        () => 'resolved',
        (error: unknown) => ({ error, at: performance.now() - started }),
      );

      // A script must not hang: without a refresher, the one-shot call ends with the refusal as soon as polls are refused.
      const failed = await oneShot;
      expect(failed).toEqual(jasmine.objectContaining({ error: jasmine.any(AuthenticationError) }));
      const { error, at } = failed as { error: AuthenticationError; at: number };
      expect(error.status).toBe(401);
      expect(at).withContext('ms until the one-shot call failed').toBeLessThan(2200); // the query itself runs 2.5 s

      expect(pausedAt.length).withContext('paused states').toBe(1);
      expect(pausedAt[0]).toBeLessThan(2200);
      const polls = (await server.counters()).total;
      await sleep(400);
      expect((await server.counters()).total).withContext('requests while paused').toBe(polls);

      conn.updateToken(await server.mintToken());
      const states: WatchState[] = await watched;
      expect(states.at(-1)?.status).toBe('completed');
      const paused = states.filter((s) => 'awaitingToken' in s);
      expect(paused.length).toBe(1);
      expect(states.indexOf(paused[0] as WatchState)).toBeLessThan(states.length - 1); // resumed after it
      expect((await waiting).length).toBeGreaterThan(0);
      expect((await server.counters()).requests.run).withContext('POST run').toBe(1);
    });
  });
}
