/**
 * `GET /api/0/poll/{id}`: 303 to `/api/0/get/{id}` when completed, 202 with progress while queued or
 * executing, 500 when errored or cancelled, 404 otherwise (known, resetting, reset_failed).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import { json, send, type Answer } from '../responses.js';
import { knownQuery } from './known-query.js';

async function poll(ctx: ServerContext, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Promise<unknown> {
  const id = request.params.id;
  const known = await knownQuery(ctx, request, reply, id, 'poll');
  if (!known) return reply;
  const { state, progress } = ctx.store.reading(known.query); // one instant: status and progress agree
  const legacy = ctx.version === '1.3';
  let answer: Answer;
  if (state === 'completed') {
    answer = json(303, legacy ? {} : { status: 'completed' }, { Location: `/api/0/get/${id}` });
  } else if (state === 'queued' || state === 'executing') {
    const body = legacy
      ? { status: state, msg: '' }
      : { status: state, msg: '', progress };
    answer = json(202, body);
  } else if (state === 'errored' || state === 'cancelled') {
    answer = json(500, { status: state, msg: '' });
  } else {
    answer = json(404, { status: state, msg: '' });
  }
  return send(reply, answer);
}

/** Register the poll route. */
export function registerPoll(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { id: string } }>('/api/0/poll/:id', (request, reply) => poll(ctx, request, reply));
}
