/**
 * Figure 4 — scale: 2,000 distinct queries watched at once against one test server (in its own
 * process): heap per watched query between polls (target ≤ 4 KB), polls per second, and the
 * client's CPU share. "Between polls" is checked, not hoped for: each heap sample waits for a
 * moment with no request on a socket (counted through `node:diagnostics_channel`), since one
 * request in flight holds far more than a watched query at rest (axios' and Node's HTTP objects,
 * ~23 KB seen here). Requests still queued for a socket are not seen, so a sample may include
 * some: the figure errs high, never low.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { from, lastValueFrom, mergeMap, toArray, type Subscription } from 'rxjs';
import type { QuerySpec } from '../src/index.js';
import { lib } from './library.js';
import { startChildServer } from './child-server.js';
import { median, sleep } from './stats.js';

const { connect } = lib;

/** The figure. */
export interface ScaleResult {
  queries: number;
  /** Heap per watched query, median of samples taken with no poll in flight (the target's "between polls"). */
  heapPerQueryBytes: number;
  /** How many heap samples found no poll in flight (the others waited {@link QUIET_WAIT_MS} in vain and were taken anyway). */
  quietSamples: number;
  pollsPerSecond: number;
  clientCpuShare: number;
  windowMs: number;
  /** The connection's poll budget. */
  budget: number;
  /** Most polls the server saw in one second (sampled each second), from watching to the last query's end. */
  busiestSecond: number;
  /** Queries that reached their final state, and how long that took (ms from watching). */
  ended: number;
  allEndedMs: number;
}

/** Longest wait for a moment with no poll in flight before a heap sample. */
const QUIET_WAIT_MS = 3000;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function settledHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Counts the Node HTTP requests in flight (started, not yet closed), through `node:diagnostics_channel`. */
function requestsInFlight(): { count: () => number; stop: () => void } {
  let inFlight = 0;
  const onStart = (message: unknown): void => {
    inFlight += 1;
    (message as { request: ClientRequest }).request.once('close', () => (inFlight -= 1));
  };
  subscribe('http.client.request.start', onStart);
  return { count: () => inFlight, stop: () => unsubscribe('http.client.request.start', onStart) };
}

/** Watch `n` queries for `windowMs` after a warm-up. */
export async function scale(n = 2000, windowMs = 10_000): Promise<ScaleResult> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run the benchmark with node --expose-gc');
  // Queries end 25–35 s after their run: the heap is sampled before any ends, then every one must reach its end.
  const server = await startChildServer({ queryDurationMs: [25_000, 35_000] });
  const subscriptions: Subscription[] = [];
  const inFlight = requestsInFlight();
  try {
    const conn = connect({ url: server.url, token: server.token });
    const budget = conn.polling.maxPollsPerSecond;
    let ended = 0;
    const watchStart = performance.now();
    let allEndedMs = NaN;
    const perSecond: number[] = [];
    let lastTotal = 0;
    const totalPolls = async () => Object.values((await server.counters()).polls).reduce((a, b) => a + b, 0);
    const queries = Array.from({ length: n }, (_, i) => conn.makeApiQuery({ query_kind: 'dummy_query', dummy_param: `scale-${i}` } as unknown as QuerySpec));
    await lastValueFrom(from(queries).pipe(mergeMap((q) => q.run(), 32), toArray()));
    const before = settledHeap();
    lastTotal = await totalPolls();
    const sampler = setInterval(() => {
      void totalPolls().then((total) => {
        perSecond.push(total - lastTotal);
        lastTotal = total;
      });
    }, 1000);
    for (const query of queries) {
      subscriptions.push(query.watch().subscribe({ complete: () => (++ended === n ? (allEndedMs = performance.now() - watchStart) : undefined) }));
    }
    await sleep(8000); // past the dense first seconds: waits are near pollInterval now
    const samples: number[] = [];
    let quietSamples = 0;
    const startCounters = await server.counters();
    const startCpu = process.cpuUsage();
    const startWall = performance.now();
    for (let i = 0; i < 5; i++) {
      await sleep(windowMs / 5);
      const quietBy = performance.now() + QUIET_WAIT_MS;
      while (inFlight.count() > 0 && performance.now() < quietBy) await sleep(2);
      if (inFlight.count() === 0) quietSamples += 1;
      samples.push(settledHeap() - before); // gc is synchronous: nothing starts or lands while it runs
    }
    const cpu = process.cpuUsage(startCpu);
    const wall = performance.now() - startWall;
    const endCounters = await server.counters();
    const polls = Object.values(endCounters.polls).reduce((a, b) => a + b, 0) - Object.values(startCounters.polls).reduce((a, b) => a + b, 0);
    const endBy = performance.now() + 180_000;
    while (ended < n && performance.now() < endBy) await sleep(500);
    clearInterval(sampler);
    return {
      budget,
      busiestSecond: Math.max(...perSecond),
      ended,
      allEndedMs,
      queries: n,
      heapPerQueryBytes: median(samples) / n,
      quietSamples,
      pollsPerSecond: polls / (wall / 1000),
      clientCpuShare: (cpu.user + cpu.system) / 1000 / wall,
      windowMs: Math.round(wall),
    };
  } finally {
    subscriptions.forEach((s) => s.unsubscribe());
    inFlight.stop();
    await server.close();
  }
}
