/**
 * `startMonitor`: the live query monitor's web server. Serves the page and its bundle on
 * 127.0.0.1, hands the page its token through `/config.json` on the same origin, and proxies
 * `/api/...` to FlowAPI (the embedded test server, or a real one).
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import type { TestServer } from '../server/index.js';
import { bundlePage } from './bundle.js';
import { proxyToFlowapi } from './proxy.js';
import { openUpstream } from './upstream.js';

/** Options of {@link startMonitor}. */
export interface MonitorOptions {
  /** Port to listen on; 0 picks a free one. @defaultValue 0 */
  readonly port?: number;
  /** Interface to listen on. @defaultValue '127.0.0.1' */
  readonly host?: string;
  /** A real FlowAPI's base URL; with `token`, no test server is started. */
  readonly flowapiUrl?: string | undefined;
  /** Token for `flowapiUrl`. */
  readonly token?: string | undefined;
  /** Embedded test server only: ms from run to completed. @defaultValue 4000 */
  readonly queryDurationMs?: number;
}

/** What the page reads from `/config.json`. */
export interface PageConfig {
  /** The token the page starts with. */
  readonly token: string;
  /** The FlowAPI the monitor forwards to, for display. */
  readonly flowapiUrl: string;
  /** `external` or `test-server`. */
  readonly source: 'external' | 'test-server';
}

/** A running monitor. */
export interface Monitor {
  /** The page's address, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  /** The FlowAPI it forwards to. */
  readonly flowapiUrl: string;
  /** The embedded test server (to mint tokens in tests), or `undefined` for an external FlowAPI. */
  readonly testServer: TestServer | undefined;
  /** Stop serving and stop the embedded test server. */
  close(): Promise<void>;
}

const PAGE_DIR = new URL('./page/', import.meta.url);
const STATIC: Readonly<Record<string, readonly [file: string, type: string]>> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
};
const BUNDLE_TYPES: Readonly<Record<string, string>> = {
  '/app.js': 'text/javascript; charset=utf-8',
  '/app.js.map': 'application/json',
};
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

/**
 * Loopback only, and only under its own name: a page on another site that rebinds its DNS name
 * to 127.0.0.1 sends its own Host, and is turned away before it can read `/config.json`.
 */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host);
}

/**
 * Start the monitor: the embedded FlowAPI test server (unless `flowapiUrl` and `token` name a
 * real FlowAPI), the page bundle, and the web server.
 * @example
 * ```ts
 * const monitor = await startMonitor({ port: 0, queryDurationMs: 3000 });
 * console.log(`Monitor: ${monitor.url}`);
 * await monitor.close();
 * ```
 */
export async function startMonitor(options: MonitorOptions = {}): Promise<Monitor> {
  const [upstream, bundle] = await Promise.all([
    openUpstream({ flowapiUrl: options.flowapiUrl, token: options.token, queryDurationMs: options.queryDurationMs }),
    bundlePage(),
  ]);
  const upstreamUrl = new URL(upstream.url);
  const config: PageConfig = { token: upstream.token, flowapiUrl: upstream.url, source: upstream.source };
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req, port)) return send(res, 421, 'text/plain; charset=utf-8', 'Misdirected request: use 127.0.0.1.\n');
    const path = new URL(req.url ?? '/', 'http://monitor').pathname;
    if (path.startsWith('/api/')) return proxyToFlowapi(req, res, upstreamUrl);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n');
    if (path === '/config.json') return send(res, 200, 'application/json', JSON.stringify(config));
    const bundled = bundle.get(path.slice(1));
    const bundleType = BUNDLE_TYPES[path];
    if (bundled && bundleType) return send(res, 200, bundleType, bundled);
    const file = STATIC[path];
    if (file) return send(res, 200, file[1], await readFile(new URL(file[0], PAGE_DIR)));
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Monitor error: ${error instanceof Error ? error.message : String(error)}\n`);
      else res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await upstream.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    flowapiUrl: upstream.url,
    testServer: upstream.testServer,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await upstream.close();
    },
  };
}
