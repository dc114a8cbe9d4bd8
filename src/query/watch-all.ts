/**
 * Many queries as one stream: each query's latest state, overall progress and the first error —
 * what a dashboard binds to.
 * @module
 */
import { EMPTY, catchError, concat, defer, isObservable, map, merge, of, scan, type Observable } from 'rxjs';
import { checkWatchOptions, type WatchOptions } from './shared-watch.js';
import { shownValue } from '../http/route.js';
import { isFinal } from './poll-outcome.js';
import { queryFailedError } from './query-failed.js';
import type { WatchState } from './watch-state.js';

/** Anything that can be watched: an `APIQuery`, or a stream of states. */
export type Watchable = { watch(options?: WatchOptions): Observable<WatchState> } | Observable<WatchState>;

/** The combined state of many watched queries. */
export interface DashboardState {
  /** Each query's latest state, in the order given (`undefined` until its first state). */
  readonly states: readonly (WatchState | undefined)[];
  /** Parts done across all queries (a query without progress counts 0 of 1, then 1 of 1; a failed watch 1 of 1). */
  readonly completedParts: number;
  /** Parts in all across all queries. */
  readonly totalParts: number;
  /** True once every query has reached a final state or failed. */
  readonly done: boolean;
  /**
   * The first error: a query's stream that failed (with its error), or a query that ended
   * `errored` (a `QueryFailedError` with the server's text, status 500 and `serverStatus:
   * 'errored'`, as a one-shot call fails with); else `null`. `cancelled` and `not_running` are
   * left to `states`.
   */
  readonly error: unknown;
  /** True while any query's polls are refused for authentication (its state has `awaitingToken`): ask for a new token. */
  readonly awaitingToken: boolean;
}

type Event = { index: number; state: WatchState } | { index: number; error: unknown };

const isWatchable = (value: unknown): value is Watchable =>
  typeof value === 'object' && value !== null && (typeof (value as { watch?: unknown }).watch === 'function' || isObservable(value));

function checkWatchables(queries: unknown): void {
  if (!Array.isArray(queries)) throw new TypeError(`watchAll: queries must be a list of APIQuery or Observable<WatchState> (got ${shownValue(queries)})`);
  const bad = queries.findIndex((query) => !isWatchable(query));
  if (bad >= 0) throw new TypeError(`watchAll: queries[${bad}] must be an APIQuery or an Observable<WatchState> (got ${shownValue(queries[bad])})`);
}

/** The parts a state stands for: [done, total]. */
export function partsOf(state: WatchState | undefined): [number, number] {
  if (state === undefined) return [0, 1];
  if (state.status === 'completed') return state.totalParts === null ? [1, 1] : [state.totalParts, state.totalParts];
  if (state.status === 'queued' || state.status === 'executing') {
    return state.totalParts === null || state.completedParts === null ? [0, 1] : [state.completedParts, Math.max(1, state.totalParts)];
  }
  return [1, 1]; // ended: nothing more will run
}

/**
 * Watch many queries at once: emits a {@link DashboardState} at once and on every change,
 * completing when all are done. One query's failure (its stream failing, or its query ending
 * `errored`) is reported in `error` and does not stop the others: `done` waits for them all.
 * @throws TypeError naming `queries` (not a list), `queries[i]` (neither an `APIQuery` nor an
 * observable) or a polling option; nothing is sent.
 */
export function watchAll(queries: readonly Watchable[], options: WatchOptions = {}): Observable<DashboardState> {
  checkWatchables(queries);
  checkWatchOptions(options, 'watchAll');
  const n = queries.length;
  const initial: DashboardState = { states: Array.from({ length: n }, () => undefined), completedParts: 0, totalParts: n, done: n === 0, error: null, awaitingToken: false };
  const events = merge(
    ...queries.map((query, index) =>
      ('watch' in query ? query.watch(options) : query).pipe(
        map((state): Event => ({ index, state })),
        catchError((error: unknown) => of<Event>({ index, error })),
      ),
    ),
  );
  return defer(() => {
    const failed = new Set<number>(); // per subscription: the stream is cold
    return concat(
    of(initial),
    n === 0
      ? EMPTY
      : events.pipe(
          scan((acc: DashboardState, event: Event) => {
            const states = acc.states.slice();
            let error = acc.error;
            if ('state' in event) {
              states[event.index] = event.state;
              if (event.state.status === 'errored') error ??= queryFailedError(event.state);
            } else {
              failed.add(event.index);
              error ??= event.error;
            }
            let done = 0;
            let total = 0;
            for (const [i, state] of states.entries()) {
              const [d, t] = failed.has(i) ? [1, 1] : partsOf(state); // a failed watch runs no more
              done += d;
              total += t;
            }
            const allDone = states.every((s, i) => failed.has(i) || (s !== undefined && isFinal(s.status)));
            const awaitingToken = states.some((s) => s !== undefined && 'awaitingToken' in s && s.awaitingToken === true);
            return { states, completedParts: done, totalParts: total, done: allDone, error, awaitingToken };
          }, initial),
        ),
    );
  });
}
