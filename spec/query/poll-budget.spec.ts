import { TestScheduler } from 'rxjs/testing';
import { defer, merge, type Observable } from 'rxjs';
import { PollBudget } from '../../src/query/poll-budget.js';
import { PollLoop, watchLoop } from '../../src/query/poll-loop.js';
import type { PollOutcome } from '../../src/query/poll-outcome.js';
import { pollSchedule } from '../../src/query/poll-schedule.js';
import { decider } from '../../src/query/poll-strategy.js';

/** The most polls in any window of `windowMs` (times sorted). */
const busiestWindow = (times: readonly number[], windowMs = 1000): number => {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
};

describe('PollBudget (marbles)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => (scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))));

  it('never exceeds N polls per second with 1,000 watched queries, and every query reaches its end', () => {
    const sent: number[] = [];
    const ended = new Set<string>();
    scheduler.run(({ flush }) => {
      const budget = new PollBudget(20, 3000, scheduler);
      const schedule = pollSchedule({ pollInterval: 3000 });
      const loops: Observable<unknown>[] = [];
      for (let i = 0; i < 1000; i++) {
        const endMs = 500 + ((i * 7919) % 20_000); // ends spread over 20 s
        const pollOnce = () =>
          defer(() => {
            sent.push(scheduler.now());
            const status = scheduler.now() >= endMs ? 'completed' : 'executing';
            return scheduler.createColdObservable<PollOutcome>('--(a|)', { a: { status, progress: null, message: '' } });
          });
        const loop = new PollLoop(`q${i}`, pollOnce, {
          schedule, decide: decider('eager', schedule), budget, stallAfterMs: 600_000,
          backoff: { count: 3, baseDelayMs: 10, maxDelayMs: 100 }, scheduler,
        }, (l) => ended.add(l.queryId));
        loops.push(watchLoop(() => loop));
      }
      merge(...loops).subscribe();
      flush();
      expect(budget.waiting).toBe(0);
    });
    expect(ended.size).toBe(1000);
    expect(busiestWindow(sent)).toBe(20);
  });

  it('serves the waiting query most likely to have finished first, and lets none starve', () => {
    const order: string[] = [];
    scheduler.run(({ flush }) => {
      const budget = new PollBudget(1, 3000, scheduler);
      budget.request({ grant: () => order.push('first') }, 0); // takes the only slot of this second
      budget.request({ grant: () => order.push('unlikely') }, 0.1);
      budget.request({ grant: () => order.push('likely') }, 0.9);
      budget.request({ grant: () => order.push('middling') }, 0.5);
      flush();
    });
    expect(order).toEqual(['first', 'likely', 'middling', 'unlikely']);
  });

  it('lets a waiting request be withdrawn', () => {
    const order: string[] = [];
    scheduler.run(({ flush }) => {
      const budget = new PollBudget(1, 3000, scheduler);
      budget.request({ grant: () => order.push('a') }, 0);
      const b = budget.request({ grant: () => order.push('b') }, 1);
      budget.request({ grant: () => order.push('c') }, 0);
      b.unsubscribe();
      flush();
      expect(budget.granted).toBe(2);
    });
    expect(order).toEqual(['a', 'c']);
  });
});

describe('PollBudget load and the predictive price of a poll', () => {
  it('reports the share of the last second used, 1 while queries wait, 0 without a cap', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ flush }) => {
      const budget = new PollBudget(4, 3000, scheduler);
      expect(budget.load()).toBe(0);
      budget.request({ grant: () => undefined }, 0);
      budget.request({ grant: () => undefined }, 0);
      expect(budget.load()).toBe(0.5);
      budget.request({ grant: () => undefined }, 0);
      budget.request({ grant: () => undefined }, 0);
      budget.request({ grant: () => undefined }, 0); // waits for room
      expect(budget.load()).toBe(1);
      flush();
      expect(new PollBudget(Infinity, 3000, scheduler).load()).toBe(0);
    });
  });

  it('spaces predictive polls wider as the load rises', () => {
    const decide = decider('predictive', pollSchedule());
    const context = { ageMs: 1500, lastPollMs: 1500, executingAtMs: 200, completedParts: 1, totalParts: 3, state: undefined, pollInterval: 3000 };
    const durations = Array.from({ length: 40 }, (_, i) => 1000 + i * 50);
    const idle = decide({ ...context, durations, load: 0 }).delayMs;
    const busy = decide({ ...context, durations, load: 1 }).delayMs;
    expect(busy).toBeGreaterThan(idle * 1.5);
  });
});
