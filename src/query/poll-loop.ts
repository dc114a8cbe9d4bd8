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
import type { PollBudget } from './poll-budget.js';
import { isFinal, isGarbledPollReply, type PollOutcome } from './poll-outcome.js';
import type { PollSchedule } from './poll-schedule.js';
import { decider, type PollContext, type PollDecision } from './poll-strategy.js';
import { awaitingToken, reduceWatch, type WatchAccumulator, type WatchState } from './watch-state.js';

/** Everything a loop needs besides the poll itself. */
export interface PollLoopOptions {
  /** Waits between polls (the `'eager'` strategy's shape; its `pollInterval` bounds every wait). */
  readonly schedule: PollSchedule;
  /** The next poll's wait from what the watch has seen. @defaultValue the `'eager'` schedule */
  readonly decide?: (context: PollContext) => PollDecision;
  /** How long the connection's recent queries took (ms), newest last, for {@link decide}. */
  readonly durations?: () => readonly number[];
  /** Told how long a query watched from its start took, once it completes (ms). */
  readonly onDuration?: (durationMs: number) => void;
  /** Every scheduling decision (debug logging). */
  readonly onDecision?: (queryId: string, decision: PollDecision) => void;
  /** The connection's poll budget: each poll waits for a slot. @defaultValue none */
  readonly budget?: PollBudget;
  /** A reading of the query taken just before watching began (the `run` reply): used instead of a first poll. */
  readonly firstReading?: (queryId: string) => PollOutcome | undefined;
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
 * The step after failure number `failures` in a row: a transient one (including a poll 202 whose
 * body was empty or cut, see {@link isGarbledPollReply}) is retried after {@link backoffDelay}
 * while `failures ≤ backoff.count`; an auth failure waits for a new token when the loop can get
 * one; anything else ends the loop.
 */
export function failureStep(error: unknown, failures: number, options: PollLoopOptions): FailureStep {
  if (failures > options.backoff.count) return { action: 'fail' };
  if (isTransient(error) || isGarbledPollReply(error)) return { action: 'retry', delayMs: backoffDelay(failures, options.backoff, options.random) };
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
  declare readonly queryId: string;
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
  #decide: (context: PollContext) => PollDecision;
  /** When the latest non-final answer was read, and when the query was first seen executing. */
  #lastPollAt = 0;
  #executingAt: number | null = null;
  #priority = 0.5;

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
    this.#decide = options.decide ?? decider('eager', options.schedule);
  }

  /** The latest state, or `undefined` before the first. */
  get state(): WatchState | undefined {
    return this.#acc.state;
  }

  /** Count one more watcher; the first starts the loop. Returns the loop (the watcher's lease). */
  watch(): this {
    this.#watchers += 1;
    if (!this.#started) {
      this.#started = true;
      this.#running = true;
      this.#startedAt = this.#now();
      const first = this.#options.firstReading?.(this.queryId);
      if (first !== undefined && !isFinal(first.status)) this.#answer(first, false);
      else if (this.#options.budget === undefined) this.#poll();
      else this.#pending = this.#options.budget.request(this, 1); // a first poll goes before the others
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
    if (loop === undefined) return;
    const budget = loop.#options.budget;
    if (budget === undefined) loop.#poll();
    else loop.#pending = budget.request(loop, loop.#priority);
  }

  /** The budget's slot: poll now (called by {@link PollBudget}). */
  grant(): void {
    if (this.#running) this.#poll();
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
        complete: () => answered || !this.#running || this.#wait(this.#options.schedule.pollInterval), // no answer: ask again
      }),
    );
  }

  #now(): number {
    return (this.#options.scheduler ?? asyncScheduler).now();
  }

  #age(): number {
    return this.#now() - this.#startedAt;
  }

  /** An answer (or, with `polled` false, the run's reading) at the current age. */
  #answer(outcome: PollOutcome, polled = true): void {
    if (!this.#running) return;
    this.#failures = 0;
    const age = this.#age();
    const next = reduceWatch(this.#acc, outcome, this.queryId, age, this.#options.stallAfterMs, polled);
    this.#acc = next;
    const state = next.state;
    if (isFinal(outcome.status)) {
      // A query seen running and then completed took about the midpoint of its last two readings.
      if (outcome.status === 'completed' && state.polls > 1) this.#options.onDuration?.((this.#lastPollAt + age) / 2);
      this.#finish();
      this.states.next(state);
      this.states.complete();
      return;
    }
    this.#lastPollAt = age;
    if (outcome.status === 'executing' && this.#executingAt === null) this.#executingAt = age;
    this.states.next(state);
    if (this.#running) this.#wait(this.#nextDelay(state)); // a watcher may have left in next()
  }

  #nextDelay(state: WatchState): number {
    const running = state.status === 'queued' || state.status === 'executing';
    const decision = this.#decide({
      ageMs: this.#age(),
      lastPollMs: this.#lastPollAt,
      executingAtMs: this.#executingAt,
      completedParts: running ? state.completedParts : null,
      totalParts: running ? state.totalParts : null,
      state,
      durations: this.#options.durations?.() ?? [],
      pollInterval: this.#options.schedule.pollInterval,
      load: this.#options.budget?.load() ?? 0,
    });
    this.#priority = decision.pDone;
    this.#options.onDecision?.(this.queryId, decision);
    return decision.delayMs;
  }

  #fail(error: unknown): void {
    if (!this.#running) return;
    this.#failures += 1;
    const step = failureStep(error, this.#failures, this.#options);
    if (step.action === 'retry') {
      this.#wait(step.delayMs);
    } else if (step.action === 'await-token' && this.#options.authRecovered) {
      const recovered = this.#options.authRecovered();
      const paused = awaitingToken(this.#acc.state, this.queryId, this.#age(), error);
      this.#acc = { ...this.#acc, state: paused };
      this.#awaitToken(recovered);
      if (this.#running) this.states.next(paused); // at once, not after the stall time: a monitor can ask for a token
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
