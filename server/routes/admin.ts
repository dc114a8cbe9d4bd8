/**
 * Control routes under `/__admin` (only when the server has `admin` or `faults`; no token):
 * replace faults, restart, force a query state, forget a query (`DELETE /__admin/queries/{id}`),
 * read a query's timeline, read or zero the counters, mint tokens.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { adminBody } from '../request-body.js';
import { json, send } from '../responses.js';
import { QUERY_STATES, type FaultOptions, type MintTokenOptions, type QueryState } from '../types.js';

const isQueryState = (value: unknown): value is QueryState => QUERY_STATES.includes(value as QueryState);

/** Register the admin routes. */
export function registerAdmin(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/__admin/faults', (request, reply) => {
    ctx.handle().setFaults(adminBody(request) as FaultOptions);
    return send(reply, json(200, {}));
  });
  app.post('/__admin/restart', (request, reply) => {
    const downMs = Number(adminBody(request)['downMs'] ?? 0);
    const restart = (): void => {
      ctx.handle()
        .restart(Number.isFinite(downMs) ? Math.max(0, downMs) : 0)
        .catch(() => undefined);
    };
    reply.raw.once('finish', restart);
    return send(reply, json(200, {}));
  });
  app.post<{ Params: { id: string } }>('/__admin/queries/:id/state', (request, reply) => {
    const state = adminBody(request)['state'];
    if (!isQueryState(state)) return send(reply, json(400, { msg: `Unknown query state: ${String(state)}` }));
    if (!ctx.store.find(request.params.id)) {
      return send(reply, json(404, { msg: `Unknown query id: '${request.params.id}'` }));
    }
    ctx.handle().setQueryState(request.params.id, state);
    return send(reply, json(200, {}));
  });
  app.delete<{ Params: { id: string } }>('/__admin/queries/:id', (request, reply) => {
    if (!ctx.handle().forgetQuery(request.params.id)) {
      return send(reply, json(404, { msg: `Unknown query id: '${request.params.id}'` }));
    }
    return send(reply, json(200, {}));
  });
  app.get<{ Params: { id: string } }>('/__admin/queries/:id/timeline', (request, reply) => {
    const timeline = ctx.handle().queryTimeline(request.params.id);
    if (!timeline) return send(reply, json(404, { msg: `Unknown query id: '${request.params.id}'` }));
    return send(reply, json(200, timeline));
  });
  app.get('/__admin/counters', (_request, reply) => send(reply, json(200, ctx.handle().counters())));
  app.post('/__admin/reset', (_request, reply) => {
    ctx.handle().reset();
    return send(reply, json(200, {}));
  });
  app.post('/__admin/tokens', async (request, reply) => {
    const token = await ctx.handle().mintToken(adminBody(request) as MintTokenOptions);
    return send(reply, json(200, { token }));
  });
}
