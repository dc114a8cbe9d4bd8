import { reduceWatch, type WatchAccumulator, type WatchState } from '../../src/query/watch-state.js';
import { readProgress, type PollOutcome, type Progress } from '../../src/query/poll-outcome.js';

const start: WatchAccumulator = { state: undefined, progressChangedAt: 0 };
const running = (eligible: number, status: 'queued' | 'executing' = 'executing'): PollOutcome => ({
  status, progress: { eligible, queued: 0, running: eligible > 0 ? 1 : 0 }, message: '',
});
const fold = (outcomes: Array<[PollOutcome, number]>, stallAfterMs = 1000) =>
  outcomes.reduce((acc, [outcome, at]) => reduceWatch(acc, outcome, 'q1', at, stallAfterMs), start);

describe('reduceWatch', () => {
  it('counts parts from eligible counting down, as flowclient\'s progress bar', () => {
    const acc = fold([[running(3, 'queued'), 0], [running(2), 100], [running(1), 200]]);
    expect(acc.state).toEqual(jasmine.objectContaining({ status: 'executing', completedParts: 2, totalParts: 3, polls: 3, elapsedMs: 200, queryId: 'q1' }));
  });

  it('fills the parts on completion and keeps the result route', () => {
    const acc = fold([[running(3), 0], [{ status: 'completed', progress: null, message: '', resultRoute: 'get/q1' }, 300]]);
    expect(acc.state).toEqual({ status: 'completed', queryId: 'q1', polls: 2, elapsedMs: 300, completedParts: 3, totalParts: 3, resultRoute: 'get/q1' });
  });

  it('leaves progress indeterminate (null) against a server that sends none', () => {
    const acc = fold([[{ status: 'executing', progress: null, message: '' }, 0], [{ status: 'executing', progress: null, message: '' }, 100]]);
    expect(acc.state).toEqual(jasmine.objectContaining({ completedParts: null, totalParts: null, progress: null }));
  });

  it('carries the server text for errored, cancelled and not_running, with a plain default', () => {
    expect(fold([[{ status: 'errored', progress: null, message: 'boom' }, 5]]).state).toEqual(
      { status: 'errored', message: 'boom', queryId: 'q1', polls: 1, elapsedMs: 5 });
    expect(fold([[{ status: 'not_running', progress: null, message: '' }, 5]]).state).toEqual(
      jasmine.objectContaining({ status: 'not_running', message: jasmine.stringMatching(/not running/) }));
  });

  it('marks stalled when progress has not moved for the stall time, and clears it when it moves', () => {
    const stalled = fold([[running(3), 0], [running(3), 500], [running(3), 1000]]);
    expect(stalled.state).toEqual(jasmine.objectContaining({ stalled: true }));
    const early = fold([[running(3), 0], [running(3), 999]]);
    expect(early.state).toEqual(jasmine.objectContaining({ stalled: false }));
    const moved = fold([[running(3), 0], [running(3), 1000], [running(2), 1100]]);
    expect(moved.state).toEqual(jasmine.objectContaining({ stalled: false }));
  });
});

describe('reduceWatch under hostile progress', () => {
  /** A poll reply's progress as the server wrote it (anything), read as the client reads it, and also handed to the reducer raw. */
  const hostile = (progress: unknown): PollOutcome => ({ status: 'executing', progress: progress as Progress, message: '' });
  const at = (eligible: unknown, queued: unknown = 0, running: unknown = 1) => ({ eligible, queued, running });
  const done: PollOutcome = { status: 'completed', progress: null, message: '', resultRoute: 'get/q1' };
  const SEQUENCES: ReadonlyArray<[string, unknown[]]> = [
    ['negative eligible', [at(3), at(-2), at(-1e9)]],
    ['eligible above the start', [at(2), at(1), at(7), at(3)]],
    ['non-numbers', [at('3'), at(2), at(null), at(true), at({}), at([1])]],
    ['NaN and infinities', [at(NaN), at(3), at(Infinity), at(-Infinity), at(1)]],
    ['huge counts', [at(1e308), at(Number.MAX_SAFE_INTEGER + 2), at(5), at(1.7976931348623157e308)]],
    ['fractions', [at(2.9), at(0.5), at(-0.5)]],
    ['counts that are not all there', [at(3, undefined), { eligible: 2 }, 'progress', null, at(1)]],
    ['hostile queued and running', [at(2, -5, NaN), at(1, 1e308, -1)]],
  ];

  const checkInvariants = (state: WatchState, what: string): void => {
    if (state.status !== 'executing' && state.status !== 'completed') return;
    const { completedParts, totalParts } = state;
    if (totalParts === null) {
      expect(completedParts).withContext(`${what}: parts without a total`).toBeNull();
      return;
    }
    expect(Number.isFinite(totalParts)).withContext(`${what}: totalParts ${totalParts}`).toBeTrue();
    if (completedParts === null) return; // indeterminate this poll (no readable progress), the total kept
    expect(Number.isFinite(completedParts)).withContext(`${what}: completedParts ${completedParts}`).toBeTrue();
    expect(completedParts).withContext(`${what}: completedParts ≥ 0`).toBeGreaterThanOrEqual(0);
    expect(completedParts).withContext(`${what}: completedParts ≤ totalParts`).toBeLessThanOrEqual(totalParts);
    if (state.status === 'executing' && state.progress !== null) {
      for (const [key, value] of Object.entries(state.progress)) {
        expect(Number.isInteger(value) && value >= 0).withContext(`${what}: progress.${key} = ${String(value)}`).toBeTrue();
      }
    }
  };

  for (const [name, sequence] of SEQUENCES) {
    it(`keeps 0 ≤ completedParts ≤ totalParts for ${name}, whether read from a reply or handed over raw`, () => {
      const fromReplies = sequence.map((progress) => ({ ...hostile(null), progress: readProgress({ status: 'executing', progress }) }));
      const raw = sequence.map((progress) => hostile(progress));
      for (const [how, outcomes] of [['read', fromReplies], ['raw', raw]] as const) {
        let acc: WatchAccumulator = start;
        outcomes.forEach((outcome, i) => {
          acc = reduceWatch(acc, outcome, 'q1', i * 100, 1000);
          checkInvariants(acc.state as WatchState, `${how} #${i}`);
        });
        const completed = reduceWatch(acc, done, 'q1', outcomes.length * 100, 1000).state;
        checkInvariants(completed, `${how} completed`);
        expect(completed.status).toBe('completed');
      }
    });
  }

  it('clamps as documented: negative → 0, fractions floored, a total raised by a larger eligible', () => {
    const acc = [at(3), at(-2), at(7.9), at(2)].reduce<WatchAccumulator>((a, p, i) => reduceWatch(a, hostile(p), 'q1', i, 1000), start);
    expect(acc.state).toEqual(jasmine.objectContaining({ totalParts: 7, completedParts: 5, progress: { eligible: 2, queued: 0, running: 1 } }));
    expect(reduceWatch(start, hostile(at(-2)), 'q1', 0, 1000).state).toEqual(jasmine.objectContaining({ totalParts: 0, completedParts: 0 }));
  });
});
