/**
 * One poll loop per (connection, query id), shared by every watcher: 1 or 1,000 subscribers
 * cause one poll per tick, a late subscriber gets the current state at once, and polling stops
 * when the last one leaves (the server's job runs on: watching is not cancelling).
 * @module
 */
import { map, skip, type Observable } from 'rxjs';
import { AuthenticationError } from '../errors.js';
import type { Connection } from '../connection.js';
import { pollQuery } from './poll-query.js';
import { DEFAULT_RETRY } from '../http/retry.js';
import { shownValue } from '../http/route.js';
import { pollSchedule, type PollSchedule } from './poll-schedule.js';
import { PollLoop, watchLoop, type PollLoopOptions } from './poll-loop.js';
import type { PollOutcome } from './poll-outcome.js';
import { PollBudget } from './poll-budget.js';
import { DURATION_MEMORY } from './poll-estimate.js';
import { decider, pollStrategyProblem, type PollStrategy } from './poll-strategy.js';
import { takeRunReading } from './run-readings.js';
import { RecentReadings } from './recent-readings.js';
import type { CompletedState, WatchState } from './watch-state.js';

/** The shortest `pollInterval` a watch accepts, in ms. */
export const MIN_POLL_INTERVAL_MS = 100;

/** Options of a watch. The first watcher of a query sets them for everyone sharing its loop. */
export interface WatchOptions extends Partial<PollSchedule> {
  /**
   * How polls are spaced: `'predictive'` (from the server's progress and the connection's recent
   * query durations: sparse far from the expected end, dense around it), `'eager'` (age-based:
   * fastest notice, several times the requests), or a function of the watch's context giving the
   * wait in ms. `pollInterval` (ms, at least 100) bounds every wait.
   * @defaultValue the connection's `pollStrategy` (`'predictive'`)
   */
  readonly pollStrategy?: PollStrategy;
  /** Progress unchanged this long (ms) marks the state `stalled`. @defaultValue 60000 */
  readonly stallAfterMs?: number;
  /**
   * On an auth failure (401/422), wait for the connection's next token and go on (`true`: states
   * carry `awaitingToken: true` meanwhile), or end this watcher's stream with the
   * `AuthenticationError` (`false`, for one-shot programs that will get no new token). The poll
   * loop itself waits while any other watcher still wants the query.
   * @defaultValue true for `watch()`; for one-shot calls (`getResult()`, `waitUntilReady()`),
   * true only when the connection has a `tokenRefresher`
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
  readonly budget: PollBudget;
  /** Recent durations of completed queries, ms, newest last. */
  readonly durations: number[];
  /** Queries a loop just saw completed: a one-shot call right after a watch needs no poll. */
  readonly completed: RecentReadings<CompletedState>;
}

/** How long a watch's `completed` stands in for a one-shot call's poll, ms. */
const COMPLETED_TTL_MS = 30_000;

const watches = new WeakMap<Connection, ConnectionWatches>();

/**
 * The shared stream of states of `queryId` on `connection` (see {@link statusStream}): one
 * {@link PollLoop} per connection and id while anyone watches, whoever subscribes.
 * Auth failures pause the loop until the connection's token changes (unless `waitForNewToken` is false).
 */
export function watchQuery(connection: Connection, queryId: string, options: WatchOptions = {}): Observable<WatchState> {
  checkWatchOptions(options, 'watchQuery');
  const states = watchLoop(() => loopFor(connection, queryId, options));
  return options.waitForNewToken === false ? states.pipe(map(failOnAuthPause)) : states;
}

/** A paused state ends a watcher that will not wait for a token: with the refusal. */
function failOnAuthPause(state: WatchState): WatchState {
  if ('awaitingToken' in state && state.awaitingToken === true) {
    throw state.authError ?? new AuthenticationError('Polls are refused for authentication; no new token was waited for.', { route: `poll/${state.queryId}` });
  }
  return state;
}

/** The running loop of `queryId` on `connection`, or a new one that forgets itself when it stops. */
function loopFor(connection: Connection, queryId: string, options: WatchOptions): PollLoop {
  const shared = watchesOf(connection);
  const running = shared.loops.get(queryId);
  if (running !== undefined) return running;
  const loopOptions = isDefault(options) ? shared.defaults : optionsFor(connection, options, shared);
  const loop = new PollLoop(queryId, shared.poll, loopOptions, shared.forget);
  shared.loops.set(queryId, loop);
  return loop;
}

