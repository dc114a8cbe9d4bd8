/**
 * One poll loop per (connection, query id), shared by every watcher: 1 or 1,000 subscribers
 * cause one poll per tick, a late subscriber gets the current state at once, and polling stops
 * when the last one leaves (the server's job runs on: watching is not cancelling).
 * @module
 */
import { ReplaySubject, finalize, share, skip, take, type Observable } from 'rxjs';
import type { Connection } from '../connection.js';
import { pollQuery } from './poll-query.js';
import { DEFAULT_RETRY } from '../http/retry.js';
import { pollSchedule, type PollSchedule } from './poll-schedule.js';
import { statusStream } from './status-stream.js';
import type { WatchState } from './watch-state.js';

/** Options of a watch. The first watcher of a query sets them for everyone sharing its loop. */
export interface WatchOptions extends Partial<PollSchedule> {
  /** Progress unchanged this long (ms) marks the state `stalled`. @defaultValue 60000 */
  readonly stallAfterMs?: number;
  /**
   * On an auth failure (401/422), wait for the connection's next token and go on (`true`), or end
   * the watch with the error (`false`, for one-shot programs that will get no new token).
   * @defaultValue true
   */
  readonly waitForNewToken?: boolean;
  /** Transient failures (network, 429, 502–504) ridden out in a row before the watch fails. @defaultValue Infinity */
  readonly transientRetries?: number;
}

/** Default stall time, in ms. */
export const DEFAULT_STALL_AFTER_MS = 60_000;

const loops = new WeakMap<Connection, Map<string, Observable<WatchState>>>();

/**
 * The shared stream of states of `queryId` on `connection` (see {@link statusStream}).
 * Auth failures pause the loop until the connection's token changes (unless `waitForNewToken` is false).
 */
export function watchQuery(connection: Connection, queryId: string, options: WatchOptions = {}): Observable<WatchState> {
  let perConnection = loops.get(connection);
  if (perConnection === undefined) {
    perConnection = new Map();
    loops.set(connection, perConnection);
  }
  const existing = perConnection.get(queryId);
  if (existing) return existing;
  const registry = perConnection;
  const schedule = pollSchedule(options);
  const shared: Observable<WatchState> = statusStream(queryId, () => pollQuery({ connection, queryId }), {
    schedule,
    stallAfterMs: options.stallAfterMs ?? DEFAULT_STALL_AFTER_MS,
    backoff: {
      ...DEFAULT_RETRY,
      count: options.transientRetries ?? Infinity,
      maxDelayMs: Math.max(schedule.pollInterval, DEFAULT_RETRY.maxDelayMs),
    },
    ...(options.waitForNewToken === false ? {} : { authRecovered: () => connection.token$.pipe(skip(1), take(1)) }),
  }).pipe(
    finalize(() => {
      if (registry.get(queryId) === shared) registry.delete(queryId);
    }),
    share({ connector: () => new ReplaySubject<WatchState>(1), resetOnError: true, resetOnComplete: true, resetOnRefCountZero: true }),
  );
  registry.set(queryId, shared);
  return shared;
}
