/**
 * The error of a query that ended `errored` or `cancelled`, as flowclient raises it for the
 * poll's JSON 500: one constructor for every place that turns such a state into an error
 * (one-shot waits, `watchAll`'s `error`).
 * @module
 */
import { QueryFailedError } from '../errors.js';
import type { EndedState } from './watch-state.js';

/** The descriptions a state carries when the server sent no text (FlowAPI's poll sends `msg: ""`). */
const NO_SERVER_TEXT = /^(|The query finished with an error\.|The query was cancelled\.)$/;

/**
 * The {@link QueryFailedError} of an ended query, in flowclient's words for the poll's 500
 * ("Something went wrong: <text>. API returned with status code: 500 and status '<status>'"),
 * where the text is the server's, or — FlowAPI's poll sends an empty `msg` — FlowAPI's own words
 * for it ("Query with id '<id>' finished with an error" / "was cancelled"). Carries `status`
 * 500, the poll's route, the server's text as `serverMessage` and its status as `serverStatus`.
 * @param state - an `errored` or `cancelled` state
 */
export function queryFailedError(state: Pick<EndedState, 'queryId' | 'status' | 'message'>): QueryFailedError {
  const fromServer = !NO_SERVER_TEXT.test(state.message);
  const text = fromServer ? state.message : `Query with id '${state.queryId}' ${state.status === 'cancelled' ? 'was cancelled' : 'finished with an error'}`;
  return new QueryFailedError(`Something went wrong: ${text}. API returned with status code: 500 and status '${state.status}'`, {
    status: 500,
    route: `poll/${state.queryId}`,
    serverMessage: fromServer ? state.message : '',
    serverStatus: state.status,
  });
}
