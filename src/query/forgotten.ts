/**
 * Queries the server forgot: when FlowMachine restarts it loses its queries, and FlowAPI then
 * answers their polls with 404 (1.3) or a 500 HTML page (1.18's own bug). A run is idempotent
 * (same spec, same id), so whoever holds the spec — an `APIQuery` — runs it again and goes on.
 * @module
 */
import { Observable, Subscription } from 'rxjs';
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
 * One subscriber object per watcher and no operator chain, as a plain watch.
 */
export function watchAcrossForgetting(
  queryId: string,
  watch: (queryId: string) => Observable<WatchState>,
  rerun: () => Observable<string>,
  reruns: number = MAX_RERUNS,
): Observable<WatchState> {
  return new Observable<WatchState>((subscriber) => {
    const subscriptions = new Subscription();
    let left = reruns;
    let polls = 0; // added to the current loop's counts
    let elapsedMs = 0;
    let passed: WatchState | undefined; // the latest state passed on
    let forgotten: WatchState | undefined; // the current loop's not_running, held back

    const again = (): void => {
      left -= 1;
      // Counted on from the reply that told of the forgetting: a not_running state, or a failed poll after the latest state.
      if (forgotten === undefined) {
        polls = (passed?.polls ?? polls) + 1;
        elapsedMs = passed?.elapsedMs ?? elapsedMs;
      } else {
        polls += forgotten.polls;
        elapsedMs += forgotten.elapsedMs;
      }
      forgotten = undefined;
      subscriptions.add(
        rerun().subscribe({
          next: (id) => follow(id),
          error: (error: unknown) => subscriber.error(error),
        }),
      );
    };

    const follow = (id: string): void => {
      subscriptions.add(
        watch(id).subscribe({
          next: (state) => {
            if (state.status === 'not_running' && left > 0) {
              forgotten = state; // the loop completes next: run again then
              return;
            }
            passed = polls === 0 && elapsedMs === 0 ? state : { ...state, polls: state.polls + polls, elapsedMs: state.elapsedMs + elapsedMs };
            subscriber.next(passed);
          },
          error: (error: unknown) => (isForgotten(error) && left > 0 ? again() : subscriber.error(error)),
          complete: () => (forgotten === undefined ? subscriber.complete() : again()),
        }),
      );
    };

    follow(queryId);
    return subscriptions;
  });
}
