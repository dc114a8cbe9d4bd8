/**
 * How long to wait before the next poll: short while a query is young (most finish within
 * seconds, and a monitor should show them done at once), growing with age up to `pollInterval`
 * (an old query costs fewer requests than flowclient's fixed 1-second polling).
 * @module
 */

/** The shape of the wait between two polls, in ms. */
export interface PollSchedule {
  /** Shortest wait, used while the query is young. @defaultValue 50 */
  readonly firstWaitMs: number;
  /** Longest wait between two polls (flowclient's `poll_interval`, here in ms). @defaultValue 3000 */
  readonly pollInterval: number;
  /** Wait as a fraction of the query's age while it is young. @defaultValue 0.08 */
  readonly growth: number;
  /** Age after which the wait grows faster. @defaultValue 3000 */
  readonly kneeMs: number;
  /** Extra fraction of the age past the knee. @defaultValue 0.42 */
  readonly lateGrowth: number;
}

/**
 * Defaults, measured by `npm run bench` (notice latency ≈ 0.15× of fixed 1 s polling for queries
 * of 0.3–3 s; ≈ 55 polls over a 60 s query against fixed polling's 60).
 */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = {
  firstWaitMs: 50,
  pollInterval: 3000,
  growth: 0.08,
  kneeMs: 3000,
  lateGrowth: 0.42,
};

/** The wait before the next poll of a query watched for `ageMs`, in ms. */
export function pollDelay(ageMs: number, schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): number {
  const grown = schedule.growth * ageMs + schedule.lateGrowth * Math.max(0, ageMs - schedule.kneeMs);
  const longest = Math.max(schedule.firstWaitMs, schedule.pollInterval);
  return Math.round(Math.min(longest, Math.max(schedule.firstWaitMs, grown)));
}

/** A schedule from partial options, with a fixed `pollInterval` shrinking `firstWaitMs` if needed. */
export function pollSchedule(options: Partial<PollSchedule> = {}): PollSchedule {
  const merged = { ...DEFAULT_POLL_SCHEDULE, ...options };
  if (!(merged.pollInterval > 0)) throw new TypeError(`pollInterval must be a positive number of ms (got ${String(options.pollInterval)})`);
  return { ...merged, firstWaitMs: Math.min(merged.firstWaitMs, merged.pollInterval) };
}
