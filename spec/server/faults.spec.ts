/**
 * Fault injection and the admin routes: latency, bursts (JSON and HTML), connection resets,
 * stalls, dripped replies, cut result streams, restarts keeping state on the same port.
 */
import { startTestServer, type TestServer } from '../../server/index.js';
import { call, dailyLocationSpec, run, runToCompletion } from './support/http.js';

/** Read a streamed body until it ends or breaks; returns the bytes seen and whether it broke. */
async function readBody(url: string, token: string): Promise<{ bytes: number; broke: boolean }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const reader = response.body?.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) return { bytes, broke: false };
      bytes += next.value.length;
    }
  } catch {
    return { bytes, broke: true };
  }
}

describe('test server · fault injection', () => {
  let server: TestServer;
  let token: string;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 0, faults: {} });
    token = await server.mintToken();
    id = await runToCompletion(server, token, dailyLocationSpec());
  });
  afterEach(() => server.setFaults({}));
  afterAll(() => server.close());

  it('delays every request by latencyMs, or only the routes named', async () => {
    server.setFaults({ latencyMs: 150 });
    let started = Date.now();
    await call(server, '/');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    server.setFaults({ latencyMs: { poll: 150 } });
    started = Date.now();
    await call(server, '/');
    expect(Date.now() - started).toBeLessThan(140);
    started = Date.now();
    await call(server, `/api/0/poll/${id}`, { token });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers the next `count` requests of a burst with FlowAPI-like JSON, then serves normally', async () => {
    server.setFaults({ bursts: [{ route: 'poll', status: 503, count: 2 }] });
    expect((await call(server, '/')).status).withContext('other routes unaffected').toBe(200);
    for (let i = 0; i < 2; i++) {
      const answer = await call(server, `/api/0/poll/${id}`, { token });
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ msg: 'Injected 503', status: 'error' });
      expect(answer.headers.get('content-type')).toBe('application/json');
    }
    expect((await call(server, `/api/0/poll/${id}`, { token })).status).toBe(303);
  });

  it('injects an HTML 502 page with extra headers, on any route when none is named', async () => {
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    server.setFaults({ bursts: [{ status: 502, count: 1, body: page, contentType: 'text/html', headers: { 'retry-after': '1' } }] });
    const answer = await call(server, '/api/0/available_dates', { token });
    expect(answer.status).toBe(502);
    expect(answer.text).toBe(page);
    expect(answer.headers.get('content-type')).toBe('text/html');
    expect(answer.headers.get('retry-after')).toBe('1');
    expect((await call(server, '/api/0/available_dates', { token })).status).toBe(200);
  });

  it('consumes burst entries in order', async () => {
    server.setFaults({ bursts: [{ route: 'root', status: 500, count: 1 }, { route: 'root', status: 429, count: 1 }] });
    expect((await call(server, '/')).status).toBe(500);
    expect((await call(server, '/')).status).toBe(429);
    expect((await call(server, '/')).status).toBe(200);
  });

  it('resets the connection without an answer, then serves normally', async () => {
    server.setFaults({ resets: [{ route: 'run', count: 1 }] });
    await expectAsync(call(server, '/api/0/run', { token, json: dailyLocationSpec() })).toBeRejected();
    expect((await call(server, '/api/0/run', { token, json: dailyLocationSpec() })).status).toBe(202);
  });

  it('stalls the next requests for `ms` before handling them', async () => {
    server.setFaults({ stalls: [{ route: 'get', ms: 200, count: 1 }] });
    let started = Date.now();
    expect((await call(server, `/api/0/get/${id}`, { token })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    started = Date.now();
    await call(server, `/api/0/get/${id}`, { token });
    expect(Date.now() - started).toBeLessThan(190);
  });

  it('drips the next replies one byte every `intervalMs`, whole and without Content-Length, then serves normally', async () => {
    const plain = await call(server, `/api/0/poll/${id}`, { token });
    server.setFaults({ drips: [{ route: 'poll', intervalMs: 20, count: 1 }] });
    let started = Date.now();
    const slow = await call(server, `/api/0/poll/${id}`, { token });
    expect(Date.now() - started).toBeGreaterThanOrEqual(plain.text.length * 20 - 10);
    expect([slow.status, slow.text]).toEqual([plain.status, plain.text]);
    expect(slow.headers.get('content-length')).toBeNull();
    expect(slow.headers.get('location')).toBe(plain.headers.get('location'));
    started = Date.now();
    await call(server, `/api/0/poll/${id}`, { token });
    expect(Date.now() - started).withContext('the next reply').toBeLessThan(plain.text.length * 20 - 10);
  });

  it('serves normally after a client leaves a dripped reply midway', async () => {
    server.setFaults({ drips: [{ route: 'available_dates', intervalMs: 50, count: 1 }] });
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/0/available_dates`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    const reader = response.body?.getReader();
    expect((await reader?.read())?.value?.length).toBe(1);
    controller.abort();
    await expectAsync(reader?.read() ?? Promise.reject(new Error('no body'))).toBeRejected();
    expect((await call(server, '/api/0/available_dates', { token })).status).withContext('served normally after').toBe(200);
  });

  it('cuts the next result stream after `afterBytes` bytes, mid-body', async () => {
    server.setFaults({ cutResults: [{ afterBytes: 100, count: 1 }] });
    const cut = await readBody(`${server.url}/api/0/get/${id}`, token);
    expect(cut).toEqual({ bytes: 100, broke: true });
    const whole = await readBody(`${server.url}/api/0/get/${id}`, token);
    expect(whole.broke).toBe(false);
    expect(whole.bytes).toBeGreaterThan(100);
  });

  it('cuts geography streams too', async () => {
    server.setFaults({ cutResults: [{ afterBytes: 10, count: 1 }] });
    expect(await readBody(`${server.url}/api/0/geography/admin1`, token)).toEqual({ bytes: 10, broke: true });
  });

  it('counts a request before its fault applies', async () => {
    server.reset();
    server.setFaults({ bursts: [{ route: 'poll', status: 500, count: 1 }] });
    await call(server, `/api/0/poll/${id}`, { token });
    const counters = server.counters();
    expect(counters.requests.poll).toBe(1);
    expect(counters.polls[id]).toBe(1);
  });
});

describe('test server · restart', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 0 });
    token = await server.mintToken();
  });
  afterAll(() => server.close());

  it('stops listening for downMs, then listens on the same port with its queries kept', async () => {
    const id = await runToCompletion(server, token, dailyLocationSpec());
    const url = server.url;
    const restarted = server.restart(300);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expectAsync(call(server, '/')).toBeRejected();
    await restarted;
    expect(server.url).toBe(url);
    const poll = await call(server, `/api/0/poll/${id}`, { token });
    expect(poll.status).toBe(303);
    await run(server, token, dailyLocationSpec());
    expect(server.counters().runs[id]).toBe(1);
  });
});

describe('test server · admin routes', () => {
  let server: TestServer;
  let plain: TestServer;

  beforeAll(async () => {
    [server, plain] = await Promise.all([startTestServer({ admin: true, queryDurationMs: 0 }), startTestServer()]);
  });
  afterAll(async () => {
    await server.close();
    await plain.close();
  });

  it('does not exist without admin or faults (404 like any unknown path)', async () => {
    expect((await call(plain, '/__admin/counters')).status).toBe(404);
    expect((await call(plain, '/__admin/faults', { json: {} })).status).toBe(404);
  });

  it('mints tokens, forces states, reads and zeroes counters', async () => {
    const minted = await call(server, '/__admin/tokens', { json: { sub: 'admin-made' } });
    const token = (minted.body as { token: string }).token;
    const id = await runToCompletion(server, token, dailyLocationSpec());
    expect((await call(server, `/__admin/queries/${id}/state`, { json: { state: 'errored' } })).status).toBe(200);
    expect((await call(server, `/api/0/poll/${id}`, { token })).status).toBe(500);
    expect((await call(server, `/__admin/queries/${id}/state`, { json: { state: 'bogus' } })).status).toBe(400);
    expect((await call(server, '/__admin/queries/unknown/state', { json: { state: 'known' } })).status).toBe(404);
    const counters = (await call(server, '/__admin/counters')).body as { requests: Record<string, number>; total: number };
    expect(counters.requests['poll']).toBeGreaterThan(0);
    expect(counters.requests['admin']).toBeGreaterThan(0);
    expect((await call(server, '/__admin/reset', { json: {} })).status).toBe(200);
    expect(server.counters().requests.poll).toBe(0);
  });

  it('forgets a query on DELETE /__admin/queries/{id}, as a restarted FlowMachine: 404 until its spec runs again, afresh', async () => {
    const token = await server.mintToken();
    const spec = dailyLocationSpec('2016-01-03', 'admin1');
    const id = await runToCompletion(server, token, spec);
    expect((await call(server, `/__admin/queries/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await call(server, `/api/0/poll/${id}`, { token })).status).toBe(404);
    expect((await call(server, `/api/0/get/${id}`, { token })).status).toBe(404);
    expect((await call(server, `/__admin/queries/${id}`, { method: 'DELETE' })).status).withContext('forgotten already').toBe(404);
    expect(await run(server, token, spec)).toBe(id);
    expect(server.counters().runs[id]).withContext('executions: the first, and the one after forgetting').toBe(2);
    expect((await call(server, `/api/0/poll/${id}`, { token })).status).toBe(303);
  });

  it('answers poll and get of a forgotten query with a 500 HTML page when it has unknownIdBug (FlowAPI 1.18)', async () => {
    const buggy = await startTestServer({ admin: true, queryDurationMs: 0, unknownIdBug: true });
    try {
      const token = await buggy.mintToken();
      const id = await runToCompletion(buggy, token, dailyLocationSpec());
      expect(buggy.forgetQuery(id)).toBeTrue();
      expect(buggy.forgetQuery(id)).toBeFalse();
      for (const route of ['poll', 'get']) {
        const answer = await call(buggy, `/api/0/${route}/${id}`, { token });
        expect(answer.status).withContext(route).toBe(500);
        expect(answer.headers.get('content-type')).withContext(route).toContain('text/html');
      }
    } finally {
      await buggy.close();
    }
  });

  it('replaces faults, which never hit the admin routes themselves', async () => {
    await call(server, '/__admin/faults', { json: { bursts: [{ status: 503, count: 5 }] } });
    expect((await call(server, '/')).status).toBe(503);
    expect((await call(server, '/__admin/counters')).status).toBe(200);
    await call(server, '/__admin/faults', { json: {} });
    expect((await call(server, '/')).status).toBe(200);
  });

  it('answers a restart request first, then restarts on the same port', async () => {
    const answer = await call(server, '/__admin/restart', { json: { downMs: 100 } });
    expect(answer.status).toBe(200);
    let status = 0;
    for (let tries = 0; status !== 200 && tries < 100; tries++) {
      status = await call(server, '/').then((a) => a.status, () => 0);
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(200);
  });
});
