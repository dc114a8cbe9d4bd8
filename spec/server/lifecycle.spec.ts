/**
 * Query lifecycle of a FlowAPI 1.18 server: deterministic ids, one execution per spec, progress
 * counting down, errored queries for dates the server lacks, and the poll/get mapping of every
 * state (forced with setQueryState).
 */
import { startTestServer, type QueryState, type TestServer } from '../../server/index.js';
import { call, dailyLocationSpec, pollUntilDone, run, runToCompletion, modalLocationSpec } from './support/http.js';

const modalSpec = modalLocationSpec();

interface Progress {
  eligible: number;
  queued: number;
  running: number;
}

describe('test server · FlowAPI 1.18 query ids and runs', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 100 });
    token = await server.mintToken();
  });
  afterAll(() => server.close());

  it('takes a subscriber_subset that names a query it knows, and refuses an unknown id with 400', async () => {
    const subsetId = await run(server, token, dailyLocationSpec('2016-01-06'));
    const withSubset = (subset: string) => {
      const spec = dailyLocationSpec('2016-01-07') as { locations: Record<string, unknown> };
      return { ...spec, locations: { ...spec.locations, subscriber_subset: subset } };
    };
    expect((await call(server, '/api/0/run', { token, json: withSubset(subsetId) })).status).toBe(202);
    const refused = await call(server, '/api/0/run', { token, json: withSubset('f'.repeat(32)) });
    expect(refused.status).toBe(400);
    expect((refused.body as { msg: string }).msg).toContain('Must be None or a valid query id.');
  });

  it('answers a run with 202, Location /api/0/poll/{id} and {query_id, progress}', async () => {
    const answer = await call(server, '/api/0/run', { token, json: dailyLocationSpec('2016-01-05') });
    expect(answer.status).toBe(202);
    const body = answer.body as { query_id: string; progress: Progress };
    expect(body.query_id).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.headers.get('location')).toBe(`/api/0/poll/${body.query_id}`);
    expect(Object.keys(body).sort()).toEqual(['progress', 'query_id']);
    expect(Object.keys(body.progress).sort()).toEqual(['eligible', 'queued', 'running']);
  });

  it('gives the same id to the same spec, whatever its key order, and starts it once', async () => {
    const spec = dailyLocationSpec('2016-01-06');
    const reordered = { locations: { method: 'last', aggregation_unit: 'admin3', date: '2016-01-06', query_kind: 'daily_location' }, query_kind: 'spatial_aggregate' };
    const first = await run(server, token, spec);
    const second = await run(server, token, spec);
    const third = await run(server, token, reordered);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(server.counters().runs[first]).toBe(1);
    await pollUntilDone(server, token, first);
    await run(server, token, spec);
    expect(server.counters().runs[first]).withContext('re-posting a completed query').toBe(1);
  });

  it('gives different specs different ids', async () => {
    const a = await run(server, token, dailyLocationSpec('2016-01-01'));
    const b = await run(server, token, dailyLocationSpec('2016-01-02'));
    expect(a).not.toBe(b);
  });

  it('re-queues a cancelled or known query when its spec is posted again', async () => {
    for (const state of ['cancelled', 'known'] as const) {
      const spec = dailyLocationSpec('2016-01-07', state === 'known' ? 'admin2' : 'admin1');
      const id = await runToCompletion(server, token, spec);
      server.setQueryState(id, state);
      await run(server, token, spec);
      expect(server.counters().runs[id]).withContext(state).toBe(2);
      expect((await pollUntilDone(server, token, id)).status).toBe(303);
    }
  });

  it('does not re-run an errored query', async () => {
    const spec = dailyLocationSpec('2017-03-01');
    const id = await run(server, token, spec);
    expect((await pollUntilDone(server, token, id)).status).toBe(500);
    await run(server, token, spec);
    expect(server.counters().runs[id]).toBe(1);
  });

  it('throws from setQueryState for an unknown id', () => {
    expect(() => server.setQueryState('0'.repeat(32), 'completed')).toThrowError(/Unknown query id/);
  });
});

