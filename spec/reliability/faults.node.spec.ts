/**
 * The client through the test server's faults in Node, where requests go through Node's `http`
 * (no browser re-sending a reset request, keep-alive sockets that die with a restart): a restart
 * mid-watch, 503 bursts, resets, stalls past the timeout and cut result streams. As in Chromium,
 * each ends in the fault-free result with no lost or repeated emission, nothing unhandled, and
 * retries within their bounds; here the server's counters are exact.
 */
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { startTestServer, type FaultOptions, type TestServer } from '../../server/index.js';
import { connect, type ConnectOptions, type Connection } from '../../src/connection.js';
import { NetworkError } from '../../src/errors.js';
import type { RetryConfig } from '../../src/http/retry.js';
import type { ResultFormat } from '../../src/query/api-query.js';
import type { QuerySpec } from '../../src/specs/types.js';
import { failureOf, record } from './support/record.js';
import { expectNoSecret, secretsOf } from './support/secrets.js';
import { specSource } from './support/specs.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';
import { waitFor } from './support/wait.js';
import { expectCleanWatch, expectSingleResult } from './support/watch-checks.js';

const RETRY: RetryConfig = { count: 3, baseDelayMs: 10, maxDelayMs: 40 };


/** Polls a watch's states answered: the last state's count (a first state from the run reply adds none). */
const answeredPolls = (watch: { values: readonly { polls: number }[] }): number => watch.values.at(-1)?.polls ?? 0;

