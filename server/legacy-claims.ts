/**
 * FlowAPI ≤1.9 style claims (the legacy 1.3 contract): `user_claims` is a plain object
 * `{"<query_kind>": {"permissions": {"run": true, "poll": true, "get_result": true},
 * "spatial_aggregation": ["admin3", ...]}}`, checked per query kind.
 */
import type { JsonObject } from './kinds.js';

/** An action a legacy claim grants. */
export type LegacyAction = 'run' | 'poll' | 'get_result';

/** Claims of one query kind. */
export interface LegacyKindClaims {
  /** Actions allowed for this kind. */
  permissions: Partial<Record<LegacyAction, boolean>>;
  /** Aggregation units allowed for this kind. */
  spatial_aggregation: string[];
}

/** Legacy claims: query kind → its claims. */
export type LegacyClaims = Record<string, LegacyKindClaims>;

/** Outcome of a legacy claims check; `broken` when the claims are not an object (the server fails). */
export type LegacyVerdict = 'granted' | 'denied' | 'broken';

/**
 * Build legacy claims from 1.18-style scopes, so `roles`/`scopes` mean the same on both servers:
 * a query scope `<unit>:<tl>:<kind>` grants `<kind>` and `<tl>` at `<unit>`; the actions come from
 * the action scopes (`run`, `get_result`; poll is granted with any query scope), and
 * `get_available_dates` grants the `available_dates` pseudo-kind.
 */
export function legacyClaimsFromScopes(scopes: readonly string[]): LegacyClaims {
  const canRun = scopes.includes('run');
  const canGet = scopes.includes('get_result');
  const claims: LegacyClaims = {};
  const grant = (kind: string, unit: string | null): void => {
    const entry = (claims[kind] ??= {
      permissions: { run: canRun, poll: true, get_result: canGet },
      spatial_aggregation: [],
    });
    if (unit !== null && !entry.spatial_aggregation.includes(unit)) entry.spatial_aggregation.push(unit);
  };
  for (const scope of scopes) {
    const parts = scope.split(':');
    if (parts.length !== 3) continue;
    const [unit = '', topLevel = '', kind = ''] = parts;
    grant(topLevel, unit);
    grant(kind, unit);
  }
  if (scopes.includes('get_available_dates')) {
    claims['available_dates'] = { permissions: { get_result: true }, spatial_aggregation: [] };
  }
  return claims;
}

/** Kinds and aggregation units named anywhere in a spec; `null` when one of them is not a string. */
export function legacyKindsAndUnits(spec: JsonObject): { kinds: string[]; units: string[] } | null {
  const kinds = new Set<string>();
  const units = new Set<string>();
  let malformed = false;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      const target = key === 'query_kind' ? kinds : key === 'aggregation_unit' ? units : null;
      if (target === null) walk(inner);
      else if (typeof inner === 'string') target.add(inner);
      else malformed = true;
    }
  };
  walk(spec);
  return malformed ? null : { kinds: [...kinds], units: [...units] };
}

/** Check legacy claims: every kind must allow `action`, and every unit must be allowed for it. */
export function legacyAllows(
  claims: unknown,
  action: LegacyAction,
  kinds: readonly string[],
  units: readonly string[],
): LegacyVerdict {
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return 'broken';
  const table = claims as Record<string, unknown>;
  for (const kind of kinds) {
    const entry = table[kind] as Partial<LegacyKindClaims> | undefined;
    if (entry?.permissions?.[action] !== true) return 'denied';
    const allowed = Array.isArray(entry.spatial_aggregation) ? entry.spatial_aggregation : [];
    if (units.some((unit) => !allowed.includes(unit))) return 'denied';
  }
  return 'granted';
}

/** Check the legacy `available_dates` claim. */
export function legacyAllowsAvailableDates(claims: unknown): LegacyVerdict {
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return 'broken';
  const entry = (claims as Record<string, Partial<LegacyKindClaims> | undefined>)['available_dates'];
  return entry?.permissions?.get_result === true ? 'granted' : 'denied';
}