function watchesOf(connection: Connection): ConnectionWatches {
  let shared = watches.get(connection);
  if (shared === undefined) {
    const loops = new Map<string, PollLoop>();
    const durations: number[] = [];
    const completed = new RecentReadings<CompletedState>(COMPLETED_TTL_MS);
    const budget = new PollBudget(connection.polling.maxPollsPerSecond);
    const partial = { loops, durations, budget };
    shared = {
      ...partial,
      completed,
      poll: (queryId) => pollQuery({ connection, queryId }),
      forget: (loop) => {
        if (loops.get(loop.queryId) === loop) loops.delete(loop.queryId);
        const state = loop.state;
        if (state?.status === 'completed') completed.put(loop.queryId, state);
        else completed.drop(loop.queryId); // only the latest final state counts
      },
      defaults: optionsFor(connection, {}, partial),
    };
    watches.set(connection, shared);
  }
  return shared;
}

/**
 * The completed state a watch of `queryId` on `connection` saw in the last 30 s, once (taken
 * entries are forgotten): a `getResult()` right after `watch()` goes straight to the download.
 */
export function takeRecentCompletion(connection: Connection, queryId: string): CompletedState | undefined {
  return watches.get(connection)?.completed.take(queryId);
}

/** The poll budget of a connection's watches (counters for monitors and the bench). */
export function pollBudgetOf(connection: Connection): PollBudget {
  return watchesOf(connection).budget;
}

function isDefault(options: WatchOptions): boolean {
  return Object.entries(options).every(([key, value]) => key === 'waitForNewToken' || value === undefined); // a watcher's own choice
}

/**
 * Check a watch's options before anything is sent.
 * @param caller - the function named in the error, e.g. `watch` or `getResult`
 * @throws TypeError `<caller>: <option> …` with the value given (a `pollInterval` under 100 says it is in milliseconds).
 */
export function checkWatchOptions(options: WatchOptions, caller = 'watchQuery'): void {
  const { pollInterval, pollStrategy, stallAfterMs, transientRetries, firstWaitMs, waitForNewToken } = options;
  if (pollInterval !== undefined) {
    if (typeof pollInterval !== 'number' || !Number.isFinite(pollInterval)) {
      throw new TypeError(`${caller}: pollInterval must be a number of milliseconds (got ${shownValue(pollInterval)})`);
    }
    if (pollInterval < MIN_POLL_INTERVAL_MS) {
      const python = pollInterval < 0 ? '' : `; for flowclient's poll_interval=${pollInterval} s write ${pollInterval * 1000}`;
      throw new TypeError(`${caller}: pollInterval is in milliseconds and must be at least ${MIN_POLL_INTERVAL_MS} (got ${pollInterval}${python})`);
    }
  }
  const strategyProblem = pollStrategyProblem(pollStrategy);
  if (strategyProblem !== undefined) throw new TypeError(`${caller}: pollStrategy ${strategyProblem}`);
  const nonNegative = { stallAfterMs, transientRetries, firstWaitMs };
  for (const [name, value] of Object.entries(nonNegative)) {
    if (value !== undefined && !(typeof value === 'number' && value >= 0 && !Number.isNaN(value))) {
      throw new TypeError(`${caller}: ${name} must be a non-negative number (got ${shownValue(value)})`);
    }
  }
  if (waitForNewToken !== undefined && typeof waitForNewToken !== 'boolean') {
    throw new TypeError(`${caller}: waitForNewToken must be true or false (got ${shownValue(waitForNewToken)})`);
  }
}

/** A loop's options from a watch's (checked by {@link watchQuery} already). */
function optionsFor(connection: Connection, options: WatchOptions, shared: Pick<ConnectionWatches, 'durations' | 'budget'>): PollLoopOptions {
  const schedule = pollSchedule(options);
  const { durations, budget } = shared;
  const onDecision = connection.polling.onPollDecision;
  return {
    schedule,
    decide: decider(options.pollStrategy ?? connection.polling.pollStrategy, schedule, onDecision !== undefined),
    durations: () => durations,
    onDuration: (ms) => {
      durations.push(ms);
      if (durations.length > DURATION_MEMORY) durations.shift();
    },
    ...(onDecision === undefined ? {} : { onDecision }),
    budget,
    firstReading: (queryId) => takeRunReading(connection, queryId),
    stallAfterMs: options.stallAfterMs ?? DEFAULT_STALL_AFTER_MS,
    backoff: {
      ...DEFAULT_RETRY,
      count: options.transientRetries ?? Infinity,
      maxDelayMs: Math.max(schedule.pollInterval, DEFAULT_RETRY.maxDelayMs),
    },
    authRecovered: () => connection.token$.pipe(skip(1)),
  };
}
