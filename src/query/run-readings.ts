/**
 * What a `run` reply said about a query (FlowAPI 1.18 sends its progress), kept a moment so the
 * watch that follows can start from it instead of polling at once: one request less per query.
 * @module
 */
import type { Connection } from '../connection.js';
import type { PollOutcome, Progress } from './poll-outcome.js';
import { RecentReadings } from './recent-readings.js';

/** How long a run's reading stands in for a first poll, ms. */
export const RUN_READING_TTL_MS = 1000;

const readings = /* @__PURE__ */ new WeakMap<Connection, RecentReadings<PollOutcome>>();

/**
 * The state a run reply's progress shows: running when a part runs, else queued. `undefined`
 * without progress (FlowAPI ≤ 1.17) or once nothing is left to run (the watch then polls at once).
 */
export function outcomeOfRun(progress: Progress | null): PollOutcome | undefined {
  if (progress === null || progress.eligible <= 0) return undefined;
  return { status: progress.running > 0 ? 'executing' : 'queued', progress, message: '' };
}

/** Remember a run reply's reading of `queryId` on `connection`. */
export function recordRunReading(connection: Connection, queryId: string, outcome: PollOutcome | undefined): void {
  if (outcome === undefined) return;
  let kept = readings.get(connection);
  if (kept === undefined) {
    kept = new RecentReadings(RUN_READING_TTL_MS);
    readings.set(connection, kept);
  }
  kept.put(queryId, outcome);
}

/** The fresh run reading of `queryId`, once (it is forgotten when taken or stale). */
export function takeRunReading(connection: Connection, queryId: string): PollOutcome | undefined {
  return readings.get(connection)?.take(queryId);
}