describe('test server · FlowAPI 1.18 progress', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 600 });
    token = await server.mintToken();
  });
  afterAll(() => server.close());

  it('counts eligible down from the part count while executing, then answers 303', async () => {
    const started = await call(server, '/api/0/run', { token, json: modalSpec });
    const { query_id: id, progress: first } = started.body as { query_id: string; progress: Progress };
    expect(first.eligible).toBeGreaterThan(2);
    const seen: Array<{ status: string; progress: Progress }> = [];
    let answer = await call(server, `/api/0/poll/${id}`, { token });
    while (answer.status === 202) {
      const body = answer.body as { status: string; msg: string; progress: Progress };
      expect(body.msg).toBe('');
      seen.push(body);
      await new Promise((resolve) => setTimeout(resolve, 25));
      answer = await call(server, `/api/0/poll/${id}`, { token });
    }
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`/api/0/get/${id}`);
    expect(answer.body).toEqual({ status: 'completed' });
    const eligible = seen.map((s) => s.progress.eligible);
    expect(eligible[0]).toBe(first.eligible);
    expect(eligible.every((value, i) => i === 0 || value <= (eligible[i - 1] ?? 0))).toBe(true);
    expect(new Set(eligible).size).toBeGreaterThan(2);
    for (const { status, progress } of seen) {
      expect(['queued', 'executing']).toContain(status);
      expect(progress.running).toBe(status === 'executing' ? 1 : 0);
      expect(progress.queued).toBe(progress.eligible - progress.running);
    }
    expect(seen.some((s) => s.status === 'executing')).toBe(true);
  });

  it('answers a get while the query runs with 202 {} and no Location', async () => {
    const id = await run(server, token, dailyLocationSpec('2016-01-03', 'admin0'));
    const answer = await call(server, `/api/0/get/${id}`, { token });
    expect(answer.status).toBe(202);
    expect(answer.text).toBe('{}');
    expect(answer.headers.get('location')).toBeNull();
  });
});

describe('test server · FlowAPI 1.18 dates', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({
      queryDurationMs: 0,
      availableDates: { calls: ['2016-01-01', '2016-01-02'], sms: ['2016-01-01', '2016-01-02', '2016-01-03', '2016-01-04'] },
    });
    token = await server.mintToken();
  });
  afterAll(() => server.close());

  it('ends a query on dates outside the available ones errored: poll 500, get 403', async () => {
    const id = await run(server, token, dailyLocationSpec('2015-12-01'));
    const poll = await call(server, `/api/0/poll/${id}`, { token });
    expect(poll.status).toBe(500);
    expect(poll.body).toEqual({ status: 'errored', msg: '' });
    const get = await call(server, `/api/0/get/${id}`, { token });
    expect(get.status).toBe(403);
    expect(get.body).toEqual({ status: 'Error', msg: `Query with id '${id}' finished with an error.` });
  });

  it('checks dates against the event types the spec reads', async () => {
    const spec = (eventTypes: string[] | null) => ({
      query_kind: 'spatial_aggregate',
      locations: { ...(dailyLocationSpec('2016-01-04')['locations'] as object), event_types: eventTypes },
    });
    const callsOnly = await run(server, token, spec(['calls']));
    const anyType = await run(server, token, spec(null));
    expect((await call(server, `/api/0/poll/${callsOnly}`, { token })).status).toBe(500);
    expect((await call(server, `/api/0/poll/${anyType}`, { token })).status).toBe(303);
  });

  it('answers available_dates with the configured dates, wrapped', async () => {
    const answer = await call(server, '/api/0/available_dates', { token });
    expect(answer.body).toEqual({
      available_dates: { calls: ['2016-01-01', '2016-01-02'], sms: ['2016-01-01', '2016-01-02', '2016-01-03', '2016-01-04'] },
    });
  });
});

