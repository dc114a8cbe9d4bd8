/**
 * "Polite live queries": what the client costs a FlowAPI, side by side with flowclient's fixed
 * 1-second polling on the same jittered queries. Each side has its own test server with the same
 * options, so both see identical queries (a query's timeline is seeded by its id: same spec, same
 * id, same duration and part times) and each server's counters count one side's requests.
 * Notice delay is measured from the server's own completion instant (`queryTimeline`).
 *
 * The fixed side does what Python flowclient does: POST run, poll at once, then every second
 * until the 303, then GET the result. The predictive side is `APIQuery.getResult()` with the
 * defaults. Requests per query = run + polls + get, on both sides.
 */
import { firstValueFrom, lastValueFrom, switchMap, type Observable } from 'rxjs';
import type { ConnectOptions, Connection, QuerySpec, WatchState } from '../src/index.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../server/index.js';
import { lib } from './library.js';
import { mean, sleep } from './stats.js';

const { connect, dailyLocationSpec, flowsSpec, modalLocationSpec, spatialAggregateSpec, runQuery, queryIsReady } = lib;

/** 0.2 s queued, 0.3–3.7 s executing, jittered per query (the measurement on a real FlowAPI). */
export const JITTERED: TestServerOptions = { queryDurationMs: [500, 3900], queuedMs: 200 };

const DATES = ['2016-01-01', '2016-01-02', '2016-01-03', '2016-01-04', '2016-01-05', '2016-01-06', '2016-01-07'];
const UNITS = ['admin1', 'admin2', 'admin3'] as const;
const METHODS = ['last', 'most-common'] as const;

/** The i-th query of a run: a mix of kinds with 2 to 5 parts (distinct specs, so distinct ids). */
export function querySpec(i: number, tag: number): QuerySpec {
  // i → (unit, kind, method, first day): 126 distinct specs per tag
  const unit = UNITS[i % 3] ?? 'admin3';
  const kind = Math.floor(i / 3) % 3;
  const method = METHODS[Math.floor(i / 9) % 2] ?? 'last';
  const day = (k: number) => DATES[(Math.floor(i / 18) + k) % DATES.length] ?? '2016-01-01';
  const eventTypes = ([['calls'], ['sms'], ['calls', 'sms'], null] as const)[tag % 4] ?? null;
  const daily = (k: number) => dailyLocationSpec({ date: day(k), aggregationUnit: unit, method, eventTypes });
  switch (kind) {
    case 0:
      return spatialAggregateSpec({ locations: daily(0) });
    case 1:
      return flowsSpec({ fromLocation: daily(0), toLocation: daily(1) });
    default:
      return spatialAggregateSpec({ locations: modalLocationSpec({ locations: [daily(0), daily(1), daily(2)] }) });
  }
}

interface Outcome {
  readonly noticeDelayMs: number;
}

/** flowclient's loop: run, poll at once, sleep 1 s between polls, then GET the result. */
async function fixedPolling(conn: Connection, server: TestServer, spec: QuerySpec): Promise<Outcome> {
  const id = await firstValueFrom(runQuery({ connection: conn, querySpec: spec }));
  for (;;) {
    const { ready } = await firstValueFrom(queryIsReady({ connection: conn, queryId: id }));
    if (ready) break;
    await sleep(1000);
  }
  const noticedAt = Date.now();
  await firstValueFrom(conn.getUrl({ route: `get/${id}` }));
  return { noticeDelayMs: noticedAt - (server.queryTimeline(id)?.completedAt ?? noticedAt) };
}

/** The library's defaults: `watch()` for the notice, then `getResult()`. */
async function predictive(conn: Connection, server: TestServer, spec: QuerySpec): Promise<Outcome> {
  const query = conn.makeApiQuery(spec);
  let noticedAt = 0;
  const states: Observable<WatchState> = query.watch();
  await lastValueFrom(states).then(() => (noticedAt = Date.now()));
  await firstValueFrom(query.getResult());
  const id = query.queryId ?? '';
  return { noticeDelayMs: noticedAt - (server.queryTimeline(id)?.completedAt ?? noticedAt) };
}

/** One side's figures. */
export interface SideResult {
  queries: number;
  requestsPerQuery: number;
  meanNoticeDelayMs: number;
}

/** A row: both sides and their ratios. */
export interface PoliteRow {
  name: string;
  fixed: SideResult;
  predictive: SideResult;
  requestRatio: number;
  noticeRatio: number;
}

type Client = (conn: Connection, server: TestServer, spec: QuerySpec) => Promise<Outcome>;

