/**
 * The poll loop of one query as a cold stream of {@link WatchState}s: self-scheduling (the next
 * poll goes out after the previous answer plus the wait, never overlapping), riding out transient
 * failures with backoff, pausing on auth failures until a new token arrives. Pure over an
 * injected `pollOnce`, so marble tests drive it with a `TestScheduler`.
 * @module
 */
import type { Observable } from 'rxjs';
import type { PollOutcome } from './poll-outcome.js';
import { PollLoop, watchLoop, type PollLoopOptions } from './poll-loop.js';
import type { WatchState } from './watch-state.js';

/** Everything the loop needs besides the poll itself (see {@link PollLoopOptions}). */
export type StatusStreamOptions = PollLoopOptions;

/**
 * The life of query `queryId` as states: polls at once on subscribe, then after each answer waits
 * {@link pollDelay} for the query's age; completes after the first final state; unsubscribing
 * stops it. Each subscription runs its own loop (see {@link watchQuery} for the shared one).
 */
export function statusStream(queryId: string, pollOnce: () => Observable<PollOutcome>, options: StatusStreamOptions): Observable<WatchState> {
  return watchLoop(() => new PollLoop(queryId, pollOnce, options));
}
