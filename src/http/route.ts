/**
 * Keeping every request on the connection's own server, under `/api/<version>/`: the checks on
 * routes given by callers (a `TypeError`, nothing sent), on `Location`s given by the server (a
 * {@link FlowclientConnectionError}, nothing sent) and on the final URL of each request.
 * @module
 */
import { FlowclientConnectionError } from '../errors.js';

/** Where a connection's API lives: its base URL (no trailing slash) and API version. A `Connection` is one. */
export interface ApiRoot {
  /** Base URL of the server, without trailing slash, e.g. `https://flowapi.example.org`. */
  readonly url: string;
  /** API version in request paths. */
  readonly apiVersion: number;
}

/** `<url>/api/<version>/`: every request URL starts with this. */
export function apiBaseOf(root: ApiRoot): string {
  return `${root.url}/api/${root.apiVersion}/`;
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const ENCODED_SEPARATOR = /%(2f|5c)/i;
// eslint-disable-next-line no-control-regex
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;

/** Why `route` is not a relative path under `/api/<version>/`, or `undefined` when it is. */
export function routeProblem(route: unknown): string | undefined {
  if (typeof route !== 'string' || route === '') return 'must be a non-empty string';
  if (route.startsWith('/')) return 'must be relative to /api/<version>/ (no leading "/" or "//host")';
  if (SCHEME.test(route)) return 'must be a path relative to /api/<version>/, not a URL with a scheme';
  if (route.includes('\\')) return 'must not contain a backslash';
  if (/[?#]/.test(route)) return 'must not contain "?" or "#" (give a query string as params)';
  if (SPACE_OR_CONTROL.test(route)) return 'must not contain whitespace or control characters';
  if (ENCODED_SEPARATOR.test(route)) return 'must not contain an encoded "/" or "\\"';
  const dots = route.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
  if (dots) return 'must not contain a "." or ".." segment';
  return undefined;
}

/** A value as a message shows it: quoted, cut short, anything shaped like a JWT blanked out. */
export function shownValue(value: unknown): string {
  if (typeof value !== 'string') return value === undefined ? 'undefined' : typeof value === 'object' && value !== null ? (Array.isArray(value) ? 'a list' : 'an object') : String(value);
  const blanked = value.replace(/[\w-]{6,}\.[\w-]{6,}\.[\w-]*/g, '<redacted>');
  return JSON.stringify(blanked.length > 60 ? `${blanked.slice(0, 57)}...` : blanked);
}

/**
 * `route` when it is a relative path under `/api/<version>/`.
 * @throws TypeError `<caller>: route must …` for an absolute URL, `//host`, a leading `/`, a
 * backslash, `?` or `#`, whitespace, an encoded separator, a `.` or `..` segment, or a non-string.
 */
export function checkRoute(route: unknown, caller: string): string {
  const problem = routeProblem(route);
  if (problem !== undefined) throw new TypeError(`${caller}: route ${problem} (got ${shownValue(route)})`);
  return route as string;
}

function pathPrefixes(root: ApiRoot): string[] {
  const basePath = new URL(root.url).pathname.replace(/\/+$/, '');
  const own = `${basePath}/api/${root.apiVersion}/`;
  // FlowAPI behind a path prefix whose proxy does not rewrite Location still says `/api/<v>/…`.
  return basePath === '' ? [own] : [own, `/api/${root.apiVersion}/`];
}

/**
 * The route a server-supplied `Location` (a 303 from poll, run's `Location`) stands for, or
 * `undefined` when there is none. The location is resolved against the URL of the request that
 * got it and accepted only on the connection's origin, under `/api/<version>/` after
 * normalisation, with no query, fragment, backslash or encoded dot or separator.
 * @param from - the route of the request whose reply carried the location
 * @param status - the reply's status: 303 (a redirect, as from poll) or 202 (run's Location)
 * @throws {@link FlowclientConnectionError} for any other location: it is not followed.
 */
export function routeFromLocation(location: unknown, root: ApiRoot, from: string, status = 303): string | undefined {
  if (typeof location !== 'string' || location === '') return undefined;
  const refuse = (why: string) =>
    new FlowclientConnectionError(
      status === 303 ? `The reply to ${from} redirected ${why}; redirects are not followed.` : `The reply to ${from} gave a Location ${why}; it is not used.`,
      { status, route: from },
    );
  let target: URL;
  let base: URL;
  try {
    base = new URL(apiBaseOf(root));
    target = new URL(location, `${apiBaseOf(root)}${from}`);
  } catch {
    throw refuse('to a location that is not a URL');
  }
  if (target.origin !== base.origin) throw refuse(`to another origin, ${target.origin}`);
  const path = target.pathname;
  const inside = pathPrefixes(root).find((prefix) => path.startsWith(prefix));
  const problem =
    /\\|%2e|%2f|%5c/i.test(location) ? 'an encoded or backslashed path' : target.search !== '' || target.hash !== '' ? 'a query or fragment' : undefined;
  if (problem !== undefined) throw refuse(`to ${shownValue(path)}, ${problem}`);
  if (inside === undefined) throw refuse(`to ${shownValue(path)}, outside /api/${root.apiVersion}/`);
  const route = path.slice(inside.length);
  if (routeProblem(route) !== undefined) throw refuse(`to ${shownValue(path)}, which is not a route`);
  return route;
}

let lastBase: { text: string; url: URL } | undefined;

/** `new URL(apiBase)`, kept for the next request (almost always to the same API root). */
function parsedBase(apiBase: string): URL {
  if (lastBase?.text !== apiBase) lastBase = { text: apiBase, url: new URL(apiBase) };
  return lastBase.url;
}

/**
 * The last check before sending: the URL axios will build for `route` (its `baseURL` + `route`,
 * absolute URLs not allowed) resolved as a browser or Node would resolve it.
 * @returns why it leaves the connection's origin or `/api/<version>/`, or `undefined` when it does not.
 */
export function offApiRoot(route: string, root: ApiRoot): string | undefined {
  // A route `checkRoute` accepts (a relative path, no scheme, no dot segment) cannot leave the API
  // root: only others are resolved as a URL (this runs on every request).
  if (routeProblem(route) === undefined) return undefined;
  const apiBase = apiBaseOf(root);
  let target: URL;
  try {
    target = new URL(`${apiBase}${route.replace(/^\/+/, '')}`);
  } catch {
    return 'not a URL';
  }
  const base = parsedBase(apiBase);
  if (target.origin !== base.origin) return `another origin, ${target.origin}`;
  if (!target.pathname.startsWith(base.pathname)) return `outside /api/${root.apiVersion}/`;
  return undefined;
}
