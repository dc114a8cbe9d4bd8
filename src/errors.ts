/**
 * Typed errors of flowclient-rx: one small class per concept under one base, each carrying the
 * HTTP status, the route, the server's message and payload, and a sanitised cause. Messages follow
 * Python flowclient's texts; no message, field or `toString()` ever contains a token.
 * @module
 */

/** Fields every flowclient-rx error may carry. */
export interface FlowclientErrorDetails {
  /** HTTP status of the reply that caused the error, when there was one. */
  readonly status?: number | undefined;
  /** The API route the request went to, relative to `/api/<version>/` (e.g. `poll/abc`). */
  readonly route?: string | undefined;
  /** The server's own `msg` text, when its body had one. */
  readonly serverMessage?: string | undefined;
  /** The `status` text of the server's JSON body (e.g. `errored`), when it had one. */
  readonly serverStatus?: string | undefined;
  /** The server's `payload` (FlowAPI sends one with some 400s of `run`). */
  readonly payload?: unknown;
  /** The underlying failure (sanitised: never the request config or its headers). */
  readonly cause?: unknown;
  /** Delay the server asked for with `Retry-After`, in milliseconds. */
  readonly retryAfterMs?: number | undefined;
}

/** Base class of every error this library throws. */
export class FlowclientError extends Error {
  override readonly name: string = 'FlowclientError';
  /** HTTP status of the reply that caused the error, when there was one. */
  declare readonly status: number | undefined;
  /** The API route the request went to, relative to `/api/<version>/`. */
  declare readonly route: string | undefined;
  /** The server's own `msg` text, when its body had one. */
  declare readonly serverMessage: string | undefined;
  /** The `status` text of the server's JSON body (e.g. `errored`), when it had one. */
  declare readonly serverStatus: string | undefined;
  /** The server's `payload`, when it sent one. */
  declare readonly payload: unknown;
  /** Delay the server asked for with `Retry-After`, in milliseconds. */
  declare readonly retryAfterMs: number | undefined;

