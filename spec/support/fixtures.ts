/** Test fixtures shared by the Chromium specs: query specs as flowclient builds them, and admin calls. */
import type { QuerySpec } from '../../src/specs/types.js';
import type { BrowserTestServer } from './test-server.js';

/** A daily location spec for `date` (flowclient's `daily_location_spec` output). */
export function dailyLocation(date = '2016-01-01', aggregationUnit = 'admin3'): QuerySpec {
  return {
    query_kind: 'daily_location', date, aggregation_unit: aggregationUnit, method: 'last',
    event_types: null, subscriber_subset: null, mapping_table: null, geom_table: null, geom_table_join_column: null, hours: null,
  } as QuerySpec;
}

/** A spatial aggregate of a daily location. */
export function spatialAggregate(date = '2016-01-01', aggregationUnit = 'admin3'): QuerySpec {
  return { query_kind: 'spatial_aggregate', locations: dailyLocation(date, aggregationUnit) } as QuerySpec;
}

/** POST to one of the test server's admin routes (fault injection, forced states). */
export async function admin(server: BrowserTestServer, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${server.url}/__admin/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${path}: ${res.status}`);
}

/** Replace the server's active faults. */
export const setFaults = (server: BrowserTestServer, faults: Record<string, unknown>) => admin(server, 'faults', faults);

/** Force a query's state on the server. */
export const setQueryState = (server: BrowserTestServer, queryId: string, state: string) =>
  admin(server, `queries/${queryId}/state`, { state });

/** Resolve after `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Make the server forget a query, as a restarted FlowMachine does (`DELETE /__admin/queries/{id}`). */
export async function forgetQuery(server: BrowserTestServer, queryId: string): Promise<void> {
  const res = await fetch(`${server.url}/__admin/queries/${queryId}`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`forget ${queryId}: ${res.status}`);
}
