/**
 * QA routes (FlowAPI 1.18 only; all need `get_qa_checks`): `qa/` lists checks, `qa/{type}/{check}`
 * gives outcomes between `start_date` and `end_date` (inclusive), `qa/{type}/{check}/{date}` the bare
 * outcome string. `qa` without the slash redirects (308) to `qa/`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actionAccess, refusal, requireToken } from '../access.js';
import type { ServerContext } from '../context.js';
import { listQaChecks, parseQaDate, qaOutcomes, type QaOutcome } from '../qa-checks.js';
import { html, internalError, json, redirectPage, send, type Answer } from '../responses.js';

interface QaParams {
  cdr: string;
  check: string;
  date?: string;
}

/** The first value of a query parameter, as werkzeug's `args.get` gives it. */
const firstValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

async function allowed(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const principal = await requireToken(ctx, request, reply);
  if (!principal) return false;
  const denied = refusal(actionAccess(principal, 'get_qa_checks'));
  if (denied) send(reply, denied);
  return !denied;
}

/** FlowAPI's `get_qa_checks`: validated dates, then the outcomes or a 404. */
function outcomes(
  ctx: ServerContext,
  { cdr, check }: QaParams,
  start: string | undefined,
  end: string | undefined,
): Answer | QaOutcome[] {
  if (start === undefined || end === undefined) return internalError();
  const from = parseQaDate(start);
  const to = parseQaDate(end);
  if (from === null || to === null) {
    return json(400, { status: 'bad request', msg: `Could not parse ${start} or ${end}; expected for format is YYYY-MM-DD` });
  }
  const found = qaOutcomes(ctx.availableDates, cdr, check, from, to);
  if (found.length === 0) {
    return json(404, { status: 'not found', msg: `No qa checks found for ${cdr}, ${check} between ${start} and ${end}` });
  }
  return found;
}

/** Register the QA routes. */
export function registerQa(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/0/qa', (request, reply) => {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const location = `/api/0/qa/${query}`;
    return send(reply, html(308, redirectPage(location), { Location: location }));
  });
  app.get('/api/0/qa/', async (request, reply) => {
    if (!(await allowed(ctx, request, reply))) return reply;
    return send(reply, json(200, listQaChecks(ctx.availableDates)));
  });
  app.get<{ Params: QaParams; Querystring: Record<string, string | string[] | undefined> }>(
    '/api/0/qa/:cdr/:check',
    async (request, reply) => {
      if (!(await allowed(ctx, request, reply))) return reply;
      const { start_date: start, end_date: end } = request.query;
      const found = outcomes(ctx, request.params, firstValue(start), firstValue(end));
      return send(reply, Array.isArray(found) ? json(200, found) : found);
    },
  );
  app.get<{ Params: Required<QaParams> }>('/api/0/qa/:cdr/:check/:date', async (request, reply) => {
    if (!(await allowed(ctx, request, reply))) return reply;
    const { cdr, check, date } = request.params;
    const found = outcomes(ctx, request.params, date, date);
    if (!Array.isArray(found)) {
      if (found.status !== 404) return send(reply, found);
      return send(reply, json(404, { status: 'not found', msg: `No qa checks found for ${cdr}, ${check} on ${date}` }));
    }
    return send(reply, html(200, found[0]?.outcome ?? ''));
  });
}
