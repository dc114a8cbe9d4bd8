/** Helpers for the query-kinds specs: validate and read back the marshmallow error tree. */
import { validateQuerySpec } from '../../../server/query-kinds/index.js';

/** The error dict of a rejected spec, parsed back out of FlowMachine's message text. */
export function errorsOf(spec: Record<string, unknown>): unknown {
  const result = validateQuerySpec(spec as Record<string, unknown> & { query_kind: unknown });
  if (result.ok) throw new Error(`spec was accepted: ${JSON.stringify(spec)}`);
  const marker = 'Validation error messages:\n';
  const text = result.message.slice(result.message.indexOf(marker) + marker.length).replace(/\.\n\n$/, '');
  return JSON.parse(text.replace(/^ {3}/gm, '')) as unknown;
}

/** The value at `path` in a nested error tree, or `undefined`. */
export function at(tree: unknown, path: readonly string[]): unknown {
  let node: unknown = tree;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Deep copy of a spec with the value at `path` replaced (or removed when `value` is `undefined`). */
export function withValue(spec: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(spec);
  let node: Record<string, unknown> = copy;
  path.slice(0, -1).forEach((key) => (node = node[key] as Record<string, unknown>));
  const last = path[path.length - 1] ?? '';
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
