import { QueryStore } from '../../server/query-store.js';
import { validateQuerySpec } from '../../server/query-kinds/index.js';

describe('test server · query store', () => {
  it('reads state and progress at one instant, so a poll never says queued with a part running', () => {
    let clock = 0;
    const store = new QueryStore({ durationMs: 100, availableDates: {}, onRun: () => undefined, now: () => clock++ }); // every read moves the clock
    const spec = { query_kind: 'dummy_query', dummy_param: 'boundary' };
    const parsed = validateQuerySpec(spec);
    if (!parsed.ok) throw new Error(parsed.message);
    const { id } = store.run(spec, parsed.query);
    const query = store.find(id)!;
    const states = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const { state, progress } = store.reading(query);
      states.add(state);
      if (state === 'queued') expect(progress.running).withContext(`read ${i}`).toBe(0);
      if (state === 'executing') expect(progress.running).withContext(`read ${i}`).toBe(1);
    }
    expect([...states]).toEqual(['queued', 'executing']); // the reads crossed the boundary
  });
});
