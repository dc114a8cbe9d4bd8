/**
 * A token refresher that fails, gives no token or never answers, in Chromium against the test
 * server: requests end with a typed AuthenticationError within the refresh timeout, the refresher
 * is called once per expiry however many requests or watches wait on it, then not again on that
 * token during its backoff; watches pause (awaitingToken) and all resume on updateToken, also when
 * the token changes while a refused poll is on its way back.
 */
import { NEVER, firstValueFrom, ignoreElements, timer, type Observable } from 'rxjs';
import { connect, type ConnectOptions, type Connection } from '../../src/connection.js';
import { AuthenticationError } from '../../src/errors.js';
import { REFRESH_BACKOFF_BASE_MS } from '../../src/token-refresh.js';
import { watchQuery } from '../../src/query/shared-watch.js';
import type { WatchState } from '../../src/query/watch-state.js';
import { setFaults } from '../support/fixtures.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { attempts, logFetches, type FetchAttempt } from './support/fetch-log.js';
import { failureOf, record, type Recording } from './support/record.js';
import { expectNoSecret, secretsOf } from './support/secrets.js';
import { specSource } from './support/specs.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';
import { waitFor } from './support/wait.js';
import { expectCleanWatch } from './support/watch-checks.js';

const RETRY = { count: 2, baseDelayMs: 10, maxDelayMs: 40 };
const POLL = { pollInterval: 100 };
const FAILED = 'Token has expired and the token refresher failed: auth service down';
const paused = (watch: Recording<WatchState>): boolean => {
  const last = watch.values.at(-1);
  return last !== undefined && 'awaitingToken' in last && last.awaitingToken === true;
};

