import { TestScheduler } from 'rxjs/testing';
import { defer, type Observable } from 'rxjs';
import { statusStream, type StatusStreamOptions } from '../../src/query/status-stream.js';
import type { PollOutcome } from '../../src/query/poll-outcome.js';
import { pollSchedule } from '../../src/query/poll-schedule.js';
import { AuthenticationError, FlowclientConnectionError, NetworkError } from '../../src/errors.js';

const executing = (eligible: number): PollOutcome => ({ status: 'executing', progress: { eligible, queued: 0, running: 1 }, message: '' });
const completed: PollOutcome = { status: 'completed', progress: null, message: '', resultRoute: 'get/q' };

describe('statusStream (marbles)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => (scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))));

  const options = (extra: Partial<StatusStreamOptions> = {}): StatusStreamOptions => ({
    schedule: pollSchedule({ firstWaitMs: 10, pollInterval: 40, growth: 0.5, kneeMs: 1000, lateGrowth: 0 }),
    stallAfterMs: 1000,
    backoff: { count: Infinity, baseDelayMs: 4, maxDelayMs: 16 },
    random: () => 1 - Number.EPSILON,
    scheduler,
    ...extra,
  });

  /** A poll function answering from a script of cold observables, one per call. */
  const scripted = (script: Array<() => Observable<PollOutcome>>) => {
    const calls: number[] = [];
    const fn = () => defer(() => {
      calls.push(scheduler.now());
      const next = script.shift();
      if (!next) throw new Error('no more polls scripted');
      return next();
    });
    return { fn, calls };
  };

  it('polls at once, then after each answer plus a wait that grows with age, never overlapping', () => {
    scheduler.run(({ cold, expectObservable, flush }) => {
      const { fn, calls } = scripted([
        () => cold('--(a|)', { a: executing(3) }),
        () => cold('--(a|)', { a: executing(2) }),
        () => cold('--(a|)', { a: executing(1) }),
        () => cold('--(a|)', { a: completed }),
      ]);
      const states = statusStream('q', fn, options());
      expectObservable(states).toBe('--a 11ms b 11ms c 14ms (d|)', {
        a: jasmine.objectContaining({ status: 'executing', polls: 1, completedParts: 0, totalParts: 3, elapsedMs: 2 }),
        b: jasmine.objectContaining({ status: 'executing', polls: 2, completedParts: 1, elapsedMs: 14 }),
        c: jasmine.objectContaining({ status: 'executing', polls: 3, completedParts: 2, elapsedMs: 26 }),
        d: jasmine.objectContaining({ status: 'completed', polls: 4, completedParts: 3, totalParts: 3, elapsedMs: 41 }),
      });
      flush();
      // answers at 2, 14, 26; waits max(10, age/2): 10, 10, 13
      expect(calls).toEqual([0, 12, 24, 39]);
    });
  });

  it('rides out a burst of transient failures with backoff and loses no state', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const busy = new FlowclientConnectionError('busy', { status: 503 });
      const { fn } = scripted([
        () => cold('-#', undefined, busy),
        () => cold('-#', undefined, new NetworkError('reset')),
        () => cold('-(a|)', { a: completed }),
      ]);
      // fails at 1, waits 4; fails at 6, waits 8; answers at 15
      expectObservable(statusStream('q', fn, options())).toBe('15ms (a|)', {
        a: jasmine.objectContaining({ status: 'completed', polls: 1 }),
      });
    });
  });

  it('pauses on an auth failure until a new token arrives, then resumes', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const tokens = hot('------------------t');
      const { fn } = scripted([
        () => cold('-(a|)', { a: executing(2) }),
        () => cold('-#', undefined, new AuthenticationError('Token has expired', { status: 401 })),
        () => cold('-(a|)', { a: completed }),
      ]);
      // the paused state comes at once (frame 12), not after the stall time
      expectObservable(statusStream('q', fn, options({ authRecovered: () => tokens }))).toBe('-a 10ms p 6ms (b|)', {
        a: jasmine.objectContaining({ status: 'executing' }),
        p: jasmine.objectContaining({ status: 'executing', polls: 1, awaitingToken: true, authError: jasmine.objectContaining({ status: 401 }) }),
        b: jasmine.objectContaining({ status: 'completed', polls: 2 }),
      });
    });
  });

  it('ends with an auth failure when there is no way to a new token (waitForNewToken: false)', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const error = new AuthenticationError('Token has expired', { status: 401 });
      const { fn } = scripted([() => cold('-#', undefined, error)]);
      expectObservable(statusStream('q', fn, options())).toBe('-#', undefined, error);
    });
  });

  it('gives up after backoff.count transient failures in a row', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const busy = new FlowclientConnectionError('busy', { status: 503 });
      const { fn } = scripted(Array.from({ length: 5 }, () => () => cold('-#', undefined, busy)));
      // fails at 1, waits 4; fails at 6, waits 8; fails at 15: two retries spent
      expectObservable(statusStream('q', fn, options({ backoff: { count: 2, baseDelayMs: 4, maxDelayMs: 16 } }))).toBe('15ms #', undefined, busy);
    });
  });

  it('ends with the error for failures that are neither transient nor auth', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const error = new FlowclientConnectionError('Something went wrong', { status: 500 });
      const { fn } = scripted([() => cold('-#', undefined, error)]);
      expectObservable(statusStream('q', fn, options())).toBe('-#', undefined, error);
    });
  });

  it('completes after a final state other than completed', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const { fn } = scripted([() => cold('-(a|)', { a: { status: 'errored', progress: null, message: 'bad' } as PollOutcome })]);
      expectObservable(statusStream('q', fn, options())).toBe('-(a|)', {
        a: { status: 'errored', message: 'bad', queryId: 'q', polls: 1, elapsedMs: 1 },
      });
    });
  });

  it('stops polling when unsubscribed', () => {
    scheduler.run(({ cold, expectObservable, flush }) => {
      const { fn, calls } = scripted(Array.from({ length: 50 }, () => () => cold('-(a|)', { a: executing(1) })));
      expectObservable(statusStream('q', fn, options()), '^ 30ms !').toBe('-a 10ms b 10ms c', {
        a: jasmine.objectContaining({ polls: 1 }),
        b: jasmine.objectContaining({ polls: 2 }),
        c: jasmine.objectContaining({ polls: 3 }),
      });
      flush();
      expect(calls.length).toBe(3);
    });
  });

  it('marks a query stalled when its progress does not move', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const { fn } = scripted(Array.from({ length: 200 }, () => () => cold('(a|)', { a: executing(2) })));
      const stalledAt = statusStream('q', fn, options({ stallAfterMs: 100 }));
      // answers at 0, 10, 20, 30, 45, 68, 102 (waits max(10, age/2), at most 40)
      expectObservable(stalledAt, '^ 130ms !').toBe('a 9ms b 9ms c 9ms d 14ms e 22ms f 33ms g', {
        a: jasmine.objectContaining({ stalled: false, elapsedMs: 0 }),
        b: jasmine.objectContaining({ stalled: false }),
        c: jasmine.objectContaining({ stalled: false }),
        d: jasmine.objectContaining({ stalled: false }),
        e: jasmine.objectContaining({ stalled: false }),
        f: jasmine.objectContaining({ stalled: false, elapsedMs: 68 }),
        g: jasmine.objectContaining({ stalled: true, elapsedMs: 102 }),
      });
    });
  });
});
