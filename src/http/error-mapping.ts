/**
 * From an HTTP reply (or its absence) to flowclient's errors, with flowclient's message texts.
 * Pure functions over the reply's status, headers and body; used by `Connection.getUrl` and
 * `Connection.postJson`.
 * @module
 */
import { isAxiosError } from 'axios';
import {
  AuthenticationError,
  FlowclientConnectionError,
  FlowclientError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  ResponseTooLargeError,
} from '../errors.js';
import type { FlowResponse } from './response.js';

/** Where a request went: what error messages name. */
export interface RequestContext {
  /** The connection's base URL (no trailing slash). */
  readonly url: string;
  /** The API version in the path. */
  readonly apiVersion: number;
  /** The route relative to `/api/<version>/`. */
  readonly route: string;
}

/** Which of flowclient's two mapping tables applies. */
export type ReplyKind = 'get' | 'post';

/** Statuses each method accepts as success: `getUrl` 200, 202 and 303; `postJson` only 202. */
export const ACCEPTED_STATUSES: Readonly<Record<ReplyKind, readonly number[]>> = {
  get: [200, 202, 303],
  post: [202],
};

/** A body as JSON: parsed already, or text that parses; `undefined` for HTML and other text. */
export function jsonBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Read a string field of a JSON object body; `undefined` for anything else (HTML, text, arrays). */
export function bodyField(body: unknown, key: string): string | undefined {
  const json = jsonBody(body);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const value = (json as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or `undefined`. */
export function retryAfterMs(header: unknown, now: number = Date.now()): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The origin a `Location` points at when it is not `base`'s own (an absolute URL elsewhere),
 * else `undefined` (relative locations, same origin, or nothing to read).
 */
export function foreignOrigin(location: unknown, base: string): string | undefined {
  if (typeof location !== 'string' || location === '') return undefined;
  try {
    const target = new URL(location, `${base}/`);
    return target.origin === new URL(base).origin ? undefined : target.origin;
  } catch {
    return undefined;
  }
}

function payloadOf(body: unknown): unknown {
  const json = jsonBody(body);
  return typeof json === 'object' && json !== null && !Array.isArray(json)
    ? (json as Record<string, unknown>)['payload']
    : undefined;
}

function isNonEmpty(payload: unknown): boolean {
  if (payload === undefined || payload === null || payload === '') return false;
  if (Array.isArray(payload)) return payload.length > 0;
  if (typeof payload === 'object') return Object.keys(payload).length > 0;
  return true;
}

/**
 * The error a reply stands for, or `null` when its status is accepted.
 * 404 → {@link NotFoundError}; 401/422 → {@link AuthenticationError}; 403 →
 * {@link PermissionDeniedError}; anything else → {@link FlowclientConnectionError} (a redirect
 * named as one: redirects are never followed).
 */
export function replyError(kind: ReplyKind, response: Pick<FlowResponse, 'status' | 'data' | 'headers'>, ctx: RequestContext): FlowclientError | null {
  const { status, data } = response;
  if (ACCEPTED_STATUSES[kind].includes(status)) return null;
  const serverMessage = bodyField(data, 'msg');
  const payload = payloadOf(data);
  const serverStatus = bodyField(data, 'status');
  const details = { status, route: ctx.route, serverMessage, serverStatus, payload };
  if (status >= 300 && status < 400) {
    const elsewhere = foreignOrigin(response.headers['location'], ctx.url);
    return new FlowclientConnectionError(
      `${ctx.url}/api/${ctx.apiVersion}/${ctx.route} was redirected (status ${status}${elsewhere === undefined ? '' : ` to another origin, ${elsewhere}`}); redirects are not followed.`,
      details,
    );
  }
  if (status === 404) {
    return new NotFoundError(`${ctx.url}/api/${ctx.apiVersion}/${ctx.route} not found.`, details);
  }
  if (status === 401 || status === 422) {
    return new AuthenticationError(serverMessage ?? 'Unknown access denied error', details);
  }
  if (status === 403) {
    return new PermissionDeniedError(serverMessage ?? 'Unknown access denied error', details);
  }
  const retryAfter = retryAfterMs(response.headers['retry-after']);
  const withRetry = { ...details, retryAfterMs: retryAfter };
  if (kind === 'get') {
    const statusText = serverStatus ?? 'Unknown status';
    return new FlowclientConnectionError(
      `Something went wrong: ${serverMessage ?? 'Unknown error'}. API returned with status code: ${status} and status '${statusText}'`,
      withRetry,
    );
  }
  const json = jsonBody(data);
  const msg = serverMessage ?? (typeof json === 'object' && json !== null ? 'Unknown error' : 'the response did not contain valid JSON');
  const payloadInfo = isNonEmpty(payload) ? ` Payload: ${JSON.stringify(payload)}` : '';
  return new FlowclientConnectionError(
    `Something went wrong. API returned with status code ${status}. Error message: '${msg}'.${payloadInfo}`,
    withRetry,
  );
}

/** axios' words when a body passes `maxContentLength` (both adapters), with the limit. */
const TOO_LARGE = /^maxContentLength size of (\d+) exceeded$/;

/**
 * The status of the reply whose body was cut off, when the runtime tells it: axios' response,
 * or (Node) the `ClientRequest`'s `res`; `undefined` in browsers.
 */
function statusOfCutReply(error: { response?: { status?: unknown }; request?: unknown }): number | undefined {
  const res = (error.request as { res?: { statusCode?: unknown } } | null | undefined)?.res;
  const status = error.response?.status ?? res?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A transport failure (no reply: refused, reset, DNS, TLS, timeout) as {@link NetworkError}
 * "Unable to connect to FlowKit API at <url>: <reason>"; a body over the connection's
 * `maxResponseBytes` (axios' `maxContentLength`) as {@link ResponseTooLargeError}. Errors that
 * are already ours pass through. The cause keeps only the failure's code and text, never the
 * request and its headers.
 */
export function transportError(error: unknown, ctx: RequestContext): FlowclientError {
  if (error instanceof FlowclientError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const code = isAxiosError(error) ? error.code : undefined;
  const cause = Object.assign(new Error(reason), code === undefined ? {} : { code });
  const tooLarge = code === 'ERR_BAD_RESPONSE' ? TOO_LARGE.exec(reason) : null;
  if (tooLarge !== null && isAxiosError(error)) {
    const limitBytes = Number(tooLarge[1]);
    return new ResponseTooLargeError(
      `The reply from ${ctx.url}/api/${ctx.apiVersion}/${ctx.route} is larger than maxResponseBytes (${limitBytes} bytes); its download was stopped.`,
      { status: statusOfCutReply(error), route: ctx.route, limitBytes, cause },
    );
  }
  return new NetworkError(`Unable to connect to FlowKit API at ${ctx.url}: ${reason}`, { route: ctx.route, cause });
}