describe('token refresher failures (Chromium)', () => {
  let server: BrowserTestServer; // queries take 1.5 s
  let unhandled: UnhandledTracker;
  let fetches: FetchAttempt[];
  let expired: string;
  const nextSpec = specSource();
  const secrets: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 1500, admin: true });
    expired = await server.mintToken({ expiresInSeconds: -30 });
    secrets.push(...secretsOf(server.token, expired));
  });
  afterAll(async () => server.close());

  beforeEach(async () => {
    spyOn(console, 'warn'); // http:// URLs warn "NOT SECURE"
    await setFaults(server, {});
    await server.reset();
    unhandled = trackUnhandled();
    fetches = logFetches(server.url);
  });
  afterEach(async () => {
    expect(await unhandled.stop()).withContext('unhandled errors, rejections and late notifications').toEqual([]);
  });

  const conn = (options: Partial<ConnectOptions> = {}): Connection => connect({ url: server.url, token: expired, retry: RETRY, ...options });
  const dates = (c: Connection): Observable<unknown> => c.getUrl({ route: 'available_dates' });
  const requestsOf = async (route: string): Promise<number> => (await server.counters()).requests[route] ?? 0;

  function expectRefreshError(error: unknown, message: string): void {
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toEqual(jasmine.objectContaining({ message, status: 401, serverMessage: 'Token has expired' }));
    expectNoSecret(error, secrets, 'the refresh error');
  }

  it('ends requests whose refresher never settles with "did not answer within <n> ms" within refreshTimeoutMs, after one call', async () => {
    let calls = 0;
    const c = conn({ refreshTimeoutMs: 300, tokenRefresher: () => (calls++, new Promise<string>(() => undefined)) });
    const started = Date.now();
    const requests = [record(dates(c)), record(dates(c)), record(dates(c))];
    const errors = await Promise.all(requests.map(failureOf));
    const took = Date.now() - started;
    errors.forEach((error) => expectRefreshError(error, 'Token has expired and the token refresher did not answer within 300 ms'));
    expect(took).withContext('ms until every request ended').toBeLessThan(300 + 1500);
    expect(calls).toBe(1);
    expect(c.token).toBe(expired);
  });

  it('bounds a refresher observable that never emits by the connection\'s timeoutMs when refreshTimeoutMs is not given', async () => {
    const c = conn({ timeoutMs: 250, tokenRefresher: () => NEVER });
    expectRefreshError(await failureOf(record(dates(c))), 'Token has expired and the token refresher did not answer within 250 ms');
  });

  it('ends a request whose refresher completes without a token with "gave no token", after exactly one call and no loop', async () => {
    let calls = 0;
    const completesEmpty = conn({ tokenRefresher: () => (calls++, timer(50).pipe(ignoreElements())) });
    expectRefreshError(await failureOf(record(dates(completesEmpty))), 'Token has expired and the token refresher gave no token');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a loop would show in this spell
    expect(calls).toBe(1);
    expect(await requestsOf('available_dates')).withContext('requests: the refused one only').toBe(1);
  });

  it('calls a failing refresher once for 10 concurrent requests, fails all 10 with its error, then not again within the backoff, then once after it', async () => {
    let calls = 0;
    const down = new Error('auth service down');
    const c = conn({ tokenRefresher: () => (calls++, Promise.reject(down)) });
    const errors = await Promise.all(Array.from({ length: 10 }, () => failureOf(record(dates(c)))));
    const failedAt = Date.now();
    errors.forEach((error) => expectRefreshError(error, FAILED));
    expect(errors.every((error) => error.cause === down)).withContext('cause: the refresher\'s error').toBeTrue();
    expect(calls).withContext('refresher calls for 10 requests').toBe(1);
    expect(attempts(fetches, 'available_dates', 401)).toBe(10);

    const within = await failureOf(record(dates(c)));
    expect(Date.now() - failedAt).withContext('still within the backoff').toBeLessThan(REFRESH_BACKOFF_BASE_MS);
    expectRefreshError(within, FAILED);
    expect(calls).withContext('refresher calls within the backoff').toBe(1);

    await new Promise((resolve) => setTimeout(resolve, REFRESH_BACKOFF_BASE_MS - (Date.now() - failedAt) + 50));
    expectRefreshError(await failureOf(record(dates(c))), FAILED);
    expect(calls).withContext('refresher calls after the backoff').toBe(2);

    c.updateToken(server.token); // a new token ends the backoff
    expect((await firstValueFrom(c.getUrl({ route: 'available_dates' }))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('pauses 30 watches on one expired token with one call of a failing refresher, and resumes all 30 on updateToken', async () => {
    const runner = connect({ url: server.url, token: server.token, retry: RETRY });
    const specs = Array.from({ length: 30 }, () => nextSpec());
    const ids = await Promise.all(specs.map((spec) => firstValueFrom(runner.makeApiQuery(spec).run())));
    let calls = 0;
    const c = conn({ tokenRefresher: () => (calls++, Promise.reject(new Error('auth service down'))) });
    const watches = ids.map((id) => record(watchQuery(c, id, POLL)));
    await waitFor(() => watches.every(paused), 'all 30 watches paused', 8000);
    expect(calls).withContext('refresher calls for 30 watches').toBe(1);
    watches.forEach((w) => expectRefreshError((w.values.at(-1) as { authError?: unknown }).authError, FAILED));
    const refusedPolls = attempts(fetches, 'poll', 401);
    expect(refusedPolls).withContext('polls refused').toBe(30);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a quiet spell: paused watches do not poll
    expect(attempts(fetches, 'poll', 401)).withContext('polls refused after the pause').toBe(30);

    c.updateToken(server.token);
    await Promise.all(watches.map((w) => w.done));
    watches.forEach((w) => expectCleanWatch(w));
    expect(calls).toBe(1);
  });

  it('does not pause a watch whose refused poll comes back after updateToken: the poll goes again with the new token', async () => {
    const runner = connect({ url: server.url, token: server.token, retry: RETRY });
    const spec = nextSpec();
    const id = await firstValueFrom(runner.makeApiQuery(spec).run());
    await setFaults(server, {
      stalls: [{ route: 'poll', ms: 600, count: 1 }],
      bursts: [{ route: 'poll', status: 401, count: 1, body: '{"msg":"Token has expired"}' }],
    });
    const c = conn({ token: server.token }); // no refresher: a paused watch would wait for the token after the next
    const watch = record(watchQuery(c, id, POLL));
    await waitFor(async () => (await requestsOf('poll')) >= 1, 'the stalled poll on the server');
    const renewed = await server.mintToken({ sub: 'renewed' });
    secrets.push(...secretsOf(renewed));
    c.updateToken(renewed);
    await watch.done;
    expectCleanWatch(watch);
    expect(watch.values.some((s) => 'awaitingToken' in s)).withContext('paused states').toBeFalse();
    expect(attempts(fetches, 'poll', 401)).toBe(1);
  });

  it('resumes a watch whose refresher fails after updateToken came: the waiting poll takes the new token', async () => {
    const runner = connect({ url: server.url, token: server.token, retry: RETRY });
    const spec = nextSpec();
    const id = await firstValueFrom(runner.makeApiQuery(spec).run());
    let calls = 0;
    let fail: (error: Error) => void = () => undefined;
    const c = conn({ tokenRefresher: () => (calls++, new Promise<string>((_, reject) => (fail = reject))) });
    const watch = record(watchQuery(c, id, POLL));
    await waitFor(() => calls === 1, 'the refresher called');
    c.updateToken(server.token);
    fail(new Error('auth service down'));
    await watch.done;
    expectCleanWatch(watch);
    expect(watch.values.some((s) => 'awaitingToken' in s)).withContext('paused states').toBeFalse();
    expect(calls).toBe(1);
  });
});
