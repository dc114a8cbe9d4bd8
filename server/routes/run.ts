/**
 * `POST /api/0/run`: token → body → (1.18) spec parsing, validation, scopes / (1.3) claims first,
 * then validation → run. 202 with `Location: /api/0/poll/{id}`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { queryAccess, refusal, requireToken } from '../access.js';
import type { ServerContext } from '../context.js';
import type { JsonObject } from '../kinds.js';
import { legacyAllows, legacyKindsAndUnits } from '../legacy-claims.js';
import { isJsonObject, requestJson } from '../request-body.js';
import { BAD_REQUEST_PAGE, html, json, send, type Answer } from '../responses.js';

const hasQueryKind = (value: unknown): value is JsonObject & { query_kind: unknown } =>
  isJsonObject(value) && 'query_kind' in value;

async function run(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const principal = await requireToken(ctx, request, reply);
  if (!principal) return reply;
  const body = requestJson(request);
  if (!body.ok) return send(reply, html(400, BAD_REQUEST_PAGE));
  const spec = body.value;
  if (principal.era === '1.3') {
    if (!hasQueryKind(spec)) return send(reply, json(400, { msg: 'Query kind must be specified when running a query.' }));
    const named = legacyKindsAndUnits(spec);
    if (!named) return send(reply, json(400, { msg: 'Could not parse query spec.' }));
    const denied = refusal(legacyAllows(principal.claims, 'run', named.kinds, named.units));
    if (denied) return send(reply, denied);
  } else if (!hasQueryKind(spec)) {
    return send(reply, json(400, { msg: 'Could not parse query spec.' }));
  }
  const validation = ctx.kinds.validateQuerySpec(spec, (queryId) => ctx.store.find(queryId) !== undefined);
  if (!validation.ok) return send(reply, json(400, { msg: validation.message }));
  if (principal.era === '1.18') {
    const denied = refusal(queryAccess(principal, { spec, query: validation.query }, 'run'));
    if (denied) return send(reply, denied);
  }
  const { id, progress } = ctx.store.run(spec, validation.query);
  const location = { Location: `/api/0/poll/${id}` };
  const answer: Answer = ctx.version === '1.3' ? json(202, {}, location) : json(202, { query_id: id, progress }, location);
  return send(reply, answer);
}

/** Register the run route. */
export function registerRun(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/0/run', (request, reply) => run(ctx, request, reply));
}
