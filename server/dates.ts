/**
 * Available dates as the server takes them (`availableDates`): one list of `YYYY-MM-DD` per
 * event type. Plain date arithmetic, no peer dependency: the command line, the launcher and the
 * monitor's embedded server share it.
 * @module
 */

const DAY_MS = 86_400_000;

/** Dates `flowapi-test-server` and the monitor's embedded server serve unless told otherwise. */
export const COMMAND_DATES = { first: '2016-01-01', last: '2016-02-29' } as const;

/** Every date from `first` to `last` (both `YYYY-MM-DD`, both included); none when `first` is after `last`. */
export function datesFromTo(first: string, last: string): string[] {
  const from = Date.parse(`${first}T00:00:00Z`);
  const days = Math.round((Date.parse(`${last}T00:00:00Z`) - from) / DAY_MS) + 1;
  return Array.from({ length: Math.max(0, days) }, (_, i) => new Date(from + i * DAY_MS).toISOString().slice(0, 10));
}

/** The same dates for calls, sms, mds and topups (a list each); no forwards. */
export function availableDatesOn(dates: readonly string[]): Record<string, string[]> {
  return { calls: [...dates], sms: [...dates], mds: [...dates], topups: [...dates], forwards: [] };
}
