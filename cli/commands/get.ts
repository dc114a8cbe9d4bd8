/**
 * `flowclient-rx get <id> [--format json|geojson|csv] [--out FILE] [--progress]`: wait until the
 * query is ready (drawing its progress), then print its result.
 * @module
 */
import type { Observable } from 'rxjs';
import {
  getCsvResultByQueryId,
  getGeojsonResultByQueryId,
  getResultByQueryId,
  getStatus,
  watchQuery,
  type Connection,
  type ResultFormat,
  type ResultFormats,
} from '../../src/index.js';
import { openConnection, type ConnectionArgs } from '../connection.js';
import { formatResult, writeOutput, type CommandIo } from '../io.js';
import { awaitResult, settle } from '../wait.js';
import { routeWord } from './route-word.js';

/** Options of the commands that print a query's result (`get`, `run`). */
export interface ResultOptions extends ConnectionArgs {
  /** Result format. */
  readonly format: ResultFormat;
  /** File to write instead of stdout. */
  readonly out?: string | undefined;
  /** Draw progress on stderr: forced on or off, else when stderr is a TTY. */
  readonly progress?: boolean | undefined;
}

/** Whether to draw progress: as forced, else when stderr is a terminal. */
export const showsProgress = (options: ResultOptions, io: CommandIo): boolean => options.progress ?? io.stderr.isTTY === true;

function resultById(connection: Connection, queryId: string, format: ResultFormat): Observable<ResultFormats[ResultFormat]> {
  const args = { connection, queryId };
  switch (format) {
    case 'geojson':
      return getGeojsonResultByQueryId(args);
    case 'csv':
      return getCsvResultByQueryId(args);
    default:
      return getResultByQueryId(args);
  }
}

/** Run `get`. */
export async function getCommand(id: string, options: ResultOptions, io: CommandIo): Promise<void> {
  const queryId = routeWord('query id', id);
  const connection = openConnection(options);
  // One plain poll first: a refused token or an unreachable server fails here at once, where the
  // watch would wait for a new token or ride out the outage.
  await settle(getStatus({ connection, queryId }), io);
  const result = await awaitResult(resultById(connection, queryId, options.format), {
    connection,
    queryId,
    states: watchQuery(connection, queryId),
    label: queryId,
    progress: showsProgress(options, io),
    io,
  });
  await writeOutput(formatResult(options.format, result), options.out, io);
}
