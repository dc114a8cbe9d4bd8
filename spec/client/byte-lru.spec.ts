import { ByteLru } from '../../src/client/byte-lru.js';

describe('ByteLru', () => {
  it('evicts the least recently used entries until a new one fits in maxBytes', () => {
    const lru = new ByteLru<string, string>(10);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    expect(lru.get('a')).toBe('A'); // a is now the most recently used
    lru.set('c', 'C', 4);
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    expect([lru.size, lru.bytes]).toEqual([2, 8]);
  });

  it('keeps nothing bigger than maxBytes, and drops nothing for it', () => {
    const lru = new ByteLru<string, string>(10);
    lru.set('a', 'A', 6);
    expect(lru.set('big', 'B', 11)).toBeFalse();
    expect([lru.has('a'), lru.has('big'), lru.bytes]).toEqual([true, false, 6]);
  });

  it('replaces an entry of the same key, counting its new size', () => {
    const lru = new ByteLru<string, string>(10);
    lru.set('a', 'A', 6);
    lru.set('a', 'A2', 3);
    expect([lru.get('a'), lru.size, lru.bytes]).toEqual(['A2', 1, 3]);
  });

  it('keeps nothing with maxBytes 0 but empty results, and empties on clear', () => {
    const none = new ByteLru<string, string>(0);
    expect(none.set('a', 'A', 1)).toBeFalse();
    const lru = new ByteLru<string, string>(10);
    lru.set('a', 'A', 5);
    lru.clear();
    expect([lru.size, lru.bytes, lru.get('a')]).toEqual([0, 0, undefined]);
  });
});
