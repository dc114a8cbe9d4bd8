/**
 * Deterministic query ids: the md5 (32 hex digits) of the spec's canonical JSON (keys sorted at
 * every level, no whitespace), so the same spec always gets the same id.
 */
import { createHash } from 'node:crypto';

/** JSON text of a value with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The query id of a spec. */
export function queryIdOf(spec: unknown): string {
  return createHash('md5').update(canonicalJson(spec)).digest('hex');
}
