/**
 * The client through the test server's faults, in Chromium: a restart mid-watch, bursts of 503s,
 * connection resets, stalls past the request timeout, result streams cut mid-body, a token
 * expiring mid-watch (with and without a refresher) and a storm of 401s. Every spec checks that the
 * outcome equals a fault-free run's, that no emission is lost or repeated, that nothing went
 * unhandled, and that retries stayed within their bounds.
 */
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { connect, type ConnectOptions, type Connection } from '../../src/connection.js';
import { NetworkError, isFlowclientError } from '../../src/errors.js';
import { DEFAULT_RETRY, backoffDelay, type RetryConfig } from '../../src/http/retry.js';
import type { ResultFormat } from '../../src/query/api-query.js';
import type { QuerySpec } from '../../src/specs/types.js';
import type { WatchState } from '../../src/query/watch-state.js';
import { admin, setFaults } from '../support/fixtures.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { attempts, logFetches, type FetchAttempt } from './support/fetch-log.js';
import { failureOf, record, type Recording } from './support/record.js';
import { expectNoSecret, secretsOf } from './support/secrets.js';
import { specSource } from './support/specs.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';
import { waitFor } from './support/wait.js';
import { expectCleanWatch, expectSingleResult } from './support/watch-checks.js';

/** Fast retries, so a spec spends its time on the faults, not on waiting. */
const RETRY: RetryConfig = { count: 3, baseDelayMs: 10, maxDelayMs: 40 };
const POLL = { pollInterval: 100 };

/**
 * The most poll attempts a watch makes while the server is unreachable for `windowMs`: the watch
 * backs off from `DEFAULT_RETRY.baseDelayMs` (each wait at least half its exponential delay), and
 * each attempt is one request plus the connection's own retries.
 */
function pollAttemptsWithin(windowMs: number, retry: RetryConfig): number {
  let attemptsMade = 1;
  let at = backoffDelay(1, DEFAULT_RETRY, () => 0);
  while (at <= windowMs) {
    attemptsMade += 1;
    at += backoffDelay(attemptsMade, DEFAULT_RETRY, () => 0);
  }
  return attemptsMade * (1 + retry.count);
}


/** Polls a watch's states answered: the last state's count (a first state from the run reply and a paused state add none). */
const answeredPolls = (watch: Recording<WatchState>): number => watch.values.at(-1)?.polls ?? 0;

