/**
 * The computing context of one population: the population and a bounded memo of intermediate
 * results (per-subscriber locations and metrics) keyed by the canonical text of their query.
 */
import type { Population } from '../../population/population.js';

/** Intermediate results kept per population. */
const MEMO_SIZE = 48;

/** What every compute function gets. */
export interface Ctx {
  /** The population. */
  readonly pop: Population;
  /** `make()`'s value for `key`, computed once while it stays among the most recent entries. */
  memo<T>(key: string, make: () => T): T;
}

/** A context over `pop` with its own memo. */
export function makeCtx(pop: Population): Ctx {
  const memo = new Map<string, unknown>();
  return {
    pop,
    memo<T>(key: string, make: () => T): T {
      if (memo.has(key)) {
        const value = memo.get(key) as T;
        memo.delete(key);
        memo.set(key, value);
        return value;
      }
      const value = make();
      memo.set(key, value);
      if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
      return value;
    },
  };
}
