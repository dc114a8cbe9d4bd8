/**
 * Stateless hashing for the synthetic population: every draw is a function of the country's seed
 * and what it is for (a subscriber, a day, a cell…), so any part can be recomputed in any order.
 */

/** murmur3's 32-bit finaliser: a well-mixed function of `x`. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit hash of three integers. */
export function hash3(a: number, b: number, c: number): number {
  return mix32(mix32(mix32(a ^ 0x9e3779b9) + b) ^ mix32(c + 0x7f4a7c15));
}

/** A uniform number in [0, 1) from a 32-bit hash. */
export function unit(h: number): number {
  return h / 0x1_0000_0000;
}

/** A sequential generator of uniform numbers in [0, 1), seeded by a 32-bit hash. */
export function stream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = mix32(state + 0x6d2b79f5);
    return state / 0x1_0000_0000;
  };
}
