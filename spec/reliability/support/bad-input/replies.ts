/**
 * Bad replies: non-JSON and HTML error bodies, unexpected statuses, unknown status strings from
 * poll, redirects (which a browser reports as an opaque 303 and never follows).
 */
import { lastValueFrom } from 'rxjs';
import { getAvailableDates, getAvailableQaChecks } from '../../../../src/client/metadata.js';
import { getStatus, queryIsReady } from '../../../../src/client/status.js';
import {
  AuthenticationError,
  FlowclientConnectionError,
  NotFoundError,
  PermissionDeniedError,
  ResultDecodeError,
} from '../../../../src/errors.js';
import { runQuery } from '../../../../src/query/run-query.js';
import { dailyLocationSpec, spatialAggregateSpec } from '../../../../src/specs/index.js';
import { HTML_PAGE, burst, type BadInput, type BadInputContext } from './table.js';

const dates = (t: BadInputContext) => getAvailableDates({ connection: t.conn });
const run = (date: string) => (t: BadInputContext) =>
  runQuery({ connection: t.conn, querySpec: spatialAggregateSpec({ locations: dailyLocationSpec({ date, aggregationUnit: 'admin1', method: 'most-common' }) }) });
const status = (t: BadInputContext) => getStatus({ connection: t.conn, queryId: t.runningId });
const GET_FAILED = (code: number, statusText = 'Unknown status', msg = 'Unknown error') =>
  `Something went wrong: ${msg}. API returned with status code: ${code} and status '${statusText}'`;
const POST_FAILED = (code: number, msg = 'the response did not contain valid JSON') =>
  `Something went wrong. API returned with status code ${code}. Error message: '${msg}'.`;

/** Error answers whose bodies are HTML, plain text or JSON of the wrong shape. */
export const ERROR_BODIES: readonly BadInput[] = [
  { input: 'a 500 HTML page to a GET', faults: burst('available_dates', 500, HTML_PAGE(500, 'Internal Server Error')), act: dates, error: FlowclientConnectionError, message: GET_FAILED(500), fields: { status: 500, route: 'available_dates' } },
  { input: 'a 400 plain-text body to a GET', faults: burst('available_dates', 400, 'Bad Request', 'text/plain'), act: dates, error: FlowclientConnectionError, message: GET_FAILED(400) },
  { input: 'a 500 JSON array to a GET', faults: burst('available_dates', 500, '[1, 2]', 'application/json'), act: dates, error: FlowclientConnectionError, message: GET_FAILED(500) },
  { input: 'a 500 JSON body with msg and status to a GET', faults: burst('available_dates', 500, '{"status":"database down","msg":"Oops"}', 'application/json'), act: dates, error: FlowclientConnectionError, message: GET_FAILED(500, 'database down', 'Oops'), fields: { serverMessage: 'Oops', serverStatus: 'database down' } },
  { input: 'a 500 HTML page to run', faults: burst('run', 500, HTML_PAGE(500, 'Internal Server Error')), act: run('2016-01-01'), error: FlowclientConnectionError, message: POST_FAILED(500), fields: { status: 500, route: 'run' } },
  { input: 'a 400 with an empty body to run', faults: burst('run', 400, ''), act: run('2016-01-02'), error: FlowclientConnectionError, message: POST_FAILED(400) },
  { input: 'a 400 JSON body with msg and payload to run', faults: burst('run', 400, '{"msg":"Bad spec","payload":{"date":["Not a valid date."]}}', 'application/json'), act: run('2016-01-03'), error: FlowclientConnectionError, message: `${POST_FAILED(400, 'Bad spec')} Payload: {"date":["Not a valid date."]}`, fields: { payload: { date: ['Not a valid date.'] } } },
  { input: 'a 401 HTML page', faults: burst('available_dates', 401, HTML_PAGE(401, 'Unauthorized')), act: dates, error: AuthenticationError, message: 'Unknown access denied error', fields: { status: 401 } },
  { input: 'a 422 plain-text body', faults: burst('available_dates', 422, 'Unprocessable', 'text/plain'), act: dates, error: AuthenticationError, message: 'Unknown access denied error', fields: { status: 422 } },
  { input: 'a 403 HTML page', faults: burst('available_dates', 403, HTML_PAGE(403, 'Forbidden')), act: dates, error: PermissionDeniedError, message: 'Unknown access denied error', fields: { status: 403 } },
  { input: 'a 404 HTML page', faults: burst('available_dates', 404, HTML_PAGE(404, 'Not Found')), act: dates, error: NotFoundError, message: (t) => `${t.server.url}/api/0/available_dates not found.`, fields: { status: 404 } },
  { input: 'a 502 HTML page from a proxy, every retry', faults: burst('available_dates', 502, HTML_PAGE(502, 'Bad Gateway'), 'text/html', { count: 10 }), act: dates, error: FlowclientConnectionError, message: GET_FAILED(502), fields: { status: 502 } },
  { input: 'a 429 whose Retry-After is not a delay, every retry', faults: burst('available_dates', 429, 'slow down', 'text/plain', { count: 10, headers: { 'Retry-After': 'soon' } }), act: dates, error: FlowclientConnectionError, message: GET_FAILED(429), fields: { status: 429, retryAfterMs: undefined } },
  { input: 'a 200 HTML login page instead of available dates', faults: burst('available_dates', 200, HTML_PAGE(200, 'Sign in')), act: dates, error: ResultDecodeError, message: 'The reply to available_dates has no available_dates in it.' },
  { input: 'a 200 JSON object where the QA checks list should be', faults: burst('qa', 200, '{"checks":[]}', 'application/json'), act: (t) => getAvailableQaChecks({ connection: t.conn }), error: ResultDecodeError, message: 'The reply to qa/ is not a list.' },
  { input: 'a 200 to run (only 202 is accepted)', faults: burst('run', 200, '{}', 'application/json'), act: run('2016-01-04'), error: FlowclientConnectionError, message: POST_FAILED(200, 'Unknown error') },
  { input: 'a 202 to run without Location or query_id', faults: burst('run', 202, '{}', 'application/json'), act: run('2016-01-05'), error: FlowclientConnectionError, message: 'Error running the query: no query id in the reply. Status code: 202.', fields: { route: 'run' } },
  { input: "a 202 to run whose Location names no id ('/api/0/poll/') and no query_id", faults: burst('run', 202, '{}', 'application/json', { headers: { Location: '/api/0/poll/' } }), act: run('2016-01-06'), error: FlowclientConnectionError, message: 'Error running the query: no query id in the reply. Status code: 202.', fields: { status: 202, route: 'run' } },
];

