/**
 * How commands wait for the server: every wait ends on Ctrl-C, and a wait for a query's result
 * draws its progress (when asked) and ends when the server stops accepting the token.
 * @module
 */
import { EMPTY, ignoreElements, lastValueFrom, merge, type Observable } from 'rxjs';
import { getStatus, type Connection, type Watchable } from '../src/index.js';
import { failWhen, interruption, tokenRefusal } from './guards.js';
import type { CommandIo } from './io.js';
import { liveStatus } from './live-status.js';

/** The last value of `source`; rejects with `InterruptedError` on SIGINT/SIGTERM. */
export function settle<T>(source: Observable<T>, io: CommandIo): Promise<T> {
  return lastValueFrom(source.pipe(failWhen<T>(interruption(io.signal))));
}

/** What {@link awaitResult} watches and where it draws. */
export interface AwaitResultOptions {
  /** The connection the query runs on. */
  readonly connection: Connection;
  /** The query's id (probed when the token expires). */
  readonly queryId: string;
  /** The query's states to draw: its `APIQuery`, or `watchQuery(connection, id)`. */
  readonly states: Watchable;
  /** Label of the progress bar. */
  readonly label: string;
  /** Draw progress on stderr. */
  readonly progress: boolean;
  /** The command's streams. */
  readonly io: CommandIo;
}

/**
 * The value of `result` (which waits for the query itself), with the query's progress drawn
 * meanwhile; both share the library's one poll loop per query. Fails on interrupt, and with the
 * server's auth error once the token has expired and the server refuses it.
 */
export function awaitResult<T>(result: Observable<T>, options: AwaitResultOptions): Promise<T> {
  const { connection, queryId, states, label, progress, io } = options;
  const display = progress ? liveStatus([states], { stream: io.stderr, labels: [label] }).pipe(ignoreElements()) : EMPTY;
  const refused = tokenRefusal(connection, () => getStatus({ connection, queryId }));
  return settle(merge(display, result).pipe(failWhen<T>(refused)), io);
}
