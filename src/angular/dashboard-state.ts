/**
 * Many queries' combined state for a dashboard component: `dashboardState` (a signal) and
 * `dashboardState$` (an observable for the `async` pipe), over the core's `watchAll`.
 * @module
 */
import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { watchAll, type DashboardState, type Watchable, type WatchOptions } from '../index.js';
import { contextInjector, inAngular, type InjectorOption } from './in-angular.js';

/** Options of {@link dashboardState} and {@link dashboardState$}: the watches' options and an injector. */
export interface DashboardStateOptions extends WatchOptions, InjectorOption {}

/**
 * The combined state of many queries as an observable (see `watchAll`): emits at once and on
 * every change, never fails (a query's failure is in `error`). Polls run outside Angular's
 * zone, values arrive inside it, and watching stops when the calling context is destroyed.
 * Call it in an injection context, or pass `injector`.
 */
export function dashboardState$(queries: readonly Watchable[], options: DashboardStateOptions = {}): Observable<DashboardState> {
  const { injector, ...watch } = options;
  const context = contextInjector(dashboardState$, injector);
  return watchAll(queries, watch).pipe(inAngular(context));
}

/**
 * The combined state of many queries as a signal (see {@link dashboardState$}): overall
 * `completedParts` / `totalParts`, each query's latest state, `done` and the first `error`.
 * Call it in an injection context, or pass `injector`.
 * @example
 * ```ts
 * readonly dashboard = dashboardState(dates.map((date) => connection.makeApiQuery(spec(date))));
 * // template: {{ dashboard().completedParts }} / {{ dashboard().totalParts }}
 * ```
 */
export function dashboardState(queries: readonly Watchable[], options: DashboardStateOptions = {}): Signal<DashboardState> {
  const injector = contextInjector(dashboardState, options.injector);
  return toSignal(dashboardState$(queries, { ...options, injector }), { requireSync: true, injector });
}