/** Poll replies FlowAPI never gives: unknown status strings, bodies without status, wrong codes. */
export const POLL_REPLIES: readonly BadInput[] = [
  { input: "an unknown status string ('sleeping') from poll", faults: burst('poll', 202, '{"status":"sleeping","msg":""}', 'application/json'), act: status, error: FlowclientConnectionError, message: "Unknown query status 'sleeping' in the reply to poll.", fields: { status: 202, serverStatus: 'sleeping' } },
  { input: "a status string in the wrong case ('Executing') from poll", faults: burst('poll', 202, '{"status":"Executing"}', 'application/json'), act: status, error: FlowclientConnectionError, message: "Unknown query status 'Executing' in the reply to poll." },
  { input: "'completed' in a 202 from poll (completed is a 303)", faults: burst('poll', 202, '{"status":"completed"}', 'application/json'), act: status, error: FlowclientConnectionError, message: "Unknown query status 'completed' in the reply to poll." },
  { input: 'a JSON 202 without status from poll (flowclient: "No status reported.")', faults: burst('poll', 202, '{"msg":"still going"}', 'application/json'), act: status, error: FlowclientConnectionError, message: 'No status reported.', fields: { status: 202 } },
  { input: 'an unknown status string to queryIsReady in a 500', faults: burst('poll', 500, '{"status":"paused","msg":"x"}', 'application/json'), act: (t) => queryIsReady({ connection: t.conn, queryId: t.runningId }), error: FlowclientConnectionError, message: GET_FAILED(500, 'paused', 'x') },
  {
    input: 'an unknown status string mid-watch',
    faults: burst('poll', 202, '{"status":"on_fire"}', 'application/json'),
    act: (t) => lastValueFrom(t.conn.makeApiQuery(spatialAggregateSpec({ locations: dailyLocationSpec({ date: '2016-01-06', aggregationUnit: 'admin1', method: 'most-common' }) })).watch()),
    error: FlowclientConnectionError,
    message: "Unknown query status 'on_fire' in the reply to poll.",
  },
  { input: 'an HTML 202 from poll', faults: burst('poll', 202, HTML_PAGE(202, 'Accepted')), act: status, error: FlowclientConnectionError, message: 'No status reported.' },
  { input: 'an unknown status string in a 500 from poll', faults: burst('poll', 500, '{"status":"exploded","msg":"boom"}', 'application/json'), act: status, error: FlowclientConnectionError, message: GET_FAILED(500, 'exploded', 'boom'), fields: { serverStatus: 'exploded' } },
  { input: 'a 200 from poll', faults: burst('poll', 200, '{"status":"executing"}', 'application/json'), act: status, error: FlowclientConnectionError, message: 'Something went wrong: unexpected reply to poll. API returned with status code: 200' },
];

/** Redirects elsewhere: Chromium reports them as an opaque 303 and the client never follows them. */
export const REDIRECTS: readonly BadInput[] = [
  { input: 'a 302 to another origin from available_dates', faults: burst('available_dates', 302, '', 'text/html', { headers: { Location: 'https://elsewhere.example/api/0/available_dates' } }), act: dates, error: FlowclientConnectionError, message: 'Could not get available dates. API returned with status code: 303.' },
  { input: 'a 307 to another origin from run', faults: burst('run', 307, '', 'text/html', { headers: { Location: 'https://elsewhere.example/api/0/run' } }), act: run('2016-01-07'), error: FlowclientConnectionError, message: /^.*\/api\/0\/run was redirected \(status 303\); redirects are not followed\.$/ },
];
