/**
 * `flowclient-rx dates [--event-types calls,sms] [--out FILE]`: print the available dates per
 * event type as JSON.
 * @module
 */
import { EVENT_TYPES, getAvailableDates } from '../../src/index.js';
import { openConnection, type ConnectionArgs } from '../connection.js';
import { UsageError } from '../errors.js';
import { formatValue, writeOutput, type CommandIo } from '../io.js';
import { settle } from '../wait.js';

/** Options of `dates`. */
export interface DatesOptions extends ConnectionArgs {
  /** Event types, each word possibly a comma-separated list. @defaultValue all */
  readonly eventTypes?: readonly string[] | undefined;
  /** File to write instead of stdout. */
  readonly out?: string | undefined;
}

/** The event types of `--event-types` words (`calls,sms` or repeated), checked. @throws {@link UsageError} for an unknown one. */
export function parseEventTypes(words: readonly string[] | undefined): string[] | null {
  if (words === undefined) return null;
  const types = words.flatMap((w) => w.split(',')).map((t) => t.trim()).filter((t) => t !== '');
  const unknown = types.find((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined) throw new UsageError(`unknown event type '${unknown}'; expected ${EVENT_TYPES.join(', ')}`);
  if (types.length === 0) throw new UsageError(`--event-types needs at least one of ${EVENT_TYPES.join(', ')}`);
  return [...new Set(types)];
}

/** Run `dates`. */
export async function datesCommand(options: DatesOptions, io: CommandIo): Promise<void> {
  const eventTypes = parseEventTypes(options.eventTypes);
  const connection = openConnection(options);
  const dates = await settle(getAvailableDates({ connection, eventTypes }), io);
  await writeOutput(formatValue(dates), options.out, io);
}
