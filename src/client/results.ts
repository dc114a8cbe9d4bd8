/**
 * flowclient's result functions as cold observables: rows (`getJsonRows`, `getResult`...),
 * GeoJSON and CSV. A truncated or malformed body fails with {@link ResultDecodeError}; partial
 * rows are never passed off as a result. Every result is downloaded through the connection's
 * {@link ResultCache}: once per (query id, format) while it is held, however many ask.
 * Each function checks its arguments at the call (a TypeError naming itself and the argument:
 * `connection`, `queryId`, `querySpec`, a polling option), before anything is sent.
 * @module
 */
import { map, switchMap, type Observable } from 'rxjs';
import type { Connection } from '../connection.js';
import { FlowclientConnectionError, ResultDecodeError } from '../errors.js';
import { bodyField } from '../http/error-mapping.js';
import { runOnce } from '../query/run-once.js';
import type { FlowResponse } from '../http/response.js';
import type { QuerySpec } from '../specs/types.js';
import type { GeoPropertiesOf, RowOf } from '../specs/rows.js';
import type { ResultCache } from './result-cache.js';
import { resultRouteWhenReady, type WaitOptions } from './status.js';
import { checkConnection, checkRunArguments } from './arguments.js';

/** One row of a result: column name → value. */
export type ResultRow = Record<string, unknown>;

/**
 * A GeoJSON Feature; `P` is the type of its `properties` (see `GeoPropertiesOf` for a typed
 * query's, e.g. `APIQuery.getResult({ format: 'geojson' })` of a wrapper's query).
 */
export interface Feature<P = Record<string, unknown> | null> {
  readonly type: 'Feature';
  readonly geometry: unknown;
  readonly properties: P;
  readonly id?: string | number;
}

/** A GeoJSON FeatureCollection, as FlowAPI sends for `.geojson` results and geography; `P` is its features' `properties`. */
export interface FeatureCollection<P = Record<string, unknown> | null> {
  readonly type: 'FeatureCollection';
  readonly features: readonly Feature<P>[];
}

/** Options of {@link getJsonRows}. */
export interface LocationOptions {
  /** The connection. */
  readonly connection: Connection;
  /** The result's route, e.g. `get/<id>` (from {@link getResultLocationFromIdWhenReady}). */
  readonly location: string;
}

/** Options of the `get*Result` functions. */
export interface QuerySpecOptions<S extends QuerySpec = QuerySpec> extends Omit<WaitOptions, 'queryId'> {
  /** The query spec to run; its kind types the result (see `RowOf`). */
  readonly querySpec: S;
}

/** "Could not get result. API returned with status code: <code>.[ Reason: <msg>]" unless 200. */
export function expectOk(response: FlowResponse, what = 'result'): FlowResponse {
  if (response.status === 200) return response;
  const msg = bodyField(response.data, 'msg');
  throw new FlowclientConnectionError(
    `Could not get ${what}. API returned with status code: ${response.status}.${msg === undefined ? '' : ` Reason: ${msg}`}`,
    { status: response.status, serverMessage: msg },
  );
}

/**
 * A result body as JSON: the parsed value, or the text itself when it is not valid JSON (a
 * truncated or malformed body), which the decoders then report as such.
 */
function parsedBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function rowsOf(body: unknown, location: string): ResultRow[] {
  const rows = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['query_result'] : undefined;
  if (!Array.isArray(rows)) throw undecodable(location, body);
  return rows as ResultRow[];
}

/** What keeps a parsed body from being a GeoJSON FeatureCollection, or `undefined` when it is one. */
function notAFeatureCollection(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `not a JSON object (${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body})`;
  const { type, features } = body as Record<string, unknown>;
  if (!Array.isArray(features)) return 'no `features` array';
  if (type !== 'FeatureCollection') return `its \`type\` is ${JSON.stringify(type) ?? 'missing'}, not "FeatureCollection"`;
  return undefined;
}

/** The body itself, unchanged, when it is a FeatureCollection (as flowclient returns what the server sent); else a {@link ResultDecodeError} saying what was wrong. */
function featureCollectionOf(body: unknown, location: string): FeatureCollection {
  if (typeof body === 'string') throw undecodable(location, body);
  const wrong = notAFeatureCollection(body);
  if (wrong !== undefined) throw new ResultDecodeError(`The result at ${location} is not a GeoJSON FeatureCollection: ${wrong}.`, { status: 200, route: location });
  return body as FeatureCollection;
}

/**
 * The FeatureCollection of a 200 reply, the parsed body itself (nothing dropped or added), or a
 * {@link ResultDecodeError}: "… is not valid JSON (truncated or malformed).", or "… is not a GeoJSON
 * FeatureCollection: no `features` array." (not an object, or a `type` other than `FeatureCollection`).
 */
