/**
 * Bad arguments to the library's functions: connect's options, polling options, query specs that
 * are not one, a missing connection, metadata filters and dates, watchAll's list. Each is refused
 * at the call with a TypeError naming the function and the argument, before anything is sent.
 */
import { connect, type Connection, type ConnectOptions } from '../../../../src/connection.js';
import { getAvailableDates, getAvailableQaChecks, getGeography, getQaCheckOutcome, getQaCheckOutcomes } from '../../../../src/client/metadata.js';
import { getGeojsonResult, getGeojsonResultByQueryId, getResult, getResultByQueryId } from '../../../../src/client/results.js';
import { getStatus } from '../../../../src/client/status.js';
import { APIQuery } from '../../../../src/query/api-query.js';
import { runQuery } from '../../../../src/query/run-query.js';
import { watchAll } from '../../../../src/query/watch-all.js';
import { dailyLocationSpec } from '../../../../src/specs/index.js';
import type { QuerySpec } from '../../../../src/specs/types.js';
import { sendingNothing, type BadInput, type BadInputContext } from './table.js';

const connectWith = (options: Record<string, unknown>) => (t: BadInputContext) => connect({ url: t.server.url, token: t.server.token, ...options } as unknown as ConnectOptions);

/** connect's options. */
export const CONNECT_OPTIONS: readonly BadInput[] = sendingNothing([
  { input: 'connect with retry.count -1', act: connectWith({ retry: { count: -1 } }), error: TypeError, message: 'connect: retry.count must be a non-negative integer (got -1)' },
  { input: "connect with retry.count 'three'", act: connectWith({ retry: { count: 'three' } }), error: TypeError, message: 'connect: retry.count must be a non-negative integer (got "three")' },
  { input: "connect with retry 'yes'", act: connectWith({ retry: 'yes' }), error: TypeError, message: 'connect: retry must be false or an object of count, baseDelayMs, maxDelayMs (got "yes")' },
  { input: 'connect with retry.baseDelayMs -100', act: connectWith({ retry: { baseDelayMs: -100 } }), error: TypeError, message: 'connect: retry.baseDelayMs must be a non-negative number of ms (got -100)' },
  { input: 'connect with retry.maxDelayMs NaN', act: connectWith({ retry: { maxDelayMs: Number.NaN } }), error: TypeError, message: 'connect: retry.maxDelayMs must be a non-negative number of ms (got NaN)' },
  { input: 'connect with an unknown retry option', act: connectWith({ retry: { tries: 3 } }), error: TypeError, message: 'connect: retry has no option "tries"; options are count, baseDelayMs, maxDelayMs' },
  { input: 'connect with onWarning 42', act: connectWith({ onWarning: 42 }), error: TypeError, message: 'connect: onWarning must be a function (got 42)' },
]);

const daily = () => dailyLocationSpec({ date: '2016-01-05', aggregationUnit: 'admin3', method: 'last' });
const query = (t: BadInputContext) => t.conn.makeApiQuery(daily());
const MS = (caller: string, got: string) => `${caller}: pollInterval is in milliseconds and must be at least 100 (got ${got})`;
const NOT_MS = (caller: string, got: string) => `${caller}: pollInterval must be a number of milliseconds (got ${got})`;

/** Polling options of the one-shot calls and of watches. */
export const POLLING_OPTIONS: readonly BadInput[] = sendingNothing([
  { input: 'APIQuery.getResult with pollInterval -1', act: (t) => query(t).getResult({ pollInterval: -1 }), error: TypeError, message: MS('getResult', '-1') },
  { input: "APIQuery.getResult with pollInterval 'fast'", act: (t) => query(t).getResult({ pollInterval: 'fast' as never }), error: TypeError, message: NOT_MS('getResult', '"fast"') },
  { input: 'getResult (free function) with pollInterval -1', act: (t) => getResult({ connection: t.conn, querySpec: daily(), pollInterval: -1 }), error: TypeError, message: MS('getResult', '-1') },
  {
    input: "getGeojsonResult with pollInterval 'fast'",
    act: (t) => getGeojsonResult({ connection: t.conn, querySpec: daily(), pollInterval: 'fast' as never }),
    error: TypeError,
    message: NOT_MS('getGeojsonResult', '"fast"'),
  },
  { input: 'getResultByQueryId with pollInterval -1', act: (t) => getResultByQueryId({ connection: t.conn, queryId: t.completedId, pollInterval: -1 }), error: TypeError, message: MS('getResultByQueryId', '-1') },
  {
    input: "getGeojsonResultByQueryId with pollInterval 'fast'",
    act: (t) => getGeojsonResultByQueryId({ connection: t.conn, queryId: t.completedId, pollInterval: 'fast' as never }),
    error: TypeError,
    message: NOT_MS('getGeojsonResultByQueryId', '"fast"'),
  },
  { input: 'watch with pollInterval 0', act: (t) => query(t).watch({ pollInterval: 0 }), error: TypeError, message: MS('watch', "0; for flowclient's poll_interval=0 s write 0") },
  { input: 'watch with stallAfterMs -5', act: (t) => query(t).watch({ stallAfterMs: -5 }), error: TypeError, message: 'watch: stallAfterMs must be a non-negative number (got -5)' },
  { input: 'watch with transientRetries -1', act: (t) => query(t).watch({ transientRetries: -1 }), error: TypeError, message: 'watch: transientRetries must be a non-negative number (got -1)' },
  { input: 'watch with firstWaitMs -10', act: (t) => query(t).watch({ firstWaitMs: -10 }), error: TypeError, message: 'watch: firstWaitMs must be a non-negative number (got -10)' },
  { input: "watch with waitForNewToken 'yes'", act: (t) => query(t).watch({ waitForNewToken: 'yes' as never }), error: TypeError, message: 'watch: waitForNewToken must be true or false (got "yes")' },
  { input: 'waitUntilReady with pollInterval 1', act: (t) => query(t).waitUntilReady({ pollInterval: 1 }), error: TypeError, message: MS('waitUntilReady', "1; for flowclient's poll_interval=1 s write 1000") },
  { input: 'watchAll with pollInterval 50', act: (t) => watchAll([query(t)], { pollInterval: 50 }), error: TypeError, message: MS('watchAll', "50; for flowclient's poll_interval=50 s write 50000") },
]);

