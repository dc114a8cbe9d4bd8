/**
 * Starting a server with a given query-kinds implementation: options, keys, shared state, the
 * fastify app, listening, and the {@link TestServer} handle (restart keeps state and port).
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import type { ServerContext } from './context.js';
import { Counters } from './counters.js';
import { availableDatesOn, datesFromTo } from './dates.js';
import { Faults } from './faults.js';
import { freshKeys, loadKeys } from './keys.js';
import type { QueryKinds } from './kinds.js';
import { legacyClaimsFromScopes, type LegacyClaims } from './legacy-claims.js';
import { allScopes } from './permissions.js';
import { QueryStore } from './query-store.js';
import { mintToken, type TokenIssuer } from './tokens.js';
import type { TestServer, TestServerOptions } from './types.js';
import { VerifiedTokens } from './token-cache.js';

/** Default dates: calls, sms, mds and topups on 2016-01-01..2016-01-07; no forwards. */
export function defaultAvailableDates(): Record<string, string[]> {
  return availableDatesOn(datesFromTo('2016-01-01', '2016-01-07'));
}

function fullLegacyClaims(scopes: readonly string[], units: readonly string[]): LegacyClaims {
  const claims = legacyClaimsFromScopes(scopes);
  for (const entry of Object.values(claims)) {
    entry.permissions = { run: true, poll: true, get_result: true };
    entry.spatial_aggregation = [...new Set([...entry.spatial_aggregation, ...units])];
  }
  return claims;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Start a FlowAPI test server over the given query-kinds implementation. */
export async function launchTestServer(options: TestServerOptions, kinds: QueryKinds): Promise<TestServer> {
  const version = options.flowapiVersion ?? '1.18';
  const audience = options.audience ?? 'flowapi-test-server';
  const host = options.host ?? '127.0.0.1';
  // Given keys are loaded now (a bad PEM fails the start); generated ones may finish after the
  // server listens, and the first token check or mint waits for them.
  const keys = options.keys ? Promise.resolve(await loadKeys(options.keys)) : freshKeys();
  keys.catch(() => undefined);
  const queryScopes = [...new Set(kinds.allQueryScopes())].sort();
  const everyScope = allScopes(queryScopes);
  const counters = new Counters();
  const faults = new Faults(options.faults);
  const availableDates = options.availableDates ?? defaultAvailableDates();
  const store = new QueryStore({
    durationMs: options.queryDurationMs ?? 300,
    queuedMs: options.queuedMs,
    availableDates,
    onRun: (id) => counters.run(id),
  });
  const issuer: TokenIssuer = {
    audience,
    version,
    keys,
    everyScope,
    fullLegacyClaims: fullLegacyClaims(everyScope, kinds.AGGREGATION_UNITS),
  };
  const started: { handle?: TestServer } = {};
  const ctx: ServerContext = {
    version,
    verifier: { keys, audience, version },
    verifiedTokens: new VerifiedTokens(),
    kinds,
    store,
    counters,
    faults,
    availableDates,
    unknownIdBug: options.unknownIdBug ?? false,
    resultRows: options.resultRows,
    admin: options.admin === true || options.faults !== undefined,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    queryScopes,
    allScopes: everyScope,
    handle: () => {
      if (!started.handle) throw new Error('server not started');
      return started.handle;
    },
  };
  const app = buildApp(ctx);
  await app.listen({ port: options.port ?? 0, host });
  const port = (app.server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let restarting: Promise<void> = Promise.resolve();
  let closed = false;

  const restartOnce = async (downMs: number): Promise<void> => {
    await new Promise<void>((resolve) => {
      app.server.close(() => resolve());
      app.server.closeAllConnections();
    });
    await wait(downMs);
    if (closed) return;
    await new Promise<void>((resolve, reject) => {
      app.server.once('error', reject);
      app.server.listen(port, host, () => {
        app.server.off('error', reject);
        resolve();
      });
    });
  };

  const handle: TestServer = {
    url: `http://${urlHost}:${port}`,
    audience,
    close: async () => {
      if (closed) return;
      closed = true;
      await restarting.catch(() => undefined);
      if (app.server.listening) await app.close();
    },
    mintToken: (mintOptions) => mintToken(issuer, mintOptions),
    counters: () => counters.snapshot(),
    reset: () => counters.reset(),
    setFaults: (next) => faults.set(next),
    restart: (downMs = 0) => {
      restarting = restarting.catch(() => undefined).then(() => restartOnce(downMs));
      return restarting;
    },
    setQueryState: (queryId, state) => store.setState(queryId, state),
    forgetQuery: (queryId) => store.forget(queryId),
    queryTimeline: (queryId) => store.timeline(queryId),
  };
  started.handle = handle;
  return handle;
}
