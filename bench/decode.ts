/**
 * Figure 3 — result decoding: a ~50 MB JSON result through `getJsonRows` (what `getResult` ends
 * with) against bare axios text download + `JSON.parse` of the same bytes, from a test server in
 * its own process. Targets: ≤ 1.15× the time; peak memory ≤ 3× the payload. Peak memory is the
 * process's resident high-water mark (VmHWM), reset before each run through /proc/self/clear_refs.
 */
import axios from 'axios';
import { readFileSync, writeFileSync } from 'node:fs';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { lib } from './library.js';
import { startChildServer } from './child-server.js';
import { median } from './stats.js';

const { connect, dailyLocationSpec, getJsonRows, spatialAggregateSpec } = lib;

/** The figure. */
export interface DecodeResult {
  payloadBytes: number;
  rounds: number;
  rows: number;
  medianLibraryMs: number;
  medianBareMs: number;
  medianJsonParseOnlyMs: number;
  /** Median of the per-round ratios library/bare. */
  timeRatio: number;
  peakLibraryBytes: number;
  peakBareBytes: number;
  peakRatio: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const status = (key: string): number => {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(`${key}:`));
  return Number(line?.replace(/\D+/g, '') ?? 0) * 1024;
};

async function peakOf<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakBytes: number }> {
  gc();
  gc();
  writeFileSync('/proc/self/clear_refs', '5'); // reset the resident high-water mark
  const base = status('VmRSS');
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  return { result, ms, peakBytes: status('VmHWM') - base };
}

/**
 * Decode a result of about `rows` rows, `rounds` times each way, the order alternating per round;
 * the time ratio is the median of the per-round ratios (a round's two runs see the same machine).
 */
export async function decode(rows = 1_400_000, rounds = 7): Promise<DecodeResult> {
  const server = await startChildServer({ queryDurationMs: 10, resultRows: rows });
  try {
    const conn = connect({ url: server.url, token: server.token, resultCache: false }); // every round downloads and decodes
    const locations = dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' });
    const query = conn.makeApiQuery(spatialAggregateSpec({ locations }));
    const id = await firstValueFrom(query.run());
    await lastValueFrom(query.waitUntilReady());
    const location = `get/${id}`;
    const url = `${server.url}/api/0/${location}`;
    const headers = { Authorization: `Bearer ${server.token}` };
    const bareClient = axios.create({ maxRedirects: 0 });
    const bare = async () => JSON.parse((await bareClient.get<string>(url, { headers, responseType: 'text', transitional: { forcedJSONParsing: false } })).data) as { query_result: unknown[] };
    const text = (await bareClient.get<string>(url, { headers, responseType: 'text', transitional: { forcedJSONParsing: false } })).data;
    const payloadBytes = Buffer.byteLength(text);
    const parseOnly: number[] = [];
    const library: Array<{ ms: number; peakBytes: number; rows: number }> = [];
    const bareRuns: Array<{ ms: number; peakBytes: number }> = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      JSON.parse(text);
      parseOnly.push(performance.now() - t);
      const runOurs = async () => {
        const ours = await peakOf(() => firstValueFrom(getJsonRows({ connection: conn, location })));
        library.push({ ms: ours.ms, peakBytes: ours.peakBytes, rows: ours.result.length });
      };
      const runBare = async () => {
        const theirs = await peakOf(bare);
        bareRuns.push({ ms: theirs.ms, peakBytes: theirs.peakBytes });
      };
      if (i % 2 === 0) {
        await runOurs();
        await runBare();
      } else {
        await runBare();
        await runOurs();
      }
    }
    const medianLibraryMs = median(library.map((r) => r.ms));
    const medianBareMs = median(bareRuns.map((r) => r.ms));
    const peakLibraryBytes = median(library.map((r) => r.peakBytes));
    return {
      payloadBytes,
      rounds,
      rows: library[0]?.rows ?? 0,
      medianLibraryMs,
      medianBareMs,
      medianJsonParseOnlyMs: median(parseOnly),
      timeRatio: median(library.map((r, i) => r.ms / (bareRuns[i]?.ms ?? r.ms))),
      peakLibraryBytes,
      peakBareBytes: median(bareRuns.map((r) => r.peakBytes)),
      peakRatio: peakLibraryBytes / payloadBytes,
    };
  } finally {
    await server.close();
  }
}
