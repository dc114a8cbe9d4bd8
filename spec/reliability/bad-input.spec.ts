/**
 * The bad-input table, in Chromium: every row gives a bad token, URL, reply, result or spec to a
 * live connection and must get its typed error (exact class) with a clear message, and leave the
 * connection as it was: same token, same user, no new token emitted, its running watch untouched,
 * no token in the error, nothing unhandled, and nothing sent when the client can tell by itself.
 */
import { firstValueFrom, isObservable, type Observable } from 'rxjs';
import { connect, type ConnectOptions, type Connection } from '../../src/connection.js';
import { getAvailableDates } from '../../src/client/metadata.js';
import { isFlowclientError } from '../../src/errors.js';
import { dailyLocationSpec, spatialAggregateSpec } from '../../src/specs/index.js';
import type { WatchState } from '../../src/query/watch-state.js';
import { setFaults, setQueryState } from '../support/fixtures.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import type { BadInput, BadInputContext } from './support/bad-input/table.js';
import { CLIENT_SIDE_TOKENS, SERVER_SIDE_TOKENS } from './support/bad-input/tokens.js';
import { CLIENT_SIDE_URLS, WRONG_PATH_URL } from './support/bad-input/urls.js';
import { ERROR_BODIES, POLL_REPLIES, REDIRECTS } from './support/bad-input/replies.js';
import { RESULT_BODIES } from './support/bad-input/results.js';
import { QUERY_SPECS } from './support/bad-input/query-specs.js';
import { PATH_VALUES } from './support/bad-input/paths.js';
import { CONNECT_OPTIONS, METADATA_ARGUMENTS, NO_CONNECTIONS, NOT_A_SPEC, POLLING_OPTIONS, WATCH_ALL_ARGUMENTS } from './support/bad-input/arguments.js';
import { BAD_REFRESHERS, REFRESHER_OPTIONS } from './support/bad-input/refresher.js';
import { CLIENT_SIDE_LIMITS, OVERSIZED_REPLIES } from './support/bad-input/limits.js';
import { record, type Recording } from './support/record.js';
import { expectNoSecret, secretsOf } from './support/secrets.js';
import { trackUnhandled } from './support/unhandled.js';
import { waitFor } from './support/wait.js';

const TABLE: readonly BadInput[] = [
  ...CLIENT_SIDE_TOKENS,
  ...SERVER_SIDE_TOKENS,
  ...CLIENT_SIDE_URLS,
  WRONG_PATH_URL,
  ...ERROR_BODIES,
  ...POLL_REPLIES,
  ...REDIRECTS,
  ...RESULT_BODIES,
  ...QUERY_SPECS,
  ...PATH_VALUES,
  ...CONNECT_OPTIONS,
  ...POLLING_OPTIONS,
  ...NOT_A_SPEC,
  ...NO_CONNECTIONS,
  ...METADATA_ARGUMENTS,
  ...WATCH_ALL_ARGUMENTS,
  ...REFRESHER_OPTIONS,
  ...BAD_REFRESHERS,
  ...CLIENT_SIDE_LIMITS,
  ...OVERSIZED_REPLIES,
];

const SHORT_RETRY = { count: 2, baseDelayMs: 5, maxDelayMs: 10 };

/** A class's name as written (esbuild may bundle `class NotFoundError` as `NotFoundError2`). */
const nameOf = (cls: BadInput['error']): string => cls.name.replace(/\d+$/, '');

/** What the bad input gave: the error thrown at once, or the one the observable or promise failed with. */
async function outcomeOf(act: () => unknown): Promise<{ error: unknown; emitted: readonly unknown[] }> {
  let result: unknown;
  try {
    result = act();
  } catch (error) {
    return { error, emitted: [] };
  }
  if (isObservable(result)) {
    const recording = record(result as Observable<unknown>);
    await recording.done;
    if (recording.errors.length !== 1) throw new Error(`expected one error, got ${recording.errors.length} and ${recording.completions} completions`);
    return { error: recording.errors[0], emitted: recording.values };
  }
  try {
    await result;
  } catch (error) {
    return { error, emitted: [] };
  }
  throw new Error('the bad input was accepted');
}

interface ConnectionState {
  readonly token: string;
  readonly user: string;
  readonly expiresAt: number | undefined;
}
const stateOf = (c: Connection): ConnectionState => ({ token: c.token, user: c.user, expiresAt: c.tokenExpiresAt?.getTime() });

