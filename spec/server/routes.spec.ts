/**
 * Routes of a FlowAPI 1.18 server outside the query lifecycle: root, spec documents, QA, unknown
 * paths and methods, trailing slashes, bad input (the server keeps serving after each), counters.
 */
import { connect } from 'node:net';
import { startTestServer, type TestServer } from '../../server/index.js';
import { call, dailyLocationSpec, run } from './support/http.js';

describe('test server · FlowAPI 1.18 public routes', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ audience: 'my-flowapi' });
  });
  afterAll(() => server.close());

  it('answers / with 200 and an empty body', async () => {
    const answer = await call(server, '/');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
  });

  it('serves openapi.json: OpenAPI 3.0.1, title FlowAPI, every scope sorted and the audience', async () => {
    const answer = await call(server, '/api/0/spec/openapi.json');
    expect(answer.headers.get('content-type')).toBe('application/json');
    const spec = answer.body as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, unknown>;
      components: { securitySchemes: { token: Record<string, unknown> } };
    };
    expect(spec.openapi).toBe('3.0.1');
    expect(spec.info.title).toBe('FlowAPI');
    expect(spec.info.version).toMatch(/^1\.18/);
    const scheme = spec.components.securitySchemes.token;
    expect(scheme['type']).toBe('http');
    expect(scheme['scheme']).toBe('bearer');
    expect(scheme['bearerFormat']).toBe('JWT');
    expect(scheme['x-audience']).toBe('my-flowapi');
    const scopes = scheme['x-security-scopes'] as string[];
    expect(scopes).toEqual([...scopes].sort());
    for (const scope of ['run', 'get_result', 'get_available_dates', 'get_qa_checks', 'admin3:spatial_aggregate:daily_location', 'admin3:geography:geography']) {
      expect(scopes).toContain(scope);
    }
    expect(Object.keys(spec.paths)).toContain('/api/0/poll/{query_id}');
  });

  it('serves openapi.yaml (as text/html, as FlowAPI does) and the ReDoc page', async () => {
    const yaml = await call(server, '/api/0/spec/openapi.yaml');
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(yaml.text).toContain('openapi: 3.0.1');
    expect(yaml.text).toContain('x-audience: my-flowapi');
    const redoc = await call(server, '/api/0/spec/redoc');
    expect(redoc.status).toBe(200);
    expect(redoc.text).toContain('<redoc spec-url="openapi.json">');
  });

  it('mints the full token with every advertised scope in one role', async () => {
    const spec = (await call(server, '/api/0/spec/openapi.json')).body as {
      components: { securitySchemes: { token: { 'x-security-scopes': string[] } } };
    };
    const [, payload = ''] = (await server.mintToken()).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims['sub']).toBe('test-user');
    expect(claims['aud']).toBe('my-flowapi');
    expect(typeof claims['user_claims']).toBe('string');
    const { gunzipSync } = await import('node:zlib');
    const roles = JSON.parse(gunzipSync(Buffer.from(String(claims['user_claims']), 'base64')).toString()) as Record<string, string[]>;
    expect(Object.keys(roles)).toEqual(['all']);
    expect([...(roles['all'] ?? [])].sort()).toEqual(spec.components.securitySchemes.token['x-security-scopes']);
  });
});