/** Run `waves` waves of `concurrency` queries on one side's own server, one connection. */
async function side(client: Client, options: TestServerOptions, waves: number, concurrency: number, tag: number, extra: Partial<ConnectOptions> = {}): Promise<SideResult> {
  const server = await startTestServer(options);
  try {
    const conn = connect({ url: server.url, token: await server.mintToken(), onWarning: () => undefined, ...extra });
    const outcomes: Outcome[] = [];
    for (let w = 0; w < waves; w++) {
      const wave = Array.from({ length: concurrency }, (_, j) => client(conn, server, querySpec(w * concurrency + j, tag)));
      outcomes.push(...(await Promise.all(wave)));
      if (process.env['POLITE_DEBUG']) console.log(`wave ${w}: ${server.counters().total} requests so far`);
    }
    const requests = server.counters().total;
    if (process.env['POLITE_DEBUG']) console.log(outcomes.map((o) => Math.round(o.noticeDelayMs)).join(' '));
    return { queries: outcomes.length, requestsPerQuery: requests / outcomes.length, meanNoticeDelayMs: mean(outcomes.map((o) => o.noticeDelayMs)) };
  } finally {
    await server.close();
  }
}

/** One row: both sides on their own servers at once. `extra` goes to the predictive side's `connect`. */
export async function row(name: string, options: TestServerOptions, waves: number, concurrency: number, tag: number, extra: Partial<ConnectOptions> = {}): Promise<PoliteRow> {
  const [fixed, pred] = await Promise.all([side(fixedPolling, options, waves, concurrency, tag), side(predictive, options, waves, concurrency, tag, extra)]);
  return { name, fixed, predictive: pred, requestRatio: pred.requestsPerQuery / fixed.requestsPerQuery, noticeRatio: pred.meanNoticeDelayMs / fixed.meanNoticeDelayMs };
}

/** The three jittered rows, run at the same time (each pair on its own servers). */
export async function politeRows(queries = 24): Promise<PoliteRow[]> {
  return Promise.all([
    row('one at a time (1.18)', JITTERED, queries, 1, 1),
    row('20 at once (1.18)', JITTERED, 3, 20, 2),
    row('one at a time, no progress (1.3)', { ...JITTERED, flowapiVersion: '1.3' }, queries, 1, 3),
  ]);
}

/** Requests over one long query (polls + run + get), predictive on a fresh connection vs fixed 1 s. */
export interface LongQueryRow {
  durationMs: number;
  predictiveRequests: number;
  fixedRequests: number;
  ratio: number;
}

/** A 60 s query of several parts on a fresh connection (nothing learnt yet), 1.18 mode. */
export async function politeLongQuery(durationMs = 60_000): Promise<LongQueryRow> {
  const options: TestServerOptions = { queryDurationMs: durationMs };
  const spec = querySpec(2, 9); // a modal location of three days: 5 parts
  const count = async (client: Client) => {
    const server = await startTestServer(options);
    try {
      const conn = connect({ url: server.url, token: await server.mintToken(), onWarning: () => undefined });
      await client(conn, server, spec);
      return server.counters().total;
    } finally {
      await server.close();
    }
  };
  const [fixedRequests, predictiveRequests] = await Promise.all([count(fixedPolling), count(predictive)]);
  return { durationMs, predictiveRequests, fixedRequests, ratio: predictiveRequests / fixedRequests };
}

/** One run, one download: POSTs and GETs counted by the server. */
export interface SharingRow {
  runPosts: number;
  resultGets: number;
}

/** `watch()`, `getResult()`, `status()` and `watchAll` on one query together; then ten `getResult()`s. */
export async function politeSharing(): Promise<SharingRow> {
  const server = await startTestServer({ queryDurationMs: 500 });
  try {
    const conn = connect({ url: server.url, token: await server.mintToken(), onWarning: () => undefined });
    const query = conn.makeApiQuery(querySpec(0, 5));
    await Promise.all([
      lastValueFrom(query.watch()),
      firstValueFrom(query.getResult()),
      lastValueFrom(lib.watchAll([query])),
      firstValueFrom(query.run().pipe(switchMap(() => query.status()))),
    ]);
    const runPosts = server.counters().requests.run;
    const other = conn.makeApiQuery(querySpec(1, 5)); // a new query: five getResult()s at once, then five one after another
    const before = server.counters().requests.get;
    await Promise.all(Array.from({ length: 5 }, () => firstValueFrom(other.getResult())));
    for (let i = 0; i < 5; i++) await firstValueFrom(other.getResult());
    return { runPosts, resultGets: server.counters().requests.get - before };
  } finally {
    await server.close();
  }
}
