/**
 * The origin guarantee, in Node, against hostile servers of the spec's own (plain HTTP servers on
 * 127.0.0.1 that record what they receive): a token goes only to the connection's origin, under
 * `/api/<version>/`. Routes a caller gives are relative paths there or a TypeError naming `route`;
 * Locations a server gives (poll's 303, run's Location) are taken only on that origin under
 * `/api/<version>/`, else a FlowclientConnectionError; in both cases nothing is sent. Replies
 * handed out carry no token (util.inspect at any depth, JSON.stringify).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import axios from 'axios';
import { firstValueFrom, toArray } from 'rxjs';
import { startTestServer, type TestServer } from '../../server/index.js';
import { connect, type Connection } from '../../src/connection.js';
import { getGeography } from '../../src/client/metadata.js';
import { getResult, getResultByQueryId } from '../../src/client/results.js';
import { getStatus, queryIsReady } from '../../src/client/status.js';
import { FlowclientConnectionError } from '../../src/errors.js';
import { sendRequest } from '../../src/http/request.js';
import { runQuery } from '../../src/query/run-query.js';
import { watchQuery } from '../../src/query/shared-watch.js';
import { unsignedJwt } from '../support/jwt.js';
import { expectNoSecret, secretsOf } from './support/secrets.js';
import { specSource } from './support/specs.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';
import { outcomeOf } from './support/outcome.js';

const token = unsignedJwt({ sub: 'alice', exp: 2_000_000_000, jti: 'a-long-enough-unique-token-id' });
const secrets = secretsOf(token);
const deepInspect = (value: unknown) => inspect(value, { depth: Infinity, showHidden: true, getters: true });
const ID = '0123456789abcdef0123456789abcdef';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
}

/** A plain HTTP server on 127.0.0.1 that records every request and answers with `answer`. */
async function recordingServer(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    received.push({ method: String(req.method), url: String(req.url), authorization: req.headers.authorization });
    req.resume();
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};


