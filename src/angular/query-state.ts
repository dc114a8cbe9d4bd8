/**
 * A query's live state for a component: `queryState` (a signal) and `queryState$` (an
 * observable for the `async` pipe), never failing, so a template can bind to it directly.
 * @module
 */
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, concat, defer, isObservable, of, type Observable } from 'rxjs';
import type { Watchable, WatchOptions, WatchState } from '../index.js';
import { contextInjector, type InjectorOption } from './in-angular.js';
import { failed, followState, type Source } from './query-source.js';
import { withAwaitingToken, type FlowSignal } from './flow-signal.js';

/** Watching has started and no state has come yet (the query is being run or first polled). */
export interface StartingState {
  readonly status: 'starting';
}

/**
 * The watch itself failed and ended: the query could not be run (a bad spec, no permission) or
 * a poll hit an error that retries do not cure. Not to be confused with `errored`, the server's
 * verdict on a query that ran.
 */
export interface FailedState {
  readonly status: 'failed';
  /** What the stream failed with, usually a `FlowclientError`. */
  readonly error: unknown;
}

/**
 * A query's state as a view shows it: starting, one of its {@link WatchState}s (a running one
 * has `awaitingToken: true` while polls are refused for authentication), or failed.
 */
export type QueryState = StartingState | WatchState | FailedState;

/** Options of {@link queryState} and {@link queryState$}: the watch's options and an injector. */
export interface QueryStateOptions extends WatchOptions, InjectorOption {}

/**
 * What {@link queryState} watches: an `APIQuery` (or an `Observable<WatchState>`), or the
 * query over time: an observable of queries, or a signal of them such as a component's `input()`.
 */
export type QueryStateSource = Source<Watchable>;

const STARTING: StartingState = { status: 'starting' };

const isWatchable = (value: Watchable | WatchState): value is Watchable => isObservable(value) || 'watch' in value;

/** `starting`, then the states of one query; a failed watch becomes `failed`. */
function statesOf(value: Watchable | WatchState, options: WatchOptions): Observable<QueryState> {
  if (!isWatchable(value)) return of(value); // a state of a watched stream of states
  return concat(
    of(STARTING),
    defer(() => ('watch' in value ? value.watch(options) : value)),
  ).pipe(catchError(failed));
}

/**
 * A query's life as an observable of {@link QueryState}: `starting` at once, then every state
 * of its watch (running it first if it has no id), ending after the final one, or `failed`.
 * Given queries over time (an observable or signal of them), it follows them: each new query
 * starts at `starting` again and the previous watch stops.
 * Polls run outside Angular's zone, values arrive inside it, and the stream ends when the
 * calling context is destroyed. Call it in an injection context, or pass `injector`.
 * @throws {@link InjectionContextError} outside an injection context without `injector`.
 * @example
 * ```ts
 * readonly state$ = queryState$(inject(FLOW_CONNECTION).makeApiQuery(spec));
 * // template: @if (state$ | async; as state) { {{ state.status }} }
 * ```
 */
export function queryState$(source: QueryStateSource, options: QueryStateOptions = {}): Observable<QueryState> {
  const { injector, ...watch } = options;
  const context = contextInjector('queryState$', injector);
  return followState(source, (s): s is Watchable => !isObservable(s), context, (value: Watchable | WatchState) => statesOf(value, watch), STARTING);
}

/** True for a running state whose polls are refused for authentication. */
export function isAwaitingToken(state: QueryState): boolean {
  return 'awaitingToken' in state && state.awaitingToken === true;
}

/**
 * A query's life as a signal of {@link QueryState} (see {@link queryState$}), with
 * `awaitingToken`: `starting` at once, then every state of its watch. Give it a query, or a
 * component's `input()` of queries to follow. Watching starts now and stops when the calling
 * context (the component) is destroyed. Call it in an injection context, or pass `injector`.
 * @throws {@link InjectionContextError} outside an injection context without `injector`.
 * @example
 * ```ts
 * readonly query = input.required<APIQuery>();
 * readonly state = queryState(this.query);
 * // template: {{ state().status }} @if (state.awaitingToken()) { (sign in again) }
 * ```
 */
export function queryState(source: QueryStateSource, options: QueryStateOptions = {}): FlowSignal<QueryState> {
  const injector = contextInjector('queryState', options.injector);
  return withAwaitingToken(toSignal(queryState$(source, { ...options, injector }), { requireSync: true, injector }), isAwaitingToken);
}
