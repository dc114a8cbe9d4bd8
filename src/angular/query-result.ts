/**
 * A query's result for a component: `queryResult` (a signal) and `queryResult$` (an observable
 * for the `async` pipe), pending until the result is in, never failing.
 * @module
 */
import { isSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { EMPTY, catchError, connect, distinctUntilChanged, isObservable, map, merge, startWith, takeUntil, type Observable } from 'rxjs';
import { RESULT_FORMATS, checkWatchOptions, type APIQuery, type GetResultOptions, type ResultFormat, type ResultFormats, type WatchState } from '../index.js';
import { contextInjector, type InjectorOption } from './in-angular.js';
import { failed, followState, type Source } from './query-source.js';
import { withAwaitingToken, type FlowSignal } from './flow-signal.js';
import { isAwaitingToken, type FailedState } from './query-state.js';

/** The result is not in yet: the query is running, or the result is downloading. */
export interface PendingResult {
  readonly status: 'pending';
  /** Present and true while polls are refused for authentication: waiting for a new token. */
  readonly awaitingToken?: true;
}

/** The result is in. */
export interface ReadyResult<T> {
  readonly status: 'ready';
  /** Rows (`json`), a FeatureCollection (`geojson`) or CSV text (`csv`). */
  readonly value: T;
}

/**
 * A query's result as a view shows it: pending, ready with the value, or failed (the query
 * errored — a `QueryFailedError` — or could not be run or fetched).
 */
export type QueryResult<T> = PendingResult | ReadyResult<T> | FailedState;

/**
 * Options of {@link queryResult} and {@link queryResult$}: `format`, the watch's options and an
 * injector. `waitForNewToken` defaults to true here: an expired token pauses the result (pending
 * with `awaitingToken`) until the connection gets a new one, instead of failing.
 */
export interface QueryResultOptions<F extends ResultFormat = 'json'> extends GetResultOptions<F>, InjectorOption {}

/** What {@link queryResult} fetches: an `APIQuery`, or queries over time (an observable, or a signal such as an `input()`). */
export type QueryResultSource = Source<APIQuery>;

const PENDING: PendingResult = { status: 'pending' };
const AWAITING: PendingResult = { status: 'pending', awaitingToken: true };

const pendingOf = (state: WatchState): PendingResult => (isAwaitingToken(state) ? AWAITING : PENDING);

/** `pending` (with `awaitingToken` from the query's watch) until the result of one query is in. */
function resultOf<F extends ResultFormat>(query: APIQuery, options: GetResultOptions<F>): Observable<QueryResult<ResultFormats[F]>> {
  const { format: _format, ...watch } = options;
  return query.getResult<F>(options).pipe(
    map((value): QueryResult<ResultFormats[F]> => ({ status: 'ready', value })),
    catchError(failed),
    // the watch shares the download's poll loop: it only tells when polls wait for a token
    connect((result) => merge(result, query.watch(watch).pipe(map(pendingOf), catchError(() => EMPTY), takeUntil(result)))),
    startWith<QueryResult<ResultFormats[F]>>(PENDING),
    distinctUntilChanged(),
  );
}

/**
 * A query's result as an observable of {@link QueryResult}: `pending` at once (with
 * `awaitingToken` while polls are refused for authentication), then `ready` with the value (see
 * `APIQuery.getResult`, which runs the query when needed) or `failed`. Given queries over time
 * (an observable or signal of them), it follows them: `pending` again for each new query, the
 * previous download cancelled. Polls run outside Angular's zone, values arrive inside it, and
 * the download is cancelled when the calling context is destroyed. Call it in an injection
 * context, or pass `injector`.
 * @throws TypeError for an unknown format or a bad watch option, before anything is sent;
 * {@link InjectionContextError} outside an injection context without `injector`.
 */
export function queryResult$<F extends ResultFormat = 'json'>(
  source: QueryResultSource,
  options: QueryResultOptions<F> = {},
): Observable<QueryResult<ResultFormats[F]>> {
  const { injector, ...get } = options;
  const context = contextInjector('queryResult$', injector);
  const { format = 'json', ...watch } = get;
  checkWatchOptions(watch, 'queryResult');
  if (!RESULT_FORMATS.includes(format)) throw new TypeError(`queryResult: invalid format '${String(format)}'. Expected one of 'json', 'geojson', 'csv'.`);
  const fetch = { waitForNewToken: true, ...get };
  const isQuery = (s: QueryResultSource): s is APIQuery => !isObservable(s) && !isSignal(s);
  return followState<APIQuery, QueryResult<ResultFormats[F]>>(source, isQuery, context, (query) => resultOf<F>(query, fetch), PENDING);
}

/**
 * A query's result as a signal of {@link QueryResult} (see {@link queryResult$}), with
 * `awaitingToken`: `pending` at once, then `ready` or `failed`. Give it a query, or a component's
 * `input()` of queries to follow. Fetching starts now and is cancelled when the calling context
 * (the component) is destroyed. Call it in an injection context, or pass `injector`.
 * @throws as {@link queryResult$}.
 * @example
 * ```ts
 * readonly rows = queryResult(query);
 * // template: @if (rows(); as r) { @if (r.status === 'ready') { {{ r.value.length }} rows } }
 * ```
 */
export function queryResult<F extends ResultFormat = 'json'>(
  source: QueryResultSource,
  options: QueryResultOptions<F> = {},
): FlowSignal<QueryResult<ResultFormats[F]>> {
  const injector = contextInjector('queryResult', options.injector);
  const signal = toSignal(queryResult$<F>(source, { ...options, injector }), { requireSync: true, injector });
  return withAwaitingToken(signal, (result) => result.status === 'pending' && result.awaitingToken === true);
}
