/**
 * `npm run bench`: the figures of the Proof issue, each a ratio measured side by side in one run,
 * printed with the machine and written to bench/results.json.
 * Reproduce: `npm run bench` (= build the library with tsc, then node --expose-gc --import tsx
 * bench/run.ts): the figures are of the built library in dist/, as users run it.
 */
import { writeFileSync } from 'node:fs';
import { bundle } from './bundle.js';
import { decode } from './decode.js';
import { fanIn } from './fan-in.js';
import { politeLongQuery, politeRows, politeSharing } from './polite.js';
import { machine } from './machine.js';
import { overhead } from './overhead.js';
import { scale } from './scale.js';
import { fixed } from './stats.js';
import { serverStart } from './server-start.js';
import { serverThroughput } from './throughput.js';

const only = new Set(process.argv.slice(2));
const want = (name: string) => only.size === 0 || only.has(name);
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

const results: Record<string, unknown> = { command: 'npm run bench', date: new Date().toISOString(), machine: machine() };
say(`flowclient-rx benchmark — ${JSON.stringify(results['machine'])}`);

const long = want('polite') ? politeLongQuery() : undefined;

if (want('polite')) {
  const rows = await politeRows();
  results['polite'] = rows;
  const targets: Record<string, [number, number]> = {
    'one at a time (1.18)': [2, 0.2],
    '20 at once (1.18)': [2, 0.3],
    'one at a time, no progress (1.3)': [3, 0.5],
  };
  for (const r of rows) {
    const [maxRequests, maxNotice] = targets[r.name] ?? [2, 0.2];
    say(`5. Polite polling, ${r.name}, ${r.predictive.queries} jittered queries (0.2 s queued + 0.3–3.7 s): requests per query ${fixed(r.predictive.requestsPerQuery)} vs fixed 1 s ${fixed(r.fixed.requestsPerQuery)} → ${fixed(r.requestRatio)}× (target ≤ ${maxRequests}: ${verdict(r.requestRatio <= maxRequests)}); notice delay ${fixed(r.predictive.meanNoticeDelayMs, 0)} ms vs ${fixed(r.fixed.meanNoticeDelayMs, 0)} ms → ${fixed(r.noticeRatio)}× (target ≤ ${maxNotice}: ${verdict(r.noticeRatio <= maxNotice)})`);
  }
}
if (want('polite')) {
  const r = await politeSharing();
  results['sharing'] = r;
  say(`5. One run, one download: POST run with watch + getResult + status + watchAll together: ${r.runPosts} (target exactly 1: ${verdict(r.runPosts === 1)}); GETs of one result asked 10 times: ${r.resultGets} (target 1: ${verdict(r.resultGets === 1)})`);
}
if (want('fan-in')) {
  const rows = await fanIn();
  results['fanIn'] = rows;
  for (const row of rows) {
    say(`1. Poll fan-in, ${String(row.subscribers).padStart(4)} subscribers: ${row.serverPolls} server polls over ${row.ticks} ticks → ${fixed(row.pollsPerTick)} per tick (target 1: ${verdict(row.pollsPerTick === 1)})`);
  }
}
// The 60 s query runs beside the light figures only: the heavy ones below block the event loop.
if (long) {
  const r = await long;
  results['longQuery'] = r;
  say(`5. Requests over a ${r.durationMs / 1000} s query (1.18, fresh connection): predictive ${r.predictiveRequests} vs fixed 1 s ${r.fixedRequests} → ${fixed(r.ratio)}× (target ≤ 0.5: ${verdict(r.ratio <= 0.5)})`);
}
if (want('overhead')) {
  const r = await overhead();
  results['overhead'] = r;
  say(`2. Per-request overhead, ${r.requests} alternating requests each to ${r.route}: getUrl median ${fixed(r.medianGetUrlMs, 3)} ms vs axios.get ${fixed(r.medianAxiosMs, 3)} ms → median per-pair ratio ${fixed(r.medianRatio)} (target ≤ 1.10: ${verdict(r.medianRatio <= 1.1)}; ratio of medians ${fixed(r.ratioOfMedians)})`);
}
if (want('decode')) {
  const r = await decode();
  results['decode'] = r;
  const mb = (b: number) => `${fixed(b / 1e6, 1)} MB`;
  say(`3. Result decoding, ${mb(r.payloadBytes)} (${r.rows} rows): getJsonRows ${fixed(r.medianLibraryMs, 0)} ms vs axios text + JSON.parse ${fixed(r.medianBareMs, 0)} ms (medians of ${r.rounds} alternating rounds) → median per-round ratio ${fixed(r.timeRatio)} (target ≤ 1.15: ${verdict(r.timeRatio <= 1.15)}); JSON.parse alone ${fixed(r.medianJsonParseOnlyMs, 0)} ms`);
  say(`   peak memory ${mb(r.peakLibraryBytes)} (bare ${mb(r.peakBareBytes)}) → ${fixed(r.peakRatio)}× the payload (target ≤ 3: ${verdict(r.peakRatio <= 3)})`);
}
if (want('scale')) {
  const r = await scale();
  results['scale'] = r;
  say(`4. Scale, ${r.queries} queries watched at once: ${fixed(r.heapPerQueryBytes / 1024)} KB heap per watched query between polls (${r.quietSamples}/5 samples with no request on a socket; target ≤ 4 KB: ${verdict(r.heapPerQueryBytes <= 4096)}), ${fixed(r.pollsPerSecond, 0)} polls/s, client CPU ${fixed(r.clientCpuShare * 100, 1)}% of one core`);
  say(`   budget ${r.budget} polls/s: busiest second ${r.busiestSecond} polls (target ≤ budget: ${verdict(r.busiestSecond <= r.budget)}); ${r.ended}/${r.queries} queries reached their end (target all: ${verdict(r.ended === r.queries)}) in ${fixed(r.allEndedMs / 1000, 1)} s`);
}
if (want('throughput')) {
  const r = await serverThroughput();
  results['serverThroughput'] = r;
  say(`   Test server throughput on loopback: ${fixed(r.pollsPerSecond, 0)} polls/s with ${r.concurrency} keep-alive workers (target ≥ 2000: ${verdict(r.pollsPerSecond >= 2000)}), ${r.errors} errors`);
}
if (want('server-start')) {
  const rows = await serverStart();
  results['serverStart'] = rows;
  for (const r of rows) {
    say(`   Test server start, ${r.subscribers} subscribers: listening after ${fixed(r.listenMs, 0)} ms (target ≤ 2000: ${verdict(r.listenMs <= 2000)}), RSS ${fixed(r.rssAfterListen / 1e6, 0)} MB (target ≤ 300: ${verdict(r.rssAfterListen <= 300e6)}); first result (${r.rows} rows) after ${fixed(r.firstResultMs, 0)} ms, RSS then ${fixed(r.rssAfterResult / 1e6, 0)} MB`);
  }
}
if (want('bundle')) {
  const r = await bundle();
  results['bundle'] = r;
  for (const c of r.cases) {
    const target = c.targetKB === undefined ? '' : ` (target ≤ ${c.targetKB} kB: ${verdict(c.kB <= c.targetKB)})`;
    say(`6. Bundle, ${c.name}: ${fixed(c.kB, 1)} kB min+gzip, ${fixed(c.minBytes / 1000, 1)} kB minified${target}`);
  }
  if (only.has('bundle')) {
    for (const c of r.cases) console.log(`   ${c.name}, largest modules (minified bytes): ${c.modules.map((m) => `${m.path.replace(/^dist\/src\//, '')} ${m.bytes}`).join(', ')}`);
  }
}
if (only.size === 0) writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
say('Reproduce with: npm run bench');
