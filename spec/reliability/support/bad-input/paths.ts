/**
 * Bad values that would go into a request path: query ids, aggregation units, routes, and a
 * postJson without data. Each is refused with a TypeError naming it before anything is sent
 * (FlowAPI's own refusal only where the client cannot know: which aggregation units exist).
 */
import { getGeography } from '../../../../src/client/metadata.js';
import { getResultByQueryId } from '../../../../src/client/results.js';
import { getStatus } from '../../../../src/client/status.js';
import { PermissionDeniedError } from '../../../../src/errors.js';
import { sendingNothing, type BadInput, type BadInputContext } from './table.js';

const QUERY_ID_RULE = 'queryId must be a FlowAPI query id (a non-empty string without "/", "\\", "?", "#", "%" or whitespace, not "." or "..")';
const status = (queryId: unknown) => (t: BadInputContext) => getStatus({ connection: t.conn, queryId: queryId as string });

/** Values refused before anything is sent, each with a TypeError naming the argument. */
export const PATH_VALUES: readonly BadInput[] = [
  ...sendingNothing([
    { input: "getStatus with '' as query id", act: status(''), error: TypeError, message: `getStatus: ${QUERY_ID_RULE}; got ""` },
    { input: 'getStatus with undefined as query id', act: status(undefined), error: TypeError, message: `getStatus: ${QUERY_ID_RULE}; got undefined` },
    { input: 'getStatus with a path as query id', act: status('../../spec/openapi.json'), error: TypeError, message: `getStatus: ${QUERY_ID_RULE}; got "../../spec/openapi.json"` },
    { input: "getStatus with 'a/b?c=d#e' as query id", act: status('a/b?c=d#e'), error: TypeError, message: `getStatus: ${QUERY_ID_RULE}; got "a/b?c=d#e"` },
    { input: 'getResultByQueryId with 42 as query id', act: (t) => getResultByQueryId({ connection: t.conn, queryId: 42 as unknown as string }), error: TypeError, message: `getResultByQueryId: ${QUERY_ID_RULE}; got 42` },
    {
      input: "getGeography with '../run' as aggregation unit",
      act: (t) => getGeography({ connection: t.conn, aggregationUnit: '../run' }),
      error: TypeError,
      message: 'getGeography: aggregationUnit must be a name of letters, digits, "_" and "-", e.g. "admin3" (got "../run")',
    },
    { input: 'getUrl with route undefined', act: (t) => t.conn.getUrl({ route: undefined as unknown as string }), error: TypeError, message: 'getUrl: route must be a non-empty string (got undefined)' },
    {
      input: 'getUrl with an absolute URL as route',
      act: (t) => t.conn.getUrl({ route: 'https://elsewhere.example/api/0/available_dates' }),
      error: TypeError,
      message: 'getUrl: route must be a path relative to /api/<version>/, not a URL with a scheme (got "https://elsewhere.example/api/0/available_dates")',
    },
    { input: 'getUrl with a .. route', act: (t) => t.conn.getUrl({ route: '../../spec/openapi.json' }), error: TypeError, message: 'getUrl: route must not contain a "." or ".." segment (got "../../spec/openapi.json")' },
    { input: "postJson to 'run' without data", act: (t) => t.conn.postJson({ route: 'run' } as never), error: TypeError, message: 'postJson: data is required' },
  ]),
  // Which aggregation units a server has is its own business (the spec builders know FlowMachine's
  // list, a deployment may have others): a well-formed unknown unit is sent, and FlowAPI refuses it.
  {
    input: "getGeography with 'admin9' (well-formed, unknown to the server)",
    act: (t) => getGeography({ connection: t.conn, aggregationUnit: 'admin9' }),
    error: PermissionDeniedError,
    message: 'User claims verification failed',
    fields: { status: 403, route: 'geography/admin9', serverMessage: 'User claims verification failed' },
  },
];
