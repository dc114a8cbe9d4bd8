/**
 * From a failure to an exit code and one line (in-process): every error class of the library,
 * the command line's own, commander's; redaction of tokens; FlowAPI's 400 text read into one line.
 */
import { CommanderError } from 'commander';
import {
  AuthenticationError,
  FlowclientConnectionError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  QueryFailedError,
  QuerySpecError,
  ResultDecodeError,
} from '../../src/index.js';
import { CliError, InterruptedError, UsageError, classify, redact, reportFailure } from '../../cli/errors.js';
import { EXIT, type ExitCode } from '../../cli/exit-codes.js';
import { describeServerMessage } from '../../cli/server-message.js';

const FLOWAPI_400 =
  'Parameter validation failed.\n\nThe action parameters were:\n   {\n     "query_kind": "spatial_aggregate"\n   }.\n\n' +
  'Validation error messages:\n   {\n     "locations": {\n       "date": [\n         "Missing data for required field."\n       ],\n' +
  '       "method": [\n         "Missing data for required field."\n       ]\n     }\n   }.\n\n';

describe('flowclient-rx CLI · failure report', () => {
  const table: Array<[string, unknown, ExitCode, RegExp]> = [
    ['UsageError', new UsageError('no token'), EXIT.usage, /^no token$/],
    ['CliError with its code', new CliError(EXIT.failure, 'cannot write x'), EXIT.failure, /^cannot write x$/],
    ['InterruptedError', new InterruptedError('SIGTERM'), EXIT.interrupted, /^interrupted \(SIGTERM\)$/],
    ['a commander error', new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"), EXIT.usage, /^unknown option '--x'$/],
    ['commander help shown', new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), EXIT.ok, /./],
    ['QuerySpecError', new QuerySpecError('dailyLocationSpec', 'date', 'x', 'a date'), EXIT.usage, /^invalid spec: dailyLocationSpec: invalid date "x"/],
    ['a 400 from run', new FlowclientConnectionError('Something went wrong…', { status: 400, route: 'run', serverMessage: FLOWAPI_400 }), EXIT.usage,
      /^FlowAPI rejected the spec: Parameter validation failed: locations\.date: Missing data for required field\.; locations\.method: /],
    ['a 400 elsewhere', new FlowclientConnectionError('Something went wrong', { status: 400, route: 'qa/x', serverMessage: 'Bad date' }), EXIT.usage,
      /^FlowAPI rejected the request: Bad date$/],
    ['AuthenticationError', new AuthenticationError('Token has expired', { status: 401 }), EXIT.auth, /^authentication failed \(401\): Token has expired$/],
    ['PermissionDeniedError', new PermissionDeniedError('User claims verification failed', { status: 403 }), EXIT.auth, /^permission denied \(403\): /],
    ['NotFoundError', new NotFoundError('Query is not running.', { status: 404, route: 'poll/abc' }), EXIT.notFound, /^not found: Query is not running\. \(poll\/abc\)$/],
    ['QueryFailedError', new QueryFailedError("Query with id 'abc' was cancelled: x"), EXIT.queryFailed, /^query failed: Query with id 'abc' was cancelled/],
    ['NetworkError', new NetworkError('Unable to connect to FlowKit API at http://h: ECONNRESET'), EXIT.network, /^network error: Unable to connect/],
    ['ResultDecodeError', new ResultDecodeError('The result at get/abc is not valid JSON (truncated or malformed).'), EXIT.failure, /^The result at get\/abc/],
    ['a 500', new FlowclientConnectionError('Something went wrong: Unknown error. API returned with status code: 500', { status: 500 }), EXIT.failure, /status code: 500$/],
    ['anything else', new RangeError('boom'), EXIT.failure, /^unexpected error: RangeError: boom$/],
  ];
  for (const [what, error, exitCode, message] of table) {
    it(`maps ${what} to exit ${exitCode}`, () => {
      const failure = classify(error);
      expect(failure.exitCode).toBe(exitCode);
      expect(failure.message).toMatch(message);
    });
  }

  it('reports one line, with the stack and causes only when verbose', () => {
    const error = new NetworkError('Unable to connect', { cause: new Error('ECONNREFUSED') });
    expect(reportFailure(error)).toEqual({ exitCode: EXIT.network, text: 'flowclient-rx: network error: Unable to connect\n' });
    const verbose = reportFailure(error, { verbose: true }).text.split('\n');
    expect(verbose[0]).toBe('flowclient-rx: network error: Unable to connect');
    expect(verbose.some((l) => /^\s+at /.test(l))).toBeTrue();
    expect(verbose.some((l) => l.startsWith('Caused by: Error: ECONNREFUSED'))).toBeTrue();
  });

  it('never prints a secret or anything shaped like a JWT, however long, in the line or the stack', () => {
    const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJ${'a'.repeat(5000)}.sig_nature-x`;
    const error = new UsageError(`bad value '${jwt}' and 'hunter22'`);
    for (const verbose of [false, true]) {
      const { text } = reportFailure(error, { verbose, secrets: ['hunter22'] });
      expect(text).not.toContain('hunter22');
      expect(text).not.toContain('eyJ');
      expect(text).toContain('<redacted>');
    }
    expect(redact('a eyJx.eyJy.z b')).toBe('a eyJx.eyJy.z b'); // too short to be a token
  });

  it("reads FlowAPI's validation text into one line, and keeps the first line of any other text", () => {
    expect(describeServerMessage(FLOWAPI_400)).toBe(
      'Parameter validation failed: locations.date: Missing data for required field.; locations.method: Missing data for required field.',
    );
    expect(describeServerMessage('Could not parse query spec.')).toBe('Could not parse query spec.');
    expect(describeServerMessage('Parameter validation failed.\n\nValidation error messages:\n {not json}.')).toBe('Parameter validation failed.');
    expect(describeServerMessage(undefined)).toBeUndefined();
  });
});
