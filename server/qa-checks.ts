/**
 * Stand-in QA check data: every event type with dates has the same check types, and each
 * (type, check, date) has a deterministic numeric outcome (as a string, as FlowDB stores it).
 */
import { createHash } from 'node:crypto';

/** Check types offered for every event type. */
export const QA_CHECK_TYPES: readonly string[] = [
  'count_added_rows',
  'count_imeis',
  'count_imsis',
  'count_locatable_events',
  'count_msisdns',
  'count_null_imeis',
];

/** One entry of `GET /api/0/qa/`. */
export interface QaCheck {
  cdr_type: string;
  type_of_query_or_check: string;
}

/** One outcome of `GET /api/0/qa/{cdr_type}/{check}`. */
export interface QaOutcome {
  outcome: string;
  type_of_query_or_check: string;
  cdr_date: string;
}

type Dates = Readonly<Record<string, readonly string[]>>;

/** The available checks: each check type for each event type that has dates. */
export function listQaChecks(dates: Dates): QaCheck[] {
  return Object.entries(dates)
    .filter(([, list]) => list.length > 0)
    .flatMap(([cdrType]) => QA_CHECK_TYPES.map((check) => ({ cdr_type: cdrType, type_of_query_or_check: check })));
}

/** Parse a date as Python's `strptime(…, "%Y-%m-%d")` would; ISO text or `null`. */
export function parseQaDate(text: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function outcome(cdrType: string, check: string, date: string): string {
  const hash = createHash('md5').update(`${cdrType}/${check}/${date}`).digest();
  return String(hash.readUInt32BE(0) % 100_000);
}

/** Outcomes of a check between two ISO dates (inclusive), oldest first. */
export function qaOutcomes(dates: Dates, cdrType: string, check: string, start: string, end: string): QaOutcome[] {
  if (!QA_CHECK_TYPES.includes(check)) return [];
  return [...(dates[cdrType] ?? [])]
    .filter((date) => date >= start && date <= end)
    .sort()
    .map((date) => ({ outcome: outcome(cdrType, check, date), type_of_query_or_check: check, cdr_date: date }));
}