describe('test server · FlowAPI 1.18 state mapping', () => {
  let server: TestServer;
  let unknownIdBug: TestServer;
  let token: string;
  let id: string;

  beforeAll(async () => {
    [server, unknownIdBug] = await Promise.all([
      startTestServer({ queryDurationMs: 0 }),
      startTestServer({ unknownIdBug: true }),
    ]);
    token = await server.mintToken();
    id = await runToCompletion(server, token, dailyLocationSpec());
  });
  afterAll(async () => {
    await server.close();
    await unknownIdBug.close();
  });

  const table: Array<[QueryState, number, (id: string) => unknown, number, (id: string) => unknown]> = [
    ['completed', 303, () => ({ status: 'completed' }), 200, () => undefined],
    ['queued', 202, () => jasmine.objectContaining({ status: 'queued', msg: '' }), 202, () => ({})],
    ['executing', 202, () => jasmine.objectContaining({ status: 'executing', msg: '' }), 202, () => ({})],
    ['errored', 500, () => ({ status: 'errored', msg: '' }), 403, (i) => ({ status: 'Error', msg: `Query with id '${i}' finished with an error.` })],
    ['cancelled', 500, () => ({ status: 'cancelled', msg: '' }), 500, () => ({ status: 'Error', msg: 'Unexpected query state: cancelled' })],
    ['known', 404, () => ({ status: 'known', msg: '' }), 404, (i) => ({ status: 'Error', msg: `Query with id '${i}' is known, but has not yet been run.` })],
    ['resetting', 404, () => ({ status: 'resetting', msg: '' }), 500, () => ({ status: 'Error', msg: 'Unexpected query state: resetting' })],
    ['reset_failed', 404, () => ({ status: 'reset_failed', msg: '' }), 500, () => ({ status: 'Error', msg: 'Unexpected query state: reset_failed' })],
  ];

  for (const [state, pollStatus, pollBody, getStatus, getBody] of table) {
    it(`maps ${state} to poll ${pollStatus} and get ${getStatus}`, async () => {
      server.setQueryState(id, state);
      const poll = await call(server, `/api/0/poll/${id}`, { token });
      expect(poll.status).toBe(pollStatus);
      expect(poll.body).toEqual(pollBody(id));
      const get = await call(server, `/api/0/get/${id}`, { token });
      expect(get.status).toBe(getStatus);
      if (getStatus !== 200) expect(get.body).toEqual(getBody(id));
    });
  }

  it('includes progress in a forced executing poll', async () => {
    server.setQueryState(id, 'executing');
    const poll = await call(server, `/api/0/poll/${id}`, { token });
    expect((poll.body as { progress: Progress }).progress.running).toBe(1);
  });

  it('answers 404 {"status":"Error","msg":"Unknown query id: …"} for an unknown id on poll and get', async () => {
    for (const path of ['poll', 'get']) {
      const answer = await call(server, `/api/0/${path}/abc123`, { token });
      expect(answer.status).withContext(path).toBe(404);
      expect(answer.body).toEqual({ status: 'Error', msg: "Unknown query id: 'abc123'" });
    }
    const withSuffix = await call(server, '/api/0/get/abc123.csv', { token });
    expect(withSuffix.body).toEqual({ status: 'Error', msg: "Unknown query id: 'abc123'" });
  });

  it('answers 500 with an HTML page for an unknown id when unknownIdBug is set (as FlowAPI 1.18 does)', async () => {
    const bugToken = await unknownIdBug.mintToken();
    for (const path of ['poll', 'get']) {
      const answer = await call(unknownIdBug, `/api/0/${path}/abc123`, { token: bugToken });
      expect(answer.status).withContext(path).toBe(500);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(answer.text).toContain('<title>500 Internal Server Error</title>');
    }
  });

  it('answers 400 "Invalid file format" for another extension on a completed query, and 202 while it runs', async () => {
    server.setQueryState(id, 'completed');
    const done = await call(server, `/api/0/get/${id}.xml`, { token });
    expect(done.status).toBe(400);
    expect(done.body).toEqual({ status: 'error', msg: 'Invalid file format' });
    server.setQueryState(id, 'executing');
    expect((await call(server, `/api/0/get/${id}.xml`, { token })).status).toBe(202);
    server.setQueryState(id, 'completed');
  });

  it('answers 403 for .geojson of a result without geography', async () => {
    const histogram = {
      query_kind: 'histogram_aggregate',
      metric: { query_kind: 'event_count', start_date: '2016-01-01', end_date: '2016-01-02', direction: 'both' },
      bins: { n_bins: 5 },
    };
    const hid = await runToCompletion(server, token, histogram);
    const answer = await call(server, `/api/0/get/${hid}.geojson`, { token });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ status: 'Error', msg: `Query with id '${hid}' has no geojson compatible representation.` });
    expect((await call(server, `/api/0/get/${hid}.json`, { token })).status).toBe(200);
  });
});
