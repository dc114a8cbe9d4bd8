/**
 * Readings kept a short while for whoever comes next, each taken once: what a `run` reply said
 * (for the watch that follows) and a watch's `completed` (for the `getResult()` that follows).
 * Bounded in count (oldest out first) and in age.
 * @module
 */

/** Readings by query id, each given out once while fresh. */
export class RecentReadings<V> {
  readonly #entries = new Map<string, { readonly value: V; readonly at: number }>();
  readonly #ttlMs: number;
  readonly #max: number;

  /**
   * @param ttlMs - how long a reading stays usable, ms
   * @param max - how many are kept at most (the oldest go first)
   */
  constructor(ttlMs: number, max = 256) {
    this.#ttlMs = ttlMs;
    this.#max = max;
  }

  /** Keep `value` as the latest reading of `queryId` (replacing an older one). */
  put(queryId: string, value: V, now = Date.now()): void {
    this.#entries.delete(queryId);
    this.#entries.set(queryId, { value, at: now });
    if (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  /** Forget the reading of `queryId`, if any. */
  drop(queryId: string): void {
    this.#entries.delete(queryId);
  }

  /** The fresh reading of `queryId`, once: it is forgotten when taken (or found stale). */
  take(queryId: string, now = Date.now()): V | undefined {
    const entry = this.#entries.get(queryId);
    if (entry === undefined) return undefined;
    this.#entries.delete(queryId);
    return now - entry.at <= this.#ttlMs ? entry.value : undefined;
  }
}
