/**
 * Replies that are garbled or forget the query, in Chromium: poll 202s cut short or empty
 * mid-watch, hostile progress counts, and a server that forgets its queries mid-watch (FlowAPI
 * 1.3's 404, FlowAPI 1.18's 500 HTML page). Every watch must end as a fault-free run does, with
 * no emission lost or repeated, and re-runs must stay within their bound.
 */
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { connect, type Connection } from '../../src/connection.js';
import { FlowclientConnectionError, QueryFailedError } from '../../src/errors.js';
import { MAX_RERUNS } from '../../src/query/forgotten.js';
import type { QuerySpec } from '../../src/specs/types.js';
import type { WatchState } from '../../src/query/watch-state.js';
import { forgetQuery, setFaults, setQueryState } from '../support/fixtures.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { failureOf, record, type Recording } from './support/record.js';
import { specSource } from './support/specs.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';
import { waitFor } from './support/wait.js';
import { expectCleanWatch, expectSingleResult } from './support/watch-checks.js';

const RETRY = { count: 3, baseDelayMs: 10, maxDelayMs: 40 };
const POLL = { pollInterval: 100 };
const HTML_500 = '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n';
const polled = (watch: Recording<WatchState>): number => watch.values.at(-1)?.polls ?? 0;
const executing = (progress: string) => `{"status":"executing","msg":"","progress":${progress}}`;

