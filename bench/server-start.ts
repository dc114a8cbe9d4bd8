/**
 * The test server's start-up with its synthetic country (`npm run bench server-start`): time to
 * listen, resident memory, and time to the first result (run, poll, get of a daily-location
 * spatial aggregate), each in a fresh process. Targets: listen ≤ 2 s, RSS ≤ 300 MB.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestServerOptions } from '../server/index.js';

/** One start-up, measured in its own process. */
export interface ServerStartResult {
  /** Subscribers of the synthetic country. */
  subscribers: number;
  /** Milliseconds from `startTestServer()` to listening. */
  listenMs: number;
  /** Process RSS once listening, bytes. */
  rssAfterListen: number;
  /** Milliseconds from `startTestServer()` to the first result read. */
  firstResultMs: number;
  /** Process RSS after the first result, bytes. */
  rssAfterResult: number;
  /** Rows of that result. */
  rows: number;
}

/** Start a server in a fresh process for each `subscribers` size and measure it. */
export async function serverStart(sizes: readonly number[] = [100_000]): Promise<ServerStartResult[]> {
  const out: ServerStartResult[] = [];
  for (const subscribers of sizes) {
    const options: TestServerOptions = { subscribers };
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/server-start-child.ts', JSON.stringify(options)]);
    const line = stdout.trim().split('\n').pop() ?? '{}';
    out.push({ subscribers, ...(JSON.parse(line) as Omit<ServerStartResult, 'subscribers'>) });
  }
  return out;
}
