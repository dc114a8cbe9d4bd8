/**
 * What the Angular helpers watch: a value, an observable of values, or a signal of values (a
 * component's `input()`), as one observable that switches when the value changes.
 * @module
 */
import { isSignal, type Injector, type Signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { catchError, distinctUntilChanged, isObservable, of, startWith, switchMap, type Observable } from 'rxjs';
import { inAngular } from './in-angular.js';
import type { FailedState } from './query-state.js';

/**
 * A value, or values over time: an `Observable` of them, or a `Signal` of them (e.g. a
 * component's `input()`). A helper given one follows it: when a new value comes, it stops
 * watching the old one and watches the new.
 */
export type Source<T> = T | Observable<T> | Signal<T>;

/**
 * Follow a changing source: `watch(value)` for each value, the previous watch stopped (a signal
 * is read in an effect of `injector`, so a required `input()` is read once it is set). A plain
 * value is watched once; `fixed` tells a plain value that is itself observable (a stream of
 * states) from an observable of values.
 */
export function follow<T, R>(
  source: Source<T>,
  fixed: (source: Source<T>) => source is T,
  injector: Injector,
  watch: (value: T) => Observable<R>,
): Observable<R> {
  if (isSignal(source)) return toObservable(source, { injector }).pipe(switchMap(watch));
  if (fixed(source) || !isObservable(source)) return watch(source as T);
  return (source as Observable<T>).pipe(switchMap(watch));
}

/** What a stream failed with, as a view's `failed` state. */
export const failed = (error: unknown): Observable<FailedState> => of({ status: 'failed', error });

/**
 * {@link follow} as a view's state: `initial` at once (a signal's first value comes in an
 * effect), repeats dropped, a failure as `failed`, delivered in `injector`'s Angular context (see `inAngular`).
 */
export function followState<T, S>(
  source: Source<T>,
  fixed: (source: Source<T>) => source is T,
  injector: Injector,
  watch: (value: T) => Observable<S>,
  initial: S,
): Observable<S | FailedState> {
  return follow(source, fixed, injector, watch).pipe(startWith(initial), distinctUntilChanged(), catchError(failed), inAngular(injector));
}
