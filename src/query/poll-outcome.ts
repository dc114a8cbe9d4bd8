/**
 * What one poll says about a query: FlowAPI's poll replies and failures, classified.
 * @module
 */
import { FlowclientConnectionError, isFlowclientError, isNotFoundError } from '../errors.js';
import { bodyField, jsonBody } from '../http/error-mapping.js';
import type { FlowResponse } from '../http/response.js';
import { routeFromLocation, type ApiRoot } from '../http/route.js';

/** A query's status as the client reports it (flowclient's strings plus FlowAPI's final states). */
export type QueryStatus = 'queued' | 'executing' | 'completed' | 'errored' | 'cancelled' | 'not_running';

/** Statuses after which a query's state no longer changes by itself. */
export const FINAL_STATUSES: readonly QueryStatus[] = ['completed', 'errored', 'cancelled', 'not_running'];

/** FlowAPI's progress object: sub-queries not yet stored, and how many of those are queued or running. */
export interface Progress {
  /** Sub-queries (including the query itself) not yet stored. */
  readonly eligible: number;
  /** How many of those are queued. */
  readonly queued: number;
  /** How many of those are running. */
  readonly running: number;
}

/** One poll's reading. */
export interface PollOutcome {
  /** The query's status. */
  readonly status: QueryStatus;
  /** Progress, or `null` when the server sends none (FlowAPI ≤ 1.17) or the query is final. */
  readonly progress: Progress | null;
  /** The server's text (`msg`), empty when it sent none. */
  readonly message: string;
  /** Route of the result once completed (from the 303's `Location`, else `get/<id>`). */
  readonly resultRoute?: string;
}

/** True once the status will not change by itself. */
export function isFinal(status: QueryStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : undefined;

/** The `progress` object of a run or poll reply, counts clamped to non-negative integers; `null` when absent or not numbers. */
export function readProgress(body: unknown): Progress | null {
  const json = jsonBody(body);
  if (typeof json !== 'object' || json === null) return null;
  return cleanProgress((json as Record<string, unknown>)['progress']);
}

/**
 * A progress object with its counts clamped to non-negative integers (negative → 0, fractions
 * floored); `null` when it is not an object or a count is missing, not a number, NaN or infinite.
 */
export function cleanProgress(progress: unknown): Progress | null {
  if (typeof progress !== 'object' || progress === null) return null;
  const fields = progress as Record<string, unknown>;
  const eligible = count(fields['eligible']);
  const queued = count(fields['queued']);
  const running = count(fields['running']);
  return eligible !== undefined && queued !== undefined && running !== undefined ? { eligible, queued, running } : null;
}

/** Poll replies whose body could not be read, as their errors (see {@link isGarbledPollReply}). */
const garbled = new WeakSet<object>();

/**
 * True for the error of a poll 202 whose body could not be read at all (empty, cut short, not
 * JSON: a proxy's hiccup rather than FlowAPI's answer). One-shot calls report it as flowclient
 * does ("No status reported."); a watch retries it as a transient failure. The error itself is a
 * plain {@link FlowclientConnectionError}; the mark is kept beside it, so only this library
 * instance's poll loop reads it.
 */
export function isGarbledPollReply(error: unknown): boolean {
  return typeof error === 'object' && error !== null && garbled.has(error);
}

/**
 * Classify a poll reply: 303 → completed (result route from `Location`), 202 → the body's
 * `queued`/`executing` with progress.
 * @param root - the connection (its URL and API version): a 303 is taken for the result only
 * when it stays on the connection's origin under `/api/<version>/` (see {@link routeFromLocation})
 * @throws {@link FlowclientConnectionError} "No status reported." (a body that is not JSON: empty,
 * cut, HTML; see {@link isGarbledPollReply}), an unknown status string, or a redirect elsewhere (another origin, outside `/api/<version>/`, encoded traversal).
 */
export function outcomeOfReply(response: Pick<FlowResponse, 'status' | 'data' | 'headers'>, queryId: string, root: ApiRoot): PollOutcome {
  if (response.status === 303) {
    // A browser's opaque redirect hides its Location: the result is then at get/<id>.
    const resultRoute = routeFromLocation(response.headers['location'], root, `poll/${queryId}`) ?? `get/${queryId}`;
    return { status: 'completed', progress: null, message: '', resultRoute };
  }
  if (response.status !== 202) {
    throw new FlowclientConnectionError(
      `Something went wrong: unexpected reply to poll. API returned with status code: ${response.status}`,
      { status: response.status, route: `poll/${queryId}` },
    );
  }
  const status = bodyField(response.data, 'status');
  const message = bodyField(response.data, 'msg') ?? '';
  if (status === undefined) {
    // FlowAPI ≤ 1.9 sent no status while running; a 202 still means "not ready yet".
    if (typeof jsonBody(response.data) === 'object') return { status: 'executing', progress: readProgress(response.data), message };
    const error = new FlowclientConnectionError('No status reported.', { status: 202, route: `poll/${queryId}` });
    garbled.add(error); // an empty, cut or non-JSON body: a watch tries again
    throw error;
  }
  if (status !== 'queued' && status !== 'executing') {
    throw new FlowclientConnectionError(`Unknown query status '${status}' in the reply to poll.`, {
      status: 202, route: `poll/${queryId}`, serverStatus: status,
    });
  }
  return { status, progress: readProgress(response.data), message };
}

/**
 * Classify a failed poll that still says something about the query: 404 → `not_running`
 * (FlowAPI cannot tell known, reset or unknown ids apart); 500 with a JSON status `errored` or
 * `cancelled` → that status. Anything else (including a 500 HTML page) → `null`: a real error.
 */
export function outcomeOfFailure(error: unknown): PollOutcome | null {
  if (isNotFoundError(error)) return { status: 'not_running', progress: null, message: error.serverMessage ?? '' };
  if (isFlowclientError(error) && error.status === 500) {
    const status = error.serverStatus;
    if (status === 'errored' || status === 'cancelled') return { status, progress: null, message: error.serverMessage ?? '' };
  }
  return null;
}
