/**
 * The page's settings, from `/config.json` on its own origin (never from the URL): the token to
 * start with and which FlowAPI the monitor forwards to.
 * @module
 */

/** What the monitor's server hands the page. */
export interface PageConfig {
  /** The token to start with. */
  readonly token: string;
  /** The FlowAPI behind the monitor's `/api/` proxy, for display. */
  readonly flowapiUrl: string;
  /** `external` (FLOWAPI_URL) or `test-server` (embedded). */
  readonly source: 'external' | 'test-server';
}

/** Fetch the page's settings. */
export async function loadConfig(): Promise<PageConfig> {
  const response = await fetch('/config.json', { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The monitor did not give the page its settings (HTTP ${response.status}).`);
  const body = (await response.json()) as Partial<PageConfig>;
  if (typeof body.token !== 'string' || typeof body.flowapiUrl !== 'string') throw new Error('The monitor gave the page unreadable settings.');
  return { token: body.token, flowapiUrl: body.flowapiUrl, source: body.source === 'external' ? 'external' : 'test-server' };
}
