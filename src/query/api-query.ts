/**
 * `APIQuery`: a query spec bound to a connection, as flowclient's `APIQuery`, with every
 * operation a cold observable and the query's life as one stream of states.
 * @module
 */
import { catchError, defer, of, switchMap, tap, throwError, type Observable } from 'rxjs';
import type { Connection } from '../connection.js';
import { NotFoundError } from '../errors.js';
import type { QuerySpec } from '../specs/types.js';
import type { GeoPropertiesOf, RowOf } from '../specs/rows.js';
import { getStatus, waitForQueryToBeReady } from '../client/status.js';
import {
  getCsvResultByQueryId,
  getGeojsonResultByQueryId,
  getResultByQueryId,
  type FeatureCollection,
} from '../client/results.js';
import type { QueryStatus } from './poll-outcome.js';
import { checkWatchOptions, watchQuery, type WatchOptions } from './shared-watch.js';
import type { CompletedState, WatchState } from './watch-state.js';
import { runOnce } from './run-once.js';
import { checkConnection, checkQuerySpec } from '../client/arguments.js';
import { MAX_RERUNS, isForgotten, watchAcrossForgetting } from './forgotten.js';

/** Options of the {@link APIQuery} constructor. */
export interface APIQueryOptions<S extends QuerySpec> {
  /** The connection to run on. */
  readonly connection: Connection;
  /** The query spec. */
  readonly parameters: S;
}

/** The constructor's options, checked: a TypeError naming `connection` or `parameters`. */
function checkApiQueryOptions<S extends QuerySpec>(options: APIQueryOptions<S>): APIQueryOptions<S> {
  if (typeof options !== 'object' || options === null) throw new TypeError('APIQuery: options { connection, parameters } required');
  checkConnection(options.connection, 'APIQuery');
  checkQuerySpec(options.parameters, 'APIQuery', 'parameters');
  return options;
}

/**
 * Result formats and what each gives for a query of spec `S`: rows typed by the spec's kind
 * (see {@link RowOf}: `{ pcod: string; value: number }` for a spatial aggregate at an admin
 * unit...), features whose `properties` are typed likewise (see {@link GeoPropertiesOf}). A spec
 * typed as the whole `QuerySpec` union gives `Record<string, unknown>` rows.
 */
export interface ResultFormats<S extends QuerySpec = QuerySpec> {
  /** Rows as objects (flowclient's `pandas` format). */
  json: RowOf<S>[];
  /** A GeoJSON FeatureCollection. */
  geojson: FeatureCollection<GeoPropertiesOf<S>>;
  /** CSV text (FlowAPI 1.18+). */
  csv: string;
}

/** A result format. */
export type ResultFormat = keyof ResultFormats;

/** Options of {@link APIQuery.getResult}. */
export interface GetResultOptions<F extends ResultFormat> extends WatchOptions {
  /** `json` (rows), `geojson` or `csv`. @defaultValue 'json' */
  readonly format?: F;
}

/** The result formats {@link APIQuery.getResult} takes. */
export const RESULT_FORMATS: readonly ResultFormat[] = ['json', 'geojson', 'csv'];

/** A query spec bound to a connection. Nothing is sent until one of its observables is subscribed. */
export class APIQuery<S extends QuerySpec = QuerySpec> {
  /** A copy of the spec this query runs. */
  declare readonly parameters: S;
  readonly #connection: Connection;
  #queryId: string | undefined;

  /** @throws TypeError naming `connection` or `parameters` (not a query spec); nothing is sent. */
  constructor(options: APIQueryOptions<S>) {
    const { connection, parameters } = checkApiQueryOptions(options);
    this.#connection = connection;
    this.parameters = { ...parameters };
  }

  /**
   * The connection it runs on. Read-only, as flowclient's property: a getter without a setter,
   * so assigning to it throws a TypeError (modules are strict mode) and the query keeps its connection.
   */
  get connection(): Connection {
    return this.#connection;
  }

  /** The server's id for this query once run, else `undefined`. */
  get queryId(): string | undefined {
    return this.#queryId;
  }

