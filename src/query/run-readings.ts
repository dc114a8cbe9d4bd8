/**
 * What a `run` reply said about a query (FlowAPI 1.18 sends its progress), kept a moment so the
 * watch that follows can start from it instead of polling at once: one request less per query.
 * @module
 */
import type { Connection } from '../connection.js';
import type { PollOutcome, Progress } from './poll-outcome.js';

interface Reading {
  readonly outcome: PollOutcome;
  readonly at: number;
}

/** How long a run's reading stands in for a first poll, ms. */
export const RUN_READING_TTL_MS = 1000;
const MAX_READINGS = 256;

const readings = new WeakMap<Connection, Map<string, Reading>>();

/**
 * The state a run reply's progress shows: running when a part runs, else queued. `undefined`
 * without progress (FlowAPI ≤ 1.17) or once nothing is left to run (the watch then polls at once).
 */
export function outcomeOfRun(progress: Progress | null): PollOutcome | undefined {
  if (progress === null || progress.eligible <= 0) return undefined;
  return { status: progress.running > 0 ? 'executing' : 'queued', progress, message: '' };
}

/** Remember a run reply's reading of `queryId` on `connection`. */
export function recordRunReading(connection: Connection, queryId: string, outcome: PollOutcome | undefined, now = Date.now()): void {
  if (outcome === undefined) return;
  let map = readings.get(connection);
  if (map === undefined) {
    map = new Map();
    readings.set(connection, map);
  }
  map.delete(queryId);
  map.set(queryId, { outcome, at: now });
  if (map.size > MAX_READINGS) map.delete(map.keys().next().value as string);
}

/** The fresh run reading of `queryId`, once (it is forgotten when taken or stale). */
export function takeRunReading(connection: Connection, queryId: string, now = Date.now()): PollOutcome | undefined {
  const map = readings.get(connection);
  const reading = map?.get(queryId);
  if (reading === undefined) return undefined;
  map?.delete(queryId);
  return now - reading.at <= RUN_READING_TTL_MS ? reading.outcome : undefined;
}
