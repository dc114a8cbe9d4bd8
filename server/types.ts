/**
 * Public option and handle types of the FlowAPI test server (re-exported by `server/index.ts`).
 */

/** Name under which every request is counted and by which faults pick their targets. */
export type RouteName =
  | 'root'
  | 'run'
  | 'poll'
  | 'get'
  | 'geography'
  | 'available_dates'
  | 'qa'
  | 'spec'
  | 'admin'
  | 'unknown';

/** Every route name, in a fixed order (the keys of {@link ServerCounters.requests}). */
export const ROUTE_NAMES: readonly RouteName[] = [
  'root',
  'run',
  'poll',
  'get',
  'geography',
  'available_dates',
  'qa',
  'spec',
  'admin',
  'unknown',
];

/** FlowMachine query states (lowercase, as FlowMachine sends them). */
export type QueryState =
  | 'known'
  | 'queued'
  | 'executing'
  | 'completed'
  | 'errored'
  | 'cancelled'
  | 'resetting'
  | 'reset_failed';

/** Every query state, for validating input (e.g. the admin route). */
export const QUERY_STATES: readonly QueryState[] = [
  'known',
  'queued',
  'executing',
  'completed',
  'errored',
  'cancelled',
  'resetting',
  'reset_failed',
];

/** FlowAPI version whose HTTP contract the server reproduces. */
export type FlowapiVersion = '1.18' | '1.3';

/** One burst: the next `count` requests to `route` (any route if omitted) get this answer instead. */
export interface BurstFault {
  /** Route the burst applies to; any route (except admin) when omitted. */
  route?: RouteName;
  /** HTTP status to answer with. */
  status: number;
  /** How many requests the burst answers. */
  count: number;
  /** Body to send. @defaultValue `{"status":"error","msg":"Injected <status>"}` */
  body?: string;
  /** Content type of `body`. @defaultValue `'application/json'` */
  contentType?: string;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** The next `count` requests to `route` lose their connection without an answer. */
export interface ResetFault {
  /** Route the fault applies to; any route (except admin) when omitted. */
  route?: RouteName;
  /** How many requests are reset. */
  count: number;
}

/** The next `count` requests to `route` wait `ms` milliseconds before being handled. */
export interface StallFault {
  /** Route the fault applies to; any route (except admin) when omitted. */
  route?: RouteName;
  /** Delay in milliseconds. */
  ms: number;
  /** How many requests stall. */
  count: number;
}

/**
 * The next `count` replies to `route` send their body one byte every `intervalMs` (chunked, no
 * `Content-Length`): a reply slow from end to end whose connection is never idle for long.
 * Applies to replies sent whole (run, poll, available_dates, qa, a 202 of get…), not to result streams.
 */
export interface DripFault {
  /** Route the fault applies to; any route (except admin) when omitted. */
  route?: RouteName;
  /** Milliseconds between two bytes. */
  intervalMs: number;
  /** How many replies drip. */
  count: number;
}

/** The next `count` result streams (get, geography) stop after `afterBytes` body bytes. */
export interface CutResultFault {
  /** Body bytes sent before the socket is destroyed. */
  afterBytes: number;
  /** How many streams are cut. */
  count: number;
}

/** Fault injection; every list entry is consumed in order (its `count` decrements). */
export interface FaultOptions {
  /** Added delay in milliseconds for every request, or per route. */
  latencyMs?: number | Partial<Record<RouteName, number>>;
  /** Injected error answers. */
  bursts?: BurstFault[];
  /** Connections destroyed without an answer. */
  resets?: ResetFault[];
  /** Requests held before handling. */
  stalls?: StallFault[];
  /** Result streams cut mid-body. */
  cutResults?: CutResultFault[];
  /** Replies whose body is dripped a byte at a time. */
  drips?: DripFault[];
}

/**
 * A time in milliseconds: fixed, or a `[min, max]` range from which each query draws its own value
 * with a generator seeded by its query id (the same spec gets the same value in every run).
 * @example
 * 300         // every query takes 300 ms
 * [500, 4000] // each query takes between 500 and 4000 ms, fixed per query id
 */
export type DurationMs = number | readonly [min: number, max: number];

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /** Port to listen on. @defaultValue `0` (ephemeral) */
  port?: number;
  /** Interface to listen on. @defaultValue `'127.0.0.1'` */
  host?: string;
  /** FlowAPI contract to reproduce; `'1.3'` is the legacy contract. @defaultValue `'1.18'` */
  flowapiVersion?: FlowapiVersion;
  /** Expected `aud` claim, advertised as `x-audience`. @defaultValue `'flowapi-test-server'` */
  audience?: string;
  /**
   * Milliseconds from run to completed (queued time included), or a `[min, max]` range each query
   * draws its duration from (seeded by its id). The executing part of it is split among the
   * query's sub-queries unevenly (seeded weights), so they are stored at uneven times.
   * @defaultValue `300`
   * @example
   * startTestServer({ queryDurationMs: [500, 4000] });
   */
  queryDurationMs?: DurationMs;
  /**
   * Milliseconds a query spends queued before it executes, or a `[min, max]` range (seeded by the
   * query id); never more than the query's duration (a longer one is cut to it).
   * @defaultValue a tenth of the query's duration
   */
  queuedMs?: DurationMs;
  /**
   * Dates per event type.
   * @defaultValue calls/sms/mds/topups: 2016-01-01..2016-01-07, forwards: []
   */
  availableDates?: Record<string, string[]>;
  /**
   * Subscribers of the synthetic country every result is computed from (with `seed` and
   * `availableDates`; see the test-server guide, "The synthetic country"). A small number shows
   * the gaps redaction makes. @defaultValue `100000`
   */
  subscribers?: number;
  /**
   * Seed of the synthetic country (regions, cells, subscribers, their movements and events).
   * @defaultValue `1`
   */
  seed?: number;
  /** RS256 key pair (PEM); a fresh pair is generated at start when omitted. */
  keys?: { privateKeyPem: string; publicKeyPem: string };
  /** Fault injection (also enables the admin routes). @defaultValue none */
  faults?: FaultOptions;
  /** Enable the `/__admin` routes. @defaultValue `false` (true when `faults` is given) */
  admin?: boolean;
  /** Largest accepted request body in bytes (413 beyond). @defaultValue `1048576` */
  bodyLimitBytes?: number;
  /**
   * Rows in every query result (JSON, CSV and GeoJSON of `get`), instead of the query kind's own
   * size; e.g. about 1.4 million rows make a 50 MB JSON result. @defaultValue the kind's own size
   */
  resultRows?: number;
  /**
   * Answer poll/get of an unknown query id with 500 and an HTML page, as a real FlowAPI 1.18 does,
   * instead of the intended 404 JSON. @defaultValue `false`
   */
  unknownIdBug?: boolean;
}

