/**
 * A query's live state for a component: `queryState` (a signal) and `queryState$` (an
 * observable for the `async` pipe), never failing, so a template can bind to it directly.
 * @module
 */
import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, defer, of, startWith, type Observable } from 'rxjs';
import type { Watchable, WatchOptions, WatchState } from '../index.js';
import { contextInjector, inAngular, type InjectorOption } from './in-angular.js';

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

/** A query's state as a view shows it: starting, one of its {@link WatchState}s, or failed. */
export type QueryState = StartingState | WatchState | FailedState;

/** Options of {@link queryState} and {@link queryState$}: the watch's options and an injector. */
export interface QueryStateOptions extends WatchOptions, InjectorOption {}

const STARTING: StartingState = { status: 'starting' };

/**
 * A query's life as an observable of {@link QueryState}: `starting` at once, then every state
 * of its watch (running it first if it has no id), ending after the final one, or `failed`.
 * Polls run outside Angular's zone, values arrive inside it, and the stream ends when the
 * calling context is destroyed. Call it in an injection context, or pass `injector`.
 * @example
 * ```ts
 * readonly state$ = queryState$(inject(FLOW_CONNECTION).makeApiQuery(spec));
 * // template: @if (state$ | async; as state) { {{ state.status }} }
 * ```
 */
export function queryState$(query: Watchable, options: QueryStateOptions = {}): Observable<QueryState> {
  const { injector, ...watch } = options;
  const context = contextInjector(queryState$, injector);
  return defer(() => ('watch' in query ? query.watch(watch) : query)).pipe(
    startWith<QueryState>(STARTING),
    catchError((error: unknown) => of<QueryState>({ status: 'failed', error })),
    inAngular(context),
  );
}

/**
 * A query's life as a signal of {@link QueryState} (see {@link queryState$}): `starting` at
 * once, then every state of its watch. Watching starts now and stops when the calling context
 * (the component) is destroyed. Call it in an injection context, or pass `injector`.
 * @example
 * ```ts
 * readonly state = queryState(inject(FLOW_CONNECTION).makeApiQuery(spec));
 * // template: {{ state().status }}
 * ```
 */
export function queryState(query: Watchable, options: QueryStateOptions = {}): Signal<QueryState> {
  const injector = contextInjector(queryState, options.injector);
  return toSignal(queryState$(query, { ...options, injector }), { requireSync: true, injector });
}
