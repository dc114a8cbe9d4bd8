/**
 * Child of {@link ./server-start.ts}: in a fresh process, start a test server (default synthetic
 * country, 100,000 subscribers), then run one query and read its result. Prints one JSON line
 * with the times (ms from just before `startTestServer`) and the process RSS (bytes).
 */
import { startTestServer, type TestServerOptions } from '../server/index.js';

const options = JSON.parse(process.argv[2] ?? '{}') as TestServerOptions;
const start = performance.now();
const server = await startTestServer({ queryDurationMs: 0, ...options });
const listenMs = performance.now() - start;
const rssAfterListen = process.memoryUsage().rss;
const token = await server.mintToken();
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const spec = { query_kind: 'spatial_aggregate', locations: { query_kind: 'daily_location', date: '2016-01-01', aggregation_unit: 'admin3', method: 'last' } };
const run = await fetch(`${server.url}/api/0/run`, { method: 'POST', headers, body: JSON.stringify(spec) });
const { query_id: id } = (await run.json()) as { query_id: string };
for (;;) {
  const poll = await fetch(`${server.url}/api/0/poll/${id}`, { headers, redirect: 'manual' });
  await poll.text();
  if (poll.status === 303) break;
  await new Promise((resolve) => setTimeout(resolve, 5));
}
const got = await fetch(`${server.url}/api/0/get/${id}`, { headers });
const rows = ((await got.json()) as { query_result: unknown[] }).query_result.length;
const firstResultMs = performance.now() - start;
process.stdout.write(`${JSON.stringify({ listenMs, rssAfterListen, firstResultMs, rssAfterResult: process.memoryUsage().rss, rows })}\n`);
await server.close();
