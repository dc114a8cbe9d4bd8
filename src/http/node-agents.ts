/**
 * Node's connection pools for a `Connection`: keep-alive agents with a bounded number of sockets
 * (so thousands of watched queries share a few connections), carrying `sslCertificate` — a CA file
 * path, `true` (system roots) or `false` (no verification). Browsers pool and verify themselves,
 * so there this gives nothing. Node's modules are reached through `process.getBuiltinModule`, so
 * bundlers for the browser never see them.
 * @module
 */
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type * as Fs from 'node:fs';

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
}

function nodeModule<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  return typeof proc?.getBuiltinModule === 'function' ? (proc.getBuiltinModule(id) as T) : undefined;
}

/** True when running on Node (where `sslCertificate` takes effect). */
export function isNode(): boolean {
  return nodeModule<typeof Https>('node:https') !== undefined;
}

/** Sockets a connection keeps open to its server at most (requests beyond wait for a free one). */
export const MAX_SOCKETS = 32;

/** The agents of one connection in Node: `http` and `https` pools. */
export interface NodeAgents {
  readonly httpAgent: Http.Agent;
  readonly httpsAgent: Https.Agent;
}

/**
 * Keep-alive agents for a connection in Node, or `undefined` in a browser.
 * @param sslCertificate - path to a CA PEM file, `true` for system roots, `false` for no verification
 * @throws when the CA file cannot be read
 */
export function nodeAgentsFor(sslCertificate: string | boolean): NodeAgents | undefined {
  const http = nodeModule<typeof Http>('node:http');
  const https = nodeModule<typeof Https>('node:https');
  if (http === undefined || https === undefined) return undefined;
  const pool = { keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: MAX_SOCKETS };
  const tls =
    sslCertificate === true
      ? {}
      : sslCertificate === false
        ? { rejectUnauthorized: false }
        : { ca: nodeModule<typeof Fs>('node:fs')?.readFileSync(sslCertificate) };
  return { httpAgent: new http.Agent(pool), httpsAgent: new https.Agent({ ...pool, ...tls }) };
}
