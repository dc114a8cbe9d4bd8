/**
 * Token checks and permissions of a FlowAPI 1.18 server: every 401/422 reason, the check order
 * (token → spec parsing → validation → scopes → state), the scopes each route needs, and the
 * one-role rule.
 */
import { SignJWT } from 'jose';
import { startTestServer, type TestServer } from '../../server/index.js';
import { call, dailyLocationScopes, dailyLocationSpec, run, runToCompletion } from './support/http.js';

describe('test server · FlowAPI 1.18 authentication', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 0 });
    token = await server.mintToken();
  });

  afterAll(() => server.close());

  const tokenFailures: Array<[string, () => Promise<Record<string, string>>, number, string]> = [
    ['no Authorization header', async () => ({}), 401, 'Missing Authorization Header'],
    ['an empty Authorization header', async () => ({ authorization: '' }), 401, 'Missing Authorization Header'],
    [
      'an expired token',
      async () => ({ authorization: `Bearer ${await server.mintToken({ expiresInSeconds: -10 })}` }),
      401,
      'Token has expired',
    ],
    [
      'another scheme than Bearer',
      async () => ({ authorization: `Token ${token}` }),
      422,
      "Bad Authorization header. Expected value 'Bearer <JWT>'",
    ],
    ['Bearer without a token', async () => ({ authorization: 'Bearer' }), 422, "Bad Authorization header. Expected value 'Bearer <JWT>'"],
    ['a token that is not a JWT', async () => ({ authorization: 'Bearer garbage' }), 422, 'Not enough segments'],
    [
      'a token signed with another key',
      async () => ({ authorization: `Bearer ${await server.mintToken({ foreignKey: true })}` }),
      422,
      'Signature verification failed',
    ],
    [
      'a token for another audience',
      async () => ({ authorization: `Bearer ${await server.mintToken({ audience: 'elsewhere' })}` }),
      422,
      'Invalid audience',
    ],
    [
      'a token without a sub claim',
      async () => ({ authorization: `Bearer ${await server.mintToken({ omitSub: true })}` }),
      422,
      'Missing claim: sub',
    ],
    [
      'an HS256 token',
      async () => {
        const hs = await new SignJWT({ sub: 'x', aud: server.audience })
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new TextEncoder().encode('a-shared-secret-of-enough-length!!'));
        return { authorization: `Bearer ${hs}` };
      },
      422,
      'The specified alg value is not allowed',
    ],
  ];

  for (const [what, headers, status, msg] of tokenFailures) {
    it(`answers ${status} "${msg}" for ${what}`, async () => {
      const answer = await call(server, '/api/0/available_dates', { headers: await headers() });
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ msg });
      expect(answer.headers.get('content-type')).toBe('application/json');
    });
  }

  it('accepts a token without exp', async () => {
    const answer = await call(server, '/api/0/available_dates', { token: await server.mintToken({ noExpiry: true }) });
    expect(answer.status).toBe(200);
  });

  it('answers 500 with an HTML page when user_claims is not compressed', async () => {
    const answer = await call(server, '/api/0/available_dates', {
      token: await server.mintToken({ rawUserClaims: { all: ['get_available_dates'] } }),
    });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('Internal Server Error');
  });

  it('leaves spec and routes public: /, spec/openapi.json, spec/openapi.yaml, spec/redoc need no token', async () => {
    for (const path of ['/', '/api/0/spec/openapi.json', '/api/0/spec/openapi.yaml', '/api/0/spec/redoc']) {
      expect((await call(server, path)).status).withContext(path).toBe(200);
    }
  });
});

describe('test server · FlowAPI 1.18 check order', () => {
  let server: TestServer;
  let token: string;
  let noScopes: string;

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 0 });
    token = await server.mintToken();
    noScopes = await server.mintToken({ scopes: [] });
  });
  afterAll(() => server.close());

  it('answers 401, not 400, for a run without token and with a body that is not JSON', async () => {
    const answer = await call(server, '/api/0/run', { body: '{not json', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(401);
  });

  it('answers 422, not 400, for a run with a bad token and a spec without query_kind', async () => {
    const answer = await call(server, '/api/0/run', { token: 'x.y', json: { nothing: 1 } });
    expect(answer.status).toBe(422);
  });

  const parseFailures: Array<[string, unknown]> = [
    ['a list', [dailyLocationSpec()]],
    ['an object without query_kind', { aggregation_unit: 'admin3' }],
    ['a string', 'spatial_aggregate'],
    ['null', null],
  ];
  for (const [what, body] of parseFailures) {
    it(`answers 400 "Could not parse query spec." for a run body that is ${what}`, async () => {
      const answer = await call(server, '/api/0/run', { token, json: body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ msg: 'Could not parse query spec.' });
    });
  }

  it('answers 400 "Could not parse query spec." when the body is not sent as JSON', async () => {
    const answer = await call(server, '/api/0/run', {
      token,
      body: JSON.stringify(dailyLocationSpec()),
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.body).toEqual({ msg: 'Could not parse query spec.' });
  });

  it('validates before checking scopes: an unknown kind gets 400 even with a token without scopes', async () => {
    const answer = await call(server, '/api/0/run', { token: noScopes, json: { query_kind: 'no_such_kind' } });
    expect(answer.status).toBe(400);
    expect((answer.body as { msg: string }).msg).toMatch(/^Parameter validation failed\./);
  });

  it('answers 400 for an unknown aggregation unit (validated first) and 403 for a valid spec without scopes', async () => {
    const bad = await call(server, '/api/0/run', { token, json: dailyLocationSpec('2016-01-01', 'admin9') });
    expect(bad.status).toBe(400);
    const denied = await call(server, '/api/0/run', { token: noScopes, json: dailyLocationSpec() });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ msg: 'User claims verification failed' });
  });

  it('answers 404 for an unknown id before checking scopes, and 403 for a known one', async () => {
    const id = await run(server, token, dailyLocationSpec('2016-01-02'));
    expect((await call(server, '/api/0/poll/0123456789abcdef0123456789abcdef', { token: noScopes })).status).toBe(404);
    expect((await call(server, `/api/0/poll/${id}`, { token: noScopes })).status).toBe(403);
    expect((await call(server, `/api/0/get/${id}`, { token: noScopes })).status).toBe(403);
  });
});

