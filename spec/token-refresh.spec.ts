/**
 * The shared, bounded, backed-off refresh of an expired token (src/token-refresh.ts), in virtual
 * time: one refresher call per expiry whatever the number of waiting requests, a typed error when
 * the refresher fails, gives no token or does not answer, and a growing backoff on the same token.
 */
import { TestScheduler } from 'rxjs/testing';
import { type Observable } from 'rxjs';
import { TokenRefresh, refreshBackoffMs, type TokenRefresher } from '../src/token-refresh.js';
import { AuthenticationError } from '../src/errors.js';

describe('TokenRefresh (marbles)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => (scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))));

  /** A refresh on a connection whose token starts as 'A', counting refresher calls. */
  function setUp(answer: () => Observable<string>, timeoutMs = 0) {
    const state = { token: 'A', calls: 0, updates: [] as string[] };
    const refresher: TokenRefresher = () => {
      state.calls += 1;
      return answer();
    };
    const refresh = new TokenRefresh({
      refresher,
      timeoutMs,
      current: () => state.token,
      update: (token) => (state.updates.push(token), (state.token = token)),
      scheduler,
    });
    return { state, refresh };
  }

  const isRefreshError = (message: string) => (error: unknown) =>
    error instanceof AuthenticationError && error.message === message && error.status === 401 && error.serverMessage === 'Token has expired';

  it('shares one call among every request waiting on the same expired token', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const { state, refresh } = setUp(() => cold('--b|', { b: 'B' }));
      for (let i = 0; i < 10; i++) expectObservable(refresh.since('A')).toBe('--(b|)', { b: 'B' });
      scheduler.flush();
      expect(state.calls).toBe(1);
      expect(state.updates).toEqual(['B']);
    });
  });

  it('gives the current token without a call when it already changed', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const { state, refresh } = setUp(() => cold('--b|', { b: 'B' }));
      state.token = 'C';
      expectObservable(refresh.since('A')).toBe('(c|)', { c: 'C' });
      scheduler.flush();
      expect(state.calls).toBe(0);
    });
  });

  it('ends with "gave no token" when the refresher completes empty, after one call', () => {
    scheduler.run(({ cold }) => {
      const { state, refresh } = setUp(() => cold('--|'));
      const errors: unknown[] = [];
      for (let i = 0; i < 3; i++) refresh.since('A').subscribe({ error: (e: unknown) => errors.push(e) });
      scheduler.flush();
      expect(errors.length).toBe(3);
      expect(errors.every(isRefreshError('Token has expired and the token refresher gave no token'))).toBeTrue();
      expect(state.calls).toBe(1);
    });
  });

  it('ends with "did not answer within <n> ms" at the refresh timeout, unsubscribing the refresher', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const never = cold('-');
      const { state, refresh } = setUp(() => never, 500);
      const error = new AuthenticationError('Token has expired and the token refresher did not answer within 500 ms', { status: 401, serverMessage: 'Token has expired' });
      expectObservable(refresh.since('A')).toBe('500ms #', undefined, error);
      expectObservable(refresh.since('A')).toBe('500ms #', undefined, error);
      scheduler.flush();
      expectSubscriptions(never.subscriptions).toBe('^ 499ms !');
      expect(state.calls).toBe(1);
    });
  });

  it('wraps the refresher\'s own error, keeping it as the cause', () => {
    scheduler.run(({ cold }) => {
      const down = new Error('auth service down');
      const { refresh } = setUp(() => cold('-#', undefined, down));
      let error: unknown;
      refresh.since('A').subscribe({ error: (e: unknown) => (error = e) });
      scheduler.flush();
      expect(isRefreshError('Token has expired and the token refresher failed: auth service down')(error)).toBeTrue();
      expect((error as Error).cause).toBe(down);
    });
  });

  it('after a failure, fails at once on the same token for 1 s, 2 s, 4 s … without calling, then calls again', () => {
    scheduler.run(({ cold }) => {
      const { state, refresh } = setUp(() => cold('#', undefined, new Error('down')));
      const outcomes: Array<{ at: number; calls: number; error: unknown }> = [];
      const at = (ms: number) =>
        scheduler.schedule(() => refresh.since('A').subscribe({ error: (error: unknown) => outcomes.push({ at: ms, calls: state.calls, error }) }), ms);
      [0, 999, 1000, 2999, 3000, 6999, 7000].forEach(at);
      scheduler.flush();
      expect(outcomes.map((o) => [o.at, o.calls])).toEqual([[0, 1], [999, 1], [1000, 2], [2999, 2], [3000, 3], [6999, 3], [7000, 4]]);
      expect(outcomes[1]?.error).withContext('the same error within the backoff').toBe(outcomes[0]?.error);
      expect(outcomes.every((o) => o.error instanceof AuthenticationError)).toBeTrue();
    });
  });

  it('grows the backoff 1 s, 2 s, 4 s … up to 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(refreshBackoffMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('forgets the backoff once the token changes: the next expiry calls at once', () => {
    scheduler.run(({ cold }) => {
      const { state, refresh } = setUp(() => cold('#', undefined, new Error('down')));
      refresh.since('A').subscribe({ error: () => undefined });
      state.token = 'B'; // updateToken
      refresh.since('B').subscribe({ error: () => undefined });
      scheduler.flush();
      expect(state.calls).toBe(2);
    });
  });

  it('gives the new token to the waiting requests when it changed while the refresh was failing', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const { state, refresh } = setUp(() => cold('---#', undefined, new Error('down')));
      expectObservable(refresh.since('A')).toBe('---(c|)', { c: 'C' });
      scheduler.schedule(() => (state.token = 'C'), 1); // updateToken while the refresher works
      scheduler.flush();
      expect(state.calls).toBe(1);
    });
  });
});
