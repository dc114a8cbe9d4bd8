/**
 * Reading a request body as Quart's `request.json` does: `null` unless the content type is JSON
 * (`application/json` or `application/*+json`), and a 400 HTML page for a JSON body that does not
 * parse. Bodies arrive as raw bytes (the server's catch-all content-type parser), so this runs
 * after the token check, as in FlowAPI.
 */
import type { FastifyRequest } from 'fastify';

/** A request body as FlowAPI sees it. */
export type RequestJson = { ok: true; value: unknown } | { ok: false };

/** Whether a content type is JSON as Quart decides it. */
export function isJsonContentType(contentType: string | undefined): boolean {
  const mimetype = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return mimetype === 'application/json' || (mimetype.startsWith('application/') && mimetype.endsWith('+json'));
}

function rawText(body: unknown): string {
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return typeof body === 'string' ? body : '';
}

/** The request's JSON body (`null` for other content types), or `ok: false` if it does not parse. */
export function requestJson(request: FastifyRequest): RequestJson {
  if (!isJsonContentType(request.headers['content-type'])) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(rawText(request.body)) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A lenient JSON object body for the admin routes (empty or invalid → `{}`). */
export function adminBody(request: FastifyRequest): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(rawText(request.body) || '{}');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Whether a value is a plain JSON object. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