  /**
   * Run the query: a cold observable of its id, which is also kept as {@link queryId}.
   * Single-flight (see `runOnce`): every subscriber that starts this spec on this connection
   * while a run is in flight — through `run`, `watch`, `getResult`, another `APIQuery` of the
   * same spec — shares its one `POST run`. A failed run is not remembered: the next one posts again.
   */
  run(): Observable<string> {
    return runOnce({ connection: this.connection, querySpec: this.parameters }).pipe(tap((id) => (this.#queryId = id)));
  }

  /** One status reading: `not_running` if never run, else the server's (see `getStatus`). */
  status(): Observable<QueryStatus> {
    return defer(() => (this.#queryId === undefined ? of<QueryStatus>('not_running') : getStatus({ connection: this.connection, queryId: this.#queryId })));
  }

  /**
   * Wait until the result is ready: emits the completed state once.
   * Fails with {@link NotFoundError} "Query is not running." if never run.
   */
  waitUntilReady(options: WatchOptions = {}): Observable<CompletedState> {
    checkWatchOptions(options, 'waitUntilReady');
    return defer(() =>
      this.#queryId === undefined
        ? throwError(() => new NotFoundError('Query is not running.'))
        : waitForQueryToBeReady({ connection: this.connection, queryId: this.#queryId, ...options }),
    );
  }

  /**
   * The query's life as one stream of states (queued/executing with progress, then completed,
   * errored, cancelled or not_running), completing after the final one. Runs the query first if
   * it has no id. Shared: every watcher of the same query on the same connection shares one poll loop.
   *
   * When the server forgets the query mid-watch (FlowMachine restarted: a poll answers 404, or
   * FlowAPI 1.18's 500 HTML page), the spec is run again (see {@link run}) and the states go on
   * from the new run; the `not_running` state of the forgetting is not emitted then. At most
   * twice per `watch()` subscription: the third time ends the stream as without re-runs (with
   * `not_running`, or the 500's `FlowclientConnectionError`). An errored query (JSON 500
   * `status: errored`) is not run again.
   */
  watch(options: WatchOptions = {}): Observable<WatchState> {
    checkWatchOptions(options, 'watch');
    const follow = (id: string) => watchAcrossForgetting(id, (ran) => watchQuery(this.connection, ran, options), () => this.run());
    return defer(() => {
      const id = this.#queryId;
      return id === undefined ? this.run().pipe(switchMap(follow)) : follow(id); // no operator chain of its own between polls: cheap to watch thousands
    });
  }

  /**
   * The result, once: rows (`json`), a FeatureCollection (`geojson`) or CSV text (`csv`). Runs
   * the query first when it has no id, or again when the server no longer knows it (single-flight,
   * see {@link run}): a 404 or a 500 HTML page (FlowAPI 1.18) to its poll or download, or a
   * `not_running` state, at most twice per call; then that error. Downloaded once per (query id, format) on the connection: concurrent calls
   * share the download, later ones are answered from `connection.resultCache` while it holds it.
   * @throws TypeError for an unknown format, before anything is sent.
   */
  getResult<F extends ResultFormat = 'json'>(options: GetResultOptions<F> = {}): Observable<ResultFormats<S>[F]> {
    const { format = 'json' as F, ...watch } = options;
    checkWatchOptions(watch, 'getResult');
    if (!RESULT_FORMATS.includes(format)) {
      throw new TypeError(`Invalid format: '${String(format)}'. Expected one of 'json', 'geojson', 'csv'.`);
    }
    const fetch = (queryId: string): Observable<ResultFormats<S>[F]> => {
      const args = { connection: this.connection, queryId, ...watch };
      const byFormat: { [K in ResultFormat]: () => Observable<ResultFormats[K]> } = {
        json: () => getResultByQueryId(args),
        geojson: () => getGeojsonResultByQueryId(args),
        csv: () => getCsvResultByQueryId(args),
      };
      return byFormat[format]() as Observable<unknown> as Observable<ResultFormats<S>[F]>; // rows as the server sent them, typed by the spec's kind
    };
    const fetchRerunning = (left: number) => (queryId: string): Observable<ResultFormats<S>[F]> =>
      fetch(queryId).pipe(
        catchError((error: unknown) => (isForgotten(error) && left > 0 ? this.run().pipe(switchMap(fetchRerunning(left - 1))) : throwError(() => error))),
      );
    return defer(() => (this.#queryId === undefined ? this.run().pipe(switchMap(fetchRerunning(MAX_RERUNS))) : fetchRerunning(MAX_RERUNS)(this.#queryId)));
  }

  /** `<APIQuery connection=<user@url vN>, parameters=<spec>>`. */
  toString(): string {
    return `<APIQuery connection=${this.connection.toString()}, parameters=${JSON.stringify(this.parameters)}>`;
  }
}

