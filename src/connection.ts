/**
 * The reactive connection to a FlowAPI server: flowclient's `Connection`, with the token in a
 * `BehaviorSubject` and every request a cold observable.
 * @module
 */
import axios, { type AxiosInstance } from 'axios';
import {
  BehaviorSubject,
  catchError,
  defer,
  distinctUntilChanged,
  map,
  switchMap,
  throwError,
  type Observable,
} from 'rxjs';
import { isAuthenticationError } from './errors.js';
import type { RequestContext } from './http/error-mapping.js';
import { sendRequest, type HttpRequest } from './http/request.js';
import type { FlowResponse } from './http/response.js';
import { checkRoute, shownValue } from './http/route.js';
import { DEFAULT_RETRY, checkRetryOption, retryTransient, type RetryConfig } from './http/retry.js';
import { checkMaxResponseBytes, maxContentLengthFor } from './http/response-limit.js';
import { isNode, nodeAgentsFor } from './http/node-agents.js';
import { readToken, type TokenInfo } from './token.js';
import { APIQuery } from './query/api-query.js';
import { checkQuerySpec } from './client/arguments.js';
import { ResultCache, resultCacheBytes, type ResultCacheOption } from './client/result-cache.js';
import type { QuerySpec } from './specs/types.js';
import { DEFAULT_MAX_POLLS_PER_SECOND } from './query/poll-budget.js';
import { pollStrategyProblem, type PollDecision, type PollStrategy } from './query/poll-strategy.js';
import { TokenRefresh, type TokenRefresher } from './token-refresh.js';

export type { TokenRefresher } from './token-refresh.js';

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Base URL of the FlowAPI server, with scheme, e.g. `https://flowapi.example.org` (no `/api/0`, credentials, query or fragment). */
  readonly url: string;
  /** A JWT for this server, from FlowAuth. */
  readonly token: string;
  /** API version in request paths (`/api/<version>/`). @defaultValue 0 */
  readonly apiVersion?: number;
  /**
   * Node only: path to a CA certificate (PEM) to trust, `true` for the system's roots, `false` to
   * turn verification off (warns). In a browser the browser decides and this has no effect.
   * @defaultValue true
   */
  readonly sslCertificate?: string | boolean;
  /** Retry of transient failures (network, timeouts, 429, 502–504); `false` turns it off. @defaultValue {@link DEFAULT_RETRY} */
  readonly retry?: Partial<RetryConfig> | false;
  /**
   * Time limit of each request attempt in ms, from send to the last byte of the body (a reply
   * dripped slowly fails too); 0 for none. When it passes the attempt fails with a
   * {@link NetworkError} "… timeout of <ms>ms exceeded", which is transient (retried per `retry`).
   * @defaultValue 60000
   */
  readonly timeoutMs?: number;
  /**
   * Largest reply body to download, in bytes after decompression (a gzip bomb stops at this
   * size), or `Infinity`. A larger one fails with {@link ResponseTooLargeError}, never retried.
   * Node counts every body as it arrives. Browsers count decoded bytes as they are read and
   * refuse a `Content-Length` above the limit before reading; the browser itself may still have
   * buffered part of the body by then, and a compressed body's `Content-Length` is its compressed size.
   * @defaultValue 1073741824 (1 GiB, `DEFAULT_MAX_RESPONSE_BYTES`)
   */
  readonly maxResponseBytes?: number;
  /**
   * Called on 401 "Token has expired": one call shared by all requests waiting on the same expired
   * token, then one retry each with its token. When it fails, gives no token or does not answer
   * within {@link refreshTimeoutMs}, every waiting request fails with one {@link AuthenticationError}
   * (status 401, serverMessage 'Token has expired'), and requests on that same token then fail at
   * once with it, without calling the refresher, for a backoff of 1 s, 2 s, 4 s … up to 60 s per
   * failure in a row (see `refreshBackoffMs`); a new token (`updateToken`) ends the backoff.
   */
  readonly tokenRefresher?: TokenRefresher;
  /**
   * Longest wait for the {@link tokenRefresher}'s token, in ms; 0 for none. Past it the waiting
   * requests fail with {@link AuthenticationError} "… did not answer within <n> ms".
   * @defaultValue the connection's {@link timeoutMs} (60000)
   */
  readonly refreshTimeoutMs?: number;
  /** Where warnings go (an insecure URL, TLS verification off). Never given a token. @defaultValue console.warn */
  readonly onWarning?: (message: string) => void;
  /**
   * Cap on the polls of all this connection's watched queries together, per second (any
   * one-second window); when they want more, the queries most likely to have finished go first.
   * `Infinity` for no cap. @defaultValue 100
   */
  readonly maxPollsPerSecond?: number;
  /** How watches space their polls unless a watch says otherwise (see `WatchOptions.pollStrategy`). @defaultValue 'predictive' */
  readonly pollStrategy?: PollStrategy;
  /** Debug: told every scheduling decision of every watched query (wait, expected end, what it rests on). */
  readonly onPollDecision?: (queryId: string, decision: PollDecision) => void;
  /**
   * The in-memory cache of downloaded results (see {@link ResultCache}): `true` for 64 MiB
   * (`DEFAULT_RESULT_CACHE_BYTES`), `{ maxBytes }` to size it, `false` to keep no result.
   * @defaultValue true
   */
  readonly resultCache?: ResultCacheOption;
}