const SPEC_RULE = 'must be a query spec, an object with a query_kind as the spec builders make';

/** Query specs that are not one, and queries without a connection. */
export const NOT_A_SPEC: readonly BadInput[] = sendingNothing([
  { input: 'makeApiQuery(null)', act: (t) => t.conn.makeApiQuery(null as never), error: TypeError, message: `makeApiQuery: spec ${SPEC_RULE} (got null)` },
  { input: "makeApiQuery('spatial_aggregate')", act: (t) => t.conn.makeApiQuery('spatial_aggregate' as never), error: TypeError, message: `makeApiQuery: spec ${SPEC_RULE} (got "spatial_aggregate")` },
  {
    input: 'new APIQuery with a spec that is not an object',
    act: (t) => new APIQuery({ connection: t.conn, parameters: 42 as never }),
    error: TypeError,
    message: `APIQuery: parameters ${SPEC_RULE} (got 42)`,
  },
  {
    input: 'new APIQuery with a spec without query_kind',
    act: (t) => new APIQuery({ connection: t.conn, parameters: { aggregation_unit: 'admin3' } as unknown as QuerySpec }),
    error: TypeError,
    message: `APIQuery: parameters ${SPEC_RULE} (got an object)`,
  },
  {
    input: 'new APIQuery without a connection',
    act: () => new APIQuery({ connection: undefined as unknown as Connection, parameters: daily() }),
    error: TypeError,
    message: 'APIQuery: connection must be a Connection from connect() (got undefined)',
  },
  {
    input: 'new APIQuery with a URL as connection',
    act: (t) => new APIQuery({ connection: t.server.url as unknown as Connection, parameters: daily() }),
    error: TypeError,
    message: (t) => `APIQuery: connection must be a Connection from connect() (got "${t.server.url}")`,
  },
  { input: 'getResult (free function) with querySpec null', act: (t) => getResult({ connection: t.conn, querySpec: null as never }), error: TypeError, message: `getResult: querySpec ${SPEC_RULE} (got null)` },
  { input: "runQuery with 'x' as querySpec", act: (t) => runQuery({ connection: t.conn, querySpec: 'x' as never }), error: TypeError, message: `runQuery: querySpec ${SPEC_RULE} (got "x")` },
]);

const NO_CONNECTION = (caller: string) => `${caller}: connection must be a Connection from connect() (got undefined)`;
const none = undefined as unknown as Connection;

/** Client functions called without a connection. */
export const NO_CONNECTIONS: readonly BadInput[] = sendingNothing([
  { input: 'getAvailableDates without connection', act: () => getAvailableDates({ connection: none }), error: TypeError, message: NO_CONNECTION('getAvailableDates') },
  { input: 'getAvailableQaChecks without connection', act: () => getAvailableQaChecks({ connection: none }), error: TypeError, message: NO_CONNECTION('getAvailableQaChecks') },
  { input: 'getGeography without connection', act: () => getGeography({ connection: none, aggregationUnit: 'admin3' }), error: TypeError, message: NO_CONNECTION('getGeography') },
  {
    input: 'getQaCheckOutcome without connection',
    act: () => getQaCheckOutcome({ connection: none, eventType: 'calls', checkType: 'count_imeis', eventDate: '2016-01-01' }),
    error: TypeError,
    message: NO_CONNECTION('getQaCheckOutcome'),
  },
  { input: 'getStatus without connection', act: (t) => getStatus({ connection: none, queryId: t.completedId }), error: TypeError, message: NO_CONNECTION('getStatus') },
  { input: 'getResultByQueryId without connection', act: (t) => getResultByQueryId({ connection: none, queryId: t.completedId }), error: TypeError, message: NO_CONNECTION('getResultByQueryId') },
  { input: 'getResult (free function) without connection', act: () => getResult({ connection: none, querySpec: daily() }), error: TypeError, message: NO_CONNECTION('getResult') },
  { input: 'runQuery without connection', act: () => runQuery({ connection: none, querySpec: daily() }), error: TypeError, message: NO_CONNECTION('runQuery') },
]);

