/**
 * Running a query once however many ask at the same time: one `POST run` per (connection, spec)
 * while it is in flight, its id given to everyone who asked.
 * @module
 */
import type { Observable } from 'rxjs';
import type { Connection } from '../connection.js';
import type { QuerySpec } from '../specs/types.js';
import { runQuery, type RunQueryOptions } from './run-query.js';
import { singleFlight } from './single-flight.js';

/** The runs in flight of each connection, by {@link specKey}. */
const runs = /* @__PURE__ */ new WeakMap<Connection, Map<string, Observable<string>>>();

/**
 * A spec as a stable key: its JSON with every object's keys sorted, so two specs equal in
 * content give one key whatever order they were built in.
 */
export function specKey(spec: QuerySpec): string {
  return JSON.stringify(spec, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * Run a query (see {@link runQuery}), single-flight: subscribers that start the same spec on the
 * same connection while a run is in flight share its one `POST run` and its id. The run is
 * forgotten once it has given its id or failed, so a later call posts again (FlowAPI answers
 * with the same id, without running the query twice) and a failed run is tried afresh.
 */
export function runOnce({ connection, querySpec }: RunQueryOptions): Observable<string> {
  let inFlight = runs.get(connection);
  if (inFlight === undefined) {
    inFlight = new Map();
    runs.set(connection, inFlight);
  }
  return singleFlight(inFlight, specKey(querySpec), () => runQuery({ connection, querySpec }));
}
