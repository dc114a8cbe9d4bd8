/**
 * Browser-side handle on a FlowAPI test server started by the Karma `flowapi` middleware.
 * Mirrors `startTestServer` of `flowclient-rx/server`, over HTTP on the page's own origin.
 */
export interface BrowserTestServer {
  /** Base URL to pass to `connect`, on the page's origin (e.g. `http://127.0.0.1:9876/flowapi/3`). */
  readonly url: string;
  /** A token with every scope, minted at start. */
  readonly token: string;
  /** Mint a token with the given options (see the server's `MintTokenOptions`). */
  mintToken(options?: Record<string, unknown>): Promise<string>;
  /** Requests per route and polls per query id. */
  counters(): Promise<ServerCounters>;
  /** Zero the counters. */
  reset(): Promise<void>;
  /** Stop the server. */
  close(): Promise<void>;
}

/** Counters as reported by the test server. */
export interface ServerCounters {
  requests: Record<string, number>;
  polls: Record<string, number>;
  runs: Record<string, number>;
  total: number;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const res = await fetch(`/__flowapi/${path}`, init);
  const json = (await res.json()) as T & { msg?: string };
  if (!res.ok) throw new Error(`test-server control ${method} ${path}: ${res.status} ${json.msg ?? ''}`);
  return json;
}

/** Start a FlowAPI test server through the Karma middleware. */
export async function startTestServer(options: Record<string, unknown> = {}): Promise<BrowserTestServer> {
  const started = await call<{ id: string; path: string; token: string }>('POST', 'servers', options);
  const base = `servers/${started.id}`;
  return {
    url: `${location.origin}${started.path}`,
    token: started.token,
    mintToken: async (o = {}) => (await call<{ token: string }>('POST', `${base}/tokens`, o)).token,
    counters: () => call<ServerCounters>('GET', `${base}/counters`),
    reset: async () => void (await call('POST', `${base}/reset`)),
    close: async () => void (await call('DELETE', base)),
  };
}
