/**
 * flowclient's metadata functions as cold observables: geography, available dates, QA checks.
 * Each checks its arguments at the call (a TypeError naming itself and the argument: `connection`,
 * a name or date that goes into the path, `eventTypes`), before anything is sent.
 * @module
 */
import { map, type Observable } from 'rxjs';
import type { Connection } from '../connection.js';
import { ResultDecodeError } from '../errors.js';
import { shownValue } from '../http/route.js';
import { isIsoDate } from '../specs/checks.js';
import { checkConnection } from './arguments.js';
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

/** What a name that goes into the path may be (an aggregation unit, an event type, a QA check): letters, digits, `_` and `-`. */
const PATH_NAME = /^[A-Za-z0-9_-]+$/;

/** `value`, when it is a {@link PATH_NAME}; else a TypeError `<caller>: <argument> must be a name …`. */
function checkName(value: unknown, caller: string, argument: string, example: string): string {
  if (typeof value !== 'string' || !PATH_NAME.test(value)) {
    throw new TypeError(`${caller}: ${argument} must be a name of letters, digits, "_" and "-", e.g. "${example}" (got ${shownValue(value)})`);
  }
  return value;
}

/** `date` as YYYY-MM-DD, when it is a real date as YYYY-MM-DD or a valid `Date`; else a TypeError naming `argument`. */
function checkDate(date: unknown, caller: string, argument: string): string {
  if (date instanceof Date && !Number.isNaN(date.getTime())) return date.toISOString().slice(0, 10);
  if (isIsoDate(date, false)) return date;
  const shown = date instanceof Date ? 'an invalid Date' : shownValue(date);
  throw new TypeError(`${caller}: ${argument} must be a date as YYYY-MM-DD or a valid Date (got ${shown})`);
}

/** `eventTypes` when it is `null`, left out or a list of strings; else a TypeError naming it. */
function checkEventTypes(eventTypes: unknown, caller: string): readonly string[] | null {
  if (eventTypes === undefined || eventTypes === null) return null;
  if (!Array.isArray(eventTypes) || !eventTypes.every((t) => typeof t === 'string')) {
    throw new TypeError(`${caller}: eventTypes must be a list of event type names (e.g. ["calls"]) or null (got ${shownValue(eventTypes)})`);
  }
  return eventTypes as readonly string[];
}

/**
 * GeoJSON of an aggregation unit's regions (flowclient's `get_geography`). Which units exist is
 * the server's business (FlowAPI answers 403 for one it does not grant, e.g. `admin9`).
 * @throws TypeError naming `aggregationUnit` when it is not a name of letters, digits, `_` and `-`
 * (e.g. `../run`); nothing is sent.
 */
export function getGeography({ connection, aggregationUnit }: GeographyOptions): Observable<FeatureCollection> {
  checkConnection(connection, 'getGeography');
  checkName(aggregationUnit, 'getGeography', 'aggregationUnit', 'admin3');
  const route = `geography/${aggregationUnit}`;
  return connection.getUrl({ route }).pipe(map((response) => decodeFeatureCollection(expectOk(response), route)));
}

/** Dates with data, per event type (flowclient's `get_available_dates`). */
export function getAvailableDates({ connection, eventTypes: given }: EventTypesOptions): Observable<Record<string, string[]>> {
  checkConnection(connection, 'getAvailableDates');
  const eventTypes = checkEventTypes(given, 'getAvailableDates');
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
export function getAvailableQaChecks({ connection, eventTypes: given }: EventTypesOptions): Observable<QaCheck[]> {
  checkConnection(connection, 'getAvailableQaChecks');
  const eventTypes = checkEventTypes(given, 'getAvailableQaChecks');
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
  const caller = 'getQaCheckOutcomes';
  checkConnection(connection, caller);
  const route = `qa/${checkName(eventType, caller, 'eventType', 'calls')}/${checkName(checkType, caller, 'checkType', 'count_imeis')}`;
  const [start, end] = [checkDate(startDate, caller, 'startDate'), checkDate(endDate, caller, 'endDate')];
  if (end < start) throw new TypeError(`${caller}: endDate must not be before startDate (got startDate ${start}, endDate ${end})`);
  return connection.getUrl({ route, params: { start_date: start, end_date: end } }).pipe(
    map((response) => {
      const body: unknown = expectOk(response, 'qa check outcome').data;
      if (!Array.isArray(body)) throw new ResultDecodeError(`The reply to ${route} is not a list.`, { status: 200, route });
      return body as QaCheckOutcome[];
    }),
  );
}

/** The outcome of a QA check on one date, as the server's raw text (flowclient's `get_qa_check_outcome`). */
export function getQaCheckOutcome({ connection, eventType, checkType, eventDate }: QaCheckOutcomeOptions): Observable<string> {
  const caller = 'getQaCheckOutcome';
  checkConnection(connection, caller);
  const route = `qa/${checkName(eventType, caller, 'eventType', 'calls')}/${checkName(checkType, caller, 'checkType', 'count_imeis')}/${checkDate(eventDate, caller, 'eventDate')}`;
  return connection.getUrl({ route, responseType: 'text' }).pipe(map((response) => String(expectOk(response, 'qa check outcome').data)));
}