describe('garbled replies and forgotten queries (Chromium)', () => {
  let reference: BrowserTestServer; // never faulty: what a fault-free run gives
  let server: BrowserTestServer; // FlowAPI 1.18 without its unknown-id bug: a forgotten id answers 404
  let buggy: BrowserTestServer; // FlowAPI 1.18 as it really is: a forgotten id answers 500 with an HTML page
  let unhandled: UnhandledTracker;
  const specsOf = new Map<BrowserTestServer, () => QuerySpec>(); // each server sees each spec once

  beforeAll(async () => {
    [reference, server, buggy] = await Promise.all([
      startTestServer({ queryDurationMs: 0 }),
      startTestServer({ queryDurationMs: 2500, admin: true }),
      startTestServer({ queryDurationMs: 2000, admin: true, unknownIdBug: true }),
    ]);
    specsOf.set(server, specSource()).set(buggy, specSource());
  });
  afterAll(async () => Promise.all([reference, server, buggy].map((s) => s.close())));

  beforeEach(async () => {
    spyOn(console, 'warn'); // http:// URLs warn "NOT SECURE"
    await Promise.all([server, buggy].map(async (s) => (await setFaults(s, {}), await s.reset())));
    unhandled = trackUnhandled();
  });
  afterEach(async () => {
    expect(await unhandled.stop()).withContext('unhandled errors, rejections and late notifications').toEqual([]);
  });

  const conn = (on: BrowserTestServer): Connection => connect({ url: on.url, token: on.token, retry: RETRY });
  const nextSpec = (on: BrowserTestServer): QuerySpec => (specsOf.get(on) as () => QuerySpec)();
  const rowsOf = (spec: QuerySpec) => firstValueFrom(connect({ url: reference.url, token: reference.token }).makeApiQuery(spec).getResult());
  const counters = async (on: BrowserTestServer) => {
    const c = await on.counters();
    return { ...c, route: (name: string) => c.requests[name] ?? 0, pollsOf: (id: string) => c.polls[id] ?? 0 };
  };

  /** `n` queries run and watched on `on`, once each watch has seen an answered poll. */
  async function watching(on: BrowserTestServer, n: number) {
    const c = conn(on);
    const specs = Array.from({ length: n }, () => nextSpec(on));
    const queries = specs.map((spec) => c.makeApiQuery(spec));
    const ids = await Promise.all(queries.map((q) => firstValueFrom(q.run())));
    const watches = queries.map((q) => record(q.watch(POLL)));
    await waitFor(() => watches.every((w) => polled(w) >= 1), 'an answered poll of every watch');
    return { c, specs, queries, ids, watches };
  }

  it('ends 30 watches through a burst of empty and cut poll 202s in the fault-free results, retrying each garbled poll', async () => {
    const { specs, queries, ids, watches } = await watching(server, 30);
    await setFaults(server, {
      bursts: [
        { route: 'poll', status: 202, body: '', contentType: 'application/json', count: 15 },
        { route: 'poll', status: 202, body: executing('{"eligible":2,"qu'), contentType: 'application/json', count: 15 },
      ],
    });
    await Promise.all(watches.map((w) => w.done));
    watches.forEach((w) => expectCleanWatch(w));
    const c = await counters(server);
    const garbled = ids.reduce((sum, id, i) => sum + c.pollsOf(id) - polled(watches[i] as Recording<WatchState>), 0);
    expect(garbled).withContext('polls the server answered that no state shows: the 30 garbled ones').toBe(30);
    expect(c.route('run')).withContext('no query run again').toBe(30);
    for (const [i, query] of queries.entries()) {
      expect(await firstValueFrom(query.getResult())).withContext(`result ${i}`).toEqual(await rowsOf(specs[i] as QuerySpec));
    }
  });

  it('keeps 0 ≤ completedParts ≤ totalParts through a burst of hostile progress, to the fault-free result', async () => {
    const { specs, queries, watches } = await watching(server, 1);
    const hostile = ['{"eligible":-4,"queued":0,"running":1}', '{"eligible":1e308,"queued":0,"running":1}', '{"eligible":"NaN","queued":0,"running":1}',
      '{"eligible":99,"queued":-1,"running":1.5}', '{"eligible":1e999,"queued":0,"running":1}', 'null', '{"eligible":0.5,"queued":0,"running":0}'];
    await setFaults(server, { bursts: hostile.map((p) => ({ route: 'poll', status: 202, body: executing(p), contentType: 'application/json', count: 1 })) });
    const watch = watches[0] as Recording<WatchState>;
    await watch.done;
    expectCleanWatch(watch);
    expect(watch.values.length).withContext('states: the hostile ones among them').toBeGreaterThan(hostile.length);
    for (const state of watch.values) {
      if (state.status !== 'executing' && state.status !== 'queued' && state.status !== 'completed') continue;
      const { completedParts: done, totalParts: total } = state;
      if (done === null || total === null) continue;
      expect(Number.isFinite(done) && Number.isFinite(total) && done >= 0 && done <= total).withContext(`parts ${done}/${total} at poll ${state.polls}`).toBeTrue();
    }
    expect(await firstValueFrom((queries[0] as ReturnType<Connection['makeApiQuery']>).getResult())).toEqual(await rowsOf(specs[0] as QuerySpec));
  });

  it('runs again each of 20 watched queries the server forgot (404, as FlowAPI 1.3 after a restart), to the fault-free results', async () => {
    const { specs, queries, ids, watches } = await watching(server, 20);
    for (const id of ids) await setQueryState(server, id, 'known');
    await Promise.all(watches.map((w) => w.done));
    watches.forEach((w) => expectCleanWatch(w));
    const c = await counters(server);
    expect(c.route('run')).withContext('POST run: each query once, then once again').toBe(40);
    ids.forEach((id, i) => expect(c.runs[id]).withContext(`executions of query ${i}`).toBe(2));
    for (const [i, query] of queries.entries()) {
      expect(await firstValueFrom(query.getResult())).withContext(`result ${i}`).toEqual(await rowsOf(specs[i] as QuerySpec));
    }
  });

  it('runs again each of 10 watched queries a FlowAPI 1.18 forgot (a 500 HTML page), to the fault-free results', async () => {
    const { specs, queries, ids, watches } = await watching(buggy, 10);
    for (const id of ids) await forgetQuery(buggy, id);
    await Promise.all(watches.map((w) => w.done));
    watches.forEach((w) => expectCleanWatch(w));
    const c = await counters(buggy);
    expect(c.route('run')).withContext('POST run: each query once, then once again').toBe(20);
    ids.forEach((id, i) => expect(c.runs[id]).withContext(`executions of query ${i}`).toBe(2));
    for (const [i, query] of queries.entries()) {
      expect(await firstValueFrom(query.getResult())).withContext(`result ${i}`).toEqual(await rowsOf(specs[i] as QuerySpec));
    }
  });

  for (const [era, on] of [['404', () => server], ['500 HTML', () => buggy]] as const) {
    it(`runs again a query forgotten (${era}) while getResult waits for it, to the fault-free result`, async () => {
      const target = on();
      const spec = nextSpec(target);
      const query = conn(target).makeApiQuery(spec);
      const id = await firstValueFrom(query.run());
      const result = record(query.getResult(POLL));
      await waitFor(async () => (await counters(target)).pollsOf(id) >= 1, 'a poll of the waiting getResult');
      await forgetQuery(target, id);
      await result.done;
      expect(expectSingleResult(result)).toEqual(await rowsOf(spec));
      expect((await counters(target)).route('run')).withContext('POST run').toBe(2);
    });
  }

  it('leaves an errored query (JSON 500 status errored) errored, without running it again', async () => {
    const { ids, queries, watches } = await watching(server, 1);
    await setQueryState(server, ids[0] as string, 'errored');
    const watch = watches[0] as Recording<WatchState>;
    await watch.done;
    expectCleanWatch(watch, { finalStatus: 'errored' });
    const failed = record((queries[0] as ReturnType<Connection['makeApiQuery']>).getResult());
    expect(await failureOf(failed)).toBeInstanceOf(QueryFailedError);
    expect((await counters(server)).route('run')).withContext('POST run').toBe(1);
  });

  describe(`gives up on a query forgotten ${MAX_RERUNS + 1} times`, () => {
    const forgetting = (status: number) =>
      setFaults(server, { bursts: [{ route: 'poll', status, count: MAX_RERUNS + 1, ...(status === 500 ? { body: HTML_500, contentType: 'text/html' } : {}) }] });

    it('watch(): the 404s end it not_running after two re-runs', async () => {
      const query = conn(server).makeApiQuery(nextSpec(server));
      await firstValueFrom(query.run());
      await forgetting(404);
      const ended = await lastValueFrom(query.watch(POLL));
      expect(ended.status).toBe('not_running');
      expect((await counters(server)).route('run')).withContext('POST run: the first and two re-runs').toBe(1 + MAX_RERUNS);
    });

    it('watch(): the 500 HTML pages end it with FlowclientConnectionError after two re-runs', async () => {
      const query = conn(server).makeApiQuery(nextSpec(server));
      await firstValueFrom(query.run());
      await forgetting(500);
      const error = await failureOf(record(query.watch(POLL)));
      expect(error).toBeInstanceOf(FlowclientConnectionError);
      expect(error).toEqual(jasmine.objectContaining({ status: 500, serverStatus: undefined }));
      expect((await counters(server)).route('run')).withContext('POST run: the first and two re-runs').toBe(1 + MAX_RERUNS);
    });

    it('getResult(): the 500 HTML pages fail it with FlowclientConnectionError after two re-runs', async () => {
      const query = conn(server).makeApiQuery(nextSpec(server));
      await firstValueFrom(query.run());
      await forgetting(500);
      const error = await failureOf(record(query.getResult(POLL)));
      expect(error).toEqual(jasmine.objectContaining({ name: 'FlowclientConnectionError', status: 500 }));
      expect((await counters(server)).route('run')).withContext('POST run: the first and two re-runs').toBe(1 + MAX_RERUNS);
    });
  });
});
