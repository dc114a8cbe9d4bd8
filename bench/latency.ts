/**
 * Figure 5 — notice latency: time from the server marking a query completed to the client's
 * `completed` state, adaptive polling against flowclient's fixed 1-second polling, for queries of
 * 0.3–3 s; and requests over a 60 s query. Targets: ≤ 0.25× the latency; no more requests.
 */
import { firstValueFrom, lastValueFrom } from 'rxjs';
import type { Connection, QuerySpec, WatchOptions } from '../src/index.js';
import { lib } from './library.js';
import { startTestServer, type TestServer } from '../server/index.js';
import { mean } from './stats.js';

const { connect } = lib;

const FIXED_1S: WatchOptions = { firstWaitMs: 1000, pollInterval: 1000, growth: 0, lateGrowth: 0 };

/** The figure. */
export interface LatencyResult {
  durationsMs: number[];
  repetitions: number;
  meanAdaptiveMs: number;
  meanFixedMs: number;
  ratio: number;
  perDuration: Array<{ durationMs: number; adaptiveMs: number; fixedMs: number }>;
}

/** Requests over one long query. */
export interface LongQueryResult {
  durationMs: number;
  adaptivePolls: number;
  fixedPolls: number;
}

let counter = 0;
const dummy = (tag: string) => ({ query_kind: 'dummy_query', dummy_param: `${tag}-${counter++}` }) as unknown as QuerySpec;

async function noticeLatency(conn: Connection, durationMs: number, options: WatchOptions): Promise<number> {
  const query = conn.makeApiQuery(dummy('latency'));
  await firstValueFrom(query.run());
  const completedAt = performance.now() + durationMs; // the server started it just before the reply
  await lastValueFrom(query.watch(options));
  return performance.now() - completedAt;
}

async function withServer<T>(durationMs: number, body: (server: TestServer, conn: Connection) => Promise<T>): Promise<T> {
  const server = await startTestServer({ queryDurationMs: durationMs });
  try {
    return await body(server, connect({ url: server.url, token: await server.mintToken() }));
  } finally {
    await server.close();
  }
}

/** Measure notice latency for each duration, `repetitions` times per mode, staggered in phase. */
export async function latency(durationsMs = [300, 500, 750, 1000, 1500, 2000, 2500, 3000], repetitions = 4): Promise<LatencyResult> {
  const perDuration = await Promise.all(
    durationsMs.map((durationMs) =>
      withServer(durationMs, async (_server, conn) => {
        const runs = Array.from({ length: repetitions }, async (_, i) => {
          await new Promise((r) => setTimeout(r, (i * 1000) / repetitions)); // spread the phase
          return Promise.all([noticeLatency(conn, durationMs, {}), noticeLatency(conn, durationMs, FIXED_1S)]);
        });
        const pairs = await Promise.all(runs);
        return { durationMs, adaptiveMs: mean(pairs.map((p) => p[0])), fixedMs: mean(pairs.map((p) => p[1])) };
      }),
    ),
  );
  const meanAdaptiveMs = mean(perDuration.map((d) => d.adaptiveMs));
  const meanFixedMs = mean(perDuration.map((d) => d.fixedMs));
  return { durationsMs, repetitions, meanAdaptiveMs, meanFixedMs, ratio: meanAdaptiveMs / meanFixedMs, perDuration };
}

/** Count polls of adaptive and fixed polling over one query of `durationMs`. */
export async function longQuery(durationMs = 60_000): Promise<LongQueryResult> {
  return withServer(durationMs, async (_server, conn) => {
    const watch = async (options: WatchOptions) => {
      const query = conn.makeApiQuery(dummy('long'));
      await firstValueFrom(query.run());
      return (await lastValueFrom(query.watch(options))).polls;
    };
    const [adaptivePolls, fixedPolls] = await Promise.all([watch({}), watch(FIXED_1S)]);
    return { durationMs, adaptivePolls, fixedPolls };
  });
}