const qaOutcome = (options: Record<string, unknown>) => (t: BadInputContext) =>
  getQaCheckOutcome({ connection: t.conn, eventType: 'calls', checkType: 'count_imeis', eventDate: '2016-01-01', ...options } as never);
const qaOutcomes = (options: Record<string, unknown>) => (t: BadInputContext) =>
  getQaCheckOutcomes({ connection: t.conn, eventType: 'calls', checkType: 'count_imeis', startDate: '2016-01-01', endDate: '2016-01-03', ...options } as never);
const DATE_RULE = 'must be a date as YYYY-MM-DD or a valid Date';

/** Metadata filters, names and dates. */
export const METADATA_ARGUMENTS: readonly BadInput[] = sendingNothing([
  {
    input: "getAvailableDates with eventTypes 'calls' (not a list)",
    act: (t) => getAvailableDates({ connection: t.conn, eventTypes: 'calls' as never }),
    error: TypeError,
    message: 'getAvailableDates: eventTypes must be a list of event type names (e.g. ["calls"]) or null (got "calls")',
  },
  {
    input: 'getAvailableQaChecks with eventTypes [42]',
    act: (t) => getAvailableQaChecks({ connection: t.conn, eventTypes: [42] as never }),
    error: TypeError,
    message: 'getAvailableQaChecks: eventTypes must be a list of event type names (e.g. ["calls"]) or null (got a list)',
  },
  { input: "getQaCheckOutcome with eventDate 'nope'", act: qaOutcome({ eventDate: 'nope' }), error: TypeError, message: `getQaCheckOutcome: eventDate ${DATE_RULE} (got "nope")` },
  { input: 'getQaCheckOutcome with an invalid Date', act: qaOutcome({ eventDate: new Date('nope') }), error: TypeError, message: `getQaCheckOutcome: eventDate ${DATE_RULE} (got an invalid Date)` },
  {
    input: "getQaCheckOutcome with eventType '../run'",
    act: qaOutcome({ eventType: '../run' }),
    error: TypeError,
    message: 'getQaCheckOutcome: eventType must be a name of letters, digits, "_" and "-", e.g. "calls" (got "../run")',
  },
  {
    input: 'getQaCheckOutcome with checkType 42',
    act: qaOutcome({ checkType: 42 }),
    error: TypeError,
    message: 'getQaCheckOutcome: checkType must be a name of letters, digits, "_" and "-", e.g. "count_imeis" (got 42)',
  },
  { input: "getQaCheckOutcomes with startDate '2016-13-01'", act: qaOutcomes({ startDate: '2016-13-01' }), error: TypeError, message: `getQaCheckOutcomes: startDate ${DATE_RULE} (got "2016-13-01")` },
  { input: 'getQaCheckOutcomes with endDate undefined', act: qaOutcomes({ endDate: undefined }), error: TypeError, message: `getQaCheckOutcomes: endDate ${DATE_RULE} (got undefined)` },
  {
    input: 'getQaCheckOutcomes with endDate before startDate',
    act: qaOutcomes({ startDate: '2016-01-03', endDate: new Date('2016-01-01') }),
    error: TypeError,
    message: 'getQaCheckOutcomes: endDate must not be before startDate (got startDate 2016-01-03, endDate 2016-01-01)',
  },
]);

/** watchAll's list. */
export const WATCH_ALL_ARGUMENTS: readonly BadInput[] = sendingNothing([
  { input: 'watchAll([null])', act: () => watchAll([null as never]), error: TypeError, message: 'watchAll: queries[0] must be an APIQuery or an Observable<WatchState> (got null)' },
  {
    input: 'watchAll with a string in second place',
    act: (t) => watchAll([query(t), 'abc' as never]),
    error: TypeError,
    message: 'watchAll: queries[1] must be an APIQuery or an Observable<WatchState> (got "abc")',
  },
  { input: 'watchAll with a single query, not a list', act: (t) => watchAll(query(t) as never), error: TypeError, message: 'watchAll: queries must be a list of APIQuery or Observable<WatchState> (got an object)' },
]);