/** A connection's polling settings (see {@link ConnectOptions}). */
export interface PollingSettings {
  /** Cap on polls per second, all watched queries together. */
  readonly maxPollsPerSecond: number;
  /** Default strategy of its watches. */
  readonly pollStrategy: PollStrategy;
  /** Debug hook, if set. */
  readonly onPollDecision?: (queryId: string, decision: PollDecision) => void;
}

/** Options of {@link Connection.getUrl}. */
export interface GetUrlOptions {
  /**
   * Route relative to `/api/<version>/`, e.g. `poll/<id>`: a relative path (no scheme, no
   * leading `/` or `//host`, no backslash, no `.` or `..` segment, no `?` or `#`: give a query
   * string as {@link params}).
   */
  readonly route: string;
  /** JSON body (flowclient sends one on GET; FlowAPI ignores it). */
  readonly data?: unknown;
  /** Query-string parameters. */
  readonly params?: Readonly<Record<string, string | number>>;
  /** `json` (parsed when the body is JSON) or `text` (the raw body). @defaultValue 'json' */
  readonly responseType?: 'json' | 'text';
}

/** Options of {@link Connection.postJson}. */
export interface PostJsonOptions {
  /** Route relative to `/api/<version>/`, e.g. `run` (a relative path, as {@link GetUrlOptions.route}). */
  readonly route: string;
  /** The JSON body (required). */
  readonly data: unknown;
}

const INSECURE_WARNING = 'Communications with this server are NOT SECURE.';

/** A connection to one FlowAPI server for one (changeable) token. Create it with {@link connect}. */
export class Connection {
  /** Base URL of the server, without trailing slash. */
  readonly url: string;
  /** API version in request paths. */
  readonly apiVersion: number;
  /** The current token on every change, starting with the current one. */
  readonly token$: Observable<string>;
  /** The user of the current token on every change, starting with the current one. */
  readonly user$: Observable<string>;
  /** The retry settings in force, or `false`. */
  readonly retry: RetryConfig | false;
  /** Per-request timeout in ms (0 = none). */
  readonly timeoutMs: number;
  /** How its watches poll. */
  readonly polling: PollingSettings;
  /** The results downloaded on this connection, by query id and format: `clear()`, `stats`, `has(queryId, format)`. */
  readonly resultCache: ResultCache;

  readonly #state: BehaviorSubject<TokenInfo>;
  readonly #http: AxiosInstance;
  readonly #refresh: TokenRefresh | undefined;

