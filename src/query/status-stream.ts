/**
 * The poll loop of one query as a stream of {@link WatchState}s: self-scheduling (the next poll
 * goes out after the previous answer plus the wait, never overlapping), riding out transient
 * failures with backoff, pausing on auth failures until a new token arrives. Pure over an
 * injected `pollOnce`, so marble tests drive it with a `TestScheduler`.
 * @module
 */
import {
  asyncScheduler,
  defer,
  filter,
  map,
  repeat,
  retry,
  scan,
  takeWhile,
  throwError,
  timer,
  type MonoTypeOperatorFunction,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { isAuthenticationError } from '../errors.js';
import { backoffDelay, isTransient, type RetryConfig } from '../http/retry.js';
import { isFinal, type PollOutcome } from './poll-outcome.js';
import { pollDelay, type PollSchedule } from './poll-schedule.js';
import { reduceWatch, type WatchAccumulator, type WatchState } from './watch-state.js';

/** Everything the loop needs besides the poll itself. */
export interface StatusStreamOptions {
  /** Waits between polls. */
  readonly schedule: PollSchedule;
  /** Progress unchanged this long (ms) marks a running state `stalled`. */
  readonly stallAfterMs: number;
  /** Backoff for transient failures; `count` may be `Infinity` (a blip never ends the watch). */
  readonly backoff: RetryConfig;
  /** Emits when an auth failure is worth another try (a new token). Without it, auth failures end the stream. */
  readonly authRecovered?: () => Observable<unknown>;
  /** Scheduler for waits and the clock (a `TestScheduler` in marble tests). */
  readonly scheduler?: SchedulerLike;
  /** Jitter source for the backoff. */
  readonly random?: () => number;
}

/**
 * Keep one poll going through transient failures (backoff, up to `backoff.count` in a row) and auth
 * failures (wait for `authRecovered`); anything else ends the stream.
 */
export function ridePollFailures<T>(options: StatusStreamOptions): MonoTypeOperatorFunction<T> {
  return retry<T>({
    count: options.backoff.count,
    resetOnSuccess: true,
    delay: (error: unknown, attempt: number) => {
      if (isTransient(error)) return timer(backoffDelay(attempt, options.backoff, options.random), options.scheduler ?? asyncScheduler);
      if (isAuthenticationError(error) && options.authRecovered) return options.authRecovered();
      return throwError(() => error);
    },
  });
}

/**
 * The life of query `queryId` as states: polls at once, then after each answer waits
 * {@link pollDelay} for the query's age; completes after the first final state.
 */
export function statusStream(queryId: string, pollOnce: () => Observable<PollOutcome>, options: StatusStreamOptions): Observable<WatchState> {
  return defer(() => {
    const scheduler = options.scheduler ?? asyncScheduler;
    const start = scheduler.now();
    const age = () => scheduler.now() - start;
    const initial: WatchAccumulator = { state: undefined, progressChangedAt: 0 };
    // One poll, resubscribed after each answer plus the wait: never overlapping, and no chain of
    // inner subscriptions kept per poll (cheap enough to watch thousands of queries).
    return defer(pollOnce).pipe(
      ridePollFailures<PollOutcome>(options),
      repeat({ delay: () => timer(pollDelay(age(), options.schedule), scheduler) }),
      takeWhile((outcome) => !isFinal(outcome.status), true),
      scan((acc, outcome) => reduceWatch(acc, outcome, queryId, age(), options.stallAfterMs), initial),
      map((acc) => acc.state),
      filter((state): state is WatchState => state !== undefined),
    );
  });
}
