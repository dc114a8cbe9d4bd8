/**
 * Many queries' combined state for a dashboard component: `dashboardState` (a signal) and
 * `dashboardState$` (an observable for the `async` pipe), over the core's `watchAll`.
 * @module
 */
import { toSignal } from '@angular/core/rxjs-interop';
import { ReplaySubject, asapScheduler, share, timer, type Observable } from 'rxjs';
import { APIQuery, specKey, watchAll, type Connection, type DashboardState, type Watchable, type WatchOptions, type WatchState } from '../index.js';
import { contextInjector, inAngular, type InjectorOption } from './in-angular.js';
import { follow, type Source } from './query-source.js';
import { withAwaitingToken, type FlowSignal } from './flow-signal.js';

/** Options of {@link dashboardState} and {@link dashboardState$}: the watches' options and an injector. */
export interface DashboardStateOptions extends WatchOptions, InjectorOption {}

/** What {@link dashboardState} watches: a list of queries, or lists over time (an observable, or a signal such as an `input()`). */
export type DashboardSource = Source<readonly Watchable[]>;

/** A number per connection, for the keys of {@link KeptWatches}. */
const connectionIds = new WeakMap<Connection, number>();
let connections = 0;

/** A query's identity across lists: an `APIQuery` by connection and spec (a list rebuilt from a `computed` makes new objects), any other by itself. */
function keyOf(query: Watchable): Watchable | string {
  if (!(query instanceof APIQuery)) return query;
  let id = connectionIds.get(query.connection);
  if (id === undefined) connectionIds.set(query.connection, (id = ++connections));
  return `${id} ${specKey(query.parameters)}`;
}

/**
 * Each query's watch, kept across lists: a query that stays in the next list (the same object,
 * or an `APIQuery` of the same spec on the same connection) goes on with the same watch, its
 * poll loop and latest state; a dropped one stops.
 */
class KeptWatches {
  #watches = new Map<Watchable | string, Observable<WatchState>>();

  constructor(readonly options: WatchOptions) {}

  /** The list's watches: kept ones for queries seen before, new ones for the others. */
  for(queries: readonly Watchable[]): Watchable[] {
    const next = new Map<Watchable | string, Observable<WatchState>>();
    const watches = queries.map((query) => {
      const key = keyOf(query);
      const watch = next.get(key) ?? this.#watches.get(key) ?? this.#keep(query);
      next.set(key, watch);
      return watch;
    });
    this.#watches = next;
    return watches;
  }

  /** One query's watch, replaying its latest state; stopped a moment after its last watcher leaves (not while the list switches). */
  #keep(query: Watchable): Observable<WatchState> {
    const states = 'watch' in query ? query.watch(this.options) : query;
    return states.pipe(
      share({
        connector: () => new ReplaySubject<WatchState>(1),
        resetOnError: false,
        resetOnComplete: false,
        resetOnRefCountZero: () => timer(0, asapScheduler),
      }),
    );
  }
}

/**
 * The combined state of many queries as an observable (see `watchAll`): emits at once and on
 * every change, never fails (a query's failure is in `error`; `awaitingToken` while any query's
 * polls are refused for authentication). Given lists over time (an observable or signal of
 * them), it follows them: queries that stay keep their watch, dropped ones stop, new ones start.
 * Polls run outside Angular's zone, values arrive inside it, and watching stops when the calling
 * context is destroyed. Call it in an injection context, or pass `injector`.
 * @throws TypeError for a list that is not one or a bad watch option (a fixed list: at once);
 * {@link InjectionContextError} outside an injection context without `injector`.
 */
export function dashboardState$(source: DashboardSource, options: DashboardStateOptions = {}): Observable<DashboardState> {
  const { injector, ...watch } = options;
  const context = contextInjector('dashboardState$', injector);
  if (Array.isArray(source)) return watchAll(source, watch).pipe(inAngular(context));
  const kept = new KeptWatches(watch);
  return follow(source, (s): s is readonly Watchable[] => Array.isArray(s), context, (queries: readonly Watchable[]) => watchAll(kept.for(queries), watch)).pipe(
    inAngular(context),
  );
}

const EMPTY_DASHBOARD: DashboardState = { states: [], completedParts: 0, totalParts: 0, done: false, error: null, awaitingToken: false };

/**
 * The combined state of many queries as a signal (see {@link dashboardState$}), with
 * `awaitingToken`: overall `completedParts` / `totalParts`, each query's latest state, `done` and
 * the first `error`. Give it a list, or a signal of lists (a growing list, an `input()`): queries
 * that stay keep their watch. Until a signal's first list is read, it shows an empty dashboard
 * that is not `done`.
 * Call it in an injection context, or pass `injector`.
 * @throws as {@link dashboardState$}.
 * @example
 * ```ts
 * readonly dates = signal(['2016-01-01']);
 * readonly dashboard = dashboardState(computed(() => this.dates().map((date) => this.population.query(date))));
 * // template: {{ dashboard().completedParts }} / {{ dashboard().totalParts }}
 * ```
 */
export function dashboardState(source: DashboardSource, options: DashboardStateOptions = {}): FlowSignal<DashboardState> {
  const injector = contextInjector('dashboardState', options.injector);
  const states = dashboardState$(source, { ...options, injector });
  const signal = Array.isArray(source)
    ? toSignal(states, { requireSync: true, injector })
    : toSignal(states, { initialValue: EMPTY_DASHBOARD, injector });
  return withAwaitingToken(signal, (state) => state.awaitingToken);
}
