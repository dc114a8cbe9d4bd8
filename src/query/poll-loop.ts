/**
 * The poll loop of one query as a plain record: its state so far, one pending thing (a request
 * in flight, a timer, or a wait for a new token) and a `ReplaySubject` its watchers read.
 * Between polls a watched query holds no operator chain, only this record, its subject and one
 * scheduled action, so thousands can be watched at once (`npm run bench scale`). The decisions
 * are pure functions ({@link reduceWatch}, {@link pollDelay}, {@link failureStep}); the loop
 * only carries them out on a `SchedulerLike`, so marble tests drive it in virtual time.
 * @module
 */
import { ReplaySubject, Subscription, asyncScheduler, defer, finalize, take, type Observable, type SchedulerAction, type SchedulerLike, type Unsubscribable } from 'rxjs';
import { isAuthenticationError } from '../errors.js';
import { backoffDelay, isTransient, type RetryConfig } from '../http/retry.js';
import { isFinal, type PollOutcome } from './poll-outcome.js';
import { pollDelay, type PollSchedule } from './poll-schedule.js';
import { reduceWatch, type WatchAccumulator, type WatchState } from './watch-state.js';

/** Everything a loop needs besides the poll itself. */
export interface PollLoopOptions {
  /** Waits between polls. */
  readonly schedule: PollSchedule;
  /** Progress unchanged this long (ms) marks a running state `stalled`. */
  readonly stallAfterMs: number;
  /** Backoff for transient failures; `count` (failures in a row) may be `Infinity`. */
  readonly backoff: RetryConfig;
  /** Emits when an auth failure is worth another try (a new token). Without it, auth failures end the loop. */
  readonly authRecovered?: () => Observable<unknown>;
  /** Scheduler for waits and the clock (a `TestScheduler` in marble tests). @defaultValue asyncScheduler */
  readonly scheduler?: SchedulerLike;
  /** Jitter source for the backoff. @defaultValue Math.random */
  readonly random?: () => number;
}

/** What to do after a failed poll. */
export type FailureStep =
  | { readonly action: 'retry'; readonly delayMs: number }
  | { readonly action: 'await-token' }
  | { readonly action: 'fail' };

/**
 * The step after failure number `failures` in a row: a transient one is retried after
 * {@link backoffDelay} while `failures ≤ backoff.count`; an auth failure waits for a new token
 * when the loop can get one; anything else ends the loop.
 */
export function failureStep(error: unknown, failures: number, options: PollLoopOptions): FailureStep {
  if (failures > options.backoff.count) return { action: 'fail' };
  if (isTransient(error)) return { action: 'retry', delayMs: backoffDelay(failures, options.backoff, options.random) };
  if (isAuthenticationError(error) && options.authRecovered) return { action: 'await-token' };
  return { action: 'fail' };
}

/**
 * One query's loop: polls at once when first watched, then after each answer waits
 * {@link pollDelay} for the query's age; ends after the first final state (the subject
 * completes) or an unrecoverable failure (the subject errors). Counted watchers: the last one
 * to leave stops it (the server's job runs on: watching is not cancelling).
 */
export class PollLoop implements Unsubscribable {
  /** The query's states; replays the latest to a late watcher. */
  readonly states = new ReplaySubject<WatchState>(1);
  /** The query's id. */
  readonly queryId: string;
  readonly #pollOnce: (queryId: string) => Observable<PollOutcome>;
  readonly #options: PollLoopOptions;
  readonly #onEnd: ((loop: PollLoop) => void) | undefined;
  #acc: WatchAccumulator = { state: undefined, progressChangedAt: 0 };
  #startedAt = 0;
  #failures = 0;
  #watchers = 0;
  #started = false;
  #running = false;
  #pending: Unsubscribable | undefined;

