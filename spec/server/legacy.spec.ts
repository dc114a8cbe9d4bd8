/**
 * The legacy FlowAPI 1.3 contract (`flowapiVersion: '1.3'`) and how tokens of the two eras are
 * told apart (§9 and §11 of the contract).
 */
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { startTestServer, type TestServer } from '../../server/index.js';
import { call, dailyLocationScopes, dailyLocationSpec, pollUntilDone, run } from './support/http.js';

describe('test server · FlowAPI 1.3 contract', () => {
  let server: TestServer;
  let token: string;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer({ flowapiVersion: '1.3', queryDurationMs: 200 });
    token = await server.mintToken();
    id = await run(server, token, dailyLocationSpec());
  });
  afterAll(() => server.close());

  it('answers a run with 202, an empty body and the Location header', async () => {
    const answer = await call(server, '/api/0/run', { token, json: dailyLocationSpec('2016-01-02') });
    expect(answer.status).toBe(202);
    expect(answer.text).toBe('{}');
    expect(answer.headers.get('location')).toMatch(/^\/api\/0\/poll\/[0-9a-f]{32}$/);
  });

  it('polls with 202 {"status","msg"} without progress, then 303 {}', async () => {
    const fresh = await run(server, token, dailyLocationSpec('2016-01-03'));
    const running = await call(server, `/api/0/poll/${fresh}`, { token });
    expect(running.status).toBe(202);
    expect(Object.keys(running.body as object).sort()).toEqual(['msg', 'status']);
    const done = await pollUntilDone(server, token, fresh);
    expect(done.status).toBe(303);
    expect(done.text).toBe('{}');
    expect(done.headers.get('location')).toBe(`/api/0/get/${fresh}`);
  });

  it('streams get/{id} as JSON, and answers 404 HTML for .json, .csv, .geojson and .xml', async () => {
    await pollUntilDone(server, token, id);
    const plain = await call(server, `/api/0/get/${id}`, { token });
    expect(plain.status).toBe(200);
    expect(plain.text.startsWith(`{"query_id":"${id}", "query_result":[`)).toBe(true);
    for (const suffix of ['.json', '.csv', '.geojson', '.xml']) {
      const answer = await call(server, `/api/0/get/${id}${suffix}`, { token });
      expect(answer.status).withContext(suffix).toBe(404);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(answer.text).toContain(`Unknown query ID &#39;${id}${suffix}&#39;`);
    }
  });

  it('answers poll and get of an unknown id with 404 and an HTML body', async () => {
    for (const path of ['poll', 'get']) {
      const answer = await call(server, `/api/0/${path}/nosuchid`, { token });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
  });

  it('has no QA routes', async () => {
    for (const path of ['/api/0/qa/', '/api/0/qa', '/api/0/qa/calls/count_imeis/2016-01-01']) {
      expect((await call(server, path, { token })).status).withContext(path).toBe(404);
    }
  });

  it('checks claims before validating: admin9 and unknown kinds get 403', async () => {
    const admin9 = await call(server, '/api/0/run', { token, json: dailyLocationSpec('2016-01-01', 'admin9') });
    expect(admin9.status).toBe(403);
    const unknownKind = await call(server, '/api/0/run', { token, json: { query_kind: 'no_such_kind', aggregation_unit: 'admin3' } });
    expect(unknownKind.status).toBe(403);
    expect((await call(server, '/api/0/geography/admin9', { token })).status).toBe(403);
  });

  const badRuns: Array<[string, unknown, string]> = [
    ['no query_kind', { aggregation_unit: 'admin3' }, 'Query kind must be specified when running a query.'],
    ['a list body', [dailyLocationSpec()], 'Query kind must be specified when running a query.'],
    ['aggregation_unit: 3', { ...dailyLocationSpec(), locations: { query_kind: 'daily_location', aggregation_unit: 3 } }, 'Could not parse query spec.'],
  ];
  for (const [what, body, msg] of badRuns) {
    it(`answers 400 "${msg}" for a run with ${what}`, async () => {
      const answer = await call(server, '/api/0/run', { token, json: body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ msg });
    });
  }

  it('answers 400 for a bad date with the full token', async () => {
    const answer = await call(server, '/api/0/run', { token, json: dailyLocationSpec('2016-13-45') });
    expect(answer.status).toBe(400);
  });

  it('maps scopes to legacy claims: run allowed, get refused without get_result, poll allowed', async () => {
    await pollUntilDone(server, token, id);
    const partial = await server.mintToken({ scopes: ['run', ...dailyLocationScopes()] });
    expect((await call(server, '/api/0/run', { token: partial, json: dailyLocationSpec() })).status).toBe(202);
    expect((await call(server, `/api/0/poll/${id}`, { token: partial })).status).toBe(303);
    const get = await call(server, `/api/0/get/${id}`, { token: partial });
    expect(get.status).toBe(403);
    expect((await call(server, '/api/0/available_dates', { token: partial })).status).toBe(403);
  });

  it('answers poll of a known id with 403 for a token without claims for its kind', async () => {
    const other = await server.mintToken({ scopes: ['run', 'get_result', ...dailyLocationScopes('admin2')] });
    expect((await call(server, `/api/0/poll/${id}`, { token: other })).status).toBe(403);
  });

  it('serves available_dates, the spec routes and / as 1.18 does', async () => {
    expect((await call(server, '/api/0/available_dates', { token })).body).toEqual(
      jasmine.objectContaining({ available_dates: jasmine.any(Object) }),
    );
    for (const path of ['/', '/api/0/spec/openapi.json', '/api/0/spec/openapi.yaml', '/api/0/spec/redoc']) {
      expect((await call(server, path)).status).withContext(path).toBe(200);
    }
  });

  it('mints tokens with an identity claim and plain-object user_claims', async () => {
    const [, payload = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims['identity']).toBe('test-user');
    expect(claims['sub']).toBeUndefined();
    const userClaims = claims['user_claims'] as Record<string, { permissions: Record<string, boolean>; spatial_aggregation: string[] }>;
    expect(userClaims['daily_location']?.permissions).toEqual({ run: true, poll: true, get_result: true });
    expect(userClaims['daily_location']?.spatial_aggregation).toContain('admin3');
  });
});

describe('test server · tokens across eras', () => {
  let modern: TestServer;
  let legacy: TestServer;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const keys = { privateKeyPem: await exportPKCS8(pair.privateKey), publicKeyPem: await exportSPKI(pair.publicKey) };
    [modern, legacy] = await Promise.all([
      startTestServer({ keys, audience: 'shared' }),
      startTestServer({ keys, audience: 'shared', flowapiVersion: '1.3' }),
    ]);
  });
  afterAll(async () => {
    await modern.close();
    await legacy.close();
  });

  it('answers 422 "Missing claim: sub" to a 1.3-style token (identity claim) on a 1.18 server', async () => {
    const answer = await call(modern, '/api/0/available_dates', { token: await legacy.mintToken() });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ msg: 'Missing claim: sub' });
  });

  it('answers 422 "Missing claim: identity" to a 1.18 token on a 1.3 server', async () => {
    const answer = await call(legacy, '/api/0/available_dates', { token: await modern.mintToken() });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ msg: 'Missing claim: identity' });
  });
});
