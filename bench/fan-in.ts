/**
 * Figure 1 — poll fan-in: polls per tick with 1, 10, 100 and 1,000 subscribers watching one
 * query. Target: exactly 1.
 */
import { lastValueFrom } from 'rxjs';
import type { QuerySpec } from '../src/index.js';
import { lib } from './library.js';
import { startTestServer } from '../server/index.js';

const { connect } = lib;

/** One row of the figure. */
export interface FanInRow {
  subscribers: number;
  ticks: number;
  serverPolls: number;
  pollsPerTick: number;
}

/** Measure fan-in for each subscriber count. */
export async function fanIn(counts: readonly number[] = [1, 10, 100, 1000]): Promise<FanInRow[]> {
  const server = await startTestServer({ queryDurationMs: 1500 });
  try {
    const conn = connect({ url: server.url, token: await server.mintToken() });
    const rows: FanInRow[] = [];
    for (const subscribers of counts) {
      const query = conn.makeApiQuery({ query_kind: 'dummy_query', dummy_param: `fan-in-${subscribers}` } as unknown as QuerySpec);
      const id = await lastValueFrom(query.run());
      server.reset();
      const finals = await Promise.all(Array.from({ length: subscribers }, () => lastValueFrom(query.watch())));
      const ticks = Math.max(...finals.map((s) => s.polls));
      const serverPolls = server.counters().polls[id] ?? 0;
      rows.push({ subscribers, ticks, serverPolls, pollsPerTick: serverPolls / ticks });
    }
    return rows;
  } finally {
    await server.close();
  }
}
