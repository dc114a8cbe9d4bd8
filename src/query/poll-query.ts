/**
 * One poll of a query: `GET poll/<id>`, classified into a {@link PollOutcome}.
 * @module
 */
import { catchError, map, of, throwError, type Observable } from 'rxjs';
import type { Connection } from '../connection.js';
import { outcomeOfFailure, outcomeOfReply, type PollOutcome } from './poll-outcome.js';
import { queryIdError } from './query-id.js';

/** A connection and a query id: what every status function takes. */
export interface QueryIdOptions {
  /** The connection to ask. */
  readonly connection: Connection;
  /** The query's id, from `runQuery`. */
  readonly queryId: string;
}

/**
 * One poll of a query, classified: completed, queued/executing with progress, or (from 404 and
 * FlowAPI's JSON 500s) not_running, errored, cancelled. Other failures are errors.
 * A `queryId` that is not one (see `isQueryId`) fails with a TypeError naming `queryId`, and nothing is sent.
 */
export function pollQuery({ connection, queryId }: QueryIdOptions): Observable<PollOutcome> {
  const bad = queryIdError(queryId, 'pollQuery');
  if (bad !== undefined) return throwError(() => bad);
  return connection.getUrl({ route: `poll/${queryId}` }).pipe(
    map((response) => outcomeOfReply(response, queryId, connection)),
    catchError((error: unknown) => {
      const outcome = outcomeOfFailure(error);
      return outcome ? of(outcome) : throwError(() => error);
    }),
  );
}
