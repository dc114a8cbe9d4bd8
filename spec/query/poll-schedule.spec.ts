import { DEFAULT_POLL_SCHEDULE, pollDelay, pollSchedule } from '../../src/query/poll-schedule.js';

describe('pollDelay', () => {
  it('starts at the first wait while a query is young', () => {
    expect(pollDelay(0)).toBe(50);
    expect(pollDelay(500)).toBe(50);
  });

  it('grows with age: 8% of it up to the knee, faster after', () => {
    expect(pollDelay(1000)).toBe(80);
    expect(pollDelay(3000)).toBe(240);
    expect(pollDelay(4000)).toBe(320 + 420);
  });

  it('never waits longer than pollInterval', () => {
    expect(pollDelay(60_000)).toBe(DEFAULT_POLL_SCHEDULE.pollInterval);
    expect(pollDelay(60_000, pollSchedule({ pollInterval: 1000 }))).toBe(1000);
  });

  it('is non-decreasing in age', () => {
    let previous = 0;
    for (let age = 0; age <= 120_000; age += 37) {
      const delay = pollDelay(age);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
  });

  it('costs fewer polls than fixed 1 s polling over a 60 s query', () => {
    let t = 0;
    let polls = 1;
    while (t < 60_000) {
      t += pollDelay(t);
      polls++;
    }
    expect(polls).toBeLessThan(60);
  });

  it('shrinks the first wait to a smaller pollInterval, and rejects a non-positive one', () => {
    expect(pollSchedule({ pollInterval: 20 }).firstWaitMs).toBe(20);
    expect(() => pollSchedule({ pollInterval: 0 })).toThrowError(TypeError, /pollInterval/);
  });
});
