/**
 * Which route a path belongs to (for counting and faults, before routing) and which methods it
 * allows (for werkzeug-style 405 answers).
 */
import type { FlowapiVersion, RouteName } from './types.js';

interface RoutePattern {
  readonly name: RouteName;
  readonly pattern: RegExp;
  readonly methods: readonly string[];
  readonly since18?: boolean;
  readonly admin?: boolean;
}

const SEGMENT = '[^/]+';

const PATTERNS: readonly RoutePattern[] = [
  { name: 'root', pattern: /^\/$/, methods: ['GET'] },
  { name: 'run', pattern: /^\/api\/0\/run$/, methods: ['POST'] },
  { name: 'poll', pattern: new RegExp(`^/api/0/poll/${SEGMENT}$`), methods: ['GET'] },
  { name: 'get', pattern: new RegExp(`^/api/0/get/${SEGMENT}$`), methods: ['GET'] },
  { name: 'geography', pattern: new RegExp(`^/api/0/geography/${SEGMENT}$`), methods: ['GET'] },
  { name: 'available_dates', pattern: /^\/api\/0\/available_dates$/, methods: ['GET'] },
  { name: 'qa', pattern: /^\/api\/0\/qa\/?$/, methods: ['GET'], since18: true },
  { name: 'qa', pattern: new RegExp(`^/api/0/qa/${SEGMENT}/${SEGMENT}(/${SEGMENT})?$`), methods: ['GET'], since18: true },
  { name: 'spec', pattern: /^\/api\/0\/spec\/(openapi\.json|openapi\.yaml|redoc)$/, methods: ['GET'] },
  { name: 'admin', pattern: /^\/__admin\/(faults|restart|reset|tokens)$/, methods: ['POST'], admin: true },
  { name: 'admin', pattern: /^\/__admin\/counters$/, methods: ['GET'], admin: true },
  { name: 'admin', pattern: new RegExp(`^/__admin/queries/${SEGMENT}/state$`), methods: ['POST'], admin: true },
  { name: 'admin', pattern: new RegExp(`^/__admin/queries/${SEGMENT}/timeline$`), methods: ['GET'], admin: true },
  { name: 'admin', pattern: new RegExp(`^/__admin/queries/${SEGMENT}$`), methods: ['DELETE'], admin: true },
];

/** Which routes exist on a server. */
export interface RouteSet {
  readonly version: FlowapiVersion;
  readonly admin: boolean;
}

function match(path: string, routes: RouteSet): RoutePattern | undefined {
  const pathname = path.split('?', 1)[0] ?? path;
  return PATTERNS.find(
    (p) => p.pattern.test(pathname) && (!p.since18 || routes.version !== '1.3') && (!p.admin || routes.admin),
  );
}

/** Route name of a request path (`'unknown'` for paths no route serves). */
export function routeNameOf(path: string, routes: RouteSet): RouteName {
  return match(path, routes)?.name ?? 'unknown';
}

/** Methods the route at `path` allows (with HEAD and OPTIONS as werkzeug adds them), or `null`. */
export function allowedMethods(path: string, routes: RouteSet): string[] | null {
  const route = match(path, routes);
  if (!route) return null;
  const methods = new Set([...route.methods, 'OPTIONS', ...(route.methods.includes('GET') ? ['HEAD'] : [])]);
  return [...methods].sort();
}
