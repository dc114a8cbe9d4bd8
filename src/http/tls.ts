/**
 * TLS settings for Node: `sslCertificate` as a CA file path, `true` (system roots) or `false`
 * (no verification). Browsers decide TLS themselves, so there it has no effect. Node's modules are
 * reached through `process.getBuiltinModule`, so bundlers for the browser never see them.
 * @module
 */
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

/**
 * The `https.Agent` that carries the connection's TLS settings in Node, or `undefined` when the
 * defaults apply (verification on, system roots) or in a browser.
 * @param sslCertificate - path to a CA PEM file, `true` for system roots, `false` for no verification
 */
export function httpsAgentFor(sslCertificate: string | boolean): Https.Agent | undefined {
  if (sslCertificate === true) return undefined;
  const https = nodeModule<typeof Https>('node:https');
  if (https === undefined) return undefined;
  if (sslCertificate === false) return new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const fs = nodeModule<typeof Fs>('node:fs');
  if (fs === undefined) return undefined;
  return new https.Agent({ ca: fs.readFileSync(sslCertificate), keepAlive: true });
}
