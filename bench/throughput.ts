/**
 * The test server's own throughput: polls per second on loopback from a keep-alive load
 * generator in this process, against the server in its own process. Target: ≥ 2,000/s.
 */
import { Agent, request } from 'node:http';
import type { QuerySpec } from '../src/index.js';
import { lib } from './library.js';
import { firstValueFrom } from 'rxjs';
import { startChildServer } from './child-server.js';

const { connect } = lib;

/** The figure. */
export interface ThroughputResult {
  pollsPerSecond: number;
  concurrency: number;
  seconds: number;
  errors: number;
}

/** Poll one query as fast as `concurrency` keep-alive workers can for `seconds`, after a 1 s warm-up. */
export async function serverThroughput(concurrency = 16, seconds = 5): Promise<ThroughputResult> {
  const server = await startChildServer({ queryDurationMs: 10 * 60_000 });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const conn = connect({ url: server.url, token: server.token });
    const id = await firstValueFrom(conn.makeApiQuery({ query_kind: 'dummy_query', dummy_param: 'throughput' } as unknown as QuerySpec).run());
    const url = new URL(`${server.url}/api/0/poll/${id}`);
    const headers = { authorization: `Bearer ${server.token}` };
    let done = 0;
    let errors = 0;
    const poll = () =>
      new Promise<void>((resolve) => {
        const req = request(url, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 202) done++;
            else errors++;
            resolve();
          });
        });
        req.on('error', () => {
          errors++;
          resolve();
        });
        req.end();
      });
    const load = async (ms: number): Promise<void> => {
      const until = performance.now() + ms;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) await poll();
      }));
    };
    await load(1000); // warm-up: the server process has just started, and its JIT with it
    done = 0;
    errors = 0;
    const start = performance.now();
    await load(seconds * 1000);
    return { pollsPerSecond: done / ((performance.now() - start) / 1000), concurrency, seconds, errors };
  } finally {
    agent.destroy();
    await server.close();
  }
}
