/**
 * One poll loop per (connection, query id), shared by every watcher: 1 or 1,000 subscribers
 * cause one poll per tick, a late subscriber gets the current state at once, and polling stops
 * when the last one leaves (the server's job runs on: watching is not cancelling).
 * @module
 */
import { skip, type Observable } from 'rxjs';
import type { Connection } from '../connection.js';
import { pollQuery } from './poll-query.js';
import { DEFAULT_RETRY } from '../http/retry.js';
import { pollSchedule, type PollSchedule } from './poll-schedule.js';
import { PollLoop, watchLoop, type PollLoopOptions } from './poll-loop.js';
import type { PollOutcome } from './poll-outcome.js';
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

/** What one connection's watches share: the running loops by id, the poll, the default options. */
interface ConnectionWatches {
  readonly loops: Map<string, PollLoop>;
  readonly poll: (queryId: string) => Observable<PollOutcome>;
  readonly forget: (loop: PollLoop) => void;
  readonly defaults: PollLoopOptions;
}

const watches = new WeakMap<Connection, ConnectionWatches>();

/**
 * The shared stream of states of `queryId` on `connection` (see {@link statusStream}): one
 * {@link PollLoop} per connection and id while anyone watches, whoever subscribes.
 * Auth failures pause the loop until the connection's token changes (unless `waitForNewToken` is false).
 */
export function watchQuery(connection: Connection, queryId: string, options: WatchOptions = {}): Observable<WatchState> {
  return watchLoop(() => loopFor(connection, queryId, options));
}

/** The running loop of `queryId` on `connection`, or a new one that forgets itself when it stops. */
function loopFor(connection: Connection, queryId: string, options: WatchOptions): PollLoop {
  const shared = watchesOf(connection);
  const running = shared.loops.get(queryId);
  if (running !== undefined) return running;
  const loopOptions = isDefault(options) ? shared.defaults : optionsFor(connection, options);
  const loop = new PollLoop(queryId, shared.poll, loopOptions, shared.forget);
  shared.loops.set(queryId, loop);
  return loop;
}

function watchesOf(connection: Connection): ConnectionWatches {
  let shared = watches.get(connection);
  if (shared === undefined) {
    const loops = new Map<string, PollLoop>();
    shared = {
      loops,
      poll: (queryId) => pollQuery({ connection, queryId }),
      forget: (loop) => {
        if (loops.get(loop.queryId) === loop) loops.delete(loop.queryId);
      },
      defaults: optionsFor(connection, {}),
    };
    watches.set(connection, shared);
  }
  return shared;
}

function isDefault(options: WatchOptions): boolean {
  return Object.values(options).every((value) => value === undefined);
}

function optionsFor(connection: Connection, options: WatchOptions): PollLoopOptions {
  const schedule = pollSchedule(options);
  return {
    schedule,
    stallAfterMs: options.stallAfterMs ?? DEFAULT_STALL_AFTER_MS,
    backoff: {
      ...DEFAULT_RETRY,
      count: options.transientRetries ?? Infinity,
      maxDelayMs: Math.max(schedule.pollInterval, DEFAULT_RETRY.maxDelayMs),
    },
    ...(options.waitForNewToken === false ? {} : { authRecovered: () => connection.token$.pipe(skip(1)) }),
  };
}
