/**
 * What the commands check before sending anything (in-process): the connection arguments, event
 * types, route words and the spec a `run` reads, each refused with its exit code and one message.
 */
import { Readable, Writable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConnection } from '../../cli/connection.js';
import { parseEventTypes } from '../../cli/commands/dates.js';
import { routeWord } from '../../cli/commands/route-word.js';
import { readSpec } from '../../cli/commands/run.js';
import { CliError } from '../../cli/errors.js';
import { EXIT, type ExitCode } from '../../cli/exit-codes.js';
import type { CommandIo } from '../../cli/io.js';
import { unsignedJwt } from '../support/jwt.js';

/** Expect `act` to throw a `CliError` with this exit code and a message matching `message`. */
async function expectRefusal(act: () => unknown, exitCode: ExitCode, message: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await act();
  } catch (error) {
    caught = error;
  }
  expect(caught).toEqual(jasmine.any(CliError));
  expect((caught as CliError).exitCode).toBe(exitCode);
  expect((caught as CliError).message).toMatch(message);
}

const ioWith = (stdin: string): CommandIo => ({
  stdin: Readable.from([stdin]),
  stdout: new Writable({ write: (_chunk, _enc, done) => done() }),
  stderr: new Writable({ write: (_chunk, _enc, done) => done() }),
  signal: new AbortController().signal,
});

describe('flowclient-rx CLI · checks before sending', () => {
  const token = unsignedJwt({ sub: 'alice' });

  it('connects with a URL and a token, nothing sent', () => {
    const conn = openConnection({ url: ' https://flowapi.example.org ', token });
    expect(conn.toString()).toBe('alice@https://flowapi.example.org v0');
  });

  const connections: Array<[string, { url?: string; token?: string }, ExitCode, RegExp]> = [
    ['no URL', { token }, EXIT.usage, /^no FlowAPI URL: give --url or set FLOWAPI_URL$/],
    ['an empty token', { url: 'https://h', token: ' ' }, EXIT.usage, /^no token: set FLOWAPI_TOKEN/],
    ['a URL without scheme', { url: 'flowapi.example.org', token }, EXIT.usage, /^url must start with http:\/\/ or https:\/\//],
    ['a URL with /api/0', { url: 'https://h/api/0', token }, EXIT.usage, /^url must be the server's base URL/],
    ['a token that does not decode', { url: 'https://h', token: 'not-a-jwt' }, EXIT.auth, /^the token cannot be used: Unable to decode token$/],
    ['a token without user', { url: 'https://h', token: unsignedJwt({ aud: 'x' }) }, EXIT.auth, /^the token cannot be used: Token does not contain user identity\.$/],
  ];
  for (const [what, args, exitCode, message] of connections) {
    it(`refuses ${what} with exit code ${exitCode}`, () => expectRefusal(() => openConnection(args), exitCode, message));
  }

  it('reads event types given as lists or repeated, once each, and refuses unknown ones', async () => {
    expect(parseEventTypes(undefined)).toBeNull();
    expect(parseEventTypes(['calls,sms', 'sms', ' topups '])).toEqual(['calls', 'sms', 'topups']);
    await expectRefusal(() => parseEventTypes(['calls,call']), EXIT.usage, /^unknown event type 'call'; expected calls, sms, mds, topups/);
    await expectRefusal(() => parseEventTypes([',']), EXIT.usage, /^--event-types needs at least one of/);
  });

  it('lets only a plain word into a route', async () => {
    expect(routeWord('query id', 'a1b2_c-3.d')).toBe('a1b2_c-3.d');
    for (const word of ['../admin', 'a/b', '..', 'a b', '']) {
      await expectRefusal(() => routeWord('query id', word), EXIT.usage, /^invalid query id /);
    }
  });

  describe('the spec of run', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'flowclient-rx-cli-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };

    it('reads a spec from a file or stdin', async () => {
      const spec = { query_kind: 'daily_location', date: '2016-01-01' };
      expect(await readSpec(file('ok.json', JSON.stringify(spec)), ioWith(''))).toEqual(spec as never);
      expect(await readSpec('-', ioWith(JSON.stringify(spec)))).toEqual(spec as never);
    });

    const bad: Array<[string, () => [string, CommandIo], RegExp]> = [
      ['a missing file', () => [join(dir, 'missing.json'), ioWith('')], /^cannot read the spec: ENOENT/],
      ['an empty stdin', () => ['-', ioWith('  \n')], /^the spec on stdin is empty$/],
      ['text that is not JSON', () => [file('bad.json', '{query_kind:'), ioWith('')], /bad\.json is not valid JSON: /],
      ['JSON without query_kind', () => [file('kindless.json', '{"date":"2016-01-01"}'), ioWith('')], /kindless\.json is not a query spec/],
      ['a JSON list', () => ['-', ioWith('[{"query_kind":"x"}]')], /^the spec on stdin is not a query spec/],
    ];
    for (const [what, args, message] of bad) {
      it(`refuses ${what} with exit code 2`, () => expectRefusal(() => readSpec(...args()), EXIT.usage, message));
    }
  });
});
