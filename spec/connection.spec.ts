import { firstValueFrom, forkJoin, lastValueFrom, take, toArray, from } from 'rxjs';
import { connect, type ConnectOptions } from '../src/connection.js';
import {
  AuthenticationError,
  FlowclientConnectionError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
} from '../src/errors.js';
import { startTestServer, type BrowserTestServer } from './support/test-server.js';
import { unsignedJwt } from './support/jwt.js';

const dailyLocation = {
  query_kind: 'daily_location', date: '2016-01-01', aggregation_unit: 'admin3', method: 'last',
  event_types: null, subscriber_subset: null, mapping_table: null, geom_table: null, geom_table_join_column: null, hours: null,
};
const spatialAggregate = { query_kind: 'spatial_aggregate', locations: dailyLocation };

async function failure(observable: Promise<unknown>): Promise<Error> {
  try {
    await observable;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

describe('connect', () => {
  const token = unsignedJwt({ sub: 'alice', exp: 2_000_000_000 });
  beforeEach(() => spyOn(console, 'warn'));

  it('exposes url, apiVersion, token, user and expiry, and prints as user@url vN', () => {
    const conn = connect({ url: 'https://flowapi.example/', token, apiVersion: 0 });
    expect(conn.url).toBe('https://flowapi.example');
    expect(conn.apiVersion).toBe(0);
    expect(conn.token).toBe(token);
    expect(conn.user).toBe('alice');
    expect(conn.tokenExpiresAt).toEqual(new Date(2_000_000_000_000));
    expect(String(conn)).toBe('alice@https://flowapi.example v0');
    expect(JSON.stringify(conn)).not.toContain(token);
  });

  it('warns once, with flowclient\'s text, for a URL that is not https', () => {
    connect({ url: 'http://flowapi.example', token });
    expect(console.warn).toHaveBeenCalledOnceWith('Communications with this server are NOT SECURE.');
  });

  it('sends warnings to onWarning when given, instead of the console', () => {
    const warnings: string[] = [];
    connect({ url: 'http://flowapi.example', token, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual(['Communications with this server are NOT SECURE.']);
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('does not warn for https', () => {
    connect({ url: 'HTTPS://flowapi.example', token });
    expect(console.warn).not.toHaveBeenCalled();
  });

  const bad: Array<[string, Partial<ConnectOptions>, RegExp]> = [
    ['a missing url', { url: undefined as unknown as string }, /url is required/],
    ['a url without scheme', { url: 'flowapi.example' }, /url must start with http/],
    ['a url with another scheme', { url: 'ftp://flowapi.example' }, /url must start with http/],
    ['a url that already has /api/0', { url: 'https://flowapi.example/api/0' }, /without \/api\/<version>/],
    ['a negative apiVersion', { apiVersion: -1 }, /apiVersion must be a non-negative integer/],
    ['a fractional apiVersion', { apiVersion: 0.5 }, /apiVersion must be a non-negative integer/],
    ['an empty token', { token: '' }, /token must be a non-empty string/],
    ['a negative timeout', { timeoutMs: -5 }, /timeoutMs/],
  ];
  for (const [name, override, message] of bad) {
    it(`throws a TypeError naming the argument for ${name}`, () => {
      expect(() => connect({ url: 'https://flowapi.example', token, ...override } as ConnectOptions)).toThrowMatching(
        (e) => e instanceof TypeError && message.test(e.message),
      );
    });
  }

  it('rejects an undecodable token with FlowclientConnectionError', () => {
    expect(() => connect({ url: 'https://x.example', token: 'abc.def' })).toThrowMatching(
      (e) => e instanceof FlowclientConnectionError && e.message === 'Unable to decode token',
    );
  });
});

describe('Connection tokens', () => {
  const first = unsignedJwt({ sub: 'alice' });
  const second = unsignedJwt({ sub: 'bob', exp: 1_900_000_000 });
  beforeEach(() => spyOn(console, 'warn'));

  it('re-emits token$ and user$ to every subscriber on updateToken', async () => {
    const conn = connect({ url: 'https://x.example', token: first });
    const tokens = firstValueFrom(conn.token$.pipe(take(2), toArray()));
    const users = firstValueFrom(conn.user$.pipe(take(2), toArray()));
    const users2 = firstValueFrom(conn.user$.pipe(take(2), toArray()));
    conn.updateToken(second);
    expect(await tokens).toEqual([first, second]);
    expect(await users).toEqual(['alice', 'bob']);
    expect(await users2).toEqual(['alice', 'bob']);
    expect(conn.user).toBe('bob');
    expect(conn.tokenExpiresAt).toEqual(new Date(1_900_000_000_000));
  });

  const badTokens: Array<[string, string, string]> = [
    ['an undecodable token', 'xx.yy.zz', 'Unable to decode token'],
    ['a token without identity', unsignedJwt({ aud: 'flowapi' }), 'Token does not contain user identity.'],
  ];
  for (const [name, bad, message] of badTokens) {
    it(`keeps the previous token when given ${name}`, () => {
      const conn = connect({ url: 'https://x.example', token: first });
      const seen: string[] = [];
      conn.token$.subscribe((t) => seen.push(t));
      expect(() => conn.updateToken(bad)).toThrowMatching(
        (e) => e instanceof FlowclientConnectionError && e.message === message && !String(e).includes(bad),
      );
      expect(conn.token).toBe(first);
      expect(conn.user).toBe('alice');
      expect(seen).toEqual([first]);
    });
  }
});

describe('Connection over HTTP', () => {
  let server: BrowserTestServer;
  beforeAll(async () => (server = await startTestServer({ queryDurationMs: 200, admin: true })));
  afterAll(async () => server.close());
  beforeEach(async () => {
    spyOn(console, 'warn');
    await setFaults({});
    await server.reset();
  });

  const setFaults = (faults: Record<string, unknown>) =>
    fetch(`${server.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
  const conn = (options: Partial<ConnectOptions> = {}) =>
    connect({ url: server.url, token: server.token, retry: { count: 3, baseDelayMs: 20, maxDelayMs: 100 }, ...options });

  it('sends nothing before subscribe, and one request per subscription (cold)', async () => {
    const request = conn().getUrl({ route: 'available_dates' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await server.counters()).requests['available_dates'] ?? 0).toBe(0);
    const [a, b] = await Promise.all([firstValueFrom(request), firstValueFrom(request)]);
    expect(a.status).toBe(200);
    expect((b.data as { available_dates: Record<string, string[]> }).available_dates['calls']).toContain('2016-01-01');
    expect((await server.counters()).requests['available_dates']).toBe(2);
  });

  it('aborts the request when unsubscribed', async () => {
    await setFaults({ stalls: [{ route: 'available_dates', ms: 1500, count: 1 }] });
    const fetchSpy = spyOn(window, 'fetch').and.callThrough();
    const next = jasmine.createSpy('next');
    const error = jasmine.createSpy('error');
    const subscription = conn().getUrl({ route: 'available_dates' }).subscribe({ next, error });
    await new Promise((r) => setTimeout(r, 200));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const request = fetchSpy.calls.mostRecent().args[0] as Request;
    expect(request.signal.aborted).toBeFalse();
    subscription.unsubscribe();
    expect(request.signal.aborted).toBeTrue();
    await new Promise((r) => setTimeout(r, 1500));
    expect(next).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('does not follow the 303 from poll in the browser: it reports the redirect without downloading', async () => {
    const c = conn();
    const reply = await firstValueFrom(c.postJson({ route: 'run', data: spatialAggregate }));
    const id = String(reply.headers['location']).split('/').pop();
    await new Promise((r) => setTimeout(r, 400));
    await server.reset();
    const poll = await firstValueFrom(c.getUrl({ route: `poll/${id}` }));
    expect(poll.status).toBe(303);
    const counters = await server.counters();
    expect(counters.requests['poll']).toBe(1);
    expect(counters.requests['get'] ?? 0).toBe(0);
  });

  it('posts a spec to run and gets 202 with a Location', async () => {
    const reply = await firstValueFrom(conn().postJson({ route: 'run', data: spatialAggregate }));
    expect(reply.status).toBe(202);
    expect(String(reply.headers['location'])).toMatch(/\/api\/0\/poll\/[0-9a-f]{32}$/);
  });

  it('sends the token current at each attempt, so updateToken reaches the next request', async () => {
    const c = conn();
    const other = await server.mintToken({ sub: 'carol' });
    await firstValueFrom(c.getUrl({ route: 'available_dates' }));
    c.updateToken(other);
    expect(c.user).toBe('carol');
    const reply = await firstValueFrom(c.getUrl({ route: 'available_dates' }));
    expect(reply.status).toBe(200);
  });

  describe('maps statuses to typed errors', () => {
    it('404 → NotFoundError "<url>/api/0/<route> not found."', async () => {
      const error = await failure(firstValueFrom(conn().getUrl({ route: 'poll/0123456789abcdef0123456789abcdef' })));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toBe(`${server.url}/api/0/poll/0123456789abcdef0123456789abcdef not found.`);
      expect((error as NotFoundError).status).toBe(404);
    });

    it('401 (expired token) → AuthenticationError with the server message', async () => {
      const expired = await server.mintToken({ expiresInSeconds: -30 });
      const error = await failure(firstValueFrom(conn({ token: expired }).getUrl({ route: 'available_dates' })));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.message).toBe('Token has expired');
      expect((error as AuthenticationError).status).toBe(401);
      expect(error.message).not.toContain(expired);
    });

    it('422 (bad signature) → AuthenticationError', async () => {
      const forged = await server.mintToken({ foreignKey: true });
      const error = await failure(firstValueFrom(conn({ token: forged }).getUrl({ route: 'available_dates' })));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).status).toBe(422);
      expect((error as AuthenticationError).serverMessage).toBe(error.message);
    });

    it('422 (wrong audience) → AuthenticationError', async () => {
      const other = await server.mintToken({ audience: 'another-server' });
      const error = await failure(firstValueFrom(conn({ token: other }).postJson({ route: 'run', data: spatialAggregate })));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).status).toBe(422);
    });

    it('403 → PermissionDeniedError "User claims verification failed"', async () => {
      const narrow = await server.mintToken({ scopes: ['get_available_dates'] });
      const error = await failure(firstValueFrom(conn({ token: narrow }).postJson({ route: 'run', data: spatialAggregate })));
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(error).toBeInstanceOf(FlowclientConnectionError);
      expect(error.message).toBe('User claims verification failed');
      expect((error as PermissionDeniedError).route).toBe('run');
    });

    it('postJson 400 → FlowclientConnectionError with status, server message and payload', async () => {
      const error = await failure(firstValueFrom(conn().postJson({ route: 'run', data: { query_kind: 'no_such_kind' } })));
      expect(error).toBeInstanceOf(FlowclientConnectionError);
      expect((error as FlowclientConnectionError).status).toBe(400);
      expect(error.message).toMatch(/^Something went wrong\. API returned with status code 400\. Error message: 'Parameter validation failed\./);
      expect((error as FlowclientConnectionError).serverMessage).toMatch(/^Parameter validation failed\./);
    });

    it('postJson 400 for a body without query_kind', async () => {
      const error = await failure(firstValueFrom(conn().postJson({ route: 'run', data: [1, 2] })));
      expect(error.message).toBe("Something went wrong. API returned with status code 400. Error message: 'Could not parse query spec.'.");
    });

    it('getUrl 500 HTML page → FlowclientConnectionError, never a crash', async () => {
      await setFaults({ bursts: [{ route: 'available_dates', status: 500, count: 1, body: '<html><h1>Internal Server Error</h1></html>', contentType: 'text/html' }] });
      const error = await failure(firstValueFrom(conn().getUrl({ route: 'available_dates' })));
      expect(error).toBeInstanceOf(FlowclientConnectionError);
      expect(error.message).toBe("Something went wrong: Unknown error. API returned with status code: 500 and status 'Unknown status'");
    });

    it('getUrl 418 JSON without msg → "Unknown error"', async () => {
      await setFaults({ bursts: [{ route: 'available_dates', status: 418, count: 1, body: '{"status":"teapot"}', contentType: 'application/json' }] });
      const error = await failure(firstValueFrom(conn().getUrl({ route: 'available_dates' })));
      expect(error.message).toBe("Something went wrong: Unknown error. API returned with status code: 418 and status 'teapot'");
    });

    it('postJson 200 is an error (only 202 is success)', async () => {
      await setFaults({ bursts: [{ route: 'run', status: 200, count: 1, body: '{}', contentType: 'application/json' }] });
      const error = await failure(firstValueFrom(conn().postJson({ route: 'run', data: spatialAggregate })));
      expect((error as FlowclientConnectionError).status).toBe(200);
    });

    it('network down → NetworkError "Unable to connect to FlowKit API at <url>: ..."', async () => {
      const down = connect({ url: 'http://127.0.0.1:1', token: server.token, retry: false });
      const error = await failure(firstValueFrom(down.getUrl({ route: 'available_dates' })));
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toBeInstanceOf(FlowclientConnectionError);
      expect(error.message).toMatch(/^Unable to connect to FlowKit API at http:\/\/127\.0\.0\.1:1: /);
    });

    it('a connection reset → NetworkError', async () => {
      // Chromium silently re-sends a GET while the sockets it used were reused keep-alive ones,
      // so reset enough of them for the failure to reach the page.
      await setFaults({ resets: [{ route: 'available_dates', count: 20 }] });
      const error = await failure(firstValueFrom(conn({ retry: false }).getUrl({ route: 'available_dates' })));
      expect(error).toBeInstanceOf(NetworkError);
    });
  });

  describe('retries', () => {
    it('retries a burst of 503s and succeeds, within the retry count', async () => {
      await setFaults({ bursts: [{ route: 'available_dates', status: 503, count: 2 }] });
      const reply = await firstValueFrom(conn().getUrl({ route: 'available_dates' }));
      expect(reply.status).toBe(200);
      expect((await server.counters()).requests['available_dates']).toBe(3);
    });

    it('gives up after count retries with the last error', async () => {
      await setFaults({ bursts: [{ route: 'available_dates', status: 502, count: 10 }] });
      const error = await failure(firstValueFrom(conn().getUrl({ route: 'available_dates' })));
      expect((error as FlowclientConnectionError).status).toBe(502);
      expect((await server.counters()).requests['available_dates']).toBe(4);
    });

    it('never retries other 4xx', async () => {
      await setFaults({ bursts: [{ route: 'available_dates', status: 400, count: 3 }] });
      await failure(firstValueFrom(conn().getUrl({ route: 'available_dates' })));
      expect((await server.counters()).requests['available_dates']).toBe(1);
    });

    it('does not retry when retry is false', async () => {
      await setFaults({ bursts: [{ route: 'available_dates', status: 503, count: 1 }] });
      await failure(firstValueFrom(conn({ retry: false }).getUrl({ route: 'available_dates' })));
      expect((await server.counters()).requests['available_dates']).toBe(1);
    });

    it("honours a 429's Retry-After", async () => {
      await setFaults({ bursts: [{ route: 'available_dates', status: 429, count: 1, headers: { 'Retry-After': '1' } }] });
      const started = performance.now();
      await firstValueFrom(conn().getUrl({ route: 'available_dates' }));
      expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    });

    it('times out a stalled request, then retries it', async () => {
      await setFaults({ stalls: [{ route: 'available_dates', ms: 2000, count: 1 }] });
      const reply = await firstValueFrom(conn({ timeoutMs: 300 }).getUrl({ route: 'available_dates' }));
      expect(reply.status).toBe(200);
      expect((await server.counters()).requests['available_dates']).toBe(2);
    });

    it('retries POST run and gets the same query id (FlowAPI ids are per spec)', async () => {
      const first = await firstValueFrom(conn().postJson({ route: 'run', data: spatialAggregate }));
      await setFaults({ bursts: [{ route: 'run', status: 503, count: 1 }] });
      const second = await firstValueFrom(conn().postJson({ route: 'run', data: spatialAggregate }));
      expect(second.headers['location']).toBe(first.headers['location']);
    });
  });

  describe('token refresh', () => {
    it('refreshes once for 5 concurrent 401 "Token has expired", then retries each once', async () => {
      const expired = await server.mintToken({ expiresInSeconds: -30 });
      let refreshes = 0;
      const c = conn({
        token: expired,
        tokenRefresher: () => {
          refreshes++;
          return server.mintToken({ sub: 'refreshed' });
        },
      });
      const replies = await lastValueFrom(forkJoin(Array.from({ length: 5 }, () => c.getUrl({ route: 'available_dates' }))));
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(refreshes).toBe(1);
      expect(c.user).toBe('refreshed');
      expect((await server.counters()).requests['available_dates']).toBe(10);
    });

    it('accepts a refresher that returns an observable', async () => {
      const expired = await server.mintToken({ expiresInSeconds: -30 });
      const c = conn({ token: expired, tokenRefresher: () => from(server.mintToken()) });
      expect((await firstValueFrom(c.getUrl({ route: 'available_dates' }))).status).toBe(200);
    });

    it('does not loop when the refreshed token is expired too', async () => {
      const expired = await server.mintToken({ expiresInSeconds: -30 });
      let refreshes = 0;
      const c = conn({ token: expired, tokenRefresher: () => (refreshes++, server.mintToken({ expiresInSeconds: -30 })) });
      const error = await failure(firstValueFrom(c.getUrl({ route: 'available_dates' })));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(refreshes).toBe(1);
      expect((await server.counters()).requests['available_dates']).toBe(2);
    });

    it('does not refresh for other auth failures (422)', async () => {
      const forged = await server.mintToken({ foreignKey: true });
      const refresher = jasmine.createSpy('refresher').and.returnValue(Promise.resolve(server.token));
      await failure(firstValueFrom(conn({ token: forged, tokenRefresher: refresher }).getUrl({ route: 'available_dates' })));
      expect(refresher).not.toHaveBeenCalled();
    });

    it('keeps the old token when the refresher fails', async () => {
      const expired = await server.mintToken({ expiresInSeconds: -30 });
      const c = conn({ token: expired, tokenRefresher: () => Promise.reject(new Error('auth service down')) });
      const error = await failure(firstValueFrom(c.getUrl({ route: 'available_dates' })));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.message).toContain('auth service down');
      expect(c.token).toBe(expired);
    });
  });
});
