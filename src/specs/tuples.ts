/**
 * Joining the allowed-value tables without a module-level spread, which bundlers must keep (a
 * spread may run an iterator); a call marked pure is dropped when its table is not imported.
 * @module
 */

/** `a` followed by `b`, as one readonly tuple. @example `joinTuples(['a'] as const, ['b'] as const)` → `['a', 'b']` */
export function joinTuples<A extends readonly unknown[], B extends readonly unknown[]>(a: A, b: B): readonly [...A, ...B] {
  return [...a, ...b];
}