  constructor(message: string, details: FlowclientErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.route = details.route;
    this.serverMessage = details.serverMessage;
    this.serverStatus = details.serverStatus;
    this.payload = details.payload;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** A failure talking to FlowAPI: bad status, unreachable server, bad token (flowclient's `FlowclientConnectionError`). */
export class FlowclientConnectionError extends FlowclientError {
  override readonly name: string = 'FlowclientConnectionError';
}

/** The server could not be reached or did not answer in time (network error, reset, timeout). */
export class NetworkError extends FlowclientConnectionError {
  override readonly name: string = 'NetworkError';
}

/** Fields of a {@link ResponseTooLargeError}. */
export interface ResponseTooLargeErrorDetails extends FlowclientErrorDetails {
  /** The limit that was passed, in bytes of the decoded body (`maxResponseBytes`). */
  readonly limitBytes: number;
}

/**
 * A reply body larger than the connection's `maxResponseBytes` (counted after decompression, so
 * a gzip bomb is caught too): the download was stopped there. Not transient: never retried.
 */
export class ResponseTooLargeError extends FlowclientConnectionError {
  override readonly name: string = 'ResponseTooLargeError';
  /** The limit that was passed, in bytes of the decoded body. */
  declare readonly limitBytes: number;

  constructor(message: string, details: ResponseTooLargeErrorDetails) {
    super(message, details);
    this.limitBytes = details.limitBytes;
  }
}

/** 401 or 422 from FlowAPI: the token is missing, expired, badly signed or for another audience. */
export class AuthenticationError extends FlowclientConnectionError {
  override readonly name: string = 'AuthenticationError';
}

/** 403 from FlowAPI: the token is valid but no single role grants what the request needs. */
export class PermissionDeniedError extends FlowclientConnectionError {
  override readonly name: string = 'PermissionDeniedError';
}

/** 404 from FlowAPI, or a query that is not running (flowclient's `FileNotFoundError`). */
export class NotFoundError extends FlowclientError {
  override readonly name: string = 'NotFoundError';
}

/** A query spec failed the client-side checks of its builder; nothing was sent. */
export class QuerySpecError extends FlowclientError {
  override readonly name: string = 'QuerySpecError';
  /** The builder that rejected the value, e.g. `dailyLocationSpec`. */
  declare readonly builder: string;
  /** The option that was wrong, e.g. `aggregationUnit`. */
  declare readonly field: string;
  /** The value given. */
  declare readonly value: unknown;
  /** What is allowed, in words or as the list of allowed values. */
  declare readonly allowed: string;

  constructor(builder: string, field: string, value: unknown, allowed: string) {
    super(`${builder}: invalid ${field} ${describeValue(value)}; expected ${allowed}.`);
    this.builder = builder;
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }
}

/** A result body that is truncated or not valid JSON: never passed off as a result. */
export class ResultDecodeError extends FlowclientError {
  override readonly name: string = 'ResultDecodeError';
}

/**
 * A query that FlowAPI reports as errored or cancelled: its poll answered 500 with a JSON
 * `status`. A {@link FlowclientConnectionError}, as flowclient raises for that 500 ("Something
 * went wrong: <msg>. API returned with status code: 500 and status 'errored'"), so code that
 * catches flowclient's class catches it; {@link isQueryFailedError} tells it apart.
 * Carries `status` 500, `serverStatus` (`errored` or `cancelled`) and `serverMessage`.
 */
export class QueryFailedError extends FlowclientConnectionError {
  override readonly name: string = 'QueryFailedError';
}

function describeValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/** Each error class's parent, by name: a name belongs to a family when its chain reaches it (so guards work across bundles and realms). */
const PARENT: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ['FlowclientConnectionError', 'FlowclientError'],
  ['NetworkError', 'FlowclientConnectionError'],
  ['ResponseTooLargeError', 'FlowclientConnectionError'],
  ['AuthenticationError', 'FlowclientConnectionError'],
  ['PermissionDeniedError', 'FlowclientConnectionError'],
  ['QueryFailedError', 'FlowclientConnectionError'],
  ['NotFoundError', 'FlowclientError'],
  ['QuerySpecError', 'FlowclientError'],
  ['ResultDecodeError', 'FlowclientError'],
  ['DuplicateKeyError', 'FlowclientError'],
]);

function inFamily(name: string | undefined, family: string): boolean {
  for (; name !== undefined; name = PARENT.get(name)) if (name === family) return true;
  return false;
}

/**
 * The type guard of an error class: `instanceof`, or (from another bundle or realm) a `name` whose
 * {@link PARENT} chain reaches `family`. @internal
 */
export const guard =
  <T extends FlowclientError>(cls: abstract new (...args: never[]) => T, family: string) =>
  (error: unknown): error is T =>
    error instanceof cls ||
    (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
      ? inFamily(String((error as { name: unknown }).name), family)
      : false);

/** True for any error thrown by this library (works across bundles and realms). */
export const isFlowclientError = /* @__PURE__ */ guard(FlowclientError, 'FlowclientError');
/** True for {@link FlowclientConnectionError} and its subclasses. */
export const isFlowclientConnectionError = /* @__PURE__ */ guard(FlowclientConnectionError, 'FlowclientConnectionError');
/** True for {@link NetworkError}. */
export const isNetworkError = /* @__PURE__ */ guard(NetworkError, 'NetworkError');
/** True for {@link ResponseTooLargeError}. */
export const isResponseTooLargeError = /* @__PURE__ */ guard(ResponseTooLargeError, 'ResponseTooLargeError');
/** True for {@link AuthenticationError}. */
export const isAuthenticationError = /* @__PURE__ */ guard(AuthenticationError, 'AuthenticationError');
/** True for {@link PermissionDeniedError}. */
export const isPermissionDeniedError = /* @__PURE__ */ guard(PermissionDeniedError, 'PermissionDeniedError');
/** True for {@link NotFoundError}. */
export const isNotFoundError = /* @__PURE__ */ guard(NotFoundError, 'NotFoundError');
/** True for {@link QuerySpecError}. */
export const isQuerySpecError = /* @__PURE__ */ guard(QuerySpecError, 'QuerySpecError');
/** True for {@link ResultDecodeError}. */
export const isResultDecodeError = /* @__PURE__ */ guard(ResultDecodeError, 'ResultDecodeError');
/** True for {@link QueryFailedError}. */
export const isQueryFailedError = /* @__PURE__ */ guard(QueryFailedError, 'QueryFailedError');
