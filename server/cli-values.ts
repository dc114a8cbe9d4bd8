/**
 * Readers of `flowapi-test-server` option values (numbers, ranges, dates, lifetimes). Each throws
 * a {@link UsageError} naming the flag and the value it refused.
 */
import { datesFromTo } from './dates.js';
import type { DurationMs } from './types.js';

/** A bad command line: one line for the user, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Refuse `value` of `--flag`, saying what was expected. */
export function refuse(flag: string, value: string, expected: string): never {
  throw new UsageError(`--${flag} ${JSON.stringify(value)}: expected ${expected}`);
}

/** A whole number from `min` to `max`. */
export function integerValue(flag: string, value: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    refuse(flag, value, max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`);
  }
  return n;
}

/**
 * Milliseconds (`300`), or a range each query draws from: `2000..6000` (also `2000-6000` and
 * `2000,6000`, as earlier versions took it).
 */
export function durationValue(flag: string, value: string): DurationMs {
  if (/^\s*\d+\s*$/.test(value)) return integerValue(flag, value);
  const range = /^\s*(\d+)\s*(?:\.\.|-|,)\s*(\d+)\s*$/.exec(value);
  const [min, max] = [Number(range?.[1]), Number(range?.[2])];
  if (!range || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
    refuse(flag, value, 'milliseconds, or MIN..MAX with MIN ≤ MAX (e.g. 2000..6000)');
  }
  return [min, max];
}

const DAY_MS = 86_400_000;
/** Longest `--dates` range, in days (about ten years). */
const MAX_DATE_RANGE_DAYS = 3660;

function dayOf(flag: string, whole: string, text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text.trim()) {
    refuse(flag, whole, 'real dates, FIRST..LAST as YYYY-MM-DD..YYYY-MM-DD (or one date)');
  }
  return ms;
}

/** Every date of `FIRST..LAST` (both included) or of one date, as `YYYY-MM-DD`. */
export function dateRangeValue(flag: string, value: string): string[] {
  const [first = '', last = first, extra] = value.split('..');
  if (extra !== undefined) refuse(flag, value, 'FIRST..LAST as YYYY-MM-DD..YYYY-MM-DD (or one date)');
  const [from, to] = [dayOf(flag, value, first), dayOf(flag, value, last)];
  if (from > to) refuse(flag, value, 'FIRST..LAST with FIRST not after LAST');
  if ((to - from) / DAY_MS + 1 > MAX_DATE_RANGE_DAYS) refuse(flag, value, `at most ${MAX_DATE_RANGE_DAYS} days`);
  return datesFromTo(first.trim(), last.trim());
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A lifetime: `90s`, `10m`, `2h`, `1d`, or plain seconds; more than zero. */
export function lifetimeSecondsValue(flag: string, value: string): number {
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(value);
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1) : NaN;
  if (!match || !Number.isSafeInteger(seconds) || seconds <= 0) refuse(flag, value, 'a lifetime above zero such as 90s, 10m, 2h or 1d');
  return seconds;
}