  /**
   * @param pollOnce - one poll of a query (shared by the loops of a connection)
   * @param onEnd - called once when the loop ends or its last watcher leaves (to forget it);
   *   on an end, before the subject completes or errors
   */
  constructor(queryId: string, pollOnce: (queryId: string) => Observable<PollOutcome>, options: PollLoopOptions, onEnd?: (loop: PollLoop) => void) {
    this.queryId = queryId;
    this.#pollOnce = pollOnce;
    this.#options = options;
    this.#onEnd = onEnd;
  }

  /** Count one more watcher; the first starts the loop. Returns the loop (the watcher's lease). */
  watch(): this {
    this.#watchers += 1;
    if (!this.#started) {
      this.#started = true;
      this.#running = true;
      this.#startedAt = this.#now();
      this.#poll();
    }
    return this;
  }

  /** One watcher leaves; when none is left the loop stops (a request in flight is aborted). */
  unsubscribe(): void {
    this.#watchers -= 1;
    if (this.#watchers === 0 && this.#running) this.#finish();
  }

  /** The timer's work: no closure per query, the loop travels as the action's state. */
  static #tick(this: SchedulerAction<PollLoop>, loop?: PollLoop): void {
    if (loop !== undefined) loop.#poll();
  }

  #poll(): void {
    const inFlight = new Subscription();
    this.#pending = inFlight; // before subscribing: a synchronous answer replaces it with the next wait
    let answered = false;
    inFlight.add(
      this.#pollOnce(this.queryId).subscribe({
        next: (outcome) => {
          answered = true;
          this.#answer(outcome);
        },
        error: (error: unknown) => this.#fail(error),
        complete: () => answered || !this.#running || this.#wait(pollDelay(this.#age(), this.#options.schedule)), // no answer: ask again
      }),
    );
  }

  #now(): number {
    return (this.#options.scheduler ?? asyncScheduler).now();
  }

  #age(): number {
    return this.#now() - this.#startedAt;
  }

  #answer(outcome: PollOutcome): void {
    if (!this.#running) return;
    this.#failures = 0;
    const next = reduceWatch(this.#acc, outcome, this.queryId, this.#age(), this.#options.stallAfterMs);
    this.#acc = next;
    const state = next.state;
    if (isFinal(outcome.status)) {
      this.#finish();
      this.states.next(state);
      this.states.complete();
      return;
    }
    this.states.next(state);
    if (this.#running) this.#wait(pollDelay(this.#age(), this.#options.schedule)); // a watcher may have left in next()
  }

  #fail(error: unknown): void {
    if (!this.#running) return;
    this.#failures += 1;
    const step = failureStep(error, this.#failures, this.#options);
    if (step.action === 'retry') {
      this.#wait(step.delayMs);
    } else if (step.action === 'await-token' && this.#options.authRecovered) {
      this.#awaitToken(this.#options.authRecovered());
    } else {
      this.#finish();
      this.states.error(error);
    }
  }

  /** Poll again once `recovered` emits; if it completes without, no token will come: end quietly. */
  #awaitToken(recovered: Observable<unknown>): void {
    const waiting = new Subscription();
    this.#pending = waiting; // before subscribing: a synchronous emission replaces it with the next poll
    let renewed = false;
    waiting.add(
      recovered.pipe(take(1)).subscribe({
        next: () => {
          renewed = true;
          this.#poll();
        },
        complete: () => {
          if (renewed || !this.#running) return;
          this.#finish();
          this.states.complete();
        },
      }),
    );
  }

  #wait(delayMs: number): void {
    this.#pending = (this.#options.scheduler ?? asyncScheduler).schedule<PollLoop>(PollLoop.#tick, delayMs, this);
  }

  #stop(): void {
    this.#running = false;
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.unsubscribe();
  }

  #finish(): void {
    this.#stop();
    this.#onEnd?.(this);
  }
}

/**
 * The states of the loop `acquire()` gives (on subscribe), the subscription counted as one of its
 * watchers until it ends: the lease every watch of a {@link PollLoop} takes.
 */
export function watchLoop(acquire: () => PollLoop): Observable<WatchState> {
  return defer(() => {
    const loop = acquire().watch();
    return loop.states.pipe(finalize(() => loop.unsubscribe()));
  });
}