describe('surviving faults (Node)', () => {
  let reference: TestServer;
  let server: TestServer; // queries take 600 ms
  let instant: TestServer; // queries complete at once: for cut result streams
  let stalling: TestServer; // only for stalls: a stalled request wakes after its spec and would take the next spec's faults
  let token: string;
  let instantToken: string;
  let stallingToken: string;
  let unhandled: UnhandledTracker;
  const nextSpec = specSource();

  beforeAll(async () => {
    [reference, server, instant, stalling] = await Promise.all([
      startTestServer({ queryDurationMs: 0 }),
      startTestServer({ queryDurationMs: 600, faults: {} }),
      startTestServer({ queryDurationMs: 0, faults: {} }),
      startTestServer({ queryDurationMs: 600, faults: {} }),
    ]);
    [token, instantToken, stallingToken] = await Promise.all([server.mintToken(), instant.mintToken(), stalling.mintToken()]);
  });
  afterAll(async () => Promise.all([reference, server, instant, stalling].map((s) => s.close())));
  beforeEach(() => {
    spyOn(console, 'warn');
    for (const s of [server, instant, stalling]) {
      s.setFaults({});
      s.reset();
    }
    unhandled = trackUnhandled();
  });
  afterEach(async () => {
    expect(await unhandled.stop()).withContext('unhandled errors, rejections and late notifications').toEqual([]);
  });

  const conn = (options: Partial<ConnectOptions> = {}, on: TestServer = server): Connection =>
    connect({ url: on.url, token: on === server ? token : on === instant ? instantToken : stallingToken, retry: RETRY, ...options });
  const fromReference = async (spec: QuerySpec, format: ResultFormat = 'json') =>
    firstValueFrom(connect({ url: reference.url, token: await reference.mintToken() }).makeApiQuery(spec).getResult({ format }));
  const requests = (route: string, on: TestServer = server) => (on.counters().requests as Record<string, number>)[route] ?? 0;

  /** Faults applied to a whole run; the counts the server must then show for the query. */
  const cases: Array<{ fault: string; faults: FaultOptions; options?: Partial<ConnectOptions>; stalls?: true; run: number; extraPolls: number; get: number }> = [
    {
      fault: 'bursts of 503 on run, poll and get',
      faults: { bursts: [{ route: 'run', status: 503, count: 2 }, { route: 'poll', status: 503, count: 5 }, { route: 'get', status: 503, count: 2 }] },
      run: 3, extraPolls: 5, get: 3,
    },
    {
      fault: 'connection resets on run, poll and get',
      faults: { resets: [{ route: 'run', count: 1 }, { route: 'poll', count: 5 }, { route: 'get', count: 2 }] },
      run: 2, extraPolls: 5, get: 3,
    },
    {
      fault: 'a poll and a result download stalled past the request timeout',
      faults: { stalls: [{ route: 'poll', ms: 1000, count: 1 }, { route: 'get', ms: 1000, count: 1 }] },
      options: { timeoutMs: 300 },
      stalls: true,
      run: 1, extraPolls: 1, get: 2,
    },
  ];
  for (const { fault, faults, options, stalls, run, extraPolls, get } of cases) {
    it(`ends ${fault} in the fault-free result, retrying exactly as often as the faults demand`, async () => {
      const on = stalls ? stalling : server;
      on.setFaults(faults);
      const spec = nextSpec();
      const query = conn(options, on).makeApiQuery(spec);
      const id = await firstValueFrom(query.run());
      const watch = record(query.watch({ pollInterval: 100 }));
      const result = record(query.getResult());
      await Promise.all([watch.done, result.done]);
      expectCleanWatch(watch);
      expect<unknown>(expectSingleResult(result)).toEqual(await fromReference(spec));
      const counters = on.counters();
      expect(requests('run', on)).withContext('run requests').toBe(run);
      expect(counters.runs[id]).withContext('executions').toBe(1);
      expect(counters.polls[id]).withContext('polls: one state per answered poll, plus the faulty ones').toBe(answeredPolls(watch) + extraPolls);
      expect(requests('get', on)).withContext('result requests').toBe(get);
    });
  }

  it('rides out a restart mid-watch (its keep-alive sockets die with it) to the fault-free result', async () => {
    const spec = nextSpec();
    const query = conn().makeApiQuery(spec);
    const id = await firstValueFrom(query.run());
    const watch = record(query.watch({ pollInterval: 100 }));
    await waitFor(() => watch.values.length > 0, 'the first state');
    const downMs = 400;
    await server.restart(downMs);
    expect(watch.completions).withContext('watch ended before the server was back').toBe(0);
    const result = record(query.getResult());
    await Promise.all([watch.done, result.done]);
    expectCleanWatch(watch);
    expect<unknown>(expectSingleResult(result)).toEqual(await fromReference(spec));
    const gaps = watch.values.slice(1).map((state, i) => state.elapsedMs - (watch.values[i]?.elapsedMs ?? 0));
    expect(Math.max(...gaps)).withContext('longest time between two states: the restart').toBeGreaterThanOrEqual(downMs - 100);
    expect(server.counters().polls[id]).toBeGreaterThanOrEqual(answeredPolls(watch));
  });

  for (const format of ['json', 'geojson', 'csv'] as const) {
    it(`retries a ${format} result stream cut mid-body and gives the whole result`, async () => {
      const spec = nextSpec();
      const query = conn({}, instant).makeApiQuery(spec);
      await lastValueFrom(query.watch({ pollInterval: 100 }));
      instant.reset();
      instant.setFaults({ cutResults: [{ afterBytes: 10, count: 2 }] });
      const result = record(query.getResult({ format }) as Observable<unknown>);
      await result.done;
      expect(expectSingleResult(result)).toEqual(await fromReference(spec, format));
      expect(requests('get', instant)).toBe(3);
    });

    it(`fails with a NetworkError, never partial ${format}, when every retry of the result stream is cut`, async () => {
      const query = conn({ retry: { ...RETRY, count: 2 } }, instant).makeApiQuery(nextSpec());
      await lastValueFrom(query.watch({ pollInterval: 100 }));
      instant.reset();
      instant.setFaults({ cutResults: [{ afterBytes: 10, count: 10 }] });
      const result = record(query.getResult({ format }) as Observable<unknown>);
      const error = await failureOf(result);
      expect(result.values).withContext('values passed off as a result').toEqual([]);
      expect(error).toBeInstanceOf(NetworkError);
      expect(requests('get', instant)).toBe(3);
      expectNoSecret(error, secretsOf(instantToken), 'the cut-stream error');
    });
  }
});
