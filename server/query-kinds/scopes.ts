/**
 * The query scopes FlowAPI advertises (`x-security-scopes`): `<unit>:<top_level_kind>:<kind>` for
 * each top-level kind, each unit it can have, and each kind reachable in its schema.
 */
import { reachableKinds, SCHEMAS, TOP_LEVEL_KINDS } from './registry.js';
import { NONSPATIAL } from './units.js';

/** Every query scope, sorted (as FlowAPI's `schema_to_scopes` returns them). */
export function allQueryScopes(): string[] {
  const scopes = new Set<string>();
  for (const top of TOP_LEVEL_KINDS) {
    const units = SCHEMAS.get(top)?.scopeUnits ?? [NONSPATIAL];
    for (const unit of units) {
      for (const kind of reachableKinds(top)) scopes.add(`${unit}:${top}:${kind}`);
    }
  }
  return [...scopes].sort();
}
