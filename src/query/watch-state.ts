/**
 * A query's life as states, one per poll: a union discriminated by `status`, and the pure
 * reducer that folds poll outcomes into it.
 * @module
 */
import { cleanProgress, type PollOutcome, type Progress } from './poll-outcome.js';
import { isAuthenticationError, type AuthenticationError } from '../errors.js';

/** Fields every state carries. */
export interface WatchBase {
  /** The query's id. */
  readonly queryId: string;
  /** Polls answered so far. */
  readonly polls: number;
  /** Time since watching started, in ms. */
  readonly elapsedMs: number;
}

/** Queued or executing, with progress when the server sends it (FlowAPI 1.18+). */
export interface RunningState extends WatchBase {
  readonly status: 'queued' | 'executing';
  /** FlowAPI's progress object, or `null` when the server sends none (then progress is indeterminate). */
  readonly progress: Progress | null;
  /** Parts stored so far (`totalParts` minus `eligible`), or `null` when indeterminate. */
  readonly completedParts: number | null;
  /** Parts in all (the largest `eligible` seen), or `null` when indeterminate. */
  readonly totalParts: number | null;
  /** True when progress has not moved for the stall time. */
  readonly stalled: boolean;
  /**
   * Present and true while polls are refused for authentication (401 expired, 422): the watch
   * waits for `updateToken()` or the token refresher, then goes on. Absent otherwise.
   */
  readonly awaitingToken?: true;
  /** While `awaitingToken`: the refusal, with the server's text. */
  readonly authError?: AuthenticationError;
}

/** The result is ready. */
export interface CompletedState extends WatchBase {
  readonly status: 'completed';
  /** Equal to `totalParts` (or `null` when it was never known). */
  readonly completedParts: number | null;
  readonly totalParts: number | null;
  /** Route of the result, relative to `/api/<version>/` (e.g. `get/<id>`). */
  readonly resultRoute: string;
}

/** The query ended without a result, or the server does not know it. */
export interface EndedState extends WatchBase {
  readonly status: 'errored' | 'cancelled' | 'not_running';
  /** The server's text, or a plain description when it sent none. */
  readonly message: string;
}

/** One state of a watched query. */
export type WatchState = RunningState | CompletedState | EndedState;

/** The reducer's memory between polls (not exposed). */
export interface WatchAccumulator {
  readonly state: WatchState | undefined;
  /** When progress last moved, in ms on the watch's clock. */
  readonly progressChangedAt: number;
}

const DEFAULT_MESSAGES = {
  errored: 'The query finished with an error.',
  cancelled: 'The query was cancelled.',
  not_running: 'The server does not know this query, or it is not running.',
} as const;

/**
 * Fold one poll outcome, read at `elapsedMs`, into the next state. Stalled when the progress
 * object has not changed for `stallAfterMs`. Whatever the server sends, `0 ≤ completedParts ≤
 * totalParts`: counts are clamped (see {@link cleanProgress}; a progress object with a count
 * that is no number counts as none), `totalParts` is the largest `eligible` seen, so an
 * `eligible` above it raises the total rather than making the parts negative.
 */
export function reduceWatch(
  acc: WatchAccumulator,
  outcome: PollOutcome,
  queryId: string,
  elapsedMs: number,
  stallAfterMs: number,
  polled = true,
): WatchAccumulator & { readonly state: WatchState } {
  const previous = acc.state;
  const polls = (previous?.polls ?? 0) + (polled ? 1 : 0);
  const base = { queryId, polls, elapsedMs };
  const prevTotal = previous && 'totalParts' in previous ? previous.totalParts : null;
  switch (outcome.status) {
    case 'queued':
    case 'executing': {
      const progress = outcome.progress === null ? null : cleanProgress(outcome.progress); // replies are read clean; a hand-made outcome may not be
      const totalParts = progress === null ? prevTotal : Math.max(prevTotal ?? 0, progress.eligible);
      const completedParts = progress === null || totalParts === null ? null : totalParts - progress.eligible;
      const prevProgress = previous?.status === 'queued' || previous?.status === 'executing' ? previous.progress : undefined;
      const moved = previous === undefined || !sameProgress(prevProgress, progress) || previous.status !== outcome.status;
      const progressChangedAt = moved ? elapsedMs : acc.progressChangedAt;
      const stalled = elapsedMs - progressChangedAt >= stallAfterMs;
      return {
        state: { ...base, status: outcome.status, progress, completedParts, totalParts, stalled },
        progressChangedAt,
      };
    }
    case 'completed':
      return {
        state: {
          ...base,
          status: 'completed',
          completedParts: prevTotal,
          totalParts: prevTotal,
          resultRoute: outcome.resultRoute ?? `get/${queryId}`,
        },
        progressChangedAt: elapsedMs,
      };
    default:
      return {
        state: { ...base, status: outcome.status, message: outcome.message || DEFAULT_MESSAGES[outcome.status] },
        progressChangedAt: elapsedMs,
      };
  }
}

/**
 * The state to show while polls are refused for authentication: the latest one (or, before
 * any answer, `queued` without progress) with `awaitingToken: true` and the refusal.
 */
export function awaitingToken(previous: WatchState | undefined, queryId: string, elapsedMs: number, error: unknown): RunningState {
  const running: RunningState =
    previous?.status === 'queued' || previous?.status === 'executing'
      ? previous
      : { queryId, polls: previous?.polls ?? 0, elapsedMs, status: 'queued', progress: null, completedParts: null, totalParts: null, stalled: false };
  return { ...running, elapsedMs, awaitingToken: true, ...(isAuthenticationError(error) ? { authError: error } : {}) };
}

function sameProgress(a: Progress | null | undefined, b: Progress | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return a.eligible === b.eligible && a.queued === b.queued && a.running === b.running;
}
