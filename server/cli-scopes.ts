/**
 * The scopes `flowapi-test-server token --scopes` takes: the server's own list (query scopes from
 * the query-kinds module, plus the action scopes), each given in full or as a pattern with `*`.
 */
import { allScopes } from './permissions.js';
import { allQueryScopes } from './query-kinds/scopes.js';
import { UsageError } from './cli-values.js';

/** Every scope the server advertises, sorted. */
export function serverScopes(): string[] {
  return allScopes(allQueryScopes());
}

const patternOf = (text: string): RegExp =>
  new RegExp(`^${text.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^:]*')}$`);

/**
 * The scopes named by a comma-separated list; `*` stands for any text within one `:` part
 * (`admin3:spatial_aggregate:*`, `*:geography:geography`). Every entry must name at least one
 * scope of the server.
 * @example expandScopes('run,get_result,admin3:spatial_aggregate:*', serverScopes())
 */
export function expandScopes(list: string, known: readonly string[]): string[] {
  const entries = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (entries.length === 0) throw new UsageError(`--scopes ${JSON.stringify(list)}: expected a comma-separated list of scopes`);
  const chosen = new Set<string>();
  for (const entry of entries) {
    const pattern = patternOf(entry);
    const matched = known.filter((scope) => pattern.test(scope));
    if (matched.length === 0) {
      throw new UsageError(
        `--scopes ${JSON.stringify(entry)}: not a scope of this server (flowapi-test-server token --list-scopes lists them)`,
      );
    }
    matched.forEach((scope) => chosen.add(scope));
  }
  return [...chosen].sort();
}
