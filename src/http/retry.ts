/**
 * Retrying transient failures as an RxJS operator: network errors, timeouts, 502/503/504 and 429
 * (honouring `Retry-After`) are retried with exponential backoff and jitter; other 4xx never.
 * @module
 */
import { retry, throwError, timer, type MonoTypeOperatorFunction, type SchedulerLike } from 'rxjs';
import { isFlowclientError, isNetworkError, isResponseTooLargeError } from '../errors.js';
import { shownValue } from './route.js';

/** How a connection retries transient failures. */
export interface RetryConfig {
  /** Retries after the first attempt. @defaultValue 3 */
  readonly count: number;
  /** Delay before the first retry, in ms; doubles on each further retry. @defaultValue 250 */
  readonly baseDelayMs: number;
  /** Longest delay between two attempts, in ms (a server's `Retry-After` may ask for longer). @defaultValue 4000 */
  readonly maxDelayMs: number;
}

/** The retry settings a connection uses unless told otherwise. */
export const DEFAULT_RETRY: RetryConfig = { count: 3, baseDelayMs: 250, maxDelayMs: 4000 };

/** HTTP statuses worth another attempt. */
export const TRANSIENT_STATUSES: readonly number[] = [429, 502, 503, 504];

/**
 * True for failures that may pass if tried again: no reply at all, or 429/502/503/504. A body
 * over `maxResponseBytes` (`ResponseTooLargeError`) never is, whatever its status.
 */
export function isTransient(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  if (isResponseTooLargeError(error)) return false;
  return isFlowclientError(error) && error.status !== undefined && TRANSIENT_STATUSES.includes(error.status);
}

/**
 * Delay before retry number `attempt` (1-based): exponential, capped at `maxDelayMs`, with
 * "equal jitter" (between half and all of the exponential delay) so clients do not retry in step.
 * @param random - a source of numbers in [0, 1); injectable for tests
 */
export function backoffDelay(attempt: number, config: RetryConfig, random: () => number = Math.random): number {
  const exponential = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/** Options of {@link retryTransient}, for tests. */
export interface RetryOptions {
  /** Scheduler for the waits (a `TestScheduler` in marble tests). */
  readonly scheduler?: SchedulerLike;
  /** Source of jitter in [0, 1). @defaultValue Math.random */
  readonly random?: () => number;
  /** Called before each retry with its number and delay (for logging or counting). */
  readonly onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/**
 * Resubscribe to the source after a transient failure, at most `config.count` times, waiting
 * {@link backoffDelay} (or the server's `Retry-After`, when it asks for longer). Any other
 * error, or the last transient one, passes through. `false` turns retrying off.
 */
export function retryTransient<T>(config: RetryConfig | false, options: RetryOptions = {}): MonoTypeOperatorFunction<T> {
  if (config === false || config.count <= 0) return (source) => source;
  return retry<T>({
    count: config.count,
    delay: (error: unknown, attempt: number) => {
      if (!isTransient(error)) return throwError(() => error);
      const asked = isFlowclientError(error) ? (error.retryAfterMs ?? 0) : 0;
      const delayMs = Math.max(asked, backoffDelay(attempt, config, options.random));
      options.onRetry?.(attempt, delayMs, error);
      return timer(delayMs, options.scheduler);
    },
  });
}

/**
 * Check a `retry` option: `false`, or an object of {@link RetryConfig}'s keys (each optional), `count` a
 * non-negative integer, the delays non-negative numbers of ms.
 * @param caller - the function named in the error, e.g. `connect`
 * @throws TypeError naming `retry` or the bad key, with the value given.
 */
export function checkRetryOption(retry: unknown, caller: string): void {
  if (retry === undefined || retry === false) return;
  const keys = Object.keys(DEFAULT_RETRY);
  if (typeof retry !== 'object' || retry === null || Array.isArray(retry)) {
    throw new TypeError(`${caller}: retry must be false or an object of ${keys.join(', ')} (got ${shownValue(retry)})`);
  }
  for (const [key, value] of Object.entries(retry)) {
    if (!keys.includes(key)) throw new TypeError(`${caller}: retry has no option "${key}"; options are ${keys.join(', ')}`);
    if (value === undefined) continue;
    const ok = typeof value === 'number' && value >= 0 && (key === 'count' ? Number.isInteger(value) : Number.isFinite(value));
    if (!ok) {
      const wanted = key === 'count' ? 'a non-negative integer' : 'a non-negative number of ms';
      throw new TypeError(`${caller}: retry.${key} must be ${wanted} (got ${shownValue(value)})`);
    }
  }
}
