import type { JsonObject } from '../../server/kinds.js';
import { QueryStore, type QueryStoreOptions } from '../../server/query-store.js';
import { validateQuerySpec } from '../../server/query-kinds/index.js';
import { modalLocationSpec } from './support/http.js';

/** A query spec as posted. */
type Spec = JsonObject & { query_kind: string };

/** A store on a clock the spec sets. */
function storeAt(options: Partial<QueryStoreOptions> & Pick<QueryStoreOptions, 'durationMs'>): { store: QueryStore; clock: { now: number } } {
  const clock = { now: 0 };
  const availableDates = { calls: ['2016-01-01', '2016-01-02', '2016-01-03'] };
  const store = new QueryStore({ availableDates, onRun: () => undefined, now: () => clock.now, ...options });
  return { store, clock };
}

/** Run a spec in the store; returns the stored query. */
function runIn(store: QueryStore, spec: Spec) {
  const parsed = validateQuerySpec(spec);
  if (!parsed.ok) throw new Error(parsed.message);
  return store.find(store.run(spec, parsed.query).id)!;
}

const modalSpec = modalLocationSpec() as Spec;

describe('test server · query store', () => {
  it('reads state and progress at one instant, so a poll never says queued with a part running', () => {
    let clock = 0;
    const store = new QueryStore({ durationMs: 100, availableDates: {}, onRun: () => undefined, now: () => clock++ }); // every read moves the clock
    const query = runIn(store, { query_kind: 'dummy_query', dummy_param: 'boundary' });
    const states = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const { state, progress } = store.reading(query);
      states.add(state);
      if (state === 'queued') expect(progress.running).withContext(`read ${i}`).toBe(0);
      if (state === 'executing') expect(progress.running).withContext(`read ${i}`).toBe(1);
    }
    expect([...states]).toEqual(['queued', 'executing']); // the reads crossed the boundary
  });

  it("counts eligible down at exactly the timeline's boundaries, which fall at uneven times", () => {
    const { store, clock } = storeAt({ durationMs: [400, 900], queuedMs: [20, 60] });
    clock.now = 1_000_000.25;
    const query = runIn(store, modalSpec);
    const timeline = store.timeline(query.id)!;
    const parts = timeline.partsStoredAt.length;
    expect(parts).toBeGreaterThanOrEqual(3);
    expect(timeline.startedAt).toBe(1_000_000.25);
    expect(timeline.completedAt).toBe(timeline.partsStoredAt[parts - 1]!);
    const read = (at: number) => {
      clock.now = at;
      return store.reading(query);
    };
    const before = (at: number) => at - 1e-6;
    expect(read(before(timeline.executingAt))).toEqual({ state: 'queued', progress: { eligible: parts, queued: parts, running: 0 } });
    expect(read(timeline.executingAt)).toEqual({ state: 'executing', progress: { eligible: parts, queued: parts - 1, running: 1 } });
    timeline.partsStoredAt.slice(0, -1).forEach((at, stored) => {
      expect(read(before(at)).progress.eligible).withContext(`just before part ${stored + 1}`).toBe(parts - stored);
      expect(read(at)).withContext(`at part ${stored + 1}`).toEqual({
        state: 'executing',
        progress: { eligible: parts - stored - 1, queued: parts - stored - 2, running: 1 },
      });
    });
    expect(read(before(timeline.completedAt))).toEqual({ state: 'executing', progress: { eligible: 1, queued: 0, running: 1 } });
    expect(read(timeline.completedAt)).toEqual({ state: 'completed', progress: { eligible: 0, queued: 0, running: 0 } });
    const gaps = timeline.partsStoredAt.map((at, i) => at - (timeline.partsStoredAt[i - 1] ?? timeline.executingAt));
    expect(Math.max(...gaps) - Math.min(...gaps)).withContext(`uneven parts: ${gaps.join(', ')}`).toBeGreaterThan(1);
  });

  it('keeps the timeline of a query across a re-run, placed at the new start', () => {
    const { store, clock } = storeAt({ durationMs: [400, 900] });
    const query = runIn(store, modalSpec);
    const first = store.timeline(query.id)!;
    clock.now = first.completedAt + 5000;
    store.setState(query.id, 'cancelled');
    runIn(store, modalSpec);
    const second = store.timeline(query.id)!;
    expect(second.startedAt).toBe(clock.now);
    expect(second.completedAt - second.startedAt).toBeCloseTo(first.completedAt - first.startedAt, 6);
    second.partsStoredAt.forEach((at, i) => expect(at - second.startedAt).toBeCloseTo((first.partsStoredAt[i] ?? 0) - first.startedAt, 6));
    expect(store.timeline('0'.repeat(32))).toBeUndefined();
  });

  it('with a single-number duration, queues for its first tenth and completes (or errors) at its end, as before', () => {
    const { store, clock } = storeAt({ durationMs: 100, availableDates: { calls: ['2016-01-01'] } });
    const done = runIn(store, { query_kind: 'dummy_query', dummy_param: 'fixed' });
    const failing = runIn(store, {
      query_kind: 'spatial_aggregate',
      locations: { query_kind: 'daily_location', date: '2017-03-01', aggregation_unit: 'admin3', method: 'last' },
    });
    const at = (now: number) => {
      clock.now = now;
      return [store.state(done), store.state(failing)];
    };
    expect(at(9.99)).toEqual(['queued', 'queued']);
    expect(at(10)).toEqual(['executing', 'executing']);
    expect(at(99.99)).toEqual(['executing', 'executing']);
    expect(at(100)).toEqual(['completed', 'errored']);
    expect(store.timeline(done.id)).toEqual({ startedAt: 0, executingAt: 10, partsStoredAt: [100], completedAt: 100 });
  });

  it('leaves forced states as they are: executing with every part eligible', () => {
    const { store, clock } = storeAt({ durationMs: 100 });
    const query = runIn(store, modalSpec);
    store.setState(query.id, 'executing');
    clock.now = 1000;
    const { state, progress } = store.reading(query);
    expect(state).toBe('executing');
    expect(progress.eligible).toBe(store.timeline(query.id)!.partsStoredAt.length);
    store.setState(query.id, 'queued');
    expect(store.reading(query).progress.running).toBe(0);
  });
});