describe('test server · FlowAPI 1.18 scopes', () => {
  let server: TestServer;
  let full: string;
  let id: string;
  const queryScopes = dailyLocationScopes('admin3');

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 0 });
    full = await server.mintToken();
    id = await runToCompletion(server, full, dailyLocationSpec());
  });
  afterAll(() => server.close());

  const denied = { msg: 'User claims verification failed' };
  const cases: Array<[string, string, Record<string, string[]>, number]> = [
    ['run with run + query scopes in one role', '/api/0/run', { r: ['run', ...queryScopes] }, 202],
    ['run with run and query scopes in two roles', '/api/0/run', { a: ['run'], b: queryScopes }, 403],
    ['run without the nested kind scope', '/api/0/run', { r: ['run', queryScopes[0] ?? ''] }, 403],
    ['run with scopes for another unit', '/api/0/run', { r: ['run', ...dailyLocationScopes('admin2')] }, 403],
    ['poll with only the query scopes', '/api/0/poll/ID', { r: queryScopes }, 303],
    ['poll with only action scopes', '/api/0/poll/ID', { r: ['run', 'get_result'] }, 403],
    ['get with get_result + query scopes', '/api/0/get/ID', { r: ['get_result', ...queryScopes] }, 200],
    ['get without get_result', '/api/0/get/ID', { r: queryScopes }, 403],
    ['get .csv with get_result + query scopes', '/api/0/get/ID.csv', { r: ['get_result', ...queryScopes] }, 200],
    ['get .geojson without the geography scope', '/api/0/get/ID.geojson', { r: ['get_result', ...queryScopes] }, 403],
    [
      'get .geojson with the geography scope',
      '/api/0/get/ID.geojson',
      { r: ['get_result', 'admin3:geography:geography', ...queryScopes] },
      200,
    ],
    ['geography with get_result + the unit geography', '/api/0/geography/admin3', { r: ['get_result', 'admin3:geography:geography'] }, 200],
    ['geography of another unit', '/api/0/geography/admin2', { r: ['get_result', 'admin3:geography:geography'] }, 403],
    ['geography without get_result', '/api/0/geography/admin3', { r: ['admin3:geography:geography'] }, 403],
    ['available_dates with get_available_dates', '/api/0/available_dates', { r: ['get_available_dates'] }, 200],
    ['available_dates without it', '/api/0/available_dates', { r: ['get_result'] }, 403],
    ['qa/ with get_qa_checks', '/api/0/qa/', { r: ['get_qa_checks'] }, 200],
    ['qa/ without it', '/api/0/qa/', { r: ['get_available_dates'] }, 403],
    ['a qa outcome without get_qa_checks', '/api/0/qa/calls/count_imeis/2016-01-01', { r: ['run'] }, 403],
  ];

  for (const [what, path, roles, status] of cases) {
    it(`answers ${status} for ${what}`, async () => {
      const token = await server.mintToken({ roles });
      const answer = path === '/api/0/run'
        ? await call(server, path, { token, json: dailyLocationSpec('2016-01-03') })
        : await call(server, path.replace('ID', id), { token });
      expect(answer.status).toBe(status);
      if (status === 403) expect(answer.body).toEqual(denied);
    });
  }

  it('answers 403 for geography/admin9 even with the full token', async () => {
    expect((await call(server, '/api/0/geography/admin9', { token: full })).status).toBe(403);
  });

  it('takes `scopes` as a shorthand for one role', async () => {
    const token = await server.mintToken({ scopes: ['run', ...queryScopes] });
    expect((await call(server, '/api/0/run', { token, json: dailyLocationSpec('2016-01-04') })).status).toBe(202);
  });
});
