/**
 * The `flowapi-test-server` command: prints its URL and a full token, serves, stops on SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from '../../server/cli-options.js';
import { call } from './support/http.js';

const CLI = fileURLToPath(new URL('../../server/cli.ts', import.meta.url));

function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string; token: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /server: (http:\/\/\S+)/.exec(out)?.[1];
      const token = /Token: (\S+)/.exec(out)?.[1];
      if (url && token) resolve({ child, url, token });
    });
    child.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${out}`)));
  });
}

describe('test server · command line', () => {
  it('prints its URL and a token with every scope, serves, and exits 0 on SIGTERM', async () => {
    const { child, url, token } = await startCli(['--port', '0', '--query-duration-ms', '50']);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const answer = await call({ url }, '/api/0/qa/', { token });
      expect(answer.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('parses every option', () => {
    expect(
      parseCommandLine(['--port', '9090', '--host', '127.0.0.1', '--flowapi-version', '1.3', '--query-duration-ms', '20', '--audience', 'aud']),
    ).toEqual({ port: 9090, host: '127.0.0.1', flowapiVersion: '1.3', queryDurationMs: 20, audience: 'aud' });
    expect(parseCommandLine(['--help'])).toBe('help');
  });

  it('parses a duration or queued time given as a range, MIN-MAX or MIN,MAX', () => {
    expect(parseCommandLine(['--query-duration-ms', '500-4000', '--queued-ms', '20,80'])).toEqual({
      flowapiVersion: '1.18',
      queryDurationMs: [500, 4000],
      queuedMs: [20, 80],
    });
    expect(parseCommandLine(['--queued-ms', '50'])).toEqual({ flowapiVersion: '1.18', queuedMs: 50 });
  });

  const bad: Array<[string, string[]]> = [
    ['an unknown version', ['--flowapi-version', '2.0']],
    ['a port that is not a number', ['--port', 'http']],
    ['a private key without public key', ['--private-key', '-----BEGIN x']],
    ['an unknown option', ['--verbose']],
    ['a duration range with min above max', ['--query-duration-ms', '4000-500']],
    ['a duration range of three numbers', ['--query-duration-ms', '1-2-3']],
    ['a duration range that is not numbers', ['--query-duration-ms', 'a-b']],
    ['a queued time range with a missing end', ['--queued-ms', '50-']],
  ];
  for (const [what, args] of bad) {
    it(`refuses ${what}`, () => {
      expect(() => parseCommandLine(args)).toThrow();
    });
  }
});
