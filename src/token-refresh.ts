/**
 * The refresh of an expired token: one call of the connection's `tokenRefresher` shared by every
 * request waiting on the same expired token, bounded in time, and after a failure a growing pause
 * (1 s, 2 s, 4 s … 60 s) during which requests on that same token fail at once with the same error
 * instead of calling the refresher again.
 * @module
 */
import {
  asyncScheduler,
  catchError,
  defer,
  finalize,
  from,
  of,
  shareReplay,
  take,
  tap,
  throwError,
  throwIfEmpty,
  timeout,
  type MonoTypeOperatorFunction,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { AuthenticationError } from './errors.js';

/** Where a new token comes from when FlowAPI says the current one has expired. */
export type TokenRefresher = () => Observable<string> | PromiseLike<string>;

/** The pause after the first failed refresh of a token, in ms; it doubles with each further failure. */
export const REFRESH_BACKOFF_BASE_MS = 1000;

/** The longest pause between two refreshes of the same token, in ms. */
export const REFRESH_BACKOFF_MAX_MS = 60_000;

/**
 * How long requests on a token whose refresh failed `failures` times in a row fail at once
 * before the refresher is asked again: 1 s, 2 s, 4 s … at most 60 s (no jitter).
 */
export function refreshBackoffMs(failures: number): number {
  return Math.min(REFRESH_BACKOFF_MAX_MS, REFRESH_BACKOFF_BASE_MS * 2 ** (Math.max(1, failures) - 1));
}

/** What a {@link TokenRefresh} needs from its connection. */
export interface TokenRefreshOptions {
  /** The connection's refresher. */
  readonly refresher: TokenRefresher;
  /** Longest wait for the refresher's token, in ms; 0 for none. */
  readonly timeoutMs: number;
  /** The connection's current token. */
  readonly current: () => string;
  /** Install a new token (throws when it does not decode). */
  readonly update: (token: string) => void;
  /** Clock of the backoff and scheduler of the timeout. @defaultValue asyncScheduler */
  readonly scheduler?: SchedulerLike;
}

/** The last failed refresh: of which token, with which error, how many times in a row, until when it stands. */
interface FailedRefresh {
  readonly stale: string;
  readonly error: AuthenticationError;
  readonly failures: number;
  readonly until: number;
}

/**
 * A connection's refreshes of expired tokens. {@link since} gives a token newer than the
 * expired one; all callers waiting on the same expired token share one call of the refresher and
 * its outcome, success or failure.
 */
export class TokenRefresh {
  readonly #options: TokenRefreshOptions;
  #attempt: { readonly stale: string; readonly token$: Observable<string> } | undefined;
  #failed: FailedRefresh | undefined;

  constructor(options: TokenRefreshOptions) {
    this.#options = options;
  }

  /**
   * A token newer than `stale`: the current one if it already changed (also when it changed while
   * a refresh was failing), else the token of the shared refresh. Fails with an
   * {@link AuthenticationError} (status 401, serverMessage 'Token has expired') when the refresher
   * fails, gives no token or does not answer in time, and at once, without calling the
   * refresher, while the backoff after a failed refresh of `stale` lasts.
   */
  since(stale: string): Observable<string> {
    return defer(() => {
      const { current } = this.#options;
      if (this.#failed !== undefined && this.#failed.stale !== current()) this.#failed = undefined; // a new token clears it
      if (current() !== stale) return of(current());
      const failed = this.#failed;
      if (failed?.stale === stale && this.#now() < failed.until) return throwError(() => failed.error);
      if (this.#attempt?.stale !== stale) this.#attempt = { stale, token$: this.#refresh(stale) };
      return this.#attempt.token$.pipe(catchError((error: unknown) => (current() === stale ? throwError(() => error) : of(current()))));
    });
  }

  /** One call of the refresher for `stale`, shared, bounded and remembered when it fails. */
  #refresh(stale: string): Observable<string> {
    const { refresher, timeoutMs, update } = this.#options;
    return defer(() => from(refresher())).pipe(
      take(1),
      tap((token) => update(token)),
      catchError((error: unknown) =>
        throwError(() => refreshError(`failed: ${error instanceof Error ? error.message : 'no token'}`, error)),
      ),
      this.#bounded(timeoutMs),
      throwIfEmpty(() => refreshError('gave no token')),
      tap({
        next: () => (this.#failed = undefined),
        error: (error: unknown) => this.#remember(stale, error),
      }),
      finalize(() => {
        if (this.#attempt?.stale === stale) this.#attempt = undefined;
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
  }

  #bounded(timeoutMs: number): MonoTypeOperatorFunction<string> {
    if (timeoutMs === 0) return (source) => source;
    return timeout({
      first: timeoutMs,
      with: () => throwError(() => refreshError(`did not answer within ${timeoutMs} ms`)),
      scheduler: this.#options.scheduler ?? asyncScheduler,
    });
  }

  /** A failed refresh of `stale`: requests on it fail at once for the next backoff window. */
  #remember(stale: string, error: unknown): void {
    this.#attempt = undefined; // before the waiting requests hear of it: a request they start anew meets the backoff
    const failures = this.#failed?.stale === stale ? this.#failed.failures + 1 : 1;
    const authError = error instanceof AuthenticationError ? error : refreshError('failed', error);
    this.#failed = { stale, error: authError, failures, until: this.#now() + refreshBackoffMs(failures) };
  }

  #now(): number {
    return (this.#options.scheduler ?? asyncScheduler).now();
  }
}

function refreshError(what: string, cause?: unknown): AuthenticationError {
  return new AuthenticationError(`Token has expired and the token refresher ${what}`, {
    status: 401,
    serverMessage: 'Token has expired',
    ...(cause === undefined ? {} : { cause }),
  });
}
