/**
 * The command line of `flowclient-rx`, declared with commander: commands, arguments, options
 * and help. Parsing only; what each command does is handed in as {@link Actions}.
 * @module
 */
import { Command, Option } from 'commander';
import type { ResultFormat } from '../src/index.js';
import type { ConnectionArgs } from './connection.js';
import type { DatesOptions } from './commands/dates.js';
import type { ResultOptions } from './commands/get.js';
import type { GeographyOptions } from './commands/geography.js';

/** Options every command takes. */
export interface GlobalOptions extends ConnectionArgs {
  /** Print the stack of a failure. */
  readonly verbose?: boolean | undefined;
}

/** What each command does, given its parsed arguments. */
export interface Actions {
  run(spec: string, options: ResultOptions): Promise<void>;
  status(queryId: string, options: ConnectionArgs): Promise<void>;
  get(queryId: string, options: ResultOptions): Promise<void>;
  geography(unit: string, options: GeographyOptions): Promise<void>;
  dates(options: DatesOptions): Promise<void>;
  spec(words: readonly string[]): Promise<void>;
}

const FORMATS: readonly ResultFormat[] = ['json', 'geojson', 'csv'];

const EPILOG = `
Exit codes: 0 ok, 1 other failure, 2 bad arguments or spec, 3 token refused (401/422/403),
4 not found, 5 query errored or cancelled, 6 network, 130 interrupted.

Prefer FLOWAPI_TOKEN to --token: arguments are visible to other users of the machine.
For a server with a private CA, set NODE_EXTRA_CA_CERTS=/path/to/ca.pem.

Examples:
  flowclient-rx spec daily_location --date 2016-01-01 --aggregation-unit admin3 --method last > daily.json
  flowclient-rx spec spatial_aggregate --locations "$(cat daily.json)" | flowclient-rx run - --format csv
  flowclient-rx get 0f3c2a... --format geojson --out result.geojson
`;

function resultOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'result format').choices(FORMATS).default('json'))
    .option('-o, --out <file>', 'write the result to this file instead of stdout')
    .option('--progress', 'draw the query progress on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never draw progress');
}

const allOptions = <T>(command: Command): T => command.optsWithGlobals<T & object>();

/**
 * The `flowclient-rx` program. Errors throw `CommanderError` (exit override) and print nothing:
 * the caller reports them as one line.
 */
export function buildProgram(actions: Actions, version: string): Command {
  const program = new Command('flowclient-rx')
    .description("Run queries against FlowKit's FlowAPI, and build query specs.")
    .version(version, '-V, --version')
    .addOption(new Option('--url <url>', 'FlowAPI base URL, e.g. https://flowapi.example.org').env('FLOWAPI_URL'))
    .addOption(new Option('--token <jwt>', 'FlowAPI token (prefer the environment variable)').env('FLOWAPI_TOKEN'))
    .option('-v, --verbose', 'on failure, print the stack too')
    .addHelpText('after', EPILOG)
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => undefined, writeErr: () => undefined });

  resultOptions(program.command('run').description('run a query spec and print its result').argument('<spec>', 'spec JSON file, or - for stdin'))
    .action((spec: string, _options: unknown, command: Command) => actions.run(spec, allOptions<ResultOptions>(command)));

  program
    .command('status')
    .description("print a query's status: queued, executing, completed, errored, cancelled or not_running")
    .argument('<id>', 'query id')
    .action((id: string, _options: unknown, command: Command) => actions.status(id, allOptions<ConnectionArgs>(command)));

  resultOptions(program.command('get').description('wait for a query and print its result').argument('<id>', 'query id'))
    .action((id: string, _options: unknown, command: Command) => actions.get(id, allOptions<ResultOptions>(command)));

  program
    .command('geography')
    .description("print an aggregation unit's regions as GeoJSON")
    .argument('<unit>', 'aggregation unit, e.g. admin3')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action((unit: string, _options: unknown, command: Command) => actions.geography(unit, allOptions<GeographyOptions>(command)));

  program
    .command('dates')
    .description('print the available dates per event type')
    .option('--event-types <types...>', 'only these event types (calls,sms or repeated)')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action((_options: unknown, command: Command) => actions.dates(allOptions<DatesOptions>(command)));

  program
    .command('spec')
    .description('print a query spec from the builders: spec <kind> --param value ... (spec --list, spec <kind> --help)')
    .argument('[kind]', 'query kind or builder name, e.g. daily_location')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action((_kind: unknown, _options: unknown, command: Command) => actions.spec(command.args));

  return program;
}
