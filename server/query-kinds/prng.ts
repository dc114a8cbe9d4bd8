/**
 * Deterministic pseudo-random numbers for synthetic results: a seed from the query id and a
 * stateless generator, so row `i` of a query is the same however the stream is consumed.
 */

/** 32-bit FNV-1a hash of a string (the seed of a query's values). */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** murmur3's 32-bit finaliser: a well-mixed function of `x`. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Random number source of one row: successive calls give successive values in [0, 1). */
export type Rand = () => number;

/** The random source of row `index` of the query seeded with `seed`. */
export function rowRand(seed: number, index: number): Rand {
  let state = mix(seed ^ mix(index + 0x9e3779b9));
  return () => {
    state = mix(state + 0x6d2b79f5);
    return state / 0x1_0000_0000;
  };
}

/** An integer in [min, max] from `rand`. */
export function randInt(rand: Rand, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}
