import { TestScheduler } from 'rxjs/testing';
import { defer, lastValueFrom, tap } from 'rxjs';
import { DEFAULT_PREDICTIVE, estimateNextPoll, type PollHistory } from '../../src/query/poll-estimate.js';
import { PollLoop, watchLoop } from '../../src/query/poll-loop.js';
import type { PollOutcome } from '../../src/query/poll-outcome.js';
import { pollSchedule } from '../../src/query/poll-schedule.js';
import { decider, type PollDecision } from '../../src/query/poll-strategy.js';

const history = (ageMs: number, extra: Partial<PollHistory> = {}): PollHistory => ({
  ageMs, lastPollMs: ageMs, executingAtMs: null, completedParts: null, totalParts: null, ...extra,
});
/** Durations of earlier queries: evenly spread over [lo, hi]. */
const spread = (lo: number, hi: number, n = 40) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

describe('estimateNextPoll', () => {
  it('keeps every wait within [minWaitMs, pollInterval]', () => {
    for (const age of [0, 10, 300, 2000, 60_000, 3_600_000]) {
      for (const durations of [[], spread(500, 4000), [100, 100, 100]]) {
        const { delayMs } = estimateNextPoll(history(age), durations);
        expect(delayMs).toBeGreaterThanOrEqual(DEFAULT_PREDICTIVE.minWaitMs);
        expect(delayMs).toBeLessThanOrEqual(DEFAULT_PREDICTIVE.pollInterval);
      }
    }
  });

  it('polls sparsely far from the ends this connection has seen, densely around them', () => {
    const seen = spread(1800, 2200);
    const far = estimateNextPoll(history(200), seen);
    const near = estimateNextPoll(history(1950), seen);
    expect(far.basis).toBe('history');
    expect(far.delayMs).toBeGreaterThan(1000); // nothing ends before 1.8 s
    expect(200 + far.delayMs).toBeLessThanOrEqual(1900); // but it does not jump over the window
    expect(near.delayMs).toBeLessThan(150);
    expect(near.delayMs).toBeLessThan(far.delayMs / 5);
    expect(far.expectedEndMs).toBeGreaterThan(1800);
    expect(far.expectedEndMs).toBeLessThan(2200);
    for (const { pDone } of [far, near]) expect(pDone).toBeGreaterThan(0);
  });

  it('reads progress: parts stored early bring the expected end forward', () => {
    const slow = estimateNextPoll(history(1000, { executingAtMs: 100, completedParts: 0, totalParts: 5 }), []);
    const fast = estimateNextPoll(history(1000, { executingAtMs: 100, completedParts: 4, totalParts: 5 }), []);
    expect(fast.expectedEndMs).toBeLessThan(slow.expectedEndMs ?? 0);
    expect(fast.delayMs).toBeLessThan(slow.delayMs);
  });

  it('falls back to the prior without history, and waits longer as a query ages', () => {
    const young = estimateNextPoll(history(500), []);
    const old = estimateNextPoll(history(30_000), [], { ...DEFAULT_PREDICTIVE, pollInterval: 60_000 });
    expect(young.basis).toBe('prior');
    expect(old.delayMs).toBeGreaterThan(young.delayMs);
  });

  it('is deterministic', () => {
    const h = history(1234, { executingAtMs: 200, completedParts: 1, totalParts: 3 });
    expect(estimateNextPoll(h, spread(500, 4000))).toEqual(estimateNextPoll(h, spread(500, 4000)));
  });
});

describe('predictive PollLoop (marbles)', () => {
  /** One query that completes at `endMs` (virtual), answering each poll after 1 ms. */
  const run = (strategy: 'predictive' | 'eager', endMs: number, durations: readonly number[]) => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    const calls: number[] = [];
    const decisions: PollDecision[] = [];
    let noticedAt = -1;
    scheduler.run(({ flush }) => {
      const pollOnce = () =>
        defer(() => {
          calls.push(scheduler.now());
          const outcome: PollOutcome =
            scheduler.now() >= endMs ? { status: 'completed', progress: null, message: '' } : { status: 'executing', progress: null, message: '' };
          return scheduler.createColdObservable<PollOutcome>('-(a|)', { a: outcome });
        });
      const schedule = pollSchedule();
      const loop = new PollLoop('q', pollOnce, {
        schedule, decide: decider(strategy, schedule), durations: () => durations, onDecision: (_id, d) => decisions.push(d),
        stallAfterMs: 60_000, backoff: { count: 3, baseDelayMs: 10, maxDelayMs: 100 }, scheduler,
      });
      void lastValueFrom(watchLoop(() => loop).pipe(tap((s) => s.status === 'completed' && (noticedAt = scheduler.now()))));
      flush();
    });
    return { polls: calls.length, delayMs: noticedAt - endMs, decisions };
  };

  it('notices an expected end about as fast as the eager schedule with a fraction of its polls', () => {
    const seen = spread(1500, 2500);
    const predictive = run('predictive', 2000, seen);
    const eager = run('eager', 2000, seen);
    expect(predictive.delayMs).toBeLessThanOrEqual(120);
    expect(predictive.polls).toBeLessThan(eager.polls / 2);
    expect(predictive.decisions.every((d) => d.basis === 'predictive/history')).toBeTrue();
  });

  it('still reaches a query that ends long after anything seen', () => {
    const late = run('predictive', 40_000, spread(1500, 2500));
    expect(late.delayMs).toBeLessThanOrEqual(DEFAULT_PREDICTIVE.pollInterval + 1);
    expect(late.polls).toBeLessThan(40);
  });
});