  /** Use {@link connect}, which checks its arguments. */
  constructor(options: ConnectOptions) {
    checkArguments(options);
    this.url = options.url.replace(/\/+$/, '');
    this.apiVersion = options.apiVersion ?? 0;
    this.retry = options.retry === false ? false : { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 60_000;
    const refresher = options.tokenRefresher;
    this.#refresh =
      refresher === undefined
        ? undefined
        : new TokenRefresh({
            refresher,
            timeoutMs: options.refreshTimeoutMs ?? this.timeoutMs,
            current: () => this.token,
            update: (token) => this.updateToken(token),
          });
    this.polling = {
      maxPollsPerSecond: options.maxPollsPerSecond ?? DEFAULT_MAX_POLLS_PER_SECOND,
      pollStrategy: options.pollStrategy ?? 'predictive',
      ...(options.onPollDecision === undefined ? {} : { onPollDecision: options.onPollDecision }),
    };
    this.#state = new BehaviorSubject(readToken(options.token));
    this.resultCache = new ResultCache(options.resultCache, () => this.user);
    this.token$ = this.#state.pipe(map((s) => s.token));
    this.user$ = this.#state.pipe(
      map((s) => s.user),
      distinctUntilChanged(),
    );
    const sslCertificate = options.sslCertificate ?? true;
    const warn = options.onWarning ?? ((message: string) => console.warn(message));
    if (!/^https:\/\//i.test(this.url)) warn(INSECURE_WARNING);
    if (sslCertificate === false) warn(`TLS certificate verification is turned off for ${this.url}.`);
    const agents = tlsAgents(sslCertificate);
    this.#http = axios.create({
      baseURL: `${this.url}/api/${this.apiVersion}/`,
      // Redirects are never followed: the 303 from poll must be seen, and no token may follow a
      // Location to another origin. Browsers use fetch with redirect 'manual' for this; Node, http.
      adapter: isNode() ? 'http' : 'fetch',
      maxRedirects: 0,
      // Every reply is live state (a status, a fresh result): the browser's cache must not answer
      // for the server, nor keep replaying a cacheable redirect (301, 308) it once received.
      fetchOptions: { cache: 'no-store' },
      validateStatus: () => true,
      timeout: this.timeoutMs,
      maxContentLength: maxContentLengthFor(options.maxResponseBytes),
      ...agents,
    });
  }

  /** The current token. */
  get token(): string {
    return this.#state.value.token;
  }

  /** The current token's user (`sub`, or `identity` for FlowAPI up to 1.17). */
  get user(): string {
    return this.#state.value.user;
  }

  /** True when a `tokenRefresher` was given: one-shot calls then wait for its token instead of failing. */
  get hasTokenRefresher(): boolean {
    return this.#refresh !== undefined;
  }

  /** When the current token expires, or `null` if it has no `exp`. */
  get tokenExpiresAt(): Date | null {
    return this.#state.value.expiresAt;
  }

  /**
   * Replace the token. Every `token$`/`user$` subscriber sees it, and running streams use it
   * from their next request on.
   * @throws {@link FlowclientConnectionError} "Unable to decode token" or "Token does not contain
   * user identity."; the previous token stays in place.
   */
  updateToken(token: string): void {
    this.#state.next(readToken(token));
  }

  /**
   * GET a route: a cold observable of the reply (200, 202 or 303; redirects are never followed),
   * as a {@link FlowResponse}, which carries no token. Errors: {@link NotFoundError} (404),
   * {@link AuthenticationError} (401, 422), {@link PermissionDeniedError} (403),
   * {@link NetworkError}, else {@link FlowclientConnectionError}.
   * @throws TypeError naming `route` when it is not a relative path under `/api/<version>/`
   * (see {@link GetUrlOptions.route}); nothing is sent.
   */
  getUrl(options: GetUrlOptions): Observable<FlowResponse> {
    checkRoute(options?.route, 'getUrl');
    return this.#request({ kind: 'get', ...options });
  }

  /**
   * POST JSON to a route: a cold observable of the 202 reply (a {@link FlowResponse}); other statuses map as {@link getUrl}'s.
   * @throws TypeError naming `route` (as {@link getUrl}) or "postJson: data is required"; nothing is sent.
   */
  postJson(options: PostJsonOptions): Observable<FlowResponse> {
    checkRoute(options?.route, 'postJson');
    if (options.data === undefined) throw new TypeError('postJson: data is required');
    return this.#request({ kind: 'post', route: options.route, data: options.data });
  }

  /** An unrun {@link APIQuery} for `spec` on this connection. @throws TypeError naming `spec` when it is not a query spec. */
  makeApiQuery<S extends QuerySpec>(spec: S): APIQuery<S> {
    checkQuerySpec(spec, 'makeApiQuery', 'spec');
    return new APIQuery({ connection: this, parameters: spec });
  }

  /** `user@url v<apiVersion>`, as flowclient's repr. Never the token. */
  toString(): string {
    return `${this.user}@${this.url} v${this.apiVersion}`;
  }

  /** JSON form without the token. */
  toJSON(): { url: string; apiVersion: number; user: string } {
    return { url: this.url, apiVersion: this.apiVersion, user: this.user };
  }

  /** What Node's `util.inspect` and `console.log` show at any depth: {@link toString}'s text, never the token. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Connection <${this.toString()}>`;
  }

  #request(request: HttpRequest): Observable<FlowResponse> {
    const ctx: RequestContext = { url: this.url, apiVersion: this.apiVersion, route: request.route };
    const send = (token: string): Observable<FlowResponse> => sendRequest(this.#http, request, () => token, ctx);
    // Each attempt (the first and every retry) uses the token current at its start.
    return defer(() => this.#sendWith(this.token, send, true)).pipe(retryTransient(this.retry));
  }

  /**
   * One attempt with `token`. Refused for authentication after the token changed meanwhile: again
   * with the new one (a caller that waits for the next token would otherwise wait for one after
   * it). Refused as expired, with a refresher: once more with the token of the shared refresh.
   */
  #sendWith(token: string, send: (token: string) => Observable<FlowResponse>, mayRefresh: boolean): Observable<FlowResponse> {
    return send(token).pipe(
      catchError((error: unknown) => {
        if (!isAuthenticationError(error)) return throwError(() => error);
        if (this.token !== token) return this.#sendWith(this.token, send, mayRefresh);
        const refresh = this.#refresh;
        if (!mayRefresh || refresh === undefined || !isExpiry(error)) return throwError(() => error);
        return refresh.since(token).pipe(switchMap((fresh) => this.#sendWith(fresh, send, false)));
      }),
    );
  }
}

