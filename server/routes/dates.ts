/**
 * `GET /api/0/available_dates`: needs `get_available_dates`; answers `{"available_dates": {...}}`.
 * A request body is ignored, as by FlowAPI.
 */
import type { FastifyInstance } from 'fastify';
import { actionAccess, refusal, requireToken } from '../access.js';
import type { ServerContext } from '../context.js';
import { json, send } from '../responses.js';

/** Register the available dates route. */
export function registerDates(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/0/available_dates', async (request, reply) => {
    const principal = await requireToken(ctx, request, reply);
    if (!principal) return reply;
    const denied = refusal(actionAccess(principal, 'get_available_dates'));
    if (denied) return send(reply, denied);
    return send(reply, json(200, { available_dates: ctx.availableDates }));
  });
}
