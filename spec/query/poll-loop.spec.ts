import { TestScheduler } from 'rxjs/testing';
import { EMPTY, Subject, defer, finalize, tap, type Observable } from 'rxjs';
import { PollLoop, failureStep, watchLoop, type PollLoopOptions } from '../../src/query/poll-loop.js';
import { outcomeOfReply, type PollOutcome } from '../../src/query/poll-outcome.js';
import { pollSchedule } from '../../src/query/poll-schedule.js';
import { AuthenticationError, FlowclientConnectionError, NetworkError, NotFoundError } from '../../src/errors.js';

const executing = (eligible: number): PollOutcome => ({ status: 'executing', progress: { eligible, queued: 0, running: 1 }, message: '' });
const completed: PollOutcome = { status: 'completed', progress: null, message: '', resultRoute: 'get/q' };

describe('failureStep', () => {
  const options = (extra: Partial<PollLoopOptions> = {}): PollLoopOptions => ({
    schedule: pollSchedule(),
    stallAfterMs: 1000,
    backoff: { count: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    random: () => 0,
    ...extra,
  });
  const busy = new FlowclientConnectionError('busy', { status: 503 });
  const expired = new AuthenticationError('Token has expired', { status: 401 });

  it('retries transient failures with backoff while failures stay within count', () => {
    expect(failureStep(busy, 1, options())).toEqual({ action: 'retry', delayMs: 50 });
    expect(failureStep(new NetworkError('reset'), 3, options())).toEqual({ action: 'retry', delayMs: 200 });
    expect(failureStep(busy, 4, options())).toEqual({ action: 'fail' });
  });

  it('retries a poll 202 whose body is empty, cut or not JSON like a transient failure, within count', () => {
    const root = { url: 'https://flowapi.example', apiVersion: 0 };
    const garbled = ['', '{"status":"execu', '<html>busy</html>'].map((data) => {
      try {
        outcomeOfReply({ status: 202, data, headers: {} }, 'q', root);
      } catch (error) {
        return error;
      }
      throw new Error(`a 202 with ${JSON.stringify(data)} was read`);
    });
    for (const error of garbled) {
      expect(error).toEqual(jasmine.objectContaining({ name: 'FlowclientConnectionError', message: 'No status reported.', status: 202 }));
      expect(failureStep(error, 1, options())).toEqual({ action: 'retry', delayMs: 50 });
      expect(failureStep(error, 4, options())).toEqual({ action: 'fail' });
    }
    const unknownStatus = new FlowclientConnectionError("Unknown query status 'on_fire' in the reply to poll.", { status: 202 });
    expect(failureStep(unknownStatus, 1, options())).withContext('a readable reply with a status FlowAPI never sends').toEqual({ action: 'fail' });
    expect(failureStep(new FlowclientConnectionError('No status reported.', { status: 202 }), 1, options()))
      .withContext('only the reply read as garbled is marked, not a look-alike').toEqual({ action: 'fail' });
  });

  it('waits for a token on auth failures only when the loop can get one', () => {
    expect(failureStep(expired, 1, options({ authRecovered: () => EMPTY }))).toEqual({ action: 'await-token' });
    expect(failureStep(expired, 1, options())).toEqual({ action: 'fail' });
  });

  it('fails on anything else', () => {
    expect(failureStep(new NotFoundError('gone', { status: 404 }), 1, options())).toEqual({ action: 'fail' });
    expect(failureStep(new FlowclientConnectionError('bad', { status: 500 }), 1, options())).toEqual({ action: 'fail' });
    expect(failureStep(new Error('bug'), 1, options())).toEqual({ action: 'fail' });
  });
});

describe('PollLoop (marbles)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => (scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))));

  const options = (extra: Partial<PollLoopOptions> = {}): PollLoopOptions => ({
    schedule: pollSchedule({ firstWaitMs: 10, pollInterval: 10, growth: 0, kneeMs: 1000, lateGrowth: 0 }),
    stallAfterMs: 1000,
    backoff: { count: Infinity, baseDelayMs: 4, maxDelayMs: 16 },
    random: () => 1 - Number.EPSILON,
    scheduler,
    ...extra,
  });

  /** Polls answering `answer()` after `latency` (marble time); records when each went out and when one was aborted. */
  const poller = (answer: (call: number) => PollOutcome, latency = '-') => {
    const calls: number[] = [];
    const aborted: number[] = [];
    const pollOnce = (): Observable<PollOutcome> =>
      defer(() => {
        calls.push(scheduler.now());
        let done = false;
        return scheduler.createColdObservable<PollOutcome>(`${latency}(a|)`, { a: answer(calls.length) }).pipe(
          tap({ complete: () => (done = true) }),
          finalize(() => done || aborted.push(scheduler.now())),
        );
      });
    return { pollOnce, calls, aborted };
  };

  /** What a watcher sees: the loop's states, leaving the loop when it unsubscribes. */
  const watcher = (loop: PollLoop) => watchLoop(() => loop);

  it('polls once per tick for any number of watchers, and a late watcher gets the latest state at once', () => {
    scheduler.run(({ expectObservable, flush }) => {
      const { pollOnce, calls } = poller(() => executing(2));
      const loop = new PollLoop('q', pollOnce, options());
      const states = watcher(loop);
      expectObservable(states, '^ 30ms !').toBe('-a 10ms b 10ms c', {
        a: jasmine.objectContaining({ polls: 1 }), b: jasmine.objectContaining({ polls: 2 }), c: jasmine.objectContaining({ polls: 3 }),
      });
      expectObservable(states, '^ 30ms !').toBe('-a 10ms b 10ms c', {
        a: jasmine.objectContaining({ polls: 1 }), b: jasmine.objectContaining({ polls: 2 }), c: jasmine.objectContaining({ polls: 3 }),
      });
      expectObservable(states, '5ms ^ 20ms !').toBe('5ms a 6ms b 10ms c', {
        a: jasmine.objectContaining({ polls: 1, elapsedMs: 1 }), b: jasmine.objectContaining({ polls: 2 }), c: jasmine.objectContaining({ polls: 3 }),
      });
      flush();
      expect(calls).toEqual([0, 11, 22]);
    });
  });

  it('stops when the last watcher leaves, aborting the poll in flight, and forgets itself once', () => {
    scheduler.run(({ expectObservable, flush }) => {
      const { pollOnce, calls, aborted } = poller(() => executing(1), '---');
      const onEnd = jasmine.createSpy('onEnd');
      const loop = new PollLoop('q', pollOnce, options(), onEnd);
      const states = watcher(loop);
      expectObservable(states, '^ 5ms !').toBe('---a', { a: jasmine.objectContaining({ polls: 1 }) });
      expectObservable(states, '^ 14ms !').toBe('---a', { a: jasmine.objectContaining({ polls: 1 }) });
      flush();
      expect(calls).toEqual([0, 13]); // the second poll went out at 13; the last watcher left at 15 ('^ 14ms !'), before its answer at 16
      expect(aborted).toEqual([15]);
      expect(onEnd).toHaveBeenCalledOnceWith(loop);
    });
  });

  it('ends after a final state: every watcher completes, and it forgets itself before they do', () => {
    scheduler.run(({ expectObservable, flush }) => {
      const order: string[] = [];
      const { pollOnce, calls } = poller((n) => (n < 2 ? executing(1) : completed));
      const loop = new PollLoop('q', pollOnce, options(), () => order.push('forgotten'));
      loop.states.subscribe({ complete: () => order.push('completed') });
      const states = watcher(loop);
      expectObservable(states).toBe('-a 10ms (b|)', {
        a: jasmine.objectContaining({ status: 'executing' }), b: jasmine.objectContaining({ status: 'completed', polls: 2 }),
      });
      expectObservable(states, '20ms ^').toBe('20ms (b|)', { b: jasmine.objectContaining({ status: 'completed' }) });
      flush();
      expect(calls).toEqual([0, 11]);
      expect(order).toEqual(['forgotten', 'completed']);
    });
  });

  it('does not poll again when a watcher leaves inside its own next()', () => {
    scheduler.run(({ flush }) => {
      const { pollOnce, calls } = poller(() => executing(1));
      const loop = new PollLoop('q', pollOnce, options());
      const subscription = watcher(loop).subscribe(() => subscription.unsubscribe());
      flush();
      expect(calls).toEqual([0]);
    });
  });

  it('takes a synchronous answer and goes on to the next wait', () => {
    scheduler.run(({ expectObservable }) => {
      const pollOnce = () => scheduler.createColdObservable<PollOutcome>('(a|)', { a: executing(1) });
      const loop = new PollLoop('q', pollOnce, options());
      expectObservable(watcher(loop), '^ 25ms !').toBe('a 9ms b 9ms c', {
        a: jasmine.objectContaining({ polls: 1 }), b: jasmine.objectContaining({ polls: 2 }), c: jasmine.objectContaining({ polls: 3 }),
      });
    });
  });

  it('ends quietly when the wait for a new token completes without one', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const error = new AuthenticationError('Token has expired', { status: 401 });
      const onEnd = jasmine.createSpy('onEnd');
      const loop = new PollLoop('q', () => cold<PollOutcome>('-#', undefined, error), options({ authRecovered: () => cold('---|') }), onEnd);
      expectObservable(watcher(loop)).toBe('-p--|', { p: jasmine.objectContaining({ status: 'queued', polls: 0, awaitingToken: true }) });
      scheduler.flush();
      expect(onEnd).toHaveBeenCalledTimes(1);
    });
  });

  it('leaves no timer or request behind after the last watcher leaves during a token wait', () => {
    scheduler.run(({ cold, flush }) => {
      const tokens = new Subject<string>();
      const error = new AuthenticationError('Token has expired', { status: 401 });
      let polls = 0;
      const loop = new PollLoop('q', () => defer(() => (polls++, cold<PollOutcome>('-#', undefined, error))), options({ authRecovered: () => tokens }));
      const subscription = watcher(loop).subscribe();
      flush();
      expect(tokens.observed).toBeTrue();
      subscription.unsubscribe();
      expect(tokens.observed).toBeFalse();
      tokens.next('new');
      flush();
      expect(polls).toBe(1);
    });
  });
});
