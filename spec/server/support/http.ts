/**
 * Helpers of the server specs: plain HTTP requests with Node's fetch (redirects not followed) and
 * the query specs the specs run.
 */
import type { TestServer } from '../../../server/index.js';

/** An answer, read completely. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON. */
  body: unknown;
}

/** How to send a request. */
export interface Call {
  method?: string;
  token?: string;
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Sent as is. */
  body?: string;
  headers?: Record<string, string>;
}

/** Send a request to a server and read the whole answer. */
export async function call(server: Pick<TestServer, 'url'>, path: string, options: Call = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${server.url}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    redirect: 'manual',
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** A spatial aggregate of daily locations (the contract's example spec). */
export function dailyLocationSpec(date = '2016-01-01', unit = 'admin3'): Record<string, unknown> {
  return {
    query_kind: 'spatial_aggregate',
    locations: { query_kind: 'daily_location', date, aggregation_unit: unit, method: 'last' },
  };
}

/** A spec of several sub-queries: three daily locations, their modal location, its spatial aggregate (5 parts). */
export function modalLocationSpec(unit = 'admin3'): Record<string, unknown> {
  return {
    query_kind: 'spatial_aggregate',
    locations: {
      query_kind: 'modal_location',
      locations: ['2016-01-01', '2016-01-02', '2016-01-03'].map((date) => ({ query_kind: 'daily_location', date, aggregation_unit: unit, method: 'last' })),
    },
  };
}

/** Scopes a token needs to run, poll and get the {@link dailyLocationSpec} at `unit`. */
export function dailyLocationScopes(unit = 'admin3'): string[] {
  return [`${unit}:spatial_aggregate:spatial_aggregate`, `${unit}:spatial_aggregate:daily_location`];
}

/** Run a spec and return its query id (from the Location header). */
export async function run(server: Pick<TestServer, 'url'>, token: string, spec: unknown): Promise<string> {
  const answer = await call(server, '/api/0/run', { token, json: spec });
  if (answer.status !== 202) throw new Error(`run answered ${answer.status}: ${answer.text}`);
  return (answer.headers.get('location') ?? '').split('/').pop() ?? '';
}

/** Poll until the query is no longer queued/executing; returns the last poll answer. */
export async function pollUntilDone(server: Pick<TestServer, 'url'>, token: string, id: string): Promise<Answer> {
  for (;;) {
    const answer = await call(server, `/api/0/poll/${id}`, { token });
    if (answer.status !== 202) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Run a spec and wait until it is finished; returns the id. */
export async function runToCompletion(server: Pick<TestServer, 'url'>, token: string, spec: unknown): Promise<string> {
  const id = await run(server, token, spec);
  const done = await pollUntilDone(server, token, id);
  if (done.status !== 303) throw new Error(`query ${id} ended with ${done.status}: ${done.text}`);
  return id;
}
