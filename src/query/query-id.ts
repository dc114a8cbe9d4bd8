/**
 * Query ids as they go into request paths (`poll/<id>`, `get/<id>`): FlowAPI's are md5 hex;
 * anything that could step out of its path segment is refused before a request is sent.
 * @module
 */
import { FlowclientConnectionError } from '../errors.js';
import { bodyField } from '../http/error-mapping.js';
import type { FlowResponse } from '../http/response.js';
import { routeFromLocation, shownValue, type ApiRoot } from '../http/route.js';

/** True for a string that is safe as one path segment: not empty, `.` or `..`, and without `/`, `\`, `?`, `#`, `%` or whitespace. */
export function isQueryId(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value !== '.' && value !== '..' && !/[/\\?#%\s]/.test(value);
}

/**
 * The TypeError for a `queryId` that is not one ({@link isQueryId}), or `undefined` for a good one.
 * @param caller - the function named in the error, e.g. `getStatus`
 */
export function queryIdError(queryId: unknown, caller: string): TypeError | undefined {
  if (isQueryId(queryId)) return undefined;
  return new TypeError(
    `${caller}: queryId must be a FlowAPI query id (a non-empty string without "/", "\\", "?", "#", "%" or whitespace, not "." or ".."); got ${shownValue(queryId)}`,
  );
}

/**
 * `queryId`, when it is a query id ({@link isQueryId}).
 * @param caller - the function named in the error, e.g. `getStatus`
 * @throws TypeError `<caller>: queryId must be …` naming the value given (never a token: JWT-shaped text is blanked).
 */
export function checkQueryId(queryId: unknown, caller: string): string {
  const error = queryIdError(queryId, caller);
  if (error !== undefined) throw error;
  return queryId as string;
}

/**
 * The query id a `run` reply names, unchecked for presence: the last segment of its `Location`
 * (resolved with {@link routeFromLocation}: the connection's origin, under `/api/<version>/`),
 * else — no Location, or one whose last segment is empty (`/api/0/poll/`) — the body's
 * `query_id`; `undefined` when it names none.
 * @throws {@link FlowclientConnectionError} for a Location elsewhere or an id that is not one.
 */
export function runReplyQueryId(response: Pick<FlowResponse, 'headers' | 'data' | 'status'>, root: ApiRoot): string | undefined {
  const route = routeFromLocation(response.headers['location'], root, 'run', response.status);
  // The segment after the last `/`: empty for `/api/0/poll/` (not `poll`), then the body's id is the only one.
  const named = route?.split('/').pop();
  const id = named === undefined || named === '' ? bodyField(response.data, 'query_id') : named;
  if (id === undefined || id === '' || isQueryId(id)) return id;
  throw new FlowclientConnectionError(`The reply to run named a query id that is not one: ${shownValue(id)}.`, { status: response.status, route: 'run' });
}
