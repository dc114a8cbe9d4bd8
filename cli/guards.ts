/**
 * Ways a long wait ends early: an interrupt (Ctrl-C), or a token the server stops accepting.
 * The library's watch pauses on an auth failure until the connection gets a new token, which a
 * one-shot command never supplies; {@link tokenRefusal} turns that silent pause into an error.
 * @module
 */
import {
  EMPTY,
  NEVER,
  Observable,
  asyncScheduler,
  catchError,
  exhaustMap,
  ignoreElements,
  throwError,
  timer,
  type MonoTypeOperatorFunction,
  type SchedulerLike,
} from 'rxjs';
import { isAuthenticationError, isPermissionDeniedError, type Connection } from '../src/index.js';
import { InterruptedError } from './errors.js';

/** Mirror the source, but fail as soon as `guard` fails (the guard's values are ignored). */
export function failWhen<T>(guard: Observable<unknown>): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      const subscription = guard.subscribe({ error: (error: unknown) => subscriber.error(error) });
      subscription.add(source.subscribe(subscriber));
      return subscription;
    });
}

/** Fails with {@link InterruptedError} when `signal` aborts; never emits. */
export function interruption(signal: AbortSignal): Observable<never> {
  return new Observable<never>((subscriber) => {
    const abort = (): void => subscriber.error(new InterruptedError(String(signal.reason ?? 'SIGINT')));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    return () => signal.removeEventListener('abort', abort);
  });
}

/** Options of {@link tokenRefusal}. */
export interface TokenRefusalOptions {
  /** Wait after the token's `exp` before the first probe, ms (clocks differ). @defaultValue 1000 */
  readonly graceMs?: number;
  /** Time between probes while the server still accepts the token, ms. @defaultValue 5000 */
  readonly everyMs?: number;
  /** Scheduler of the waits. @defaultValue asyncScheduler */
  readonly scheduler?: SchedulerLike;
}

/**
 * From the token's expiry on, `probe` the server every few seconds; fails with the probe's
 * authentication or permission error once the server refuses the token. Other probe failures
 * are ignored (the watch rides them out itself). Never emits; never fails for a token without `exp`.
 */
export function tokenRefusal(connection: Connection, probe: () => Observable<unknown>, options: TokenRefusalOptions = {}): Observable<never> {
  const expiresAt = connection.tokenExpiresAt;
  if (expiresAt === null) return NEVER;
  const { graceMs = 1000, everyMs = 5000, scheduler = asyncScheduler } = options;
  return timer(new Date(expiresAt.getTime() + graceMs), everyMs, scheduler).pipe(
    exhaustMap(() =>
      probe().pipe(
        ignoreElements(),
        catchError((error: unknown) =>
          isAuthenticationError(error) || isPermissionDeniedError(error) ? throwError(() => error) : EMPTY,
        ),
      ),
    ),
    ignoreElements(),
  );
}
