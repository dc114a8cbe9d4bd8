/**
 * The handle's `queryTimeline`: when a run starts, executes, stores each part and completes, so a
 * benchmark can measure how late a client noticed; with jittered durations and queued times.
 */
import { startTestServer, type TestServer } from '../../server/index.js';
import { call, dailyLocationSpec, run, modalLocationSpec } from './support/http.js';

const modalSpec = modalLocationSpec('admin2');

const waitUntil = (epochMs: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now()) + 5));

describe('test server · query timeline on the handle', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: [150, 400], queuedMs: [10, 40], admin: true });
    token = await server.mintToken();
  });
  afterAll(() => server.close());

  it('gives the planned timeline of a run: started at the run, parts stored in order, completed at the last', async () => {
    const before = Date.now();
    const id = await run(server, token, modalSpec);
    const after = Date.now();
    const timeline = server.queryTimeline(id)!;
    expect(timeline.startedAt).toBeGreaterThanOrEqual(before);
    expect(timeline.startedAt).toBeLessThanOrEqual(after);
    expect(timeline.executingAt - timeline.startedAt).toBeGreaterThanOrEqual(10);
    expect(timeline.executingAt - timeline.startedAt).toBeLessThanOrEqual(40);
    expect(timeline.completedAt - timeline.startedAt).toBeGreaterThanOrEqual(150);
    expect(timeline.completedAt - timeline.startedAt).toBeLessThanOrEqual(400);
    expect(timeline.partsStoredAt.length).toBeGreaterThanOrEqual(3);
    expect([...timeline.partsStoredAt].sort((a, b) => a - b)).toEqual([...timeline.partsStoredAt]);
    expect(timeline.partsStoredAt[0]).toBeGreaterThanOrEqual(timeline.executingAt);
    expect(timeline.partsStoredAt[timeline.partsStoredAt.length - 1]).toBe(timeline.completedAt);
    await waitUntil(timeline.completedAt);
    expect((await call(server, `/api/0/poll/${id}`, { token })).status).toBe(303);
  });

  it('draws each query its own duration, the same for the same spec on another server', async () => {
    const ids = await Promise.all(['2016-01-01', '2016-01-02', '2016-01-03'].map((date) => run(server, token, dailyLocationSpec(date, 'admin1'))));
    const durations = ids.map((id) => {
      const timeline = server.queryTimeline(id)!;
      return timeline.completedAt - timeline.startedAt;
    });
    expect(new Set(durations).size).toBe(3);
    const other = await startTestServer({ queryDurationMs: [150, 400], queuedMs: [10, 40] });
    try {
      const id = await run(other, await other.mintToken(), dailyLocationSpec('2016-01-02', 'admin1'));
      const timeline = other.queryTimeline(id)!;
      expect(timeline.completedAt - timeline.startedAt).toBeCloseTo(durations[1] ?? 0, 6);
    } finally {
      await other.close();
    }
  });

  it('is undefined for an unknown id', () => {
    expect(server.queryTimeline('0'.repeat(32))).toBeUndefined();
  });

  it('is served by the admin route GET /__admin/queries/{id}/timeline (404 for an unknown id)', async () => {
    const id = await run(server, token, dailyLocationSpec('2016-01-04', 'admin1'));
    const answer = await call(server, `/__admin/queries/${id}/timeline`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(server.queryTimeline(id));
    expect((await call(server, `/__admin/queries/${'0'.repeat(32)}/timeline`)).status).toBe(404);
  });
});
