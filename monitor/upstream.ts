/**
 * Where the monitor's FlowAPI is: a real one named by `FLOWAPI_URL` and `FLOWAPI_TOKEN`, or the
 * embedded FlowAPI test server (January–February 2016, as `flowapi-test-server` serves) with a
 * freshly minted token.
 * @module
 */
import { startTestServer, type TestServer } from '../server/index.js';
import { availableDatesOn, COMMAND_DATES, datesFromTo } from '../server/dates.js';

/** The FlowAPI the monitor proxies to, and the token the page starts with. */
export interface Upstream {
  /** Base URL of the FlowAPI server (no `/api/<version>`), e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  /** Token the page starts with; never logged, never put in a URL. */
  readonly token: string;
  /** `external` when it came from the environment, `test-server` for the embedded one. */
  readonly source: 'external' | 'test-server';
  /** The embedded test server (to mint more tokens), when there is one. */
  readonly testServer: TestServer | undefined;
  /** Stop the embedded test server, if any. */
  close(): Promise<void>;
}

/** Options of {@link openUpstream}. */
export interface UpstreamOptions {
  /** A real FlowAPI's base URL; with `token`, no test server is started. */
  readonly flowapiUrl?: string | undefined;
  /** A token for `flowapiUrl`. */
  readonly token?: string | undefined;
  /** Embedded test server only: ms from run to completed. @defaultValue 4000 */
  readonly queryDurationMs?: number | undefined;
  /** Embedded test server only: user of the minted token. @defaultValue 'demo' */
  readonly user?: string | undefined;
}

/** The external FlowAPI when both its URL and token are given, else a new embedded test server. */
export async function openUpstream(options: UpstreamOptions = {}): Promise<Upstream> {
  const { flowapiUrl, token } = options;
  if (flowapiUrl && token) {
    const url = new URL(flowapiUrl); // throws on a malformed URL, before anything listens
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`FLOWAPI_URL must be http(s) (got ${url.protocol})`);
    return { url: flowapiUrl.replace(/\/+$/, ''), token, source: 'external', testServer: undefined, close: async () => {} };
  }
  // The same dates as `flowapi-test-server` serves: January and February 2016.
  const server = await startTestServer({
    queryDurationMs: options.queryDurationMs ?? 4000,
    availableDates: availableDatesOn(datesFromTo(COMMAND_DATES.first, COMMAND_DATES.last)),
  });
  const minted = await server.mintToken({ sub: options.user ?? 'demo' });
  return { url: server.url, token: minted, source: 'test-server', testServer: server, close: () => server.close() };
}
