/**
 * Security checks in Chromium: no token in any error (message, stack, cause, fields), `toString`,
 * JSON, state object or console line the library produces, however a request fails; and no
 * `Authorization` header ever sent to another origin, whatever redirect the server answers with.
 * (TLS verification is Node's business: see security.node.spec.ts.)
 */
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { connect, type ConnectOptions, type Connection } from '../../src/connection.js';
import { getAvailableDates } from '../../src/client/metadata.js';
import { getResultByQueryId } from '../../src/client/results.js';
import { getStatus } from '../../src/client/status.js';
import {
  AuthenticationError,
  FlowclientConnectionError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  QueryFailedError,
  ResultDecodeError,
} from '../../src/errors.js';
import { runQuery } from '../../src/query/run-query.js';
import { watchAll } from '../../src/query/watch-all.js';
import { dailyLocationSpec, spatialAggregateSpec } from '../../src/specs/index.js';
import { setFaults } from '../support/fixtures.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { logFetches } from './support/fetch-log.js';
import { expectNoSecret, secretsOf } from './support/secrets.js';
import { specSource } from './support/specs.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/** The error `promise` fails with; a failure of the spec if it does not. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('security (Chromium)', () => {
  let server: BrowserTestServer;
  let elsewhere: BrowserTestServer; // a second server, reached on another origin (localhost, not 127.0.0.1)
  let tokens: Record<'valid' | 'expired' | 'forged' | 'noScopes', string>;
  let secrets: string[];
  let consoleLines: unknown[][];
  let unhandled: UnhandledTracker;
  const nextSpec = specSource();

  beforeAll(async () => {
    [server, elsewhere] = await Promise.all([
      startTestServer({ queryDurationMs: 200, admin: true }),
      startTestServer({ queryDurationMs: 0, admin: true }),
    ]);
    const [valid, expired, forged, noScopes] = await Promise.all([
      server.mintToken({ sub: 'alice' }),
      server.mintToken({ expiresInSeconds: -30 }),
      server.mintToken({ foreignKey: true }),
      server.mintToken({ scopes: [] }),
    ]);
    tokens = { valid, expired, forged, noScopes };
    secrets = secretsOf(server.token, elsewhere.token, ...Object.values(tokens));
  });
  afterAll(async () => Promise.all([server.close(), elsewhere.close()]));
  beforeEach(async () => {
    await Promise.all([server, elsewhere].map(async (s) => (await setFaults(s, {}), await s.reset())));
    consoleLines = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spyOn(console, method).and.callFake((...args: unknown[]) => void consoleLines.push([method, ...args]));
    }
    unhandled = trackUnhandled();
  });
  afterEach(async () => {
    expectNoSecret(consoleLines, secrets, 'console lines');
    expect(await unhandled.stop()).withContext('unhandled errors and rejections').toEqual([]);
  });

  const conn = (token: string, options: Partial<ConnectOptions> = {}): Connection =>
    connect({ url: server.url, token, retry: { count: 1, baseDelayMs: 5, maxDelayMs: 10 }, ...options });
  const dates = (c: Connection) => firstValueFrom(getAvailableDates({ connection: c }));

  describe('no token in what a user or a log sees', () => {
    const errors: Array<{ what: string; error: ErrorClass; produce: () => Promise<Error> }> = [
      { what: 'a 401 for an expired token', error: AuthenticationError, produce: () => failure(dates(conn(tokens.expired))) },
      { what: 'a 422 for a forged token', error: AuthenticationError, produce: () => failure(dates(conn(tokens.forged))) },
      { what: 'a 403 for a token without scopes', error: PermissionDeniedError, produce: () => failure(dates(conn(tokens.noScopes))) },
      { what: 'a 404 for an unknown query', error: NotFoundError, produce: () => failure(firstValueFrom(conn(tokens.valid).getUrl({ route: `get/${'0'.repeat(32)}` }))) },
      {
        what: 'a 500 HTML page',
        error: FlowclientConnectionError,
        produce: async () => {
          await setFaults(server, { bursts: [{ route: 'available_dates', status: 500, count: 2, body: '<h1>oops</h1>', contentType: 'text/html' }] });
          return failure(dates(conn(tokens.valid)));
        },
      },
      { what: 'a server that cannot be reached', error: NetworkError, produce: () => failure(dates(connect({ url: 'http://127.0.0.1:1', token: tokens.valid, retry: false }))) },
      {
        what: 'a request timeout',
        error: NetworkError,
        produce: async () => {
          await setFaults(server, { stalls: [{ route: 'qa', ms: 800, count: 1 }] });
          return failure(firstValueFrom(conn(tokens.valid, { timeoutMs: 200, retry: false }).getUrl({ route: 'qa/' })));
        },
      },
      {
        what: 'connection resets',
        error: NetworkError,
        produce: async () => {
          await setFaults(server, { resets: [{ route: 'geography', count: 20 }] });
          return failure(firstValueFrom(conn(tokens.valid, { retry: false }).getUrl({ route: 'geography/admin3' })));
        },
      },
      {
        what: 'a result stream cut mid-body',
        error: NetworkError,
        produce: async () => {
          const c = conn(tokens.valid, { retry: false });
          const id = await firstValueFrom(runQuery({ connection: c, querySpec: nextSpec() }));
          await setFaults(server, { cutResults: [{ afterBytes: 10, count: 1 }] });
          return failure(firstValueFrom(getResultByQueryId({ connection: c, queryId: id })));
        },
      },
      {
        what: 'a truncated result',
        error: ResultDecodeError,
        produce: async () => {
          const c = conn(tokens.valid);
          const id = await firstValueFrom(runQuery({ connection: c, querySpec: nextSpec() }));
          await setFaults(server, { bursts: [{ route: 'get', status: 200, count: 1, body: '{"query_result":[{"a"', contentType: 'application/json' }] });
          return failure(firstValueFrom(getResultByQueryId({ connection: c, queryId: id })));
        },
      },
      {
        what: 'a query that errored',
        error: QueryFailedError,
        produce: () => failure(firstValueFrom(conn(tokens.valid).makeApiQuery(spatialAggregateSpec({ locations: dailyLocationSpec({ date: '2015-06-01', aggregationUnit: 'admin3', method: 'last' }) })).getResult())),
      },
      {
        what: 'a refresher that fails',
        error: AuthenticationError,
        produce: () => failure(dates(conn(tokens.expired, { tokenRefresher: () => Promise.reject(new Error('auth service down')) }))),
      },
      {
        what: 'a refresher that gives a malformed token',
        error: AuthenticationError,
        produce: () => failure(dates(conn(tokens.expired, { tokenRefresher: () => Promise.resolve(`${tokens.valid}€`) }))),
      },
      { what: 'updateToken with a token and junk after it', error: FlowclientConnectionError, produce: () => failure(Promise.resolve().then(() => conn(tokens.valid).updateToken(`${tokens.valid}.junk`))) },
      { what: 'a url carrying the token in its query', error: TypeError, produce: () => failure(Promise.resolve().then(() => connect({ url: `${server.url}/?token=${tokens.valid}`, token: tokens.valid }))) },
      { what: 'a url carrying the token as its password', error: TypeError, produce: () => failure(Promise.resolve().then(() => connect({ url: `https://me:${tokens.valid}@flowapi.example.org`, token: tokens.valid }))) },
    ];
    for (const { what, error, produce } of errors) {
      it(`keeps tokens out of the error for ${what} (message, stack, cause, fields)`, async () => {
        const thrown = await produce();
        expect(thrown).withContext(String(thrown)).toBeInstanceOf(error as unknown as new () => Error);
        expectNoSecret(thrown, secrets, `the error for ${what}`);
      });
    }

    it('keeps tokens out of toString and JSON of connections, queries, states and dashboards', async () => {
      const c = conn(tokens.valid);
      const query = c.makeApiQuery(nextSpec());
      const states = await lastValueFrom(query.watch({ pollInterval: 100 }).pipe(toArray()));
      const dashboards = await lastValueFrom(watchAll([query]).pipe(toArray()));
      const shown = [String(c), JSON.stringify(c), c.toJSON(), String(query), JSON.stringify(query.parameters), states, dashboards, String(await firstValueFrom(getStatus({ connection: c, queryId: query.queryId ?? '' })))];
      expect(String(c)).toBe(`alice@${server.url} v0`);
      expect(states.at(-1)?.status).toBe('completed');
      expectNoSecret(shown, secrets, 'what a connection and a query show');
      expect(consoleLines.length).withContext('console lines written (the http:// warning)').toBeGreaterThan(0);
    });
  });

  describe('no Authorization to another origin', () => {
    const elsewhereUrl = () => elsewhere.url.replace('//127.0.0.1:', '//localhost:');
    const routes: Array<{ route: string; call: (c: Connection) => Promise<unknown> }> = [
      { route: 'available_dates', call: (c) => dates(c) },
      { route: 'run', call: (c) => firstValueFrom(runQuery({ connection: c, querySpec: nextSpec() })) },
      {
        route: 'poll',
        call: async (c) => {
          const id = await firstValueFrom(runQuery({ connection: c, querySpec: nextSpec() }));
          return firstValueFrom(getStatus({ connection: c, queryId: id }));
        },
      },
      {
        route: 'get',
        call: async (c) => {
          const query = c.makeApiQuery(nextSpec());
          await lastValueFrom(query.watch({ pollInterval: 100 }));
          return firstValueFrom(query.getResult());
        },
      },
    ];
    for (const status of [301, 302, 303, 307, 308]) {
      for (const { route, call } of routes) {
        it(`does not follow a ${status} from ${route} to another origin, and sends the token only to its own server`, async () => {
          const location = `${elsewhereUrl()}/api/0/${route === 'run' ? 'run' : 'available_dates'}`;
          await setFaults(server, { bursts: [{ route, status, count: 1, body: '', contentType: 'text/html', headers: { Location: location } }] });
          const fetches = logFetches();
          const c = conn(tokens.valid, { retry: false });
          await call(c).catch((error: unknown) => expect(error).toBeInstanceOf(FlowclientConnectionError));
          expect(fetches.length).withContext('requests sent').toBeGreaterThan(0);
          expect(fetches.filter((f) => !f.url.startsWith(`${server.url}/`)).map((f) => f.url)).withContext('requests to other servers').toEqual([]);
          expect(fetches.every((f) => f.authorization === `Bearer ${tokens.valid}`)).toBeTrue();
          expect((await server.counters()).total).withContext('the redirect was served').toBeGreaterThan(0);
          expect((await elsewhere.counters()).total).withContext('requests that reached the other origin').toBe(0);
        });
      }
    }
  });
});
