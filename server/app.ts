/**
 * The fastify application of one server: raw-body parsing (so FlowAPI's check order holds), the
 * counting and fault-injection hook, werkzeug-style 404/405/400/413/500 answers, and the routes.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServerContext } from './context.js';
import { dripped } from './drip.js';
import {
  BAD_REQUEST_PAGE,
  html,
  internalError,
  METHOD_NOT_ALLOWED_PAGE,
  NOT_FOUND_PAGE,
  send,
  TOO_LARGE_PAGE,
} from './responses.js';
import { allowedMethods, routeNameOf, type RouteSet } from './route-names.js';
import { registerAdmin } from './routes/admin.js';
import { registerDates } from './routes/dates.js';
import { registerGeography } from './routes/geography.js';
import { registerGet } from './routes/get.js';
import { registerPoll } from './routes/poll.js';
import { registerQa } from './routes/qa.js';
import { registerRoot } from './routes/root.js';
import { registerRun } from './routes/run.js';
import { registerSpec } from './routes/spec.js';

const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref());

function pollIdOf(url: string): string | null {
  const match = /^\/api\/0\/poll\/([^/?]+)/.exec(url);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** Requests whose reply must drip, with the milliseconds between two bytes (decided on arrival). */
const dripping = new WeakMap<FastifyRequest, number>();

/** The onSend hook of dripped replies: the payload, or it dripped when its request was marked on arrival. */
function dripPayload(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const intervalMs = dripping.get(request);
  if (intervalMs === undefined) return Promise.resolve(payload);
  reply.removeHeader('content-length');
  return Promise.resolve(dripped(payload, intervalMs));
}

/** Count the request, then apply faults decided on arrival: latency, stall, reset, burst, drip (admin routes are exempt). */
function countAndInjectFaults(ctx: ServerContext, routes: RouteSet) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const route = routeNameOf(request.url, routes);
    ctx.counters.request(route);
    const pollId = route === 'poll' ? pollIdOf(request.url) : null;
    if (pollId !== null) ctx.counters.poll(pollId);
    // A route pattern matched but werkzeug would not (an empty segment, e.g. `/api/0/poll/`).
    if (route === 'unknown' && request.routeOptions.url !== undefined) return send(reply, html(404, NOT_FOUND_PAGE));
    if (route === 'admin') return undefined;
    // Every fault is decided on arrival, so a stalled request never takes a fault set after it came in.
    const wait = ctx.faults.latencyFor(route) + (ctx.faults.takeStall(route) ?? 0);
    const reset = ctx.faults.takeReset(route);
    const burst = reset ? null : ctx.faults.takeBurst(route);
    const drip = reset ? null : ctx.faults.takeDrip(route);
    if (drip !== null) dripping.set(request, drip);
    if (wait > 0) await delay(wait);
    if (reset) {
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    return burst ? send(reply, burst) : undefined;
  };
}

function notFound(routes: RouteSet) {
  return (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const methods = allowedMethods(request.url, routes);
    if (methods === null) return send(reply, html(404, NOT_FOUND_PAGE));
    const allow = { Allow: methods.join(', ') };
    if (request.method === 'OPTIONS') return send(reply, html(200, '', allow));
    return send(reply, html(405, METHOD_NOT_ALLOWED_PAGE, allow));
  };
}

function errorAnswer(error: { statusCode?: number; code?: string }) {
  if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return html(413, TOO_LARGE_PAGE);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return html(400, BAD_REQUEST_PAGE);
  }
  return internalError();
}

/** Build the fastify app of a server (not yet listening). */
export function buildApp(ctx: ServerContext): FastifyInstance {
  const routes: RouteSet = { version: ctx.version, admin: ctx.admin };
  const app = Fastify({
    logger: false,
    bodyLimit: ctx.bodyLimitBytes,
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 16 * 1024 },
    return503OnClosing: false,
    frameworkErrors: (_error, _request, reply) => void send(reply, html(400, BAD_REQUEST_PAGE)),
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', countAndInjectFaults(ctx, routes));
  app.addHook('onSend', dripPayload);
  app.setNotFoundHandler(notFound(routes));
  app.setErrorHandler((error, _request, reply) => {
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    return send(reply, errorAnswer(error as { statusCode?: number; code?: string }));
  });
  registerRoot(app);
  registerRun(app, ctx);
  registerPoll(app, ctx);
  registerGet(app, ctx);
  registerGeography(app, ctx);
  registerDates(app, ctx);
  if (ctx.version !== '1.3') registerQa(app, ctx);
  registerSpec(app, ctx);
  if (ctx.admin) registerAdmin(app, ctx);
  return app;
}
