/**
 * A small seeded pseudo-random generator (mulberry32 over a 32-bit FNV-1a hash of a key), so the
 * test server's jitter is the same for the same key in every run.
 */

/** 32-bit FNV-1a hash of a string (its UTF-16 code units). */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A generator of uniform numbers in [0, 1), deterministic for its key (mulberry32).
 * @example
 * const random = seededRandom('5ffe4a96dbe33a117ae9550178b81836');
 * random(); // the same first draw for this id, every run
 */
export function seededRandom(key: string): () => number {
  let state = hashOf(key);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
