/** What every watch that survived a fault must look like. */
import { isFinal, type QueryStatus } from '../../../src/query/poll-outcome.js';
import type { WatchState } from '../../../src/query/watch-state.js';
import type { Recording } from './record.js';

/**
 * One stream that ended normally: no error, completed once, one state per answered poll (polls
 * numbered on without a gap, from 1 unless the watcher joined late: none lost, none repeated),
 * time moving forward, and exactly one final state, last.
 */
export function expectCleanWatch(watch: Recording<WatchState>, { joinedLate = false, finalStatus = 'completed' as QueryStatus } = {}): void {
  const states = watch.values;
  expect(watch.errors).withContext('errors of the watch').toEqual([]);
  expect(watch.completions).withContext('completions of the watch').toBe(1);
  // A paused state (awaitingToken) repeats the poll count it paused at; the first state may come
  // from FlowAPI 1.18's run reply (polls 0) rather than a poll.
  const answers = states.filter((s) => !('awaitingToken' in s));
  const first = joinedLate || answers[0]?.polls === 0 ? (answers[0]?.polls ?? 1) : 1;
  expect(answers.map((s) => s.polls)).withContext('poll numbers of the states').toEqual(answers.map((_, i) => first + i));
  const elapsed = states.map((s) => s.elapsedMs);
  expect(elapsed).withContext('elapsed times').toEqual([...elapsed].sort((a, b) => a - b));
  expect(states.filter((s) => isFinal(s.status)).map((s) => s.status)).withContext('final states').toEqual([finalStatus]);
  expect(states.at(-1)?.status).withContext('last state').toBe(finalStatus);
  expect(new Set(states.map((s) => s.queryId)).size).withContext('query ids').toBe(1);
}

/** A result stream that gave exactly one value and completed. */
export function expectSingleResult<T>(result: Recording<T>): T | undefined {
  expect(result.errors).withContext('errors of the result').toEqual([]);
  expect(result.values.length).withContext('values of the result').toBe(1);
  expect(result.completions).withContext('completions of the result').toBe(1);
  return result.values[0];
}
