/**
 * How the Angular helpers bind a library stream to the caller's context: the work (timers,
 * requests) runs outside Angular's zone, each value is delivered inside it, and the stream ends
 * when the context is destroyed. Zoneless, the zone parts do nothing.
 * @module
 */
import { DestroyRef, Injector, NgZone, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, type MonoTypeOperatorFunction } from 'rxjs';
import { InjectionContextError } from './injection-context-error.js';

/** The option every helper takes to run outside an injection context. */
export interface InjectorOption {
  /**
   * The injector whose zone and `DestroyRef` to use, when the helper is called outside an
   * injection context (e.g. in `ngOnInit` or an event handler: pass the component's `inject(Injector)`).
   * @defaultValue the current injection context's
   */
  readonly injector?: Injector;
}

/**
 * The caller's injector: `injector` if given, else the current injection context's.
 * @throws {@link InjectionContextError} naming `helper`, outside an injection context.
 */
export function contextInjector(helper: string, injector: Injector | undefined): Injector {
  if (injector !== undefined) return injector;
  try {
    return inject(Injector);
  } catch (cause) {
    throw new InjectionContextError(helper, cause);
  }
}

/**
 * Subscribe to the source outside Angular's zone (its polling timers never keep a zone app
 * unstable, nor run change detection on each tick), deliver each value, error and completion
 * inside it (so views update in zone apps, even for plain fields), and unsubscribe when
 * `injector`'s context is destroyed.
 */
export function inAngular<T>(injector: Injector): MonoTypeOperatorFunction<T> {
  const zone = injector.get(NgZone);
  const destroyRef = injector.get(DestroyRef);
  return (source) =>
    new Observable<T>((subscriber) =>
      zone.runOutsideAngular(() =>
        source.subscribe({
          next: (value) => zone.run(() => subscriber.next(value)),
          error: (error: unknown) => zone.run(() => subscriber.error(error)),
          complete: () => zone.run(() => subscriber.complete()),
        }),
      ),
    ).pipe(takeUntilDestroyed(destroyRef));
}
