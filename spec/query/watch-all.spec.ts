import { TestScheduler } from 'rxjs/testing';
import { map } from 'rxjs';
import { watchAll, partsOf } from '../../src/query/watch-all.js';
import type { RunningState, WatchState } from '../../src/query/watch-state.js';
import { FlowclientConnectionError, QueryFailedError } from '../../src/errors.js';

const running = (queryId: string, completedParts: number, totalParts: number): WatchState => ({
  status: 'executing', queryId, polls: 1, elapsedMs: 0, progress: { eligible: totalParts - completedParts, queued: 0, running: 1 },
  completedParts, totalParts, stalled: false,
});
const ended = (queryId: string, status: 'errored' | 'cancelled', message: string): WatchState => ({ status, queryId, polls: 3, elapsedMs: 20, message });
const done = (queryId: string, totalParts: number | null): WatchState => ({
  status: 'completed', queryId, polls: 2, elapsedMs: 10, completedParts: totalParts, totalParts, resultRoute: `get/${queryId}`,
});

describe('watchAll (marbles)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => (scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))));

  it('combines latest states, sums parts and completes when all are final', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const a = cold('-a--b|', { a: running('a', 0, 2), b: done('a', 2) });
      const b = cold('--a---b|', { a: running('b', 1, 3), b: done('b', 3) });
      expectObservable(watchAll([a, b])).toBe('iAB-C-D|', {
        i: { states: [undefined, undefined], completedParts: 0, totalParts: 2, done: false, error: null, awaitingToken: false },
        A: { states: [running('a', 0, 2), undefined], completedParts: 0, totalParts: 3, done: false, error: null, awaitingToken: false },
        B: { states: [running('a', 0, 2), running('b', 1, 3)], completedParts: 1, totalParts: 5, done: false, error: null, awaitingToken: false },
        C: { states: [done('a', 2), running('b', 1, 3)], completedParts: 3, totalParts: 5, done: false, error: null, awaitingToken: false },
        D: { states: [done('a', 2), done('b', 3)], completedParts: 5, totalParts: 5, done: true, error: null, awaitingToken: false },
      });
    });
  });

  it('reports the first error and keeps watching the others', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const error = new FlowclientConnectionError('boom', { status: 500 });
      const a = cold<WatchState>('-#', undefined, error);
      const b = cold('---a|', { a: done('b', null) });
      expectObservable(watchAll([a, b])).toBe('ia-b|', {
        i: jasmine.objectContaining({ done: false, error: null, awaitingToken: false }),
        a: jasmine.objectContaining({ done: false, error }),
        b: { states: [undefined, done('b', null)], completedParts: 2, totalParts: 2, done: true, error, awaitingToken: false },
      });
    });
  });

  it('reports an errored query as a QueryFailedError with the server\'s text, and done waits for the others', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const a = cold('-a|', { a: ended('a', 'errored', 'out of disk') });
      const b = cold('---b|', { b: done('b', null) });
      const expected = new QueryFailedError("Something went wrong: out of disk. API returned with status code: 500 and status 'errored'", {
        status: 500, route: 'poll/a', serverMessage: 'out of disk', serverStatus: 'errored',
      });
      expectObservable(watchAll([a, b])).toBe('ia-b|', {
        i: jasmine.objectContaining({ done: false, error: null }),
        a: jasmine.objectContaining({ done: false, error: expected }),
        b: jasmine.objectContaining({ done: true, error: expected }),
      });
    });
  });

  it('keeps the first error: a later errored query or failed stream does not replace it', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const a = cold('-a|', { a: ended('a', 'errored', '') });
      const b = cold('--b|', { b: ended('b', 'errored', 'second') });
      const c = cold<WatchState>('---#', undefined, new FlowclientConnectionError('third'));
      const first = jasmine.objectContaining({ name: 'QueryFailedError', message: "Something went wrong: Query with id 'a' finished with an error. API returned with status code: 500 and status 'errored'", serverMessage: '' });
      expectObservable(watchAll([a, b, c]).pipe(map((s) => s.error))).toBe('nff(f|)', { n: null, f: first });
    });
  });

  it('leaves a cancelled query to its state: error stays null', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const a = cold('-a|', { a: ended('a', 'cancelled', 'by user') });
      expectObservable(watchAll([a]).pipe(map((s) => [s.error, s.done]))).toBe('na|', { n: [null, false], a: [null, true] });
    });
  });

  it('says when any query waits for a token, and stops saying it once that query resumes', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const paused: WatchState = { ...(running('a', 0, 2) as RunningState), awaitingToken: true };
      const a = cold<WatchState>('-p-r-d|', { p: paused, r: running('a', 1, 2), d: done('a', 2) });
      expectObservable(watchAll([a]).pipe(map((s) => s.awaitingToken))).toBe('ft-f-f|', { t: true, f: false });
    });
  });

  it('is done at once for no queries', () => {
    scheduler.run(({ expectObservable }) => {
      expectObservable(watchAll([])).toBe('(i|)', { i: { states: [], completedParts: 0, totalParts: 0, done: true, error: null, awaitingToken: false } });
    });
  });

  it('counts an indeterminate query as 0 of 1 until it ends', () => {
    const indeterminate: WatchState = { ...(running('x', 0, 1) as RunningState), progress: null, completedParts: null, totalParts: null };
    expect(partsOf(indeterminate)).toEqual([0, 1]);
    expect(partsOf(done('x', null))).toEqual([1, 1]);
  });
});
