/**
 * The origin guarantee, in Chromium: a token goes only to the connection's origin, under
 * `/api/<version>/` (here the Karma page's origin, `/flowapi/<n>/api/0/`). A second test server
 * on another origin (localhost instead of 127.0.0.1) stands for the attacker: its counters must
 * stay at zero whatever route a caller gives or Location the server answers with. Replies handed
 * out carry no token (JSON.stringify, String, every property).
 */
import { firstValueFrom } from 'rxjs';
import { connect, type Connection } from '../../src/connection.js';
import { getGeography } from '../../src/client/metadata.js';
import { getResult, getResultByQueryId } from '../../src/client/results.js';
import { getStatus, queryIsReady } from '../../src/client/status.js';
import { FlowclientConnectionError } from '../../src/errors.js';
import { runQuery } from '../../src/query/run-query.js';
import { setFaults } from '../support/fixtures.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { logFetches } from './support/fetch-log.js';
import { expectNoSecret, secretsOf } from './support/secrets.js';
import { specSource } from './support/specs.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';
import { outcomeOf } from './support/outcome.js';


describe('security (Chromium): the origin guarantee', () => {
  let server: BrowserTestServer;
  let elsewhere: BrowserTestServer;
  let secrets: string[];
  let unhandled: UnhandledTracker;
  const nextSpec = specSource();
  const elsewhereUrl = () => elsewhere.url.replace('//127.0.0.1:', '//localhost:');
  /** The server's path on the page's origin, e.g. `/flowapi/3`. */
  const serverPath = () => new URL(server.url).pathname;

  beforeAll(async () => {
    [server, elsewhere] = await Promise.all([startTestServer({ queryDurationMs: 0, admin: true }), startTestServer({ queryDurationMs: 0, admin: true })]);
    secrets = secretsOf(server.token, elsewhere.token);
  });
  afterAll(async () => Promise.all([server.close(), elsewhere.close()]));
  beforeEach(async () => {
    await Promise.all([server, elsewhere].map(async (s) => (await setFaults(s, {}), await s.reset())));
    spyOn(console, 'warn'); // http:// warns "NOT SECURE"
    unhandled = trackUnhandled();
  });
  afterEach(async () => {
    expect((await elsewhere.counters()).total).withContext('requests that reached the other origin').toBe(0);
    expect(await unhandled.stop()).withContext('unhandled errors and rejections').toEqual([]);
  });

  const conn = (): Connection => connect({ url: server.url, token: server.token, retry: false });

  it('refuses absolute, //host, .. and other non-relative routes to getUrl and postJson with a TypeError naming route, sending nothing', async () => {
    const fetches = logFetches();
    const routes: unknown[] = [
      `${elsewhereUrl()}/api/0/available_dates`,
      `//${new URL(elsewhereUrl()).host}${new URL(elsewhere.url).pathname}/api/0/available_dates`,
      '../../../__flowapi/servers',
      'poll/../../../x',
      '%2e%2e/%2e%2e/x',
      '..\\..\\x',
      '/available_dates',
      'available_dates?x=1',
      'available_dates#x',
      undefined,
    ];
    for (const route of routes) {
      for (const call of [
        (c: Connection) => c.getUrl({ route: route as string }),
        (c: Connection) => c.postJson({ route: route as string, data: nextSpec() }),
      ]) {
        const { error, synchronous } = await outcomeOf(() => call(conn()));
        expect(error).withContext(String(route)).toBeInstanceOf(TypeError);
        expect(synchronous).withContext(`${String(route)}: thrown at the call`).toBeTrue();
        expect((error as Error).message).withContext(String(route)).toMatch(/^(getUrl|postJson): route /);
        expectNoSecret(error, secrets, `the error for ${String(route)}`);
      }
    }
    expect(fetches).withContext('requests sent').toEqual([]);
    expect((await server.counters()).total).withContext('requests that reached its own server').toBe(0);
  });

  it('refuses bad query ids and aggregation units with TypeErrors naming them, sending nothing', async () => {
    const c = conn();
    for (const queryId of ['', '..', '../../spec/openapi.json', 'a/b?c=d#e', '%2e%2e', 'a b', undefined, 42]) {
      for (const [name, call] of [
        ['getStatus', () => getStatus({ connection: c, queryId: queryId as string })],
        ['queryIsReady', () => queryIsReady({ connection: c, queryId: queryId as string })],
        ['getResultByQueryId', () => getResultByQueryId({ connection: c, queryId: queryId as string })],
      ] as const) {
        const { error } = await outcomeOf(call);
        expect(error).withContext(`${name}(${String(queryId)})`).toBeInstanceOf(TypeError);
        expect((error as Error).message).withContext(`${name}(${String(queryId)})`).toMatch(new RegExp(`^${name}: queryId must be a FlowAPI query id`));
      }
    }
    for (const unit of ['../run', 'admin3/../../run', '', 'admin3?x']) {
      const { error } = await outcomeOf(() => getGeography({ connection: c, aggregationUnit: unit }));
      expect((error as Error).message).withContext(unit).toMatch(/^getGeography: aggregationUnit must be a name of letters, digits/);
    }
    expect((await server.counters()).total).withContext('requests that reached the server').toBe(0);
  });

  // Chromium hides a redirect's Location (an opaque redirect): the result is read from get/<id> on
  // the connection's own server, whatever the 303 pointed at.
  const elsewhereLocations = (): Array<[string, string]> => [
    ['another origin', `${elsewhereUrl()}/api/0/available_dates`],
    ['a path outside /api/0/', '/spec/openapi.json'],
    ['a .. path', '/api/0/../../__flowapi/servers'],
  ];
  for (const status of [303, 302, 307]) {
    it(`reads the result only from its own server after a ${status} from poll to another origin or path`, async () => {
      const fetches = logFetches();
      for (const [what, location] of elsewhereLocations()) {
        const c = conn();
        const id = await firstValueFrom(runQuery({ connection: c, querySpec: nextSpec() }));
        await setFaults(server, { bursts: [{ route: 'poll', status, count: 1, body: '', contentType: 'text/html', headers: { Location: location } }] });
        fetches.length = 0;
        const { value, error } = await outcomeOf(() => getResultByQueryId({ connection: c, queryId: id }));
        if (error !== undefined) expect(error).withContext(what).toBeInstanceOf(FlowclientConnectionError);
        else expect(Array.isArray(value)).withContext(what).toBeTrue();
        expect(fetches.map((f) => f.url).filter((url) => !url.startsWith(`${server.url}/api/0/`))).withContext(`requests off ${server.url}/api/0/ (${what})`).toEqual([]);
        expect(fetches.filter((f) => f.route === 'poll').length).withContext(`polls (${what})`).toBeGreaterThan(0);
      }
    });
  }

  const runLocations: Array<[string, () => string, RegExp]> = [
    ['on another origin', () => `${elsewhereUrl()}/api/0/poll/${'a'.repeat(32)}`, /^The reply to run gave a Location to another origin, http:\/\/localhost:\d+; it is not used\.$/],
    ['outside /api/0/', () => `/spec/poll/${'a'.repeat(32)}`, /to "\/flowapi\/\d+\/spec\/poll\/a+", outside \/api\/0\/; it is not used\.$/],
    ['with an encoded ..', () => `/api/0/poll/%2e%2e`, /an encoded or backslashed path; it is not used\.$/],
  ];
  for (const [what, location, says] of runLocations) {
    it(`refuses run's Location ${what} (FlowclientConnectionError), from runQuery and getResult, and follows nothing`, async () => {
      await setFaults(server, { bursts: [{ route: 'run', status: 202, count: 2, body: '{}', contentType: 'application/json', headers: { Location: location() } }] });
      const fetches = logFetches();
      for (const call of [
        () => runQuery({ connection: conn(), querySpec: nextSpec() }),
        () => getResult({ connection: conn(), querySpec: nextSpec() }),
      ]) {
        const { error } = await outcomeOf(call);
        expect(error).toBeInstanceOf(FlowclientConnectionError);
        expect((error as Error).message).toMatch(says);
        expect(error).toEqual(jasmine.objectContaining({ status: 202, route: 'run' }));
      }
      expect(fetches.map((f) => f.url)).toEqual([`${server.url}/api/0/run`, `${server.url}/api/0/run`]);
      expect(serverPath()).toMatch(/^\/flowapi\/\d+$/);
    });
  }

  it('hands out replies with no token in them (getUrl, postJson, queryIsReady)', async () => {
    const c = conn();
    const ran = await firstValueFrom(c.postJson({ route: 'run', data: nextSpec() }));
    const id = String(ran.headers['location']).split('/').pop() ?? '';
    const dates = await firstValueFrom(c.getUrl({ route: 'available_dates' }));
    const ready = await firstValueFrom(queryIsReady({ connection: c, queryId: id }));
    for (const reply of [ran, dates, ready.response]) {
      expect(Object.keys(reply).sort()).toEqual(['data', 'headers', 'route', 'status', 'statusText']);
      expectNoSecret([reply, ready], secrets, `the reply from ${reply.route}`, [(v) => JSON.stringify(v)]);
    }
    expect(ran).toEqual(jasmine.objectContaining({ status: 202, route: 'run' }));
    expect(ready).toEqual({ ready: true, response: jasmine.objectContaining({ status: 303, route: `poll/${id}` }) });
  });
});
