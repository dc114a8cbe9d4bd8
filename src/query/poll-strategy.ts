/**
 * How a watch chooses its next poll: `'predictive'` (default: {@link estimateNextPoll}),
 * `'eager'` (the age-based {@link pollDelay}: fastest notice, more requests), or a function of
 * the watch's {@link PollContext}. Every decision is bounded by `pollInterval`.
 * @module
 */
import { DEFAULT_PREDICTIVE, estimateNextPoll, type PollHistory } from './poll-estimate.js';
import { pollDelay, type PollSchedule } from './poll-schedule.js';
import type { WatchState } from './watch-state.js';

/** What a schedule function sees of a watched query (times in ms since watching began). */
export interface PollContext extends PollHistory {
  /** The query's latest state. */
  readonly state: WatchState | undefined;
  /** How long this connection's recent queries took to complete (ms since their watch began), newest last. */
  readonly durations: readonly number[];
  /** The longest wait allowed, ms. */
  readonly pollInterval: number;
  /** How much of the connection's poll budget the last second used, 0 to 1 (0 without a cap). */
  readonly load: number;
}

/** A custom schedule: the wait before the next poll, in ms (bounded to `[50, pollInterval]`). */
export type PollScheduleFunction = (context: PollContext) => number;

/** How a watch spaces its polls. */
export type PollStrategy = 'predictive' | 'eager' | PollScheduleFunction;

/** The strategies by name. */
export const POLL_STRATEGIES: readonly string[] = ['predictive', 'eager'];

/** Why `value` is not a {@link PollStrategy} (`undefined` counts as none given), or `undefined` when it is one. */
export function pollStrategyProblem(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'function' || (typeof value === 'string' && POLL_STRATEGIES.includes(value))) return undefined;
  return `must be 'predictive', 'eager' or a function (got ${JSON.stringify(value) ?? String(value)})`;
}

/** One scheduling decision, as debug logging shows it. */
export interface PollDecision {
  /** Wait before the next poll, ms. */
  readonly delayMs: number;
  /** Probability the query has finished since its last poll (the budget serves higher first); 0.5 when unknown. */
  readonly pDone: number;
  /** Expected end, ms since watching began, when the strategy estimates one. */
  readonly expectedEndMs: number | null;
  /** Which strategy decided, and on what. */
  readonly basis: string;
}

/** How far a full budget raises the predictive tolerance: ×1/(1 − 0.8) = ×5 at full load. */
const LOAD_PRICE = 0.8;

/**
 * The decision function of a strategy.
 * @param explain - fill in `expectedEndMs` (debug logging); left `null` otherwise, as it costs
 */
export function decider(strategy: PollStrategy, schedule: PollSchedule, explain = true): (context: PollContext) => PollDecision {
  const longest = Math.max(schedule.firstWaitMs, schedule.pollInterval);
  if (strategy === 'eager') {
    return (ctx) => ({ delayMs: pollDelay(ctx.ageMs, schedule), pDone: 0.5, expectedEndMs: null, basis: 'eager' });
  }
  if (strategy === 'predictive') {
    const settings = { ...DEFAULT_PREDICTIVE, pollInterval: schedule.pollInterval, minWaitMs: Math.min(DEFAULT_PREDICTIVE.minWaitMs, schedule.pollInterval) };
    return (ctx) => {
      // A busy connection makes each poll dearer: the delay one may buy grows with the budget's load.
      const price = 1 / (1 - LOAD_PRICE * Math.min(1, Math.max(0, ctx.load)));
      const priced = price === 1 ? settings : { ...settings, minToleranceMs: settings.minToleranceMs * price, noticeShare: settings.noticeShare * price };
      const estimate = estimateNextPoll(ctx, ctx.durations, priced, explain);
      return { ...estimate, basis: `predictive/${estimate.basis}` };
    };
  }
  return (ctx) => {
    const wanted = strategy(ctx);
    const delayMs = Number.isFinite(wanted) ? Math.min(longest, Math.max(50, wanted)) : longest;
    return { delayMs, pDone: 0.5, expectedEndMs: null, basis: 'custom' };
  };
}
