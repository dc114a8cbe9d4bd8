/**
 * `flowclient-rx`: the command line of the library. Parses the arguments, runs one command,
 * and ends with its exit code; a failure is one line on stderr (the stack only with --verbose),
 * and the token is never printed.
 *
 *   flowclient-rx run <spec.json | -> [--format json|geojson|csv] [--out FILE] [--progress]
 *   flowclient-rx status <id> | get <id> | geography <unit> | dates [--event-types calls,sms]
 *   flowclient-rx spec <kind> --param value ...
 * @module
 */
import { CommanderError } from 'commander';
import { buildProgram, type Actions } from './args.js';
import { datesCommand } from './commands/dates.js';
import { geographyCommand } from './commands/geography.js';
import { getCommand } from './commands/get.js';
import { runCommand } from './commands/run.js';
import { specCommand } from './commands/spec.js';
import { statusCommand } from './commands/status.js';
import { InterruptedError, reportFailure } from './errors.js';
import { EXIT } from './exit-codes.js';
import type { CommandIo } from './io.js';

/** Replaced by the build (scripts/build-cli.mjs) with the package version. */
declare const __FLOWCLIENT_RX_VERSION__: string | undefined;
const VERSION = typeof __FLOWCLIENT_RX_VERSION__ === 'string' ? __FLOWCLIENT_RX_VERSION__ : 'development';

/** How long an interrupted command may take to stop drawing before the process exits anyway, ms. */
const STOP_GRACE_MS = 500;

/** Values of `--token` and `FLOWAPI_TOKEN`, wherever they sit in the arguments. */
function secretsOf(argv: readonly string[]): string[] {
  const secrets = [process.env['FLOWAPI_TOKEN'] ?? ''];
  argv.forEach((arg, i) => {
    if (arg === '--token') secrets.push(argv[i + 1] ?? '');
    else if (arg.startsWith('--token=')) secrets.push(arg.slice('--token='.length));
  });
  return secrets.map((s) => s.trim()).filter((s) => s !== '');
}

async function main(argv: readonly string[]): Promise<void> {
  const controller = new AbortController();
  const io: CommandIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, signal: controller.signal };
  const verbose = argv.some((arg) => arg === '--verbose' || arg === '-v');
  let finished = false;
  /** Exit once: 0, or with the failure's code after its line is written. */
  const finish = (error: unknown): void => {
    if (finished) return;
    finished = true;
    if (error === undefined || (error instanceof CommanderError && error.exitCode === 0)) process.exit(EXIT.ok);
    const { exitCode, text } = reportFailure(error, { verbose, secrets: secretsOf(argv) });
    process.stderr.write(text, () => process.exit(exitCode));
  };
  const interrupt = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted); // a second Ctrl-C: no waiting
    controller.abort(signal);
    setTimeout(() => finish(new InterruptedError(signal)), STOP_GRACE_MS).unref();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  // `flowclient-rx get … | head`: the reader has gone, there is nothing left to do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(EXIT.ok) : finish(error)));

  const actions: Actions = {
    run: (spec, options) => runCommand(spec, options, io),
    status: (id, options) => statusCommand(id, options, io),
    get: (id, options) => getCommand(id, options, io),
    geography: (unit, options) => geographyCommand(unit, options, io),
    dates: (options) => datesCommand(options, io),
    spec: (words) => specCommand(words, io),
  };
  try {
    await buildProgram(actions, VERSION).parseAsync([...argv], { from: 'user' });
    finish(undefined);
  } catch (error) {
    finish(error);
  }
}

void main(process.argv.slice(2));
