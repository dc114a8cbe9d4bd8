/**
 * Telling a missing optional peer (`fastify`, `jose`) apart from other failures to load the
 * server, so the command can say in one line how to install them.
 */

/** The optional peers the test server needs. */
export const SERVER_PEERS: readonly string[] = ['fastify', 'jose'];

/** The one line printed when a peer is missing. */
export const MISSING_PEER_LINE =
  'flowapi-test-server needs the packages fastify and jose (optional peer dependencies of flowclient-rx): npm i -D fastify jose';

/**
 * The peer an import failed for: Node's `ERR_MODULE_NOT_FOUND` ("Cannot find package 'fastify'
 * imported from …"), or CommonJS's `MODULE_NOT_FOUND`; `undefined` for any other error.
 */
export function missingPeer(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if ((code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') || typeof message !== 'string') return undefined;
  const name = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1];
  return SERVER_PEERS.find((peer) => name === peer || name?.startsWith(`${peer}/`));
}
