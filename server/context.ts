/**
 * Everything the routes of one server share.
 */
import type { TokenVerifier } from './auth.js';
import type { Counters } from './counters.js';
import type { Faults } from './faults.js';
import type { QueryKinds } from './kinds.js';
import type { QueryStore } from './query-store.js';
import type { VerifiedTokens } from './token-cache.js';
import type { FlowapiVersion, TestServer } from './types.js';

/** Shared state and settings of one server. */
export interface ServerContext {
  /** FlowAPI contract reproduced. */
  readonly version: FlowapiVersion;
  /** Token checking. */
  readonly verifier: TokenVerifier;
  /** Tokens verified before, until they expire. */
  readonly verifiedTokens: VerifiedTokens;
  /** The query-kinds implementation. */
  readonly kinds: QueryKinds;
  /** Query lifecycle. */
  readonly store: QueryStore;
  /** Request counters. */
  readonly counters: Counters;
  /** Fault injection. */
  readonly faults: Faults;
  /** Dates per event type. */
  readonly availableDates: Readonly<Record<string, readonly string[]>>;
  /** Answer unknown ids with 500 HTML as a real FlowAPI 1.18 does. */
  readonly unknownIdBug: boolean;
  /** Rows in every result, or `undefined` for each kind's own size. */
  readonly resultRows: number | undefined;
  /** Whether the `/__admin` routes exist. */
  readonly admin: boolean;
  /** Largest accepted body in bytes. */
  readonly bodyLimitBytes: number;
  /** Every query scope. */
  readonly queryScopes: readonly string[];
  /** Every scope, sorted. */
  readonly allScopes: readonly string[];
  /** The server's public handle (for the admin routes). */
  readonly handle: () => TestServer;
}
