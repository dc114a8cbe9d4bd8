/**
 * The connection's result cache: a query's result is immutable on FlowAPI (its id is a hash of
 * its spec), so each (query id, format) is downloaded once — concurrent requests share one
 * download, later ones are answered from memory, up to a size in bytes (least recently used
 * results go first).
 * @module
 */
import { defer, map, of, tap, type Observable } from 'rxjs';
import { singleFlight } from '../query/single-flight.js';
import { ByteLru } from './byte-lru.js';

/** Default size of a connection's result cache: 64 MiB. */
export const DEFAULT_RESULT_CACHE_BYTES = 64 * 1024 * 1024;

/** Options of the result cache (`connect({ resultCache })`). */
export interface ResultCacheOptions {
  /**
   * The most bytes the cached results may take together, counted as the length of their
   * response bodies (in characters: bytes for ASCII text, which FlowAPI results are but for
   * non-ASCII names). 0 keeps nothing.
   * @defaultValue {@link DEFAULT_RESULT_CACHE_BYTES} (64 MiB)
   */
  readonly maxBytes?: number;
}

/**
 * The `resultCache` option of `connect`: `true` (or absent) for a cache of
 * {@link DEFAULT_RESULT_CACHE_BYTES}, `{ maxBytes }` to size it, `false` to keep nothing.
 */
export type ResultCacheOption = boolean | ResultCacheOptions;

/** A result format as the cache keys it: rows (`json`), `geojson` or `csv`. */
export type CachedResultFormat = 'json' | 'geojson' | 'csv';

/** What the cache has done since the connection was made. */
export interface ResultCacheStats {
  /** Results answered from memory. */
  readonly hits: number;
  /** Results that were not in memory (downloaded, or shared with a download in flight). */
  readonly misses: number;
  /** Results held now. */
  readonly entries: number;
  /** Bytes held now (see {@link ResultCacheOptions.maxBytes}). */
  readonly bytes: number;
  /** The most bytes it holds (0 when turned off). */
  readonly maxBytes: number;
}

/** A downloaded and decoded result, with the length of its response body. */
export interface SizedResult<T> {
  /** The decoded result. */
  readonly value: T;
  /** Its size in bytes (see {@link ResultCacheOptions.maxBytes}). */
  readonly bytes: number;
}

/** The route of a result: `get/<id>`, `get/<id>.geojson` or `get/<id>.csv`. */
export function resultRouteOf(queryId: string, format: CachedResultFormat): string {
  return format === 'json' ? `get/${queryId}` : `get/${queryId}.${format}`;
}

/**
 * The cache size `option` asks for, in bytes.
 * @throws TypeError naming `resultCache` when it is not a boolean or `{ maxBytes }` with a
 * non-negative integer.
 */
export function resultCacheBytes(option: unknown): number {
  if (option === undefined || option === true) return DEFAULT_RESULT_CACHE_BYTES;
  if (option === false) return 0;
  if (typeof option === 'object' && option !== null && !Array.isArray(option)) {
    const { maxBytes, ...rest } = option as Record<string, unknown>;
    const known = Object.keys(rest).length === 0;
    if (known && maxBytes === undefined) return DEFAULT_RESULT_CACHE_BYTES;
    if (known && typeof maxBytes === 'number' && Number.isSafeInteger(maxBytes) && maxBytes >= 0) return maxBytes;
  }
  const shown = typeof option === 'object' && option !== null ? JSON.stringify(option) : String(option);
  throw new TypeError(`connect: resultCache must be true, false or { maxBytes: <a non-negative integer> } (got ${shown})`);
}

/**
 * A connection's results by route, downloaded once: concurrent requests for one result share
 * its download, later ones get the value kept in memory (the same object: treat results as
 * read-only). A download that fails (or whose body does not decode) is not kept. Results are
 * kept per user of the connection's token, so a new user's token never reads another's results.
 */
export class ResultCache {
  /** The most bytes held (0: nothing is kept, downloads in flight are still shared). */
  declare readonly maxBytes: number;
  readonly #lru: ByteLru<string, unknown>;
  readonly #inFlight = new Map<string, Observable<unknown>>();
  readonly #user: () => string;
  #generation = 0;
  #hits = 0;
  #misses = 0;

  /**
   * @param option The `resultCache` option of `connect` (checked: see {@link resultCacheBytes}).
   * @param user The current user of the connection's token.
   */
  constructor(option: ResultCacheOption | undefined, user: () => string) {
    this.maxBytes = resultCacheBytes(option);
    this.#lru = new ByteLru(this.maxBytes);
    this.#user = user;
  }

  /** Hits, misses, entries and bytes held. */
  get stats(): ResultCacheStats {
    return { hits: this.#hits, misses: this.#misses, entries: this.#lru.size, bytes: this.#lru.bytes, maxBytes: this.maxBytes };
  }

  /** Whether the result of `queryId` in `format` is held for the current user (a `getResult` would not download it). */
  has(queryId: string, format: CachedResultFormat = 'json'): boolean {
    return this.#lru.has(this.#key(resultRouteOf(queryId, format)));
  }

  /** Drop every result held; the next request of each downloads it again. Counters are kept. */
  clear(): void {
    this.#generation += 1;
    this.#lru.clear();
    this.#inFlight.clear();
  }

  /**
   * The result at `route` (e.g. `get/<id>.geojson`): from memory if held, else from `download`
   * (subscribed once for all who ask while it is in flight), kept if it fits.
   */
  load<T>(route: string, download: Observable<SizedResult<T>>): Observable<T> {
    return defer(() => {
      const key = this.#key(route);
      const held = this.#lru.get(key);
      if (held !== undefined) {
        this.#hits += 1;
        return of(held as T);
      }
      this.#misses += 1;
      const generation = this.#generation;
      return singleFlight(this.#inFlight, key, () =>
        download.pipe(
          tap(({ value, bytes }) => {
            if (generation === this.#generation) this.#lru.set(key, value, bytes);
          }),
          map(({ value }): unknown => value),
        ),
      ) as Observable<T>;
    });
  }

  #key(route: string): string {
    return `${this.#user()}\n${route}`;
  }
}
