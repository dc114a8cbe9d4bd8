/**
 * Answers as FlowAPI (Quart + werkzeug) gives them: JSON bodies, werkzeug's default HTML error
 * pages, and a helper sending either through fastify.
 */
import type { FastifyReply } from 'fastify';
import { flaskJson } from './flask-json.js';

/** A complete, non-streamed answer. */
export interface Answer {
  /** HTTP status. */
  status: number;
  /** Body text. */
  body: string;
  /** Content-Type header. */
  contentType: string;
  /** Further headers. */
  headers?: Record<string, string>;
}

/** A JSON answer, serialised as Quart's `jsonify` does (sorted keys, compact, ASCII only). */
export function json(status: number, body: unknown, headers?: Record<string, string>): Answer {
  return { status, body: flaskJson(body), contentType: 'application/json', ...(headers ? { headers } : {}) };
}

/** An HTML answer. */
export function html(status: number, body: string, headers?: Record<string, string>): Answer {
  return { status, body, contentType: 'text/html; charset=utf-8', ...(headers ? { headers } : {}) };
}

const page = (code: number, title: string, text: string): string =>
  `<!doctype html>\n<html lang=en>\n<title>${code} ${title}</title>\n<h1>${title}</h1>\n<p>${text}</p>\n`;

/** werkzeug's 404 page (unknown URL). */
export const NOT_FOUND_PAGE = page(
  404,
  'Not Found',
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
);

/** werkzeug's 405 page (known URL, wrong method). */
export const METHOD_NOT_ALLOWED_PAGE = page(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.');

/** werkzeug's 400 page (e.g. a body that is not JSON). */
export const BAD_REQUEST_PAGE = page(
  400,
  'Bad Request',
  'The browser (or proxy) sent a request that this server could not understand.',
);

/** werkzeug's 413 page (body over the limit). */
export const TOO_LARGE_PAGE = page(413, 'Request Entity Too Large', 'The data value transmitted exceeds the capacity limit.');

/** werkzeug's 500 page (unhandled exception). */
export const INTERNAL_ERROR_PAGE = page(
  500,
  'Internal Server Error',
  'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
);

/** HTML 500, as FlowAPI answers whenever its own code raises. */
export const internalError = (): Answer => html(500, INTERNAL_ERROR_PAGE);

/** Quart's HTML page for an `HTTPException` with a custom name and description. */
export function exceptionPage(code: number, name: string, description: string): string {
  return `<!doctype html>\n<title>${code} ${name}</title>\n<h1>${name}</h1>\n${escapeHtml(description)}\n`;
}

/** werkzeug's redirect page. */
export function redirectPage(location: string): string {
  const href = escapeHtml(location);
  return (
    '<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n' +
    `<p>You should be redirected automatically to the target URL: <a href="${href}">${href}</a>. If not, click the link.\n`
  );
}

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Send an answer through fastify (as bytes, so the content type is kept exactly). */
export function send(reply: FastifyReply, answer: Answer): FastifyReply {
  reply.code(answer.status).header('content-type', answer.contentType);
  for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
  return reply.send(Buffer.from(answer.body, 'utf8'));
}
