/**
 * A query's result for a component: `queryResult` (a signal) and `queryResult$` (an observable
 * for the `async` pipe), pending until the result is in, never failing.
 * @module
 */
import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, startWith, type Observable } from 'rxjs';
import type { APIQuery, GetResultOptions, ResultFormat, ResultFormats } from '../index.js';
import { contextInjector, inAngular, type InjectorOption } from './in-angular.js';
import type { FailedState } from './query-state.js';

/** The result is not in yet: the query is running, or the result is downloading. */
export interface PendingResult {
  readonly status: 'pending';
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

/** Options of {@link queryResult} and {@link queryResult$}: `format`, the watch's options and an injector. */
export interface QueryResultOptions<F extends ResultFormat = 'json'> extends GetResultOptions<F>, InjectorOption {}

const PENDING: PendingResult = { status: 'pending' };

/**
 * A query's result as an observable of {@link QueryResult}: `pending` at once, then `ready`
 * with the value (see `APIQuery.getResult`, which runs the query when needed) or `failed`.
 * Polls run outside Angular's zone, values arrive inside it, and the download is cancelled
 * when the calling context is destroyed. Call it in an injection context, or pass `injector`.
 * @throws TypeError for an unknown format, before anything is sent.
 */
export function queryResult$<F extends ResultFormat = 'json'>(
  query: APIQuery,
  options: QueryResultOptions<F> = {},
): Observable<QueryResult<ResultFormats[F]>> {
  const { injector, ...get } = options;
  const context = contextInjector(queryResult$, injector);
  return query.getResult<F>(get).pipe(
    map((value): QueryResult<ResultFormats[F]> => ({ status: 'ready', value })),
    startWith<QueryResult<ResultFormats[F]>>(PENDING),
    catchError((error: unknown) => of<QueryResult<ResultFormats[F]>>({ status: 'failed', error })),
    inAngular(context),
  );
}

/**
 * A query's result as a signal of {@link QueryResult} (see {@link queryResult$}): `pending`
 * at once, then `ready` or `failed`. Fetching starts now and is cancelled when the calling
 * context (the component) is destroyed. Call it in an injection context, or pass `injector`.
 * @example
 * ```ts
 * readonly rows = queryResult(query);
 * // template: @if (rows(); as r) { @if (r.status === 'ready') { {{ r.value.length }} rows } }
 * ```
 */
export function queryResult<F extends ResultFormat = 'json'>(
  query: APIQuery,
  options: QueryResultOptions<F> = {},
): Signal<QueryResult<ResultFormats[F]>> {
  const injector = contextInjector(queryResult, options.injector);
  return toSignal(queryResult$<F>(query, { ...options, injector }), { requireSync: true, injector });
}