/** Options of {@link TestServer.mintToken}. */
export interface MintTokenOptions {
  /** User name (`sub`, or `identity` on a 1.3 server). @defaultValue `'test-user'` */
  sub?: string;
  /** Role name → scopes. @defaultValue one role `'all'` with every scope */
  roles?: Record<string, string[]>;
  /** Shorthand for one role `'default'` with these scopes. */
  scopes?: string[];
  /** Lifetime in seconds; negative gives an already expired token. @defaultValue `3600` */
  expiresInSeconds?: number;
  /** `aud` claim. @defaultValue the server's audience */
  audience?: string;
  /** Leave out the identity claim (→ 422 `Missing claim: sub`). */
  omitSub?: boolean;
  /** Sign with a different key (→ 422 `Signature verification failed`). */
  foreignKey?: boolean;
  /** Leave out the `exp` claim. */
  noExpiry?: boolean;
  /** Put this value into `user_claims` as is, instead of claims built from roles/scopes. */
  rawUserClaims?: unknown;
}

/** Request counters of a server. */
export interface ServerCounters {
  /** Requests per route name, every request including errors. */
  requests: Record<RouteName, number>;
  /** `GET poll/{id}` requests per query id. */
  polls: Record<string, number>;
  /** Query executions actually started per query id. */
  runs: Record<string, number>;
  /** All requests. */
  total: number;
}

/**
 * When one run of a query reaches each point of its timeline; epoch milliseconds on the
 * `Date.now` clock (fractional), so a benchmark can measure how late a client noticed each one.
 */
export interface QueryTimeline {
  /** When the run started (the run request, or the re-run of a cancelled or known query). */
  readonly startedAt: number;
  /** When the query leaves `queued` and starts `executing`. */
  readonly executingAt: number;
  /**
   * When each sub-query is stored (`eligible` drops by one at each), in order; the last one is
   * {@link QueryTimeline.completedAt}.
   */
  readonly partsStoredAt: readonly number[];
  /** When the query leaves `executing`: `completed`, or `errored` for dates the server lacks. */
  readonly completedAt: number;
}

/** A running FlowAPI test server. */
export interface TestServer {
  /** Base URL, e.g. `'http://127.0.0.1:43121'` (no trailing slash, no `/api/0`). */
  readonly url: string;
  /** Audience the server expects in tokens. */
  readonly audience: string;
  /** Stop the server (open connections are dropped). */
  close(): Promise<void>;
  /** Mint a token this server accepts (or, with options, one it rejects). */
  mintToken(options?: MintTokenOptions): Promise<string>;
  /** A snapshot of the request counters. */
  counters(): ServerCounters;
  /** Zero the counters; queries are kept. */
  reset(): void;
  /** Replace the active faults. */
  setFaults(faults: FaultOptions): void;
  /** Stop listening, wait `downMs`, listen again on the same port; query state is kept. */
  restart(downMs?: number): Promise<void>;
  /** Force a known query into a state; throws for an unknown id. */
  setQueryState(queryId: string, state: QueryState): void;
  /**
   * Forget a query, as a restarted FlowMachine does: poll and get answer as for an unknown id
   * (404, or 500 HTML with `unknownIdBug`) until its spec is run again. Returns whether it was known.
   */
  forgetQuery(queryId: string): boolean;
  /**
   * The planned timeline of a known query's latest run, `undefined` for an unknown id. A query
   * forced into a state with {@link TestServer.setQueryState} no longer follows it.
   * @example
   * const timeline = server.queryTimeline(queryId);
   * const noticeDelayMs = noticedAt - timeline!.completedAt;
   */
  queryTimeline(queryId: string): QueryTimeline | undefined;
}
