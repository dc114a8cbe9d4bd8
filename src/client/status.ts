/**
 * flowclient's status functions as cold observables: `queryIsReady`, `getStatus`,
 * `waitForQueryToBeReady`, `getResultLocationFromIdWhenReady`.
 * @module
 */
import { catchError, defer, last, map, of, throwError, type Observable } from 'rxjs';
import { FlowclientConnectionError, NotFoundError, QueryFailedError } from '../errors.js';
import { bodyField } from '../http/error-mapping.js';
import type { FlowResponse } from '../http/response.js';
import { outcomeOfFailure, outcomeOfReply, type QueryStatus } from '../query/poll-outcome.js';
import type { QueryIdOptions } from '../query/poll-query.js';
import { checkQueryId } from '../query/query-id.js';
import { queryFailedError } from '../query/query-failed.js';
import { takeRecentCompletion, watchQuery, type WatchOptions } from '../query/shared-watch.js';
import { checkConnection, checkWaitArguments } from './arguments.js';
import type { Connection } from '../connection.js';
import type { CompletedState } from '../query/watch-state.js';

export type { QueryIdOptions };

/** A connection, a query id and polling options. */
export interface WaitOptions extends QueryIdOptions, WatchOptions {}

/**
 * Is the query ready? (flowclient's `query_is_ready`): one poll, `ready` true on 303, false on
 * any 202 whatever its body says (as flowclient, which reads no body to answer this).
 * A 404 fails with {@link NotFoundError}; a 303 elsewhere than the connection's
 * `/api/<version>/` with `FlowclientConnectionError`.
 * @throws TypeError naming `queryId` when it is not a query id (empty, not a string, or with
 * `/`, `\`, `?`, `#`, `%` or whitespace, or `.`/`..`); nothing is sent.
 */
export function queryIsReady({ connection, queryId }: QueryIdOptions): Observable<{ ready: boolean; response: FlowResponse }> {
  checkConnection(connection, 'queryIsReady');
  checkQueryId(queryId, 'queryIsReady');
  return connection.getUrl({ route: `poll/${queryId}` }).pipe(
    map((response) => {
      if (response.status !== 202) outcomeOfReply(response, queryId, connection); // a 303 must stay on the connection's server; other statuses fail
      return { ready: response.status === 303, response };
    }),
  );
}

/**
 * The query's status (flowclient's `get_status`): `completed`, `queued`, `executing`, or
 * `not_running` when the server answers 404; `errored` / `cancelled` from FlowAPI's JSON 500.
 * A 202 whose body has no `status` fails as flowclient's does, with `FlowclientConnectionError`
 * "No status reported." (status 202); a 500 HTML page (FlowAPI 1.18's answer for an unknown id)
 * with `FlowclientConnectionError`.
 * @throws TypeError naming `queryId` when it is not a query id (as {@link queryIsReady}); nothing is sent.
 */
export function getStatus({ connection, queryId }: QueryIdOptions): Observable<QueryStatus> {
  checkConnection(connection, 'getStatus');
  checkQueryId(queryId, 'getStatus');
  const route = `poll/${queryId}`;
  return connection.getUrl({ route }).pipe(
    map((response) => {
      if (response.status === 202 && bodyField(response.data, 'status') === undefined) {
        throw new FlowclientConnectionError('No status reported.', { status: 202, route });
      }
      return outcomeOfReply(response, queryId, connection).status;
    }),
    catchError((error: unknown) => {
      const outcome = outcomeOfFailure(error); // 404 → not_running, JSON 500 → errored / cancelled
      return outcome ? of(outcome.status) : throwError(() => error);
    }),
  );
}

/**
 * Poll until the query is ready (flowclient's `wait_for_query_to_be_ready`): emits the
 * completed state once, then completes. Fails with {@link QueryFailedError} (a
 * `FlowclientConnectionError`, as flowclient's) when the query errored or was cancelled, {@link NotFoundError} when it is not running.
 * @throws TypeError naming `connection`, `queryId` (as {@link queryIsReady}) or a polling option
 * (see `checkWatchOptions`); nothing is sent. The result functions that wait by id
 * (`getResultByQueryId`…) throw the same, naming themselves.
 */
export function waitForQueryToBeReady(options: WaitOptions): Observable<CompletedState> {
  return waitForQueryAs('waitForQueryToBeReady', options);
}

/** {@link waitForQueryToBeReady}, its argument errors naming `caller`. */
function waitForQueryAs(caller: string, { connection, queryId, ...watch }: WaitOptions): Observable<CompletedState> {
  checkWaitArguments({ connection, queryId, ...watch }, caller);
  // A one-shot call must not hang on an expired token: it waits for one only with a refresher or when asked.
  const waitForNewToken = watch.waitForNewToken ?? connection.hasTokenRefresher;
  return defer(() => {
    const seen = takeRecentCompletion(connection, queryId); // a watch just saw it done: no poll needed
    return seen === undefined ? waitForReady(connection, queryId, { ...watch, waitForNewToken }) : of(seen);
  });
}

function waitForReady(connection: Connection, queryId: string, watch: WatchOptions): Observable<CompletedState> {
  return watchQuery(connection, queryId, watch).pipe(
    last(),
    map((state) => {
      if (state.status === 'completed') return state;
      if (state.status === 'not_running') {
        throw new NotFoundError('Query is not running.', { status: 404, route: `poll/${queryId}`, serverMessage: state.message });
      }
      if (state.status === 'errored' || state.status === 'cancelled') throw queryFailedError(state);
      throw new QueryFailedError(`Query with id '${queryId}' stopped while ${state.status}.`);
    }),
  );
}

/**
 * Wait until ready, then give the result's route (flowclient's
 * `get_result_location_from_id_when_ready`): the 303's `Location` without `/api/<n>/`, e.g. `get/<id>`.
 */
export function getResultLocationFromIdWhenReady(options: WaitOptions): Observable<string> {
  return resultRouteWhenReady('getResultLocationFromIdWhenReady', options);
}

/** {@link getResultLocationFromIdWhenReady} for the result functions: its argument errors name `caller`. @internal */
export function resultRouteWhenReady(caller: string, options: WaitOptions): Observable<string> {
  return waitForQueryAs(caller, options).pipe(map((state) => state.resultRoute));
}
