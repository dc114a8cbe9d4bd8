/**
 * Checks of the words commands put into a route (`poll/<id>`, `geography/<unit>`).
 * @module
 */
import { UsageError } from '../errors.js';

const ROUTE_WORD = /^[A-Za-z0-9_.-]+$/;

/** `word` if it can go into a route as one path segment. @throws {@link UsageError} otherwise. */
export function routeWord(what: string, word: string): string {
  if (!ROUTE_WORD.test(word) || word === '.' || word === '..') throw new UsageError(`invalid ${what} '${word}': letters, digits, '-', '_' and '.' only`);
  return word;
}
