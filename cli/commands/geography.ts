/**
 * `flowclient-rx geography <unit> [--out FILE]`: print the unit's regions as GeoJSON.
 * @module
 */
import { getGeography } from '../../src/index.js';
import { openConnection, type ConnectionArgs } from '../connection.js';
import { formatResult, writeOutput, type CommandIo } from '../io.js';
import { settle } from '../wait.js';
import { routeWord } from './route-word.js';

/** Options of `geography`. */
export interface GeographyOptions extends ConnectionArgs {
  /** File to write instead of stdout. */
  readonly out?: string | undefined;
}

/** Run `geography`. */
export async function geographyCommand(unit: string, options: GeographyOptions, io: CommandIo): Promise<void> {
  const connection = openConnection(options);
  const regions = await settle(getGeography({ connection, aggregationUnit: routeWord('aggregation unit', unit) }), io);
  await writeOutput(formatResult('geojson', regions), options.out, io);
}
