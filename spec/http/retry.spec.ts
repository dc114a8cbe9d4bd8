import { TestScheduler } from 'rxjs/testing';
import { defer, throwError, of } from 'rxjs';
import { backoffDelay, isTransient, retryTransient, type RetryConfig } from '../../src/http/retry.js';
import { FlowclientConnectionError, NetworkError, NotFoundError, ResponseTooLargeError } from '../../src/errors.js';

const config: RetryConfig = { count: 3, baseDelayMs: 10, maxDelayMs: 40 };
const half = () => 0.5;

describe('backoffDelay', () => {
  it('doubles from the base delay and caps at the maximum, with jitter between half and all', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, config, () => 0))).toEqual([5, 10, 20, 20, 20]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, config, () => 0.999999))).toEqual([10, 20, 40, 40, 40]);
  });
});

describe('isTransient', () => {
  const cases: Array<[string, unknown, boolean]> = [
    ['network failure', new NetworkError('down'), true],
    ['429', new FlowclientConnectionError('x', { status: 429 }), true],
    ['502', new FlowclientConnectionError('x', { status: 502 }), true],
    ['503', new FlowclientConnectionError('x', { status: 503 }), true],
    ['504', new FlowclientConnectionError('x', { status: 504 }), true],
    ['500', new FlowclientConnectionError('x', { status: 500 }), false],
    ['400', new FlowclientConnectionError('x', { status: 400 }), false],
    ['404', new NotFoundError('x', { status: 404 }), false],
    ['a plain Error', new Error('x'), false],
    ['a body over maxResponseBytes', new ResponseTooLargeError('x', { limitBytes: 1 }), false],
    ['a body over maxResponseBytes with status 503', new ResponseTooLargeError('x', { status: 503, limitBytes: 1 }), false],
  ];
  for (const [name, error, expected] of cases) {
    it(`${expected ? 'retries' : 'does not retry'} ${name}`, () => expect(isTransient(error)).toBe(expected));
  }
});

describe('retryTransient (marbles)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => (scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))));

  it('resubscribes after each transient failure with growing delays, then succeeds', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold('-#', undefined, new FlowclientConnectionError('busy', { status: 503 }));
      let attempts = 0;
      const source = defer(() => (++attempts < 4 ? failing : cold('-(a|)')));
      // attempt 1 fails at 1, waits 8 (10*0.75 rounded), attempt 2 at 9 fails at 10, waits 15,
      // attempt 3 at 25 fails at 26, waits 30 (40*0.75), attempt 4 at 56 emits at 57.
      expectObservable(source.pipe(retryTransient(config, { scheduler, random: half }))).toBe('57ms (a|)');
      expectSubscriptions(failing.subscriptions).toBe(['^!', '9ms ^!', '25ms ^!']);
    });
  });

  it('gives up after `count` retries with the last error', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const error = new NetworkError('down');
      const source = cold('#', undefined, error);
      const delays: number[] = [];
      expectObservable(
        source.pipe(retryTransient(config, { scheduler, random: half, onRetry: (_n, d) => delays.push(d) })),
      ).toBe('53ms #', undefined, error);
      scheduler.flush();
      expect(delays).toEqual([8, 15, 30]);
    });
  });

  it('never retries a non-transient error', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = new FlowclientConnectionError('bad', { status: 400 });
      const source = cold('-#', undefined, error);
      expectObservable(source.pipe(retryTransient(config, { scheduler }))).toBe('-#', undefined, error);
      expectSubscriptions(source.subscriptions).toBe('^!');
    });
  });

  it("waits at least the server's Retry-After", () => {
    scheduler.run(({ expectObservable }) => {
      const busy = new FlowclientConnectionError('slow down', { status: 429, retryAfterMs: 1000 });
      let attempts = 0;
      const source = defer(() => (++attempts === 1 ? throwError(() => busy) : of('ok')));
      expectObservable(source.pipe(retryTransient(config, { scheduler, random: half }))).toBe('1000ms (a|)', { a: 'ok' });
    });
  });

  it('passes everything through when turned off', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const error = new NetworkError('down');
      expectObservable(cold('-#', undefined, error).pipe(retryTransient(false, { scheduler }))).toBe('-#', undefined, error);
    });
  });
});