describe('test server · FlowAPI 1.18 QA routes', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.mintToken();
  });
  afterAll(() => server.close());

  it('redirects qa (no slash) with 308 to qa/', async () => {
    const answer = await call(server, '/api/0/qa', { token });
    expect(answer.status).toBe(308);
    expect(answer.headers.get('location')).toBe('/api/0/qa/');
  });

  it('lists the checks as [{cdr_type, type_of_query_or_check}]', async () => {
    const answer = await call(server, '/api/0/qa/', { token });
    expect(answer.status).toBe(200);
    const checks = answer.body as Array<Record<string, string>>;
    expect(checks.length).toBeGreaterThan(0);
    expect(checks).toContain({ cdr_type: 'calls', type_of_query_or_check: 'count_imeis' });
    expect(checks.some((c) => c.cdr_type === 'forwards')).withContext('no dates, no checks').toBe(false);
  });

  it('answers outcomes between two dates, end inclusive', async () => {
    const answer = await call(server, '/api/0/qa/calls/count_imeis?start_date=2016-01-02&end_date=2016-01-04', { token });
    expect(answer.status).toBe(200);
    const outcomes = answer.body as Array<Record<string, string>>;
    expect(outcomes.map((o) => o.cdr_date)).toEqual(['2016-01-02', '2016-01-03', '2016-01-04']);
    for (const o of outcomes) {
      expect(Object.keys(o).sort()).toEqual(['cdr_date', 'outcome', 'type_of_query_or_check']);
      expect(o.outcome).toMatch(/^\d+$/);
    }
  });

  it('answers one outcome as a bare string body', async () => {
    const range = await call(server, '/api/0/qa/sms/count_msisdns?start_date=2016-01-05&end_date=2016-01-05', { token });
    const answer = await call(server, '/api/0/qa/sms/count_msisdns/2016-01-05', { token });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe((range.body as Array<{ outcome: string }>)[0]?.outcome ?? 'missing');
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  const failures: Array<[string, number, unknown]> = [
    ['/api/0/qa/calls/count_imeis?start_date=2016-01-xx&end_date=2016-01-02', 400, { status: 'bad request', msg: 'Could not parse 2016-01-xx or 2016-01-02; expected for format is YYYY-MM-DD' }],
    ['/api/0/qa/calls/count_imeis?start_date=2017-01-01&end_date=2017-01-02', 404, { status: 'not found', msg: 'No qa checks found for calls, count_imeis between 2017-01-01 and 2017-01-02' }],
    ['/api/0/qa/calls/no_such_check/2016-01-01', 404, { status: 'not found', msg: 'No qa checks found for calls, no_such_check on 2016-01-01' }],
    ['/api/0/qa/calls/count_imeis/yesterday', 400, { status: 'bad request', msg: 'Could not parse yesterday or yesterday; expected for format is YYYY-MM-DD' }],
  ];
  for (const [path, status, body] of failures) {
    it(`answers ${status} for ${path.slice('/api/0/qa/'.length)}`, async () => {
      const answer = await call(server, path, { token });
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual(body);
    });
  }

  it('answers 500 (HTML) when start_date or end_date is missing', async () => {
    const answer = await call(server, '/api/0/qa/calls/count_imeis?start_date=2016-01-01', { token });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('test server · unknown paths, methods and bad input', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ bodyLimitBytes: 2048 });
    token = await server.mintToken();
  });
  afterAll(() => server.close());

  afterEach(async () => {
    expect((await call(server, '/')).status).withContext('still serving').toBe(200);
  });

  const notFound = ['/api/0/nosuchquery', '/api/0/run/', '/api/0/poll/', '/api/0/spec/', '/api/1/run', '/favicon.ico', '/__admin/counters'];
  for (const path of notFound) {
    it(`answers 404 with an HTML page for ${path}`, async () => {
      const answer = await call(server, path, { token });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(answer.text).toContain('<title>404 Not Found</title>');
    });
  }

  const wrongMethods: Array<[string, string, string]> = [
    ['PUT', '/api/0/run', 'OPTIONS, POST'],
    ['GET', '/api/0/run', 'OPTIONS, POST'],
    ['POST', '/api/0/poll/abc', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/0/get/abc', 'GET, HEAD, OPTIONS'],
  ];
  for (const [method, path, allow] of wrongMethods) {
    it(`answers 405 with Allow: ${allow} for ${method} ${path}`, async () => {
      const answer = await call(server, path, { method, token });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe(allow);
      expect(answer.text).toContain('Method Not Allowed');
    });
  }

  it('answers 400 with an HTML page for a run body that is not valid JSON', async () => {
    const answer = await call(server, '/api/0/run', { token, body: '{"query_kind": ', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<title>400 Bad Request</title>');
  });

  it('answers 400 "Could not parse query spec." for a run without content type', async () => {
    const response = await fetch(`${server.url}/api/0/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: new Uint8Array(Buffer.from(JSON.stringify(dailyLocationSpec()))),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ msg: 'Could not parse query spec.' });
  });

  it('answers 413 for a body over the limit', async () => {
    const answer = await call(server, '/api/0/run', { token, json: { query_kind: 'x', pad: 'x'.repeat(4096) } });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('Request Entity Too Large');
  });

  it('ignores a JSON body sent with GET available_dates', async () => {
    const answer = await call(server, '/api/0/available_dates', { method: 'GET', token, headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(200);
  });

  it('answers 400 for a URL with broken percent-encoding', async () => {
    const answer = await call(server, '/api/0/poll/%E0%A4%A', { token });
    expect(answer.status).toBe(400);
  });

  it('survives bytes that are not HTTP', async () => {
    const { port, hostname } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => socket.end('\x00\x01 not http at all\r\n\r\n'));
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
      socket.resume();
    });
  });

  it('answers OPTIONS on a known path with 200 and Allow', async () => {
    const answer = await call(server, '/api/0/run', { method: 'OPTIONS' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('allow')).toBe('OPTIONS, POST');
  });
});

describe('test server · counters', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 50 });
    token = await server.mintToken();
  });
  afterAll(() => server.close());

  it('counts every request per route name, errors included, and polls and runs per id', async () => {
    server.reset();
    const id = await run(server, token, dailyLocationSpec());
    await run(server, token, dailyLocationSpec());
    await call(server, `/api/0/poll/${id}`, { token });
    await call(server, `/api/0/poll/${id}`);
    await call(server, '/api/0/poll/other', { token });
    await call(server, `/api/0/get/${id}.csv`, { token });
    await call(server, '/api/0/geography/admin9', { token });
    await call(server, '/api/0/available_dates');
    await call(server, '/api/0/qa/', { token });
    await call(server, '/api/0/spec/openapi.json');
    await call(server, '/');
    await call(server, '/nowhere');
    const counters = server.counters();
    expect(counters.requests).toEqual({
      root: 1,
      run: 2,
      poll: 3,
      get: 1,
      geography: 1,
      available_dates: 1,
      qa: 1,
      spec: 1,
      admin: 0,
      unknown: 1,
    });
    expect(counters.total).toBe(12);
    expect(counters.polls).toEqual({ [id]: 2, other: 1 });
    expect(counters.runs).toEqual({ [id]: 1 });
  });

  it('zeroes the counters on reset but keeps the queries', async () => {
    const id = await run(server, token, dailyLocationSpec('2016-01-02'));
    server.reset();
    expect(server.counters()).toEqual(jasmine.objectContaining({ total: 0, polls: {}, runs: {} }));
    expect((await call(server, `/api/0/poll/${id}`, { token })).status).not.toBe(404);
  });

  it('returns snapshots the caller cannot change', () => {
    const snapshot = server.counters();
    snapshot.requests.root = 99;
    expect(server.counters().requests.root).not.toBe(99);
  });
});