describe('surviving faults (Chromium)', () => {
  let reference: BrowserTestServer; // never faulty: what a fault-free run gives
  let server: BrowserTestServer; // queries take 800 ms
  let instant: BrowserTestServer; // queries complete at once: for result-stream faults
  let slow: BrowserTestServer; // queries take 3 s: for tokens expiring mid-watch
  let stalling: BrowserTestServer; // only for stalls: a stalled request wakes after its spec and would take the next spec's faults
  let unhandled: UnhandledTracker;
  let fetches: FetchAttempt[];
  const nextSpec = specSource();
  const secrets: string[] = [];

  beforeAll(async () => {
    [reference, server, instant, slow, stalling] = await Promise.all([
      startTestServer({ queryDurationMs: 0 }),
      startTestServer({ queryDurationMs: 800, admin: true }),
      startTestServer({ queryDurationMs: 0, admin: true }),
      startTestServer({ queryDurationMs: 3000, admin: true }),
      startTestServer({ queryDurationMs: 800, admin: true }),
    ]);
    secrets.push(...secretsOf(reference.token, server.token, instant.token, slow.token, stalling.token));
  });
  afterAll(async () => Promise.all([reference, server, instant, slow, stalling].map((s) => s.close())));

  beforeEach(async () => {
    spyOn(console, 'warn'); // http:// URLs warn "NOT SECURE"
    const faulty = [server, instant, slow, stalling];
    await Promise.all(faulty.map(async (s) => (await setFaults(s, {}), await s.reset())));
    unhandled = trackUnhandled();
    fetches = logFetches(...faulty.map((s) => s.url));
  });
  afterEach(async () => {
    expect(await unhandled.stop()).withContext('unhandled errors, rejections and late notifications').toEqual([]);
  });

  const conn = (on: BrowserTestServer, options: Partial<ConnectOptions> = {}): Connection =>
    connect({ url: on.url, token: on.token, retry: RETRY, ...options });

  const fromReference = <S extends QuerySpec, F extends ResultFormat>(spec: S, format: F) =>
    firstValueFrom(connect({ url: reference.url, token: reference.token }).makeApiQuery(spec).getResult({ format }));

  /** Run, then watch and fetch the result at once (one shared poll loop), recording both. */
  async function watchAndFetch(c: Connection, spec: QuerySpec) {
    const query = c.makeApiQuery(spec);
    const id = await firstValueFrom(query.run());
    const watch = record(query.watch(POLL));
    const result = record(query.getResult());
    await Promise.all([watch.done, result.done]);
    return { id, watch, result };
  }

  const counters = async (on: BrowserTestServer) => {
    const c = await on.counters();
    return { ...c, route: (name: string) => c.requests[name] ?? 0, pollsOf: (id: string) => c.polls[id] ?? 0 };
  };

  it('ends a burst of 503s on run, poll and get in the fault-free result, each retried within its bound', async () => {
    await setFaults(server, {
      bursts: [
        { route: 'run', status: 503, count: 2 },
        { route: 'poll', status: 503, count: 5 }, // more than one poll's retries: the watch backs off too
        { route: 'get', status: 503, count: 2 },
      ],
    });
    const spec = nextSpec();
    const { id, watch, result } = await watchAndFetch(conn(server), spec);
    expectCleanWatch(watch);
    expect(expectSingleResult(result)).toEqual(await fromReference(spec, 'json'));
    const c = await counters(server);
    expect(c.route('run')).withContext('run: 2 refused, then accepted').toBe(3);
    expect(c.runs[id]).withContext('executions').toBe(1);
    expect(c.pollsOf(id)).withContext('polls: one state per answered poll, plus the 5 refused').toBe(answeredPolls(watch) + 5);
    expect(c.route('get')).withContext('get: 2 refused, then streamed').toBe(3);
    expect(attempts(fetches, 'run')).toBeLessThanOrEqual(1 + RETRY.count);
    expect(attempts(fetches, 'get')).toBeLessThanOrEqual(1 + RETRY.count);
  });

  it('ends connection resets on run, poll and get in the fault-free result', async () => {
    // Chromium silently re-sends a GET once when a reused socket is reset, so the page sees fewer
    // failures than the server made; the server's counters see every one.
    await setFaults(server, {
      resets: [
        { route: 'run', count: 1 },
        { route: 'poll', count: 8 },
        { route: 'get', count: 2 },
      ],
    });
    const spec = nextSpec();
    const { id, watch, result } = await watchAndFetch(conn(server), spec);
    expectCleanWatch(watch);
    expect(expectSingleResult(result)).toEqual(await fromReference(spec, 'json'));
    const c = await counters(server);
    expect(c.route('run')).toBe(2);
    expect(c.runs[id]).toBe(1);
    expect(c.pollsOf(id)).withContext('polls: one state per answered poll, plus the 8 reset').toBe(answeredPolls(watch) + 8);
    expect(c.route('get')).toBe(3);
    expect(attempts(fetches, 'get')).toBeLessThanOrEqual(1 + RETRY.count);
    expect(attempts(fetches, 'poll', 'network')).toBeLessThanOrEqual(8);
  });

  it('times out a stalled poll and a stalled result download, retries each once, and ends in the fault-free result', async () => {
    await setFaults(stalling, {
      stalls: [
        { route: 'poll', ms: 1500, count: 1 },
        { route: 'get', ms: 1500, count: 1 },
      ],
    });
    const spec = nextSpec();
    const { id, watch, result } = await watchAndFetch(conn(stalling, { timeoutMs: 400 }), spec);
    expectCleanWatch(watch);
    expect(expectSingleResult(result)).toEqual(await fromReference(spec, 'json'));
    expect(attempts(fetches, 'poll', 'timeout')).toBe(1);
    expect(attempts(fetches, 'get', 'timeout')).toBe(1);
    const c = await counters(stalling);
    expect(c.pollsOf(id)).withContext('polls: one state per answered poll, plus the stalled one').toBe(answeredPolls(watch) + 1);
    expect(c.route('get')).toBe(2);
  });

  it('gives up on a request that stalls past the timeout every time with a NetworkError, after exactly count retries', async () => {
    await setFaults(stalling, { stalls: [{ route: 'available_dates', ms: 1500, count: 3 }] });
    const failed = record(conn(stalling, { timeoutMs: 250, retry: { ...RETRY, count: 2 } }).getUrl({ route: 'available_dates' }));
    const error = await failureOf(failed);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^Unable to connect to FlowKit API at .+: timeout of 250ms exceeded$/);
    expect(failed.values).toEqual([]);
    expect(attempts(fetches, 'available_dates', 'timeout')).toBe(3);
    expect((await counters(stalling)).route('available_dates')).toBe(3);
    expectNoSecret(error, secrets, 'the timeout error');
  });

  it('rides out a server restart mid-watch and ends in the fault-free result, backing off while the server is down', async () => {
    const downMs = 700;
    const c = conn(server);
    const spec = nextSpec();
    const query = c.makeApiQuery(spec);
    const id = await firstValueFrom(query.run());
    const watch = record(query.watch(POLL));
    await waitFor(() => watch.values.length >= 3, 'three states');
    await admin(server, 'restart', { downMs });
    const joinedAt = watch.values.length;
    const late = record(query.watch()); // joins the same loop while the server is down
    const result = record(query.getResult());
    await Promise.all([watch.done, late.done, result.done]);
    expectCleanWatch(watch);
    expectCleanWatch(late, { joinedLate: true });
    expect(late.values).withContext('a late watcher: the state current when it joined, then every later one').toEqual(watch.values.slice(joinedAt - 1));
    expect(expectSingleResult(result)).toEqual(await fromReference(spec, 'json'));
    const failures = attempts(fetches, 'poll', 'network');
    expect(failures).withContext('polls that met the restart').toBeGreaterThan(0);
    expect(failures).withContext('polls while down, within the backoff').toBeLessThanOrEqual(pollAttemptsWithin(downMs + 500, RETRY));
    const polls = (await counters(server)).pollsOf(id);
    expect(polls).toBeGreaterThanOrEqual(answeredPolls(watch));
    expect(polls - answeredPolls(watch)).withContext('polls the server saw but did not answer').toBeLessThanOrEqual(failures);
  });

  for (const format of ['json', 'geojson', 'csv'] as const) {
    it(`retries a ${format} result stream cut mid-body and gives the whole result`, async () => {
      const c = conn(instant);
      const spec = nextSpec();
      const query = c.makeApiQuery(spec);
      await lastValueFrom(query.watch());
      await instant.reset();
      await setFaults(instant, { cutResults: [{ afterBytes: 10, count: 2 }] });
      const result = record(query.getResult({ format }) as Observable<unknown>);
      await result.done;
      expect(expectSingleResult(result)).toEqual(await fromReference(spec, format));
      expect((await counters(instant)).route('get')).withContext('two cut streams, then a whole one').toBe(3);
    });

    it(`fails with a NetworkError, never partial ${format}, when every retry of the result stream is cut`, async () => {
      const retry = { ...RETRY, count: 2 };
      const c = conn(instant, { retry });
      const query = c.makeApiQuery(nextSpec());
      await lastValueFrom(query.watch());
      await instant.reset();
      await setFaults(instant, { cutResults: [{ afterBytes: 10, count: 10 }] });
      const result = record(query.getResult({ format }) as Observable<unknown>);
      const error = await failureOf(result);
      expect(result.values).withContext('values passed off as a result').toEqual([]);
      expect(error).toBeInstanceOf(NetworkError);
      expect(isFlowclientError(error) && error.route).toMatch(/^get\/[0-9a-f]{32}(\.geojson|\.csv)?$/);
      expect((await counters(instant)).route('get')).withContext('result requests: the first and its retries').toBe(1 + retry.count);
      expectNoSecret(error, secrets, 'the cut-stream error');
    });
  }

  it('pauses a watch whose token expires (no refresher) without polling on, and resumes it on updateToken to the fault-free result', async () => {
    const c = conn(slow, { token: await slow.mintToken({ expiresInSeconds: 2 }) });
    const spec = nextSpec();
    const query = c.makeApiQuery(spec);
    const id = await firstValueFrom(query.run());
    const watch = record(query.watch(POLL));
    await waitFor(() => attempts(fetches, 'poll', 401) > 0, 'a poll refused with 401 for the expired token', 4000);
    const pausedPolls = (await counters(slow)).pollsOf(id);
    const pausedStates = watch.values.length;
    await new Promise((resolve) => setTimeout(resolve, 400)); // a quiet spell: nothing may happen in it
    expect((await counters(slow)).pollsOf(id)).withContext('polls while paused').toBe(pausedPolls);
    expect(watch.values.length).withContext('states while paused').toBe(pausedStates);
    expect(watch.errors).toEqual([]);
    const renewed = await slow.mintToken({ sub: 'renewed' });
    secrets.push(...secretsOf(renewed));
    c.updateToken(renewed);
    await watch.done;
    expectCleanWatch(watch);
    expect(attempts(fetches, 'poll', 401)).withContext('polls refused').toBe(1);
    expect((await counters(slow)).pollsOf(id)).toBe(answeredPolls(watch) + 1);
    expect(c.user).toBe('renewed');
    expect(await firstValueFrom(query.getResult())).toEqual(await fromReference(spec, 'json'));
  });

  it('carries three watches across a token expiry with one shared refresh, none pausing, to the fault-free results', async () => {
    let refreshes = 0;
    const c = conn(slow, {
      token: await slow.mintToken({ expiresInSeconds: 2 }),
      tokenRefresher: async () => {
        refreshes++;
        const fresh = await slow.mintToken({ sub: 'refreshed' });
        secrets.push(...secretsOf(fresh));
        return fresh;
      },
    });
    const specs = [nextSpec(), nextSpec(), nextSpec()];
    const queries = specs.map((spec) => c.makeApiQuery(spec));
    const ids = await Promise.all(queries.map((q) => firstValueFrom(q.run())));
    const watches = queries.map((q) => record(q.watch(POLL)));
    await Promise.all(watches.map((w) => w.done));
    watches.forEach((w) => expectCleanWatch(w));
    expect(attempts(fetches, 'poll', 401)).withContext('polls refused for the expired token').toBeGreaterThan(0);
    expect(refreshes).toBe(1);
    expect(c.user).toBe('refreshed');
    const c2 = await counters(slow);
    ids.forEach((id, i) => {
      const refused = fetches.filter((a) => a.route === 'poll' && a.outcome === 401 && a.url.endsWith(id)).length;
      expect(refused).withContext(`polls of query ${i} refused`).toBeLessThanOrEqual(1);
      expect(c2.pollsOf(id)).withContext(`polls of query ${i}`).toBe(answeredPolls(watches[i] as Recording<WatchState>) + refused);
    });
    for (const [i, query] of queries.entries()) {
      expect(await firstValueFrom(query.getResult())).toEqual(await fromReference(specs[i] as (typeof specs)[number], 'json'));
    }
  });

  it('answers a storm of 20 concurrent 401s with exactly one refresh, then one retry each, to the fault-free results', async () => {
    const expired = await server.mintToken({ expiresInSeconds: -30 });
    secrets.push(...secretsOf(expired));
    let refreshes = 0;
    const c = conn(server, {
      token: expired,
      tokenRefresher: async () => {
        refreshes++;
        // hold the refresh until every request has been refused, so all 20 wait on it
        await waitFor(async () => (await counters(server)).route('run') >= 20, 'all 20 runs refused');
        const fresh = await server.mintToken({ sub: 'refreshed' });
        secrets.push(...secretsOf(fresh));
        return fresh;
      },
    });
    const specs = Array.from({ length: 20 }, () => nextSpec());
    const results = specs.map((spec) => record(c.makeApiQuery(spec).getResult(POLL)));
    await Promise.all(results.map((r) => r.done));
    expect(refreshes).toBe(1);
    expect(attempts(fetches, 'run', 401)).toBe(20);
    expect((await counters(server)).route('run')).withContext('20 refused, 20 retried').toBe(40);
    expect(c.user).toBe('refreshed');
    for (const [i, result] of results.entries()) {
      expect(expectSingleResult(result)).withContext(`result ${i}`).toEqual(await fromReference(specs[i] as (typeof specs)[number], 'json'));
    }
    const authorizations = new Set(fetches.filter((a) => a.outcome !== 401).map((a) => a.authorization));
    expect(authorizations.size).withContext('tokens sent after the refresh').toBe(1);
  });
});