export function decodeFeatureCollection(response: FlowResponse, location: string): FeatureCollection {
  return featureCollectionOf(response.data, location);
}

function undecodable(location: string, body: unknown): ResultDecodeError {
  const kind = typeof body === 'string' ? 'is not valid JSON (truncated or malformed)' : 'has no result in it';
  return new ResultDecodeError(`The result at ${location} ${kind}.`, { status: 200, route: location });
}

/**
 * GET a ready result's route as text and decode it, through the connection's result cache: one
 * download per route while it is in flight or held. Its size is the body's length.
 */
function download<T>(connection: Connection, route: string, decode: (text: string) => T): Observable<T> {
  const cache: ResultCache = connection.resultCache;
  return cache.load(
    route,
    connection.getUrl({ route, responseType: 'text' }).pipe(
      map((response) => {
        const text = String(expectOk(response).data);
        return { value: decode(text), bytes: text.length };
      }),
    ),
  );
}

/** The rows of a ready result (flowclient's `get_json_dataframe`, as plain objects). Cached per connection. */
export function getJsonRows({ connection, location }: LocationOptions): Observable<ResultRow[]> {
  checkConnection(connection, 'getJsonRows');
  return download(connection, location, (text) => rowsOf(parsedBody(text), location));
}

/** Wait for a query by id, then its rows. */
export function getResultByQueryId({ connection, queryId, ...wait }: WaitOptions): Observable<ResultRow[]> {
  return resultRouteWhenReady('getResultByQueryId', { connection, queryId, ...wait }).pipe(
    switchMap((location) => getJsonRows({ connection, location })),
  );
}

/** Wait for a query by id, then its result as GeoJSON (`<location>.geojson`). */
export function getGeojsonResultByQueryId({ connection, queryId, ...wait }: WaitOptions): Observable<FeatureCollection> {
  return resultRouteWhenReady('getGeojsonResultByQueryId', { connection, queryId, ...wait }).pipe(
    switchMap((location) =>
      download(connection, `${location}.geojson`, (text) => featureCollectionOf(parsedBody(text), `get/${queryId}.geojson`)),
    ),
  );
}

/** Wait for a query by id, then its result as CSV text (`<location>.csv`, FlowAPI 1.18+). */
export function getCsvResultByQueryId({ connection, queryId, ...wait }: WaitOptions): Observable<string> {
  return resultRouteWhenReady('getCsvResultByQueryId', { connection, queryId, ...wait }).pipe(
    switchMap((location) => download(connection, `${location}.csv`, (text) => text)),
  );
}

/**
 * Run a query (single-flight, see `runOnce`), wait, and give its rows (flowclient's `get_result`),
 * typed by the spec's kind (see `RowOf`; `Record<string, unknown>` for a spec typed as `QuerySpec`).
 */
export function getResult<S extends QuerySpec>({ connection, querySpec, ...wait }: QuerySpecOptions<S>): Observable<RowOf<S>[]> {
  checkRunArguments({ connection, querySpec, ...wait }, 'getResult');
  const rows = runOnce({ connection, querySpec }).pipe(switchMap((queryId) => getResultByQueryId({ connection, queryId, ...wait })));
  return rows as Observable<unknown> as Observable<RowOf<S>[]>; // the server's rows, typed by the spec's kind
}

/**
 * Run a query (single-flight, see `runOnce`), wait, and give its result as GeoJSON (flowclient's
 * `get_geojson_result`), the features' `properties` typed by the spec's kind (see `GeoPropertiesOf`).
 */
export function getGeojsonResult<S extends QuerySpec>({ connection, querySpec, ...wait }: QuerySpecOptions<S>): Observable<FeatureCollection<GeoPropertiesOf<S>>> {
  checkRunArguments({ connection, querySpec, ...wait }, 'getGeojsonResult');
  const collection = runOnce({ connection, querySpec }).pipe(switchMap((queryId) => getGeojsonResultByQueryId({ connection, queryId, ...wait })));
  return collection as Observable<unknown> as Observable<FeatureCollection<GeoPropertiesOf<S>>>; // the server's features, typed by the spec's kind
}

/** Run a query (single-flight, see `runOnce`), wait, and give its result as CSV text. */
export function getCsvResult({ connection, querySpec, ...wait }: QuerySpecOptions): Observable<string> {
  checkRunArguments({ connection, querySpec, ...wait }, 'getCsvResult');
  return runOnce({ connection, querySpec }).pipe(switchMap((queryId) => getCsvResultByQueryId({ connection, queryId, ...wait })));
}

