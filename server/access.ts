/**
 * Authentication and authorisation of a request in either era: the token check answers 401/422
 * (or 500 for unreadable claims), the permission checks 403 `User claims verification failed`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, type Principal } from './auth.js';
import type { ServerContext } from './context.js';
import { legacyAllows, legacyAllowsAvailableDates, legacyKindsAndUnits, type LegacyAction, type LegacyVerdict } from './legacy-claims.js';
import { geographyScopes, hasAccess, queryScopes } from './permissions.js';
import type { StoredQuery } from './query-store.js';
import { internalError, json, send, type Answer } from './responses.js';

/** Outcome of a permission check; `broken` when the token's claims cannot be read (HTML 500). */
export type Verdict = LegacyVerdict;

/** Check the request's token; on failure the answer is sent and `null` returned. */
export async function requireToken(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
  const header = request.headers.authorization;
  const known = ctx.verifiedTokens.get(header);
  if (known !== undefined) return known;
  const result = await authenticate(header, ctx.verifier);
  if (result.ok) {
    if (header !== undefined) ctx.verifiedTokens.remember(header, result.principal);
    return result.principal;
  }
  const { failure } = result;
  send(reply, failure.status === 500 ? internalError() : json(failure.status, { msg: failure.msg }));
  return null;
}

const granted = (ok: boolean): Verdict => (ok ? 'granted' : 'denied');

/** May the principal do `action` with this spec (`poll` needs only the query scopes in 1.18)? */
export function queryAccess(principal: Principal, query: Pick<StoredQuery, 'spec' | 'query'>, action: LegacyAction): Verdict {
  if (principal.era === '1.18') {
    const actionScopes = action === 'poll' ? [] : [action];
    return granted(hasAccess(principal.roles, [...actionScopes, ...queryScopes(query.query)]));
  }
  const named = legacyKindsAndUnits(query.spec) ?? { kinds: [query.query.kind], units: [] };
  return legacyAllows(principal.claims, action, named.kinds, named.units);
}

/** May the principal read the geography of `unit`? */
export function geographyAccess(principal: Principal, unit: string): Verdict {
  if (principal.era === '1.18') return granted(hasAccess(principal.roles, geographyScopes(unit)));
  return legacyAllows(principal.claims, 'get_result', ['geography'], [unit]);
}

/** May the principal use an action-only route (`get_available_dates`, `get_qa_checks`)? */
export function actionAccess(principal: Principal, scope: 'get_available_dates' | 'get_qa_checks'): Verdict {
  if (principal.era === '1.18') return granted(hasAccess(principal.roles, [scope]));
  return scope === 'get_available_dates' ? legacyAllowsAvailableDates(principal.claims) : 'denied';
}

/** The answer for a refused permission check, or `null` if access is granted. */
export function refusal(verdict: Verdict): Answer | null {
  if (verdict === 'granted') return null;
  return verdict === 'broken' ? internalError() : json(403, { msg: 'User claims verification failed' });
}
