/**
 * What the server needs to know about a validated spec: its unit, every kind in it, how many
 * distinct sub-queries it stores, the dates and event types it reads, and its result's geography.
 */
import { NON_GEOGRAPHIC_KINDS } from './non-geographic.js';
import type { LoadedQuery } from './schema.js';
import { isLoadedQuery, NONSPATIAL, queriesIn } from './units.js';
import type { ParsedQuery } from '../kinds.js';

/** A validated query spec as the server core sees it (the core's own type, in `server/kinds.ts`). */
export type { ParsedQuery };

/** Every query object in the tree, pre-order (the query itself first). */
export function* walk(query: LoadedQuery): Generator<LoadedQuery> {
  yield query;
  for (const value of Object.values(query.values)) {
    for (const inner of queriesIn(value)) yield* walk(inner);
  }
}

/** A canonical text of a loaded value: defaults applied, `null`s dropped, keys sorted. */
export function canonical(value: unknown): string {
  if (isLoadedQuery(value)) return canonical({ query_kind: value.kind, ...value.values });
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Values of the fields tagged `tag` across the whole tree. */
function tagged(query: LoadedQuery, tag: 'date' | 'event_types'): unknown[] {
  const out: unknown[] = [];
  for (const node of walk(query)) {
    for (const [name, field] of Object.entries(node.schema.fields)) {
      const value = node.values[name];
      if (field.tag === tag && value !== null && value !== undefined) out.push(value);
    }
  }
  return out;
}

/** Describe a validated top-level query. */
export function analyse(query: LoadedQuery): ParsedQuery {
  const nodes = [...walk(query)];
  const dates = [...new Set(tagged(query, 'date').filter((d): d is string => typeof d === 'string'))].sort();
  const lists = tagged(query, 'event_types').filter(Array.isArray);
  const eventTypes = lists.length === 0 ? null : [...new Set(lists.flat().map(String))];
  const unit = query.unit ?? NONSPATIAL;
  return {
    kind: query.kind,
    unit,
    kinds: [...new Set(nodes.map((n) => n.kind))],
    parts: new Set(nodes.map(canonical)).size,
    dates,
    eventTypes,
    resultUnit: query.unit === null || NON_GEOGRAPHIC_KINDS.includes(query.kind) ? null : query.unit,
  };
}
