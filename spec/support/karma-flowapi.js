// Karma middleware: starts FlowAPI test servers on request of the specs and serves each one on
// the test page's own origin under /flowapi/<id>, as a dev proxy would (Location headers are
// rewritten like nginx's proxy_redirect). Control routes live under /__flowapi/.
import http from 'node:http';

/** @type {Map<string, import('../../server/index.ts').TestServer>} */
const servers = new Map();
let nextId = 1;
let serverModule;
const loadServer = () => (serverModule ??= import('../../server/index.ts'));

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const sendJson = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body ?? null));
};

async function control(req, res, parts) {
  const [, id, action] = parts; // servers/<id>/<action>
  if (req.method === 'POST' && !id) {
    const raw = (await readBody(req)).toString() || '{}';
    const { startTestServer } = await loadServer();
    const server = await startTestServer(JSON.parse(raw));
    const key = String(nextId++);
    servers.set(key, server);
    return sendJson(res, 200, { id: key, path: `/flowapi/${key}`, token: await server.mintToken() });
  }
  const server = id === undefined ? undefined : servers.get(id);
  if (!server) return sendJson(res, 404, { msg: `no test server ${id}` });
  if (req.method === 'DELETE' && !action) {
    servers.delete(id);
    await server.close();
    return sendJson(res, 200, {});
  }
  if (req.method === 'POST' && action === 'tokens') {
    const raw = (await readBody(req)).toString() || '{}';
    return sendJson(res, 200, { token: await server.mintToken(JSON.parse(raw)) });
  }
  if (req.method === 'GET' && action === 'counters') return sendJson(res, 200, server.counters());
  if (req.method === 'POST' && action === 'reset') {
    server.reset();
    return sendJson(res, 200, {});
  }
  return sendJson(res, 404, { msg: 'unknown control route' });
}

function proxy(req, res, id, rest) {
  const server = servers.get(id);
  if (!server) return sendJson(res, 502, { msg: `no test server ${id}` });
  const target = new URL(rest, server.url);
  const upstream = http.request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (up) => {
      const headers = { ...up.headers };
      if (typeof headers.location === 'string' && headers.location.startsWith('/')) {
        headers.location = `/flowapi/${id}${headers.location}`;
      }
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
      up.on('error', () => res.destroy());
      up.on('aborted', () => res.destroy());
    },
  );
  upstream.on('error', () => (res.headersSent ? res.destroy() : res.socket?.destroy()));
  req.on('aborted', () => upstream.destroy());
  req.pipe(upstream);
}

function flowapiMiddlewareFactory() {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://page');
    const control = url.pathname.match(/^\/__flowapi\/(.*)$/);
    if (control) {
      return controlRoute(req, res, control[1].split('/').filter(Boolean)).catch((err) =>
        sendJson(res, 500, { msg: String(err?.message ?? err) }),
      );
    }
    const proxied = url.pathname.match(/^\/flowapi\/([^/]+)(\/.*)?$/);
    if (proxied) return proxy(req, res, proxied[1], (proxied[2] ?? '/') + url.search);
    return next();
  };
}
const controlRoute = control;

process.once('exit', () => {
  for (const server of servers.values()) void server.close();
});

export default { 'middleware:flowapi': ['factory', flowapiMiddlewareFactory] };
