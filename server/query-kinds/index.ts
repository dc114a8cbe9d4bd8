/**
 * The query-kinds module of the FlowAPI test server: FlowMachine's knowledge of every query kind
 * (validation, units, nesting, progress parts, synthetic results and geography).
 */
import { analyse, type ParsedQuery } from './analysis.js';
import { validationFailedText } from './messages.js';
import { CONTEXT, TOP_LEVEL_KINDS } from './registry.js';
import { loadOneOf } from './schema.js';

export type { ParsedQuery } from './analysis.js';
export { allQueryScopes } from './scopes.js';
export { resultColumns, resultFeatures, resultRows } from './results.js';
export { geographyFeatures } from './geography.js';
export { AGGREGATION_UNITS } from './units.js';
export { TOP_LEVEL_KINDS, SCHEMAS } from './registry.js';

/** Outcome of {@link validateQuerySpec}: the parsed query, or FlowAPI's 400 `msg` text. */
export type SpecValidation = { ok: true; query: ParsedQuery } | { ok: false; message: string };

/**
 * Validate a run request's spec as FlowMachine does (FlowAPI's unit lookup, step 3 of `run`).
 * @param knownQueryId - whether an id names a query the server knows (`subscriber_subset`); without it any id passes
 * @returns the parsed query, or the exact `Parameter validation failed.` text FlowAPI sends
 * @example validateQuerySpec({ query_kind: 'geography', aggregation_unit: 'admin3' })
 */
export function validateQuerySpec(
  spec: Record<string, unknown> & { query_kind: unknown },
  knownQueryId?: (id: string) => boolean,
): SpecValidation {
  const loaded = loadOneOf(spec, TOP_LEVEL_KINDS, knownQueryId === undefined ? CONTEXT : { ...CONTEXT, knownQueryId });
  if (!loaded.ok) return { ok: false, message: validationFailedText(spec, loaded.error) };
  return { ok: true, query: analyse(loaded.query) };
}
