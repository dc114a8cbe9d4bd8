import { TestScheduler } from 'rxjs/testing';
import { defer, type Observable } from 'rxjs';
import { FlowclientConnectionError, NotFoundError } from '../../src/errors.js';
import { MAX_RERUNS, isForgotten, watchAcrossForgetting } from '../../src/query/forgotten.js';
import type { WatchState } from '../../src/query/watch-state.js';

const executing = (polls: number, elapsedMs: number): WatchState => ({
  queryId: 'q', polls, elapsedMs, status: 'executing', progress: null, completedParts: null, totalParts: null, stalled: false,
});
const completed = (polls: number, elapsedMs: number): WatchState => ({
  queryId: 'q', polls, elapsedMs, status: 'completed', completedParts: null, totalParts: null, resultRoute: 'get/q',
});
const notRunning = (polls: number, elapsedMs: number): WatchState => ({ queryId: 'q', polls, elapsedMs, status: 'not_running', message: 'gone' });
const htmlPage500 = new FlowclientConnectionError("Something went wrong: Unknown error. API returned with status code: 500 and status 'Unknown status'", { status: 500, route: 'poll/q' });
const errored500 = new FlowclientConnectionError("Something went wrong: . API returned with status code: 500 and status 'errored'", { status: 500, route: 'poll/q', serverStatus: 'errored', serverMessage: '' });

describe('isForgotten', () => {
  it('counts a 404 and a 500 without FlowAPI\'s JSON status or msg (an HTML page), not a JSON 500 or anything else', () => {
    expect(isForgotten(new NotFoundError('Query is not running.', { status: 404 }))).toBeTrue();
    expect(isForgotten(htmlPage500)).toBeTrue();
    expect(isForgotten(errored500)).toBeFalse();
    expect(isForgotten(new FlowclientConnectionError('x', { status: 500, serverMessage: 'Unexpected query state: cancelled' }))).toBeFalse();
    expect(isForgotten(new FlowclientConnectionError('busy', { status: 503 }))).toBeFalse();
    expect(isForgotten(new Error('bug'))).toBeFalse();
  });
});

describe('watchAcrossForgetting (marbles)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => (scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))));

  /** Watches whose states are the next of `loops` (marbles), counting re-runs (each answering after 1 frame). */
  const server = (loops: Array<[string, Record<string, WatchState>, unknown?]>) => {
    let watched = 0;
    let reruns = 0;
    const watch = (): Observable<WatchState> =>
      defer(() => {
        const [marbles, values, error] = loops[watched++] ?? ['#', {}, new Error('no more loops')];
        return scheduler.createColdObservable<WatchState>(marbles, values, error);
      });
    const rerun = (): Observable<string> => defer(() => (reruns++, scheduler.createColdObservable('-(i|)', { i: 'q' })));
    return { watch, rerun, reruns: () => reruns, watched: () => watched };
  };

  it('passes a watch without forgetting through untouched', () => {
    scheduler.run(({ expectObservable, flush }) => {
      const s = server([['a-b|', { a: executing(1, 0), b: completed(2, 20) }]]);
      expectObservable(watchAcrossForgetting('q', s.watch, s.rerun)).toBe('a-b|', { a: executing(1, 0), b: completed(2, 20) });
      flush();
      expect(s.reruns()).toBe(0);
    });
  });

  it('holds back a not_running state, runs again and goes on, polls and time counting on', () => {
    scheduler.run(({ expectObservable, flush }) => {
      const s = server([
        ['a-(n|)', { a: executing(1, 0), n: notRunning(2, 30) }],
        ['r-c|', { r: executing(0, 0), c: completed(1, 15) }], // r: the run reply's reading
      ]);
      expectObservable(watchAcrossForgetting('q', s.watch, s.rerun)).toBe('a--r-c|', { a: executing(1, 0), r: executing(2, 30), c: completed(3, 45) });
      flush();
      expect(s.reruns()).toBe(1);
    });
  });

  it('runs again after a 500 HTML page (FlowAPI 1.18 for an unknown id), the failed poll counted', () => {
    scheduler.run(({ expectObservable }) => {
      const s = server([
        ['a-#', { a: executing(1, 10) }, htmlPage500],
        ['r-c|', { r: executing(0, 0), c: completed(1, 15) }],
      ]);
      expectObservable(watchAcrossForgetting('q', s.watch, s.rerun)).toBe('a--r-c|', { a: executing(1, 10), r: executing(2, 10), c: completed(3, 25) });
    });
  });

  it('passes an errored query (JSON 500) on without running again', () => {
    scheduler.run(({ expectObservable, flush }) => {
      const s = server([['a-#', { a: executing(1, 0) }, errored500]]);
      expectObservable(watchAcrossForgetting('q', s.watch, s.rerun)).toBe('a-#', { a: executing(1, 0) }, errored500);
      flush();
      expect(s.reruns()).toBe(0);
    });
  });

  it(`runs again at most ${MAX_RERUNS} times, then ends as without re-runs`, () => {
    scheduler.run(({ expectObservable, flush }) => {
      const forgetting = server([
        ['(n|)', { n: notRunning(1, 5) }],
        ['(n|)', { n: notRunning(1, 5) }],
        ['(n|)', { n: notRunning(1, 5) }],
      ]);
      expectObservable(watchAcrossForgetting('q', forgetting.watch, forgetting.rerun)).toBe('--(n|)', { n: notRunning(3, 15) });
      const failing = server([['#', {}, htmlPage500], ['#', {}, htmlPage500], ['#', {}, htmlPage500]]);
      expectObservable(watchAcrossForgetting('q', failing.watch, failing.rerun)).toBe('--#', {}, htmlPage500);
      flush();
      expect([forgetting.reruns(), failing.reruns()]).toEqual([MAX_RERUNS, MAX_RERUNS]);
    });
  });

  it('stops the watch and a re-run in flight when the subscriber leaves', () => {
    scheduler.run(({ expectObservable, expectSubscriptions, cold, flush }) => {
      const loop = cold<WatchState>('(n|)', { n: notRunning(1, 5) });
      const run = cold<string>('---(i|)', { i: 'q' });
      expectObservable(watchAcrossForgetting('q', () => loop, () => run), '^-!').toBe('');
      flush();
      expectSubscriptions(run.subscriptions).toBe('^-!');
    });
  });
});
