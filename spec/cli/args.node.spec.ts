/**
 * The command line as commander parses it (in-process): what each command receives, options
 * from flags or the environment, global options anywhere, and argument errors as one line and
 * exit code 2.
 */
import { CommanderError } from 'commander';
import { buildProgram, type Actions } from '../../cli/args.js';
import { classify } from '../../cli/errors.js';
import { EXIT } from '../../cli/exit-codes.js';

type Call = [command: keyof Actions, ...args: unknown[]];

/** Parse `argv` with actions that only record what they were given. */
async function parse(argv: readonly string[]): Promise<Call[]> {
  const calls: Call[] = [];
  const record =
    (command: keyof Actions) =>
    async (...args: unknown[]): Promise<void> => {
      calls.push([command, ...args]);
    };
  const actions: Actions = {
    run: record('run'),
    status: record('status'),
    get: record('get'),
    geography: record('geography'),
    dates: record('dates'),
    spec: record('spec'),
  };
  await buildProgram(actions, '0.0.0-test').parseAsync([...argv], { from: 'user' });
  return calls;
}

/** The argument error of `argv`, as the command would report it. */
async function failureOf(argv: readonly string[]): Promise<{ code: string; exitCode: number; message: string }> {
  try {
    await parse(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const { exitCode, message } = classify(error);
    return { code: error.code, exitCode, message };
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

describe('flowclient-rx CLI · arguments', () => {
  const saved = { url: process.env['FLOWAPI_URL'], token: process.env['FLOWAPI_TOKEN'] };
  beforeEach(() => {
    delete process.env['FLOWAPI_URL'];
    delete process.env['FLOWAPI_TOKEN'];
  });
  afterAll(() => {
    for (const [key, value] of [['FLOWAPI_URL', saved.url], ['FLOWAPI_TOKEN', saved.token]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('gives run its spec, format json and progress unset by default, URL and token from the environment', async () => {
    process.env['FLOWAPI_URL'] = 'https://flowapi.example.org';
    process.env['FLOWAPI_TOKEN'] = 'from-env';
    expect(await parse(['run', 'spec.json'])).toEqual([
      ['run', 'spec.json', { format: 'json', url: 'https://flowapi.example.org', token: 'from-env' }],
    ]);
  });

  it('takes global options after the command too, and flags over the environment', async () => {
    process.env['FLOWAPI_TOKEN'] = 'from-env';
    expect(await parse(['get', 'abc', '-f', 'csv', '-o', 'out.csv', '--url', 'http://h:1', '--token', 'from-flag', '--no-progress', '-v'])).toEqual([
      ['get', 'abc', { format: 'csv', out: 'out.csv', url: 'http://h:1', token: 'from-flag', progress: false, verbose: true }],
    ]);
    expect(await parse(['get', 'abc', '--progress'])).toEqual([['get', 'abc', jasmine.objectContaining({ progress: true })]]);
  });

  it('collects --event-types given as a list or repeated', async () => {
    expect(await parse(['dates', '--event-types', 'calls,sms', '--event-types', 'topups'])).toEqual([['dates', { eventTypes: ['calls,sms', 'topups'] }]]);
    expect(await parse(['dates', '--event-types', 'calls', 'sms'])).toEqual([['dates', { eventTypes: ['calls', 'sms'] }]]);
  });

  it('hands spec every word after it, --help included, and keeps the global options', async () => {
    const words = ['daily_location', '--date', '2016-01-01', '--aggregation-unit=admin3', '--help'];
    expect(await parse(['spec', ...words, '--verbose'])).toEqual([['spec', words]]);
  });

  const errors: Array<[string, string[], string, RegExp]> = [
    ['no command', [], 'commander.help', /^missing command; see flowclient-rx --help$/],
    ['an unknown command', ['stat'], 'commander.unknownCommand', /^unknown command 'stat'\n\(Did you mean status\?\)$/],
    ['an unknown option', ['get', 'x', '--formt', 'csv'], 'commander.unknownOption', /^unknown option '--formt'\n\(Did you mean --format\?\)$/],
    ['an unknown format', ['run', 'x', '--format', 'xml'], 'commander.invalidArgument', /argument 'xml' is invalid\. Allowed choices are json, geojson, csv\.$/],
    ['a missing argument', ['status'], 'commander.missingArgument', /^missing required argument 'id'$/],
    ['an extra argument', ['status', 'a', 'b'], 'commander.excessArguments', /^too many arguments for 'status'/],
    ['an option without its value', ['geography', 'admin3', '--out'], 'commander.optionMissingArgument', /^option '-o, --out <file>' argument missing$/],
  ];
  for (const [what, argv, code, message] of errors) {
    it(`refuses ${what} with exit code 2`, async () => {
      const failure = await failureOf(argv);
      expect(failure).toEqual({ code, exitCode: EXIT.usage, message: jasmine.stringMatching(message) });
    });
  }
});
