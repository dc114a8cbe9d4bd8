/**
 * FlowAPI 1.18 scopes and the one-role rule: access is granted only if one single role holds every
 * required scope (scopes spread over several roles do not add up).
 */
import type { Roles } from './claims.js';
import type { ParsedQuery } from './kinds.js';

/** The four action scopes, next to the query scopes. */
export const ACTION_SCOPES: readonly string[] = ['run', 'get_result', 'get_available_dates', 'get_qa_checks'];

/** Every scope a server advertises: the query scopes plus the action scopes, sorted, unique. */
export function allScopes(queryScopes: readonly string[]): string[] {
  return [...new Set([...queryScopes, ...ACTION_SCOPES])].sort();
}

/** Query scopes of a spec: `<unit>:<top-level kind>:<kind>` for the top-level and every nested kind. */
export function queryScopes(query: ParsedQuery): string[] {
  const kinds = query.kinds.includes(query.kind) ? query.kinds : [query.kind, ...query.kinds];
  return kinds.map((kind) => `${query.unit}:${query.kind}:${kind}`);
}

/** Scopes that reading an aggregation unit's geography needs. */
export function geographyScopes(unit: string): string[] {
  return ['get_result', `${unit}:geography:geography`];
}

/** Whether one single role grants every required scope. */
export function hasAccess(roles: Roles, required: readonly string[]): boolean {
  return Object.values(roles).some((scopes) => required.every((scope) => scopes.includes(scope)));
}