describe('bad input (Chromium): a typed error with a clear message, the connection unchanged', () => {
  let server: BrowserTestServer;
  let conn: Connection;
  let context: BadInputContext;
  let running: Recording<WatchState>;
  let tokensSeen: Recording<string>;
  let ownConnections: Array<{ connection: Connection; state: ConnectionState }>;
  const secrets: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 60_000, admin: true });
    spyOn(console, 'warn'); // http:// URLs warn "NOT SECURE"; kept for the whole table
    conn = connect({ url: server.url, token: server.token, retry: SHORT_RETRY });
    const completed = conn.makeApiQuery(spatialAggregateSpec({ locations: dailyLocationSpec({ date: '2016-01-02', aggregationUnit: 'admin3', method: 'last' }) }));
    const background = conn.makeApiQuery(spatialAggregateSpec({ locations: dailyLocationSpec({ date: '2016-01-03', aggregationUnit: 'admin2', method: 'last' }) }));
    // The running watch polls once, then waits ten minutes: it must see no row's faults, only survive them.
    running = record(background.watch({ firstWaitMs: 600_000, pollInterval: 600_000, pollStrategy: 'eager' }));
    tokensSeen = record(conn.token$);
    await waitFor(() => running.values.length === 1, 'the running watch\'s first state');
    const [completedId, expired, foreignKey, otherAudience, noUserClaims, noScopes, noSub] = await Promise.all([
      firstValueFrom(completed.run()),
      server.mintToken({ expiresInSeconds: -30 }),
      server.mintToken({ foreignKey: true }),
      server.mintToken({ audience: 'another-flowapi' }),
      server.mintToken({ rawUserClaims: null }),
      server.mintToken({ scopes: [] }),
      server.mintToken({ omitSub: true }),
    ]);
    await setQueryState(server, completedId, 'completed');
    const tokens = { expired, foreignKey, otherAudience, noUserClaims, noScopes, noSub };
    secrets.push(...secretsOf(server.token, ...Object.values(tokens)));
    context = {
      server,
      conn,
      runningId: background.queryId ?? '',
      completedId,
      tokens,
      connectWith: (token: string, options: Partial<ConnectOptions> = {}) => {
        const connection = connect({ url: server.url, token, retry: SHORT_RETRY, ...options });
        ownConnections.push({ connection, state: stateOf(connection) });
        return connection;
      },
    };
  });
  afterAll(async () => {
    running.subscription.unsubscribe();
    tokensSeen.subscription.unsubscribe();
    await server.close();
  });

  it(`has at least 40 rows, each with its own name (${TABLE.length} rows)`, () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(TABLE.map((row) => row.input)).size).toBe(TABLE.length);
  });

  // A proxy's cacheable answer must not outlive its request: the browser's cache never answers for FlowAPI.
  const cacheable: Array<[string, Record<string, unknown>]> = [
    ['a 301 to another origin', { status: 301, body: '', headers: { Location: 'https://elsewhere.example/' } }],
    ['a 308 to another origin', { status: 308, body: '', headers: { Location: 'https://elsewhere.example/' } }],
    ['a 200 HTML page cacheable for an hour', { status: 200, body: '<h1>Sign in</h1>', contentType: 'text/html', headers: { 'Cache-Control': 'public, max-age=3600' } }],
    ['a 404 cacheable for an hour', { status: 404, body: '<h1>Not Found</h1>', contentType: 'text/html', headers: { 'Cache-Control': 'public, max-age=3600' } }],
  ];
  for (const [answer, fault] of cacheable) {
    it(`reaches the server again on the request after ${answer}`, async () => {
      await setFaults(server, { bursts: [{ route: 'available_dates', count: 1, ...fault }] });
      await server.reset();
      const first = record(getAvailableDates({ connection: conn }));
      await first.done;
      expect(first.errors.length).withContext('the bad answer is an error').toBe(1);
      const second = await firstValueFrom(getAvailableDates({ connection: conn }));
      expect(second['calls']).toContain('2016-01-01');
      expect((await server.counters()).requests['available_dates']).withContext('requests that reached the server').toBe(2);
    });
  }

  for (const row of TABLE) {
    it(`refuses ${row.input} with ${nameOf(row.error)}`, async () => {
      ownConnections = [];
      await setFaults(server, row.faults ?? {});
      const before = { state: stateOf(conn), requests: (await server.counters()).total };
      const unhandled = trackUnhandled();

      const { error, emitted } = await outcomeOf(() => row.act(context));

      expect(emitted).withContext('values emitted before the error').toEqual([]);
      expect((error as Error | undefined)?.constructor).withContext(`class of ${String(error)}`).toBe(row.error as unknown as Error['constructor']);
      const expected = typeof row.message === 'function' ? row.message(context) : row.message;
      const message = (error as Error).message;
      if (typeof expected === 'string') expect(message).toBe(expected);
      else expect(message).toMatch(expected);
      if (row.fields) expect(error).toEqual(jasmine.objectContaining(row.fields));
      if (isFlowclientError(error)) expect(error.name).toBe(nameOf(row.error));
      expectNoSecret(error, secrets, 'the error');

      expect(stateOf(conn)).withContext('the shared connection').toEqual(before.state);
      expect(tokensSeen.values).withContext('tokens emitted by token$').toEqual([server.token]);
      for (const own of ownConnections) expect(stateOf(own.connection)).withContext('the row\'s own connection').toEqual(own.state);
      expect(running.values.length).withContext('states of the running watch').toBe(1);
      expect(running.errors).withContext('errors of the running watch').toEqual([]);
      expect(running.completions).withContext('completions of the running watch').toBe(0);
      expect(running.subscription.closed).withContext('the running watch closed').toBeFalse();
      if (row.sendsNothing) expect((await server.counters()).total).withContext('requests sent').toBe(before.requests);
      expect(await unhandled.stop()).withContext('unhandled errors and rejections').toEqual([]);
    });
  }
});
