/**
 * A least-recently-used map bounded in bytes: each entry carries its size, and adding one evicts
 * the least recently used entries until the total fits. Pure bookkeeping, no I/O.
 * @module
 */

/** One entry: the value and its size in bytes. */
interface Sized<V> {
  readonly value: V;
  readonly bytes: number;
}

/** A least-recently-used map whose entries' sizes add up to at most {@link ByteLru.maxBytes}. */
export class ByteLru<K, V> {
  /** The most bytes all entries may take together. */
  declare readonly maxBytes: number;
  /** Entries in order of use, least recent first (a `Map` keeps insertion order). */
  readonly #entries = new Map<K, Sized<V>>();
  #bytes = 0;

  /** @param maxBytes The most bytes all entries may take together (0 keeps nothing). */
  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** The bytes all entries take. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The number of entries. */
  get size(): number {
    return this.#entries.size;
  }

  /** Whether `key` has an entry (without marking it used). */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** The value of `key`, marking it the most recently used; `undefined` if it has none. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /**
   * Keep `value` under `key` as the most recently used entry, evicting the least recently used
   * ones until everything fits. A value bigger than {@link maxBytes} is not kept (and replaces
   * nothing): returns `false`.
   */
  set(key: K, value: V, bytes: number): boolean {
    if (!(bytes >= 0 && bytes <= this.maxBytes)) return false;
    this.delete(key);
    while (this.#bytes + bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    return true;
  }

  /** Drop the entry of `key`, if any. */
  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** Drop every entry. */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}
