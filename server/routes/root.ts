/**
 * `GET /`: 200 with an empty body (FlowAPI's health check).
 */
import type { FastifyInstance } from 'fastify';
import { html, send } from '../responses.js';

/** Register the root route. */
export function registerRoot(app: FastifyInstance): void {
  app.get('/', (_request, reply) => send(reply, html(200, '')));
}
