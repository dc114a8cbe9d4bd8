import { reduceWatch, type WatchAccumulator } from '../../src/query/watch-state.js';
import type { PollOutcome } from '../../src/query/poll-outcome.js';

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
