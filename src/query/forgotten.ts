/**
 * Queries the server forgot: when FlowMachine restarts it loses its queries, and FlowAPI then
 * answers their polls with 404 (1.3) or a 500 HTML page (1.18's own bug). A run is idempotent
 * (same spec, same id), so whoever holds the spec — an `APIQuery` — runs it again and goes on.
 * @module
 */
import { Observable, type Observer, type Subscriber } from 'rxjs';
import { isFlowclientError, isNotFoundError } from '../errors.js';
import type { WatchState } from './watch-state.js';

/** How many times one `watch()` or `getResult()` of an `APIQuery` runs a forgotten query again before it gives up. */
export const MAX_RERUNS = 2;

/**
 * True for a failed poll or result download that says the server no longer knows the query: a
 * 404 ({@link NotFoundError}, also "Query is not running."), or a 500 without FlowAPI's JSON
 * `status` or `msg` (FlowAPI 1.18 answers an unknown id with an HTML page). A JSON 500 with
 * `status: errored` is an errored query, not a forgotten one.
 */
export function isForgotten(error: unknown): boolean {
  if (isNotFoundError(error)) return true;
  return isFlowclientError(error) && error.status === 500 && error.serverStatus === undefined && error.serverMessage === undefined;
}

/**
 * The states of a query, `watch(queryId)`, carried across the server forgetting it: a
 * `not_running` state, or a failure {@link isForgotten} counts, is not passed on while re-runs
 * are left; `rerun()` posts the spec again (single-flight) and the states of the id it gives
 * follow. At most `reruns` times; after that the `not_running` state or the error is passed on,
 * as without re-runs.
 *
 * The states read as one watch: `polls` counts on from the last state passed on plus the reply
 * that told of the forgetting (the run reply's state, polls 0 of the new loop, shows that
 * count), and `elapsedMs` counts on from the state that told of it (or the last one passed on).
 * Each watcher is one {@link ForgettingWatch} (its own observer, no closures, no operator chain),
 * since thousands of queries may be watched at once (`npm run bench scale`).
 */
export function watchAcrossForgetting(
  queryId: string,
  watch: (queryId: string) => Observable<WatchState>,
  rerun: () => Observable<string>,
  reruns: number = MAX_RERUNS,
): Observable<WatchState> {
  return new Observable<WatchState>((subscriber) => new ForgettingWatch(subscriber, watch, rerun, reruns).follow(queryId));
}

/** One watcher of {@link watchAcrossForgetting}: the observer of the current loop's states. */
class ForgettingWatch implements Observer<WatchState> {
  readonly #subscriber: Subscriber<WatchState>;
  readonly #watch: (queryId: string) => Observable<WatchState>;
  readonly #rerun: () => Observable<string>;
  #left: number;
  #polls = 0; // added to the current loop's counts
  #elapsedMs = 0;
  #passed: WatchState | undefined; // the latest state passed on
  #forgotten: WatchState | undefined; // the current loop's not_running, held back

  constructor(subscriber: Subscriber<WatchState>, watch: (queryId: string) => Observable<WatchState>, rerun: () => Observable<string>, reruns: number) {
    this.#subscriber = subscriber;
    this.#watch = watch;
    this.#rerun = rerun;
    this.#left = reruns;
  }

  /** Watch `queryId`; its subscription ends with the watcher's. */
  follow(queryId: string): void {
    this.#subscriber.add(this.#watch(queryId).subscribe(this));
  }

  next(state: WatchState): void {
    if (state.status === 'not_running' && this.#left > 0) {
      this.#forgotten = state; // the loop completes next: run again then
      return;
    }
    const polls = this.#polls;
    const elapsedMs = this.#elapsedMs;
    this.#passed = polls === 0 && elapsedMs === 0 ? state : { ...state, polls: state.polls + polls, elapsedMs: state.elapsedMs + elapsedMs };
    this.#subscriber.next(this.#passed);
  }

  error(error: unknown): void {
    if (isForgotten(error) && this.#left > 0) this.#again();
    else this.#subscriber.error(error);
  }

  complete(): void {
    if (this.#forgotten === undefined) this.#subscriber.complete();
    else this.#again();
  }

  #again(): void {
    this.#left -= 1;
    const forgotten = this.#forgotten;
    // Counted on from the reply that told of the forgetting: a not_running state, or a failed poll after the latest state.
    if (forgotten === undefined) {
      this.#polls = (this.#passed?.polls ?? this.#polls) + 1;
      this.#elapsedMs = this.#passed?.elapsedMs ?? this.#elapsedMs;
    } else {
      this.#polls += forgotten.polls;
      this.#elapsedMs += forgotten.elapsedMs;
    }
    this.#forgotten = undefined;
    this.#subscriber.add(
      this.#rerun().subscribe({
        next: (id) => this.follow(id),
        error: (error: unknown) => this.#subscriber.error(error),
      }),
    );
  }
}
