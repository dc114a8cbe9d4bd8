/**
 * `flowclient-rx status <id>`: print the query's status (`queued`, `executing`, `completed`,
 * `errored`, `cancelled`, or `not_running` when the server does not know it), exit 0.
 * @module
 */
import { getStatus } from '../../src/index.js';
import { openConnection, type ConnectionArgs } from '../connection.js';
import { writeOutput, type CommandIo } from '../io.js';
import { settle } from '../wait.js';
import { routeWord } from './route-word.js';

/** Run `status`. */
export async function statusCommand(queryId: string, options: ConnectionArgs, io: CommandIo): Promise<void> {
  const connection = openConnection(options);
  const status = await settle(getStatus({ connection, queryId: routeWord('query id', queryId) }), io);
  await writeOutput(`${status}\n`, undefined, io);
}
