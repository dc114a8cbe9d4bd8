/**
 * The argument checks every client function shares. Each throws a TypeError naming the calling
 * function, the argument and the value given (never a token: JWT-shaped text is blanked), at the
 * call, before anything is sent.
 * @module
 */
import type { Connection } from '../connection.js';
import { shownValue } from '../http/route.js';
import { checkQueryId } from '../query/query-id.js';
import { checkWatchOptions, type WatchOptions } from '../query/shared-watch.js';
import type { QuerySpec } from '../specs/types.js';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a {@link Connection} (from `connect()`), or anything with its `getUrl`, `postJson` and `makeApiQuery`. */
export function isConnection(value: unknown): value is Connection {
  return isRecord(value) && ['getUrl', 'postJson', 'makeApiQuery'].every((method) => typeof value[method] === 'function');
}

/**
 * `connection`, when it is one ({@link isConnection}).
 * @param caller - the function named in the error, e.g. `getStatus`
 * @throws TypeError `<caller>: connection must be a Connection from connect() (got …)`.
 */
export function checkConnection(connection: unknown, caller: string): Connection {
  if (!isConnection(connection)) throw new TypeError(`${caller}: connection must be a Connection from connect() (got ${shownValue(connection)})`);
  return connection;
}

/**
 * `spec`, when it is a query spec: an object with a non-empty `query_kind` (what FlowAPI checks further is its own business).
 * @param caller - the function named in the error, e.g. `runQuery`
 * @param argument - the argument's name in the error @defaultValue 'querySpec'
 * @throws TypeError `<caller>: <argument> must be a query spec …`.
 */
export function checkQuerySpec(spec: unknown, caller: string, argument = 'querySpec'): QuerySpec {
  if (!isRecord(spec) || typeof spec['query_kind'] !== 'string' || spec['query_kind'] === '') {
    throw new TypeError(`${caller}: ${argument} must be a query spec, an object with a query_kind as the spec builders make (got ${shownValue(spec)})`);
  }
  return spec as unknown as QuerySpec;
}

/** The arguments of a function that waits for a query by id: the connection, the id, the polling options. */
export function checkWaitArguments(options: { readonly connection: unknown; readonly queryId: unknown } & WatchOptions, caller: string): void {
  checkConnection(options.connection, caller);
  checkQueryId(options.queryId, caller);
  checkWatchOptions(options, caller);
}

/** The arguments of a function that runs a query and waits for it: the connection, the spec, the polling options. */
export function checkRunArguments(options: { readonly connection: unknown; readonly querySpec: unknown } & WatchOptions, caller: string): void {
  checkConnection(options.connection, caller);
  checkQuerySpec(options.querySpec, caller);
  checkWatchOptions(options, caller);
}
