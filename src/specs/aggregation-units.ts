/**
 * The check FlowMachine makes on queries built from several location queries: they must all be
 * at one aggregation unit ("All locations must have the same aggregation unit", "'from_location'
 * and 'to_location' parameters must have the same aggregation unit"). Made by the builders before
 * anything is sent, as a `QuerySpecError` naming the option and both units.
 * @module
 */
import { fail } from './checks.js';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a derived location query takes its aggregation unit from, as FlowMachine's exposed queries do (first match wins). */
const UNIT_SOURCES = ['locations', 'preferred_location', 'subscriber_location_weights', 'unique_locations', 'from_location'] as const;

/** Nesting deeper than any FlowMachine query: a spec beyond it is not looked into. */
const MAX_DEPTH = 16;

/**
 * The aggregation unit a location query spec stands for: its own `aggregation_unit`, else that of
 * the query it is derived from (a `modal_location`'s first location, a `coalesced_location`'s
 * preferred location…), as FlowMachine reads it; `undefined` when it has none (FlowMachine then
 * leaves the check to the nested query's own validation).
 */
export function aggregationUnitOf(spec: unknown, depth = 0): string | undefined {
  if (!isRecord(spec) || depth > MAX_DEPTH) return undefined;
  const own = spec['aggregation_unit'];
  if (typeof own === 'string') return own;
  for (const key of UNIT_SOURCES) {
    const source = spec[key];
    const unit = aggregationUnitOf(Array.isArray(source) ? (source as readonly unknown[])[0] : source, depth + 1);
    if (unit !== undefined) return unit;
  }
  return undefined;
}

/**
 * Check that the location queries given as `names` (options of `builder`, each one spec or a
 * list of specs) are all at one aggregation unit, the first one found setting it.
 * @throws QuerySpecError naming the first option (or list entry) at another unit, the unit it
 * has and the unit it should have.
 */
export function checkSameAggregationUnit<O extends object>(builder: string, options: O, names: readonly (keyof O & string)[]): void {
  let first: { name: string; unit: string } | undefined;
  for (const name of names) {
    const value: unknown = options[name];
    const entries: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const [index, spec] of entries.entries()) {
      const unit = aggregationUnitOf(spec);
      if (unit === undefined) continue;
      const label = Array.isArray(value) ? `${name}[${index}]` : name;
      if (first === undefined) first = { name: label, unit };
      else if (unit !== first.unit) {
        fail(builder, name, spec, `${label} at the aggregation unit of ${first.name} (${first.unit}), not ${unit}: FlowMachine refuses location queries of different aggregation units ("All locations must have the same aggregation unit")`);
      }
    }
  }
}
