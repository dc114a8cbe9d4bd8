/**
 * Shared first steps of poll and get: token, then the stored spec of the id (unknown → 404, or the
 * era's variant), then the permission check on that spec.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { queryAccess, refusal, requireToken } from '../access.js';
import type { Principal } from '../auth.js';
import type { ServerContext } from '../context.js';
import type { LegacyAction } from '../legacy-claims.js';
import type { StoredQuery } from '../query-store.js';
import { exceptionPage, html, internalError, json, send, type Answer } from '../responses.js';

/** How FlowAPI answers poll/get for an id it does not know. */
export function unknownIdAnswer(ctx: ServerContext, id: string): Answer {
  if (ctx.version === '1.3') return html(404, exceptionPage(404, 'Query ID not found', `Unknown query ID '${id}'`));
  if (ctx.unknownIdBug) return internalError();
  return json(404, { status: 'Error', msg: `Unknown query id: '${id}'` });
}

/** Token, stored spec and permission for `id`; on failure the answer is sent and `null` returned. */
export async function knownQuery(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  action: LegacyAction,
): Promise<{ principal: Principal; query: StoredQuery } | null> {
  const principal = await requireToken(ctx, request, reply);
  if (!principal) return null;
  const query = ctx.store.find(id);
  if (!query) {
    send(reply, unknownIdAnswer(ctx, id));
    return null;
  }
  const denied = refusal(queryAccess(principal, query, action));
  if (denied) {
    send(reply, denied);
    return null;
  }
  return { principal, query };
}
