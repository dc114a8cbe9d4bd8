/**
 * flowclient's metadata functions as cold observables: geography, available dates, QA checks.
 * @module
 */
import { map, type Observable } from 'rxjs';
import type { Connection } from '../connection.js';
import { ResultDecodeError } from '../errors.js';
import { shownValue } from '../http/route.js';
import { decodeFeatureCollection, expectOk, type FeatureCollection } from './results.js';

/** A connection: what the metadata functions take. */
export interface ConnectionOptions {
  /** The connection. */
  readonly connection: Connection;
}

/** Options of {@link getGeography}. */
export interface GeographyOptions extends ConnectionOptions {
  /** e.g. `admin3`. */
  readonly aggregationUnit: string;
}

/** Options of {@link getAvailableDates} and {@link getAvailableQaChecks}. */
export interface EventTypesOptions extends ConnectionOptions {
  /** Keep only these event types (unknown names are ignored; `[]` keeps none). @defaultValue all */
  readonly eventTypes?: readonly string[] | null;
}

/** A QA check the server can report on. */
export interface QaCheck {
  readonly cdr_type: string;
  readonly type_of_query_or_check: string;
}

/** One QA check outcome. */
export interface QaCheckOutcome {
  readonly cdr_date: string;
  readonly type_of_query_or_check: string;
  readonly outcome: string;
}

/** Options of {@link getQaCheckOutcomes}. */
export interface QaCheckOutcomesOptions extends ConnectionOptions {
  /** CDR type, e.g. `calls`. */
  readonly eventType: string;
  /** Check id, e.g. `count_imeis`. */
  readonly checkType: string;
  /** First date (YYYY-MM-DD or a Date). */
  readonly startDate: string | Date;
  /** Last date, inclusive. */
  readonly endDate: string | Date;
}

/** Options of {@link getQaCheckOutcome}. */
export interface QaCheckOutcomeOptions extends ConnectionOptions {
  readonly eventType: string;
  readonly checkType: string;
  /** The date (YYYY-MM-DD or a Date). */
  readonly eventDate: string | Date;
}

const isoDate = (date: string | Date): string => (typeof date === 'string' ? date : date.toISOString().slice(0, 10));

/** What an aggregation unit's name may be: letters, digits, `_` and `-` (it goes into the path). */
const AGGREGATION_UNIT_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * GeoJSON of an aggregation unit's regions (flowclient's `get_geography`). Which units exist is
 * the server's business (FlowAPI answers 403 for one it does not grant, e.g. `admin9`).
 * @throws TypeError naming `aggregationUnit` when it is not a name of letters, digits, `_` and `-`
 * (e.g. `../run`); nothing is sent.
 */
export function getGeography({ connection, aggregationUnit }: GeographyOptions): Observable<FeatureCollection> {
  if (typeof aggregationUnit !== 'string' || !AGGREGATION_UNIT_NAME.test(aggregationUnit)) {
    throw new TypeError(`getGeography: aggregationUnit must be a name of letters, digits, "_" and "-", e.g. "admin3" (got ${shownValue(aggregationUnit)})`);
  }
  const route = `geography/${aggregationUnit}`;
  return connection.getUrl({ route }).pipe(map((response) => decodeFeatureCollection(expectOk(response), route)));
}

/** Dates with data, per event type (flowclient's `get_available_dates`). */
export function getAvailableDates({ connection, eventTypes = null }: EventTypesOptions): Observable<Record<string, string[]>> {
  return connection.getUrl({ route: 'available_dates' }).pipe(
    map((response) => {
      const body: unknown = expectOk(response, 'available dates').data;
      const dates = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['available_dates'] : undefined;
      if (typeof dates !== 'object' || dates === null) {
        throw new ResultDecodeError('The reply to available_dates has no available_dates in it.', { status: 200, route: 'available_dates' });
      }
      const all = dates as Record<string, string[]>;
      return eventTypes === null ? all : Object.fromEntries(eventTypes.filter((t) => t in all).map((t) => [t, all[t] ?? []]));
    }),
  );
}

/** The QA checks available (flowclient's `get_available_qa_checks`), optionally for some event types. */
export function getAvailableQaChecks({ connection, eventTypes = null }: EventTypesOptions): Observable<QaCheck[]> {
  return connection.getUrl({ route: 'qa/' }).pipe(
    map((response) => {
      const body: unknown = expectOk(response, 'qa checks').data;
      if (!Array.isArray(body)) throw new ResultDecodeError('The reply to qa/ is not a list.', { status: 200, route: 'qa/' });
      const checks = body as QaCheck[];
      return eventTypes === null ? checks : checks.filter((c) => eventTypes.includes(c.cdr_type));
    }),
  );
}

/** Outcomes of a QA check over a date range, end inclusive (flowclient's `get_qa_check_outcomes`). */
export function getQaCheckOutcomes({ connection, eventType, checkType, startDate, endDate }: QaCheckOutcomesOptions): Observable<QaCheckOutcome[]> {
  const route = `qa/${eventType}/${checkType}`;
  return connection.getUrl({ route, params: { start_date: isoDate(startDate), end_date: isoDate(endDate) } }).pipe(
    map((response) => {
      const body: unknown = expectOk(response, 'qa check outcome').data;
      if (!Array.isArray(body)) throw new ResultDecodeError(`The reply to ${route} is not a list.`, { status: 200, route });
      return body as QaCheckOutcome[];
    }),
  );
}

/** The outcome of a QA check on one date, as the server's raw text (flowclient's `get_qa_check_outcome`). */
export function getQaCheckOutcome({ connection, eventType, checkType, eventDate }: QaCheckOutcomeOptions): Observable<string> {
  const route = `qa/${eventType}/${checkType}/${isoDate(eventDate)}`;
  return connection.getUrl({ route, responseType: 'text' }).pipe(map((response) => String(expectOk(response, 'qa check outcome').data)));
}
