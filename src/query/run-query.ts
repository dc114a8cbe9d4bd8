/**
 * Running a query: `POST run` and reading the new query's id.
 * @module
 */
import { map, type Observable } from 'rxjs';
import type { Connection } from '../connection.js';
import { FlowclientConnectionError } from '../errors.js';
import { bodyField } from '../http/error-mapping.js';
import type { FlowResponse } from '../http/response.js';
import type { ApiRoot } from '../http/route.js';
import { runReplyQueryId } from './query-id.js';
import type { QuerySpec } from '../specs/types.js';
import { readProgress } from './poll-outcome.js';
import { outcomeOfRun, recordRunReading } from './run-readings.js';
import { checkConnection, checkQuerySpec } from '../client/arguments.js';

/** Options of {@link runQuery}. */
export interface RunQueryOptions {
  /** The connection to run on. */
  readonly connection: Connection;
  /** The query spec, as built by the spec builders. */
  readonly querySpec: QuerySpec;
}

/**
 * The query id of a `run` reply: the last segment of its `Location` header
 * (`/api/0/poll/<id>`, taken only on `root`'s origin under `/api/<version>/`), else the
 * `query_id` of a FlowAPI 1.18 body.
 * @throws {@link FlowclientConnectionError} when the reply carries neither, or a Location
 * elsewhere, or an id that is not one (`/`, `%`, `..`…).
 */
export function queryIdOf(response: Pick<FlowResponse, 'headers' | 'data' | 'status'>, root: ApiRoot): string {
  const id = runReplyQueryId(response, root);
  if (id === undefined || id === '') {
    throw new FlowclientConnectionError(
      `Error running the query: ${bodyField(response.data, 'msg') ?? 'no query id in the reply'}. Status code: ${response.status}.`,
      { status: response.status, route: 'run' },
    );
  }
  return id;
}

/**
 * Run a query (flowclient's `run_query`): a cold observable of its id. Posting the same spec
 * twice gives the same id without a second run, so retries are safe.
 * @throws TypeError naming `connection` or `querySpec` (not an object with a `query_kind`); nothing is sent.
 */
export function runQuery({ connection, querySpec }: RunQueryOptions): Observable<string> {
  checkConnection(connection, 'runQuery');
  checkQuerySpec(querySpec, 'runQuery');
  return connection.postJson({ route: 'run', data: querySpec }).pipe(
    map((response) => {
      const queryId = queryIdOf(response, connection);
      recordRunReading(connection, queryId, outcomeOfRun(readProgress(response.data))); // the watch that follows starts from it
      return queryId;
    }),
  );
}
