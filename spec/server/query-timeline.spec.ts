import { createHash } from 'node:crypto';
import { QueryStore } from '../../server/query-store.js';
import { timelineOf, type Timeline } from '../../server/query-timeline.js';
import type { DurationMs } from '../../server/types.js';

/** Query-id-like md5 hex strings. */
const ids = Array.from({ length: 50 }, (_, i) => createHash('md5').update(`spec ${i}`).digest('hex'));

/** Lengths of the parts of the executing time. */
function partLengths(timeline: Timeline): number[] {
  return timeline.partEndsMs.map((end, i) => end - (timeline.partEndsMs[i - 1] ?? timeline.queuedMs));
}

describe('test server · query timeline', () => {
  it('splits the executing time unevenly among 3 or more parts, not in equal steps', () => {
    for (const parts of [3, 5, 8]) {
      for (const id of ids) {
        const timeline = timelineOf(id, parts, { durationMs: 1000 });
        const step = (timeline.durationMs - timeline.queuedMs) / parts;
        const lengths = partLengths(timeline);
        expect(lengths.length).toBe(parts);
        expect(lengths.every((length) => length >= 0)).withContext(`${id} ordered`).toBeTrue();
        const worst = Math.max(...lengths.map((length) => Math.abs(length - step) / step));
        expect(worst).withContext(`${id}, ${parts} parts: ${lengths.join(', ')}`).toBeGreaterThan(0.1);
      }
    }
  });

  it('ends the last part exactly at the duration and starts executing at the queued time', () => {
    for (const id of ids) {
      const timeline = timelineOf(id, 4, { durationMs: [200, 900] });
      expect(timeline.partEndsMs[timeline.partEndsMs.length - 1]).toBe(timeline.durationMs);
      expect(timeline.partEndsMs[0]).toBeGreaterThanOrEqual(timeline.queuedMs);
      expect(timeline.queuedMs).toBeCloseTo(timeline.durationMs / 10, 9); // the default tenth
    }
  });

  it('gives the same id the same timeline every time, and other ids other splits', () => {
    const options = { durationMs: [500, 4000], queuedMs: [10, 90] } as const;
    for (const id of ids) expect(timelineOf(id, 6, options)).toEqual(timelineOf(id, 6, options));
    const firstEnds = new Set(ids.map((id) => timelineOf(id, 6, { durationMs: 1000 }).partEndsMs[0]));
    expect(firstEnds.size).toBe(ids.length);
  });

  it('draws a range duration within [min, max], differing across ids', () => {
    const durations = ids.map((id) => timelineOf(id, 3, { durationMs: [500, 4000] }).durationMs);
    for (const duration of durations) {
      expect(duration).toBeGreaterThanOrEqual(500);
      expect(duration).toBeLessThanOrEqual(4000);
    }
    expect(new Set(durations).size).toBe(ids.length);
    expect(Math.max(...durations) - Math.min(...durations)).withContext('spread over the range').toBeGreaterThan(2000);
  });

  it('draws a queued time within its range, and cuts one longer than the duration to it', () => {
    for (const id of ids) {
      const { queuedMs, durationMs } = timelineOf(id, 2, { durationMs: 1000, queuedMs: [100, 300] });
      expect(durationMs).toBe(1000);
      expect(queuedMs).toBeGreaterThanOrEqual(100);
      expect(queuedMs).toBeLessThanOrEqual(300);
    }
    const cut = timelineOf(ids[0] ?? '', 3, { durationMs: 100, queuedMs: 500 });
    expect(cut).toEqual({ queuedMs: 100, durationMs: 100, partEndsMs: [100, 100, 100] });
  });

  it('keeps a single-number duration for every id, queued for its first tenth', () => {
    for (const id of ids) {
      const { queuedMs, durationMs, partEndsMs } = timelineOf(id, 1, { durationMs: 300 });
      expect([queuedMs, durationMs, partEndsMs]).toEqual([30, 300, [300]]);
    }
  });

  const bad: Array<[string, DurationMs]> = [
    ['a negative duration', -1],
    ['a duration that is not a number', Number.NaN],
    ['an infinite duration', Number.POSITIVE_INFINITY],
    ['a range with min above max', [900, 100]],
    ['a range with a negative end', [-5, 100]],
    ['a range of one number', [100] as unknown as DurationMs],
  ];
  for (const [what, durationMs] of bad) {
    it(`is refused by the store for ${what}, as a duration or a queued time`, () => {
      const options = { availableDates: {}, onRun: () => undefined };
      expect(() => new QueryStore({ ...options, durationMs })).toThrowError(/queryDurationMs must be/);
      expect(() => new QueryStore({ ...options, durationMs: 100, queuedMs: durationMs })).toThrowError(/queuedMs must be/);
    });
  }
});
