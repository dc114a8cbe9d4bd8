/**
 * {@link FlowResponse}: the reply `Connection.getUrl` / `postJson` hand out. It is the reply and
 * nothing else: no request config, no request object, so no `Authorization` header, and nothing
 * that `console.log`, Node's `util.inspect` or `JSON.stringify` could show a token from.
 * @module
 */
import type { AxiosResponse } from 'axios';

/** A FlowAPI reply: status, headers and body of one request. Carries no token. */
export interface FlowResponse {
  /** HTTP status (a browser's opaque redirect is reported as the 303 it is). */
  readonly status: number;
  /** HTTP status text (may be empty over HTTP/2 or from `fetch`). */
  readonly statusText: string;
  /** Response headers, names in lower case, repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body: parsed JSON, or text (HTML pages, CSV, `responseType: 'text'`). */
  readonly data: unknown;
  /** The route the request went to, relative to `/api/<version>/`, e.g. `poll/<id>`. */
  readonly route: string;
}

/**
 * The reply's headers as a plain record. An `AxiosHeaders` keeps each header as an own property
 * (its methods live on the prototype), so one pass over its own keys copies them: this runs on
 * every request, and `toJSON()` would build an intermediate object first.
 */
function plainHeaders(headers: unknown): Record<string, string> {
  const plain: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return plain;
  const source = headers as Record<string, unknown>;
  for (const name of Object.keys(source)) {
    const value = source[name];
    if (value === undefined || value === null || value === false) continue;
    plain[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  }
  return plain;
}

/** The {@link FlowResponse} of an axios reply to `route`: status, headers and body only (its config and request are left behind). */
export function toFlowResponse(reply: Pick<AxiosResponse, 'status' | 'statusText' | 'headers' | 'data'>, route: string): FlowResponse {
  return {
    status: reply.status,
    statusText: reply.statusText ?? '',
    headers: plainHeaders(reply.headers),
    data: reply.data as unknown,
    route,
  };
}
