/**
 * Single-flight: whoever asks for the same key while its work is in flight shares that one
 * piece of work, and the work forgets itself as soon as it gives its value or fails, so the next
 * caller after that starts afresh.
 * @module
 */
import { defer, share, tap, type Observable } from 'rxjs';

/**
 * The work of `key` in `flights`, or `start()` shared (`share()`: refcounted, reset on error,
 * completion and when the last subscriber leaves) and kept in `flights` until it emits, fails,
 * completes or is abandoned. It is forgotten before its value reaches anyone, so a subscriber
 * that asks again from inside its `next` starts new work instead of joining finished work.
 * @example
 * ```ts
 * const inFlight = new Map<string, Observable<string>>();
 * const once = singleFlight(inFlight, spec, () => post(spec)); // two subscribers, one post
 * ```
 */
export function singleFlight<K, T>(flights: Map<K, Observable<T>>, key: K, start: () => Observable<T>): Observable<T> {
  return defer(() => {
    const running = flights.get(key);
    if (running !== undefined) return running;
    const forget = (): void => {
      if (flights.get(key) === flight) flights.delete(key);
    };
    const flight: Observable<T> = defer(start).pipe(
      tap({ next: forget, error: forget, complete: forget, unsubscribe: forget }),
      share(),
    );
    flights.set(key, flight);
    return flight;
  });
}
