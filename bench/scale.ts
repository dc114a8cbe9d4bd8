/**
 * Figure 4 — scale: 2,000 distinct queries watched at once against one test server (in its own
 * process): heap per watched query between polls (target ≤ 4 KB), polls per second, and the
 * client's CPU share.
 */
import { from, lastValueFrom, mergeMap, toArray, type Subscription } from 'rxjs';
import { connect, type QuerySpec } from '../src/index.js';
import { startChildServer } from './child-server.js';
import { median, sleep } from './stats.js';

/** The figure. */
export interface ScaleResult {
  queries: number;
  heapPerQueryBytes: number;
  pollsPerSecond: number;
  clientCpuShare: number;
  windowMs: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function settledHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Watch `n` queries for `windowMs` after a warm-up. */
export async function scale(n = 2000, windowMs = 10_000): Promise<ScaleResult> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run the benchmark with node --expose-gc');
  const server = await startChildServer({ queryDurationMs: 30 * 60_000 });
  const subscriptions: Subscription[] = [];
  try {
    const conn = connect({ url: server.url, token: server.token });
    const queries = Array.from({ length: n }, (_, i) => conn.makeApiQuery({ query_kind: 'dummy_query', dummy_param: `scale-${i}` } as unknown as QuerySpec));
    await lastValueFrom(from(queries).pipe(mergeMap((q) => q.run(), 32), toArray()));
    const before = settledHeap();
    for (const query of queries) subscriptions.push(query.watch().subscribe());
    await sleep(8000); // past the dense first seconds: waits are near pollInterval now
    const samples: number[] = [];
    const startCounters = await server.counters();
    const startCpu = process.cpuUsage();
    const startWall = performance.now();
    for (let i = 0; i < 5; i++) {
      await sleep(windowMs / 5);
      samples.push(settledHeap() - before);
    }
    const cpu = process.cpuUsage(startCpu);
    const wall = performance.now() - startWall;
    const endCounters = await server.counters();
    const polls = Object.values(endCounters.polls).reduce((a, b) => a + b, 0) - Object.values(startCounters.polls).reduce((a, b) => a + b, 0);
    return {
      queries: n,
      heapPerQueryBytes: median(samples) / n,
      pollsPerSecond: polls / (wall / 1000),
      clientCpuShare: (cpu.user + cpu.system) / 1000 / wall,
      windowMs: Math.round(wall),
    };
  } finally {
    subscriptions.forEach((s) => s.unsubscribe());
    await server.close();
  }
}
