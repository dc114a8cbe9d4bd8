/**
 * Browser only: every FlowAPI request the page sends through `fetch`, with how it ended, so specs
 * can count attempts and retries (Chromium's own silent re-sends are not seen here, only by the
 * server's counters).
 */

/** How one `fetch` of an API route ended. */
export type FetchOutcome = number | 'network' | 'timeout' | 'aborted';

/** One attempt. */
export interface FetchAttempt {
  /** First segment of the route after `/api/<n>/`: `run`, `poll`, `get`, `available_dates`… */
  readonly route: string;
  /** Full URL requested. */
  readonly url: string;
  /** The `Authorization` header sent, if any. */
  readonly authorization: string | null;
  /** Reply status (0 for an opaque redirect), or how it failed. */
  outcome: FetchOutcome | 'pending';
}

function urlOf(input: RequestInfo | URL): string {
  return input instanceof Request ? input.url : String(input);
}

function outcomeOf(error: unknown): FetchOutcome {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') return 'timeout';
  return (error as { name?: unknown } | null)?.name === 'AbortError' ? 'aborted' : 'network';
}

/**
 * Spy on `window.fetch` for the current spec (Jasmine restores it) and log the API attempts to the
 * servers at `bases` (others pass through unlogged), or every API attempt when no base is given.
 */
export function logFetches(...bases: readonly string[]): FetchAttempt[] {
  const log: FetchAttempt[] = [];
  const original = window.fetch.bind(window);
  spyOn(window, 'fetch').and.callFake(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = urlOf(input);
    const route = /\/api\/\d+\/([^/?#]+)/.exec(new URL(url, location.href).pathname)?.[1];
    const logged = bases.length === 0 || bases.some((base) => url.startsWith(`${base}/`));
    if (route === undefined || !logged) return original(input, init);
    const headers = input instanceof Request ? input.headers : new Headers(init?.headers);
    const attempt: FetchAttempt = { route, url, authorization: headers.get('authorization'), outcome: 'pending' };
    log.push(attempt);
    try {
      const response = await original(input, init);
      attempt.outcome = response.status;
      return response;
    } catch (error) {
      attempt.outcome = outcomeOf(error);
      throw error;
    }
  });
  return log;
}

/** Attempts to `route`, optionally only those that ended as `outcome`. */
export function attempts(log: readonly FetchAttempt[], route: string, outcome?: FetchOutcome): number {
  return log.filter((a) => a.route === route && (outcome === undefined || a.outcome === outcome)).length;
}
