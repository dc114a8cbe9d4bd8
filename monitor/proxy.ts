/**
 * The FlowAPI proxy: `/api/...` on the monitor's own origin is forwarded to the FlowAPI server,
 * as a dev proxy does (FlowAPI sends no CORS headers, so the page talks only to its origin).
 * Bodies stream both ways; an aborted page request aborts the upstream one.
 * @module
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';

/** Headers that belong to one connection and are not forwarded (RFC 9110 §7.6.1), plus cookies. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'cookie',
  'origin',
  'referer',
]);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

/**
 * A `Location` of the upstream as seen from the page: absolute URLs on the upstream origin and
 * paths under the upstream's base path become server-relative paths on the page's origin.
 * Locations elsewhere are passed on unchanged (the library never follows them with the token).
 */
export function rewriteLocation(location: string, upstream: URL): string {
  const base = upstream.pathname.replace(/\/+$/, '');
  let target: URL;
  try {
    target = new URL(location, upstream);
  } catch {
    return location;
  }
  if (target.origin !== upstream.origin) return location;
  const path = base !== '' && target.pathname.startsWith(`${base}/`) ? target.pathname.slice(base.length) : target.pathname;
  return `${path}${target.search}${target.hash}`;
}

/** Forward one request (path and query as received, starting `/api/`) to the FlowAPI at `upstream`. */
export function proxyToFlowapi(req: IncomingMessage, res: ServerResponse, upstream: URL): void {
  const base = upstream.pathname.replace(/\/+$/, '');
  const target = new URL(`${base}${req.url ?? '/'}`, upstream.origin);
  const client = target.protocol === 'https:' ? https : http;
  const outgoing = client.request(
    target,
    { method: req.method, headers: { ...forwardable(req.headers), host: target.host } },
    (reply) => {
      const headers = forwardable(reply.headers);
      const location = reply.headers.location;
      if (typeof location === 'string') headers.location = rewriteLocation(location, upstream);
      res.writeHead(reply.statusCode ?? 502, headers);
      reply.pipe(res);
      reply.on('error', () => res.destroy());
      reply.on('aborted', () => res.destroy());
    },
  );
  outgoing.on('error', (error) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // A gateway error the library maps and retries (502); the message names the upstream only.
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'error', msg: `The monitor could not reach FlowAPI at ${upstream.origin}: ${error.message}` }));
  });
  res.on('close', () => {
    if (!res.writableFinished) outgoing.destroy(); // the page gave up (unsubscribed): stop upstream too
  });
  req.pipe(outgoing);
}