function tlsAgents(sslCertificate: string | boolean): ReturnType<typeof nodeAgentsFor> {
  try {
    return nodeAgentsFor(sslCertificate);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(`connect: sslCertificate could not be read (${reason})`, { cause: error });
  }
}

function isExpiry(error: unknown): boolean {
  return isAuthenticationError(error) && error.status === 401 && error.serverMessage === 'Token has expired';
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A URL as error messages show it: without user info, query or fragment, which may hold secrets. */
function shown(url: string): string {
  return url.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#]*@/i, '$1…@').replace(/([?#]).*$/s, '$1…');
}

function checkArguments(options: ConnectOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('connect: options object required');
  const { url, token, apiVersion } = options;
  if (typeof url !== 'string' || url === '') throw new TypeError('connect: url is required');
  const parsed = parseUrl(url);
  if (!/^https?:\/\/[^/\s]+/i.test(url) || /\s/.test(url) || parsed === undefined || !/^https?:$/.test(parsed.protocol)) {
    throw new TypeError(`connect: url must start with http:// or https:// and a host (got "${shown(url)}")`);
  }
  // Every request URL is built on this one: credentials would replace the token, a query or fragment would swallow the route.
  if (parsed.username !== '' || parsed.password !== '') {
    throw new TypeError('connect: url must not contain a user name or password (the token is the only credential)');
  }
  if (/[?#]/.test(url)) {
    throw new TypeError(`connect: url must not have a query or fragment (got "${shown(url)}")`);
  }
  if (/\/api\/\d+\/?$/.test(url)) {
    throw new TypeError(`connect: url must be the server's base URL, without /api/<version> (got "${shown(url)}")`);
  }
  if (typeof token !== 'string' || token.trim() === '') throw new TypeError('connect: token must be a non-empty string');
  if (apiVersion !== undefined && !(Number.isInteger(apiVersion) && apiVersion >= 0)) {
    throw new TypeError(`connect: apiVersion must be a non-negative integer (got ${String(apiVersion)})`);
  }
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs >= 0)) {
    throw new TypeError(`connect: timeoutMs must be a non-negative number of ms (got ${String(options.timeoutMs)})`);
  }
  const { tokenRefresher, onWarning, refreshTimeoutMs } = options;
  if (tokenRefresher !== undefined && typeof tokenRefresher !== 'function') {
    throw new TypeError(`connect: tokenRefresher must be a function returning a promise or observable of a token (got ${shownValue(tokenRefresher)})`);
  }
  if (onWarning !== undefined && typeof onWarning !== 'function') throw new TypeError(`connect: onWarning must be a function (got ${shownValue(onWarning)})`);
  if (refreshTimeoutMs !== undefined && !(typeof refreshTimeoutMs === 'number' && Number.isFinite(refreshTimeoutMs) && refreshTimeoutMs >= 0)) {
    throw new TypeError(`connect: refreshTimeoutMs must be a non-negative number of ms, 0 for none (got ${String(refreshTimeoutMs)})`);
  }
  const { maxPollsPerSecond, pollStrategy, onPollDecision } = options;
  if (maxPollsPerSecond !== undefined && !(maxPollsPerSecond === Infinity || (Number.isInteger(maxPollsPerSecond) && maxPollsPerSecond >= 1))) {
    throw new TypeError(`connect: maxPollsPerSecond must be a whole number ≥ 1 or Infinity (got ${String(maxPollsPerSecond)})`);
  }
  const strategyProblem = pollStrategyProblem(pollStrategy);
  if (strategyProblem !== undefined) throw new TypeError(`connect: pollStrategy ${strategyProblem}`);
  if (onPollDecision !== undefined && typeof onPollDecision !== 'function') {
    throw new TypeError('connect: onPollDecision must be a function');
  }
  resultCacheBytes(options.resultCache); // throws a TypeError naming resultCache
  checkRetryOption(options.retry, 'connect');
  checkMaxResponseBytes(options.maxResponseBytes); // throws a TypeError naming maxResponseBytes
}

/**
 * Connect to a FlowAPI server. Nothing is sent until a request is subscribed to.
 * @throws TypeError naming the bad argument (missing, schemeless or unparsable `url`, or one with
 * `/api/<n>`, credentials, a query or a fragment; empty `token`; negative or fractional
 * `apiVersion`; a `resultCache` other than a boolean or `{ maxBytes }`; a `retry` other than `false` or
 * `{ count, baseDelayMs, maxDelayMs }` of non-negative numbers; a `tokenRefresher` or `onWarning` that is not a
 * function; a negative `refreshTimeoutMs`); {@link FlowclientConnectionError} for an undecodable token.
 * @example
 * ```ts
 * const conn = connect({ url: 'https://flowapi.example.org', token });
 * conn.getUrl({ route: 'available_dates' }).subscribe((reply) => console.log(reply.data)); // a FlowResponse: no token in it
 * ```
 */
export function connect(options: ConnectOptions): Connection {
  return new Connection(options);
}