describe('security (Node): the origin guarantee', () => {
  let elsewhere: Awaited<ReturnType<typeof recordingServer>>;
  let origin: Awaited<ReturnType<typeof recordingServer>>;
  /** How the origin answers poll and run; get/<id> answers rows, anything else 404. */
  let pollLocation: string | undefined;
  let runReply: { location?: string; body: unknown } | undefined;
  let unhandled: UnhandledTracker;

  beforeAll(async () => {
    elsewhere = await recordingServer((_req, res) => json(res, 200, { query_result: [{ stolen: true }], query_id: ID, status: 'completed' }));
    origin = await recordingServer((req, res) => {
      const path = String(req.url);
      if (path.startsWith('/api/0/poll/') && pollLocation !== undefined) return json(res, 303, { status: 'completed' }, { location: pollLocation });
      if (path.startsWith('/api/0/poll/')) return json(res, 202, { status: 'executing', msg: '', progress: { eligible: 1, queued: 0, running: 1 } });
      if (path === '/api/0/run' && runReply !== undefined) return json(res, 202, runReply.body, runReply.location === undefined ? {} : { location: runReply.location });
      if (path.startsWith('/api/0/get/')) return json(res, 200, { query_id: ID, query_result: [{ pcod: 'A', value: 1 }] });
      return json(res, 404, { msg: 'not here' });
    });
  });
  afterAll(async () => Promise.all([close(elsewhere.server), close(origin.server)]));
  beforeEach(() => {
    elsewhere.received.length = 0;
    origin.received.length = 0;
    pollLocation = undefined;
    runReply = undefined;
    spyOn(console, 'warn'); // http:// warns "NOT SECURE"
    unhandled = trackUnhandled();
  });
  afterEach(async () => {
    expect(elsewhere.received).withContext('requests that reached the other origin').toEqual([]);
    expect(origin.received.filter((r) => !r.url.startsWith('/api/0/')).map((r) => r.url)).withContext('requests outside /api/0/').toEqual([]);
    expect(await unhandled.stop()).withContext('unhandled errors and rejections').toEqual([]);
  });

  const conn = (): Connection => connect({ url: origin.url, token, retry: false });

  describe('routes a caller gives: a TypeError naming route, nothing sent', () => {
    const routes = (): Array<[string, unknown]> => [
      ['an absolute URL to another origin', `${elsewhere.url}/api/0/available_dates`],
      ['an absolute URL to its own origin', `${origin.url}/api/0/available_dates`],
      ['a //host route', `//${elsewhere.url.slice('http://'.length)}/api/0/available_dates`],
      ['a leading /', '/available_dates'],
      ['a .. route', '../../spec/openapi.json'],
      ['a .. route in the middle', 'poll/../../../x'],
      ['an encoded .. route', '%2e%2e/%2E%2e/x'],
      ['a . segment', './available_dates'],
      ['a backslash route', '..\\..\\x'],
      ['an encoded slash', 'poll%2f..%2f..%2fx'],
      ['a query string', 'available_dates?x=1'],
      ['a fragment', 'available_dates#x'],
      ['another scheme', 'javascript:alert(1)'],
      ['whitespace', 'available dates'],
      ['an empty route', ''],
      ['no route', undefined],
      ['a number', 42],
    ];
    for (const method of ['getUrl', 'postJson'] as const) {
      it(`refuses every bad route to ${method} before sending`, async () => {
        for (const [what, route] of routes()) {
          const c = conn();
          const outcome = await outcomeOf(() =>
            method === 'getUrl' ? c.getUrl({ route: route as string }) : c.postJson({ route: route as string, data: { query_kind: 'x' } }),
          );
          expect(outcome.error).withContext(what).toBeInstanceOf(TypeError);
          expect(outcome.synchronous).withContext(`${what}: thrown at the call`).toBeTrue();
          expect((outcome.error as Error).message).withContext(what).toMatch(new RegExp(`^${method}: route `));
          expectNoSecret(outcome.error, secrets, `the error for ${what}`, [deepInspect]);
        }
        expect(origin.received).withContext('requests sent to its own server').toEqual([]);
      });
    }

    it('refuses postJson without data: "postJson: data is required"', () => {
      expect(() => conn().postJson({ route: 'run' } as never)).toThrowError(TypeError, 'postJson: data is required');
      expect(origin.received).toEqual([]);
    });

    it('sends a query string given as params, under /api/0/', async () => {
      await outcomeOf(() => conn().getUrl({ route: 'qa/calls/count_imeis', params: { start_date: '2016-01-01', end_date: '2016-01-02' } }));
      expect(origin.received.map((r) => r.url)).toEqual(['/api/0/qa/calls/count_imeis?start_date=2016-01-01&end_date=2016-01-02']);
    });

    it('keeps, as a last guard in sendRequest, absolute routes on its own server and refuses one leaving /api/0/, sending nothing', async () => {
      const client = axios.create({ baseURL: `${origin.url}/api/0/`, adapter: 'http', validateStatus: () => true });
      const send = (route: string) => outcomeOf(() => sendRequest(client, { kind: 'get', route }, () => token, { url: origin.url, apiVersion: 0, route }));
      // allowAbsoluteUrls: false: an absolute or //host route is a path under baseURL, never a URL of its own
      for (const route of [`${elsewhere.url}/x`, `//${elsewhere.url.slice('http://'.length)}/x`]) await send(route);
      expect(origin.received.map((r) => r.url)).toEqual([`/api/0/${elsewhere.url}/x`, `/api/0/${elsewhere.url.slice('http://'.length)}/x`]);
      origin.received.length = 0;
      for (const route of ['../../x', 'poll/../../../x', '%2e%2e/%2e%2e/x', '..\\..\\x']) {
        const outcome = await send(route);
        expect(outcome.error).withContext(route).toBeInstanceOf(FlowclientConnectionError);
        expect((outcome.error as Error).message).withContext(route).toMatch(/^Refused to send a request to outside \/api\/0\/: every request stays under http:\/\/127\.0\.0\.1:\d+\/api\/0\/\.$/);
      }
      expect(origin.received).toEqual([]);
    });
  });

  describe('query ids and aggregation units: refused before sending', () => {
    const ids: Array<[string, unknown]> = [
      ['a path', '../../spec/openapi.json'],
      ['an empty id', ''],
      ['no id', undefined],
      ['a number', 42],
      ['..', '..'],
      ['a query and fragment', 'a/b?c=d#e'],
      ['a percent sign', '%2e%2e'],
      ['whitespace', 'a b'],
      ['a backslash', 'a\\b'],
    ];
    for (const [what, queryId] of ids) {
      it(`refuses ${what} as a query id with a TypeError naming queryId`, async () => {
        const c = conn();
        const calls: Array<[string, () => unknown]> = [
          ['getStatus', () => getStatus({ connection: c, queryId: queryId as string })],
          ['queryIsReady', () => queryIsReady({ connection: c, queryId: queryId as string })],
          ['getResultByQueryId', () => getResultByQueryId({ connection: c, queryId: queryId as string })],
          ['pollQuery', () => watchQuery(c, queryId as string).pipe(toArray())],
        ];
        for (const [name, call] of calls) {
          const { error } = await outcomeOf(call);
          expect(error).withContext(name).toBeInstanceOf(TypeError);
          expect((error as Error).message).withContext(name).toMatch(new RegExp(`^${name}: queryId must be a FlowAPI query id .*; got `));
        }
        expect(origin.received).toEqual([]);
      });
    }

    it('blanks anything shaped like a token out of the message', () => {
      expect(() => getStatus({ connection: conn(), queryId: `Bearer ${token}` })).toThrowMatching(
        (e: unknown) => e instanceof TypeError && e.message.endsWith('got "Bearer <redacted>"'),
      );
    });

    for (const unit of ['../run', 'admin3/../../run', '', 'admin 3', 'admin3?x', '%2e%2e']) {
      it(`refuses the aggregation unit ${JSON.stringify(unit)} with a TypeError naming aggregationUnit`, () => {
        expect(() => getGeography({ connection: conn(), aggregationUnit: unit })).toThrowMatching(
          (e: unknown) => e instanceof TypeError && e.message.startsWith('getGeography: aggregationUnit must be a name of letters, digits'),
        );
        expect(origin.received).toEqual([]);
      });
    }
  });

  describe('Locations a server gives: followed only on its origin under /api/0/', () => {
    const elsewhereHost = () => elsewhere.url.slice('http://'.length);
    const pollLocations = (): Array<[string, string, RegExp]> => [
      ['another origin', `${elsewhere.url}/api/0/get/${ID}`, /to another origin, http:\/\/127\.0\.0\.1:\d+;/],
      ['another origin, protocol-relative', `//${elsewhereHost()}/api/0/get/${ID}`, /to another origin/],
      ['another origin, backslashes', `/\\${elsewhereHost()}/api/0/get/${ID}`, /to another origin/],
      ['another origin inside the path', `/api/0/${elsewhere.url}/steal`, /which is not a route/],
      ['a path outside /api/0/', '/spec/openapi.json', /outside \/api\/0\//],
      ['another API version', `/api/1/get/${ID}`, /outside \/api\/0\//],
      ['a .. path out of /api/0/', `/api/0/../../spec/openapi.json`, /outside \/api\/0\//],
      ['an encoded .. path', `/api/0/%2e%2e/%2E%2E/spec/openapi.json`, /an encoded or backslashed path/],
      ['an encoded slash', `/api/0/get%2f..%2f..%2fx`, /an encoded or backslashed path/],
      ['a query string', `/api/0/get/${ID}?x=1`, /a query or fragment/],
    ];

    it('refuses each with a FlowclientConnectionError from getStatus, getResultByQueryId and queryIsReady, fetching nothing', async () => {
      for (const [what, location, says] of pollLocations()) {
        pollLocation = location;
        const c = conn();
        for (const [name, call] of [
          ['getStatus', () => getStatus({ connection: c, queryId: ID })],
          ['getResultByQueryId', () => getResultByQueryId({ connection: c, queryId: ID })],
          ['queryIsReady', () => queryIsReady({ connection: c, queryId: ID })],
        ] as const) {
          const { error } = await outcomeOf(call);
          expect(error).withContext(`${name}, ${what}`).toBeInstanceOf(FlowclientConnectionError);
          expect((error as Error).message).withContext(`${name}, ${what}`).toMatch(new RegExp(`^The reply to poll/${ID} redirected .*${says.source}`));
          expect(error).withContext(`${name}, ${what}`).toEqual(jasmine.objectContaining({ status: 303, route: `poll/${ID}` }));
          expectNoSecret(error, secrets, `the error for ${what}`, [deepInspect]);
        }
        expect(origin.received.filter((r) => !r.url.startsWith('/api/0/poll/')).map((r) => r.url)).withContext(`requests after the 303 (${what})`).toEqual([]);
        origin.received.length = 0;
      }
    });

    it('takes a 303 to /api/0/get/<id> (relative or absolute on its origin) for the result', async () => {
      for (const location of [`/api/0/get/${ID}`, `${origin.url}/api/0/get/${ID}`]) {
        pollLocation = location;
        expect(await firstValueFrom(getResultByQueryId({ connection: conn(), queryId: ID }))).toEqual([{ pcod: 'A', value: 1 }]);
      }
      expect(origin.received.map((r) => r.url)).toEqual([`/api/0/poll/${ID}`, `/api/0/get/${ID}`, `/api/0/poll/${ID}`, `/api/0/get/${ID}`]);
    });

    const runReplies = (): Array<[string, { location?: string; body: unknown }, RegExp]> => [
      ['a Location on another origin', { location: `${elsewhere.url}/api/0/poll/${ID}`, body: {} }, /^The reply to run gave a Location to another origin, http:\/\/127\.0\.0\.1:\d+; it is not used\.$/],
      ['a protocol-relative Location', { location: `//${elsewhereHost()}/api/0/poll/${ID}`, body: {} }, /to another origin/],
      ['a Location outside /api/0/', { location: `/spec/poll/${ID}`, body: {} }, /outside \/api\/0\//],
      ['a Location with an encoded ..', { location: `/api/0/poll/%2e%2e`, body: {} }, /an encoded or backslashed path/],
      ['a query id that is a path', { body: { query_id: '../../spec/openapi.json' } }, /^The reply to run named a query id that is not one: "\.\.\/\.\.\/spec\/openapi\.json"\.$/],
    ];

    it('refuses a run reply whose Location or query id leads elsewhere, from runQuery and getResult', async () => {
      for (const [what, reply, says] of runReplies()) {
        runReply = reply;
        for (const [name, call] of [
          ['runQuery', () => runQuery({ connection: conn(), querySpec: specSource()() })],
          ['getResult', () => getResult({ connection: conn(), querySpec: specSource()() })],
        ] as const) {
          const { error } = await outcomeOf(call);
          expect(error).withContext(`${name}, ${what}`).toBeInstanceOf(FlowclientConnectionError);
          expect((error as Error).message).withContext(`${name}, ${what}`).toMatch(says);
          expect(error).withContext(`${name}, ${what}`).toEqual(jasmine.objectContaining({ status: 202, route: 'run' }));
        }
        expect(origin.received.map((r) => r.url)).withContext(`requests (${what})`).toEqual(['/api/0/run', '/api/0/run']);
        origin.received.length = 0;
      }
    });
  });

  describe('replies carry no token', () => {
    let server: TestServer;
    let minted: string;
    beforeAll(async () => {
      server = await startTestServer({ queryDurationMs: 0 });
      minted = await server.mintToken();
    });
    afterAll(() => server.close());

    it('hands out FlowResponse (status, statusText, headers, data, route) from getUrl, postJson and queryIsReady, with no token in util.inspect or JSON', async () => {
      const c = connect({ url: server.url, token: minted, retry: false });
      const ran = await firstValueFrom(c.postJson({ route: 'run', data: specSource()() }));
      const id = String(ran.headers['location']).split('/').pop() ?? '';
      const dates = await firstValueFrom(c.getUrl({ route: 'available_dates' }));
      const ready = await firstValueFrom(queryIsReady({ connection: c, queryId: id }));
      const rows = await firstValueFrom(c.getUrl({ route: `get/${id}` }));
      for (const reply of [ran, dates, ready.response, rows]) {
        expect(Object.keys(reply).sort()).toEqual(['data', 'headers', 'route', 'status', 'statusText']);
        expect(Object.getPrototypeOf(reply.headers)).toBe(Object.prototype);
        expectNoSecret([reply, ready], secretsOf(minted), `the reply from ${reply.route}`, [deepInspect, (v) => JSON.stringify(v), (v) => String(v)]);
      }
      expect(ran).toEqual(jasmine.objectContaining({ status: 202, route: 'run' }));
      expect(dates).toEqual(jasmine.objectContaining({ status: 200, route: 'available_dates' }));
      expect(ready.ready).toBeTrue();
      expect(ready.response).toEqual(jasmine.objectContaining({ status: 303, route: `poll/${id}` }));
      expect(ready.response.headers['location']).toBe(`/api/0/get/${id}`);
    });
  });
});
