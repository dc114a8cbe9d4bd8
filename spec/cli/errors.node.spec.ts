/**
 * Failures of the built command: each class ends with its own exit code and one line on stderr
 * (no stack unless --verbose), and no run ever prints a token (the harness checks every run).
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dailyLocationSpec, spatialAggregateSpec, type QuerySpec } from '../../src/index.js';
import type { TestServer } from '../../server/index.js';
import { EXIT } from '../../cli/exit-codes.js';
import { bundle, cli, errorLines, heldQuery, mint, testServer, type CliOptions, type CliRun } from './support/harness.js';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 9;
}

const spatialAggregate = (date: string, method: 'last' | 'most-common' = 'last'): QuerySpec =>
  spatialAggregateSpec({ locations: dailyLocationSpec({ date, aggregationUnit: 'admin0', method }) });

interface Case {
  readonly what: string;
  readonly args: () => string[];
  readonly options?: () => CliOptions;
  readonly code: number;
  readonly message: RegExp;
}

describe('flowclient-rx CLI · failures', () => {
  let server: TestServer;
  let dir: string;
  const tokens: Record<'expired' | 'forged' | 'noGeography' | 'valid', string> = { expired: '', forged: '', noGeography: '', valid: '' };
  let port = 9;
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  const cases: Case[] = [
    { what: 'an unknown command', args: () => ['stat', 'x'], code: EXIT.usage, message: /^unknown command 'stat' \(Did you mean status\?\)$/ },
    { what: 'no URL', args: () => ['status', 'x'], options: () => ({ env: { FLOWAPI_URL: undefined } }), code: EXIT.usage, message: /^no FlowAPI URL: give --url or set FLOWAPI_URL$/ },
    { what: 'a token given as an option value', args: () => ['get', 'x', '--format', tokens.valid], code: EXIT.usage, message: /argument '<redacted>' is invalid/ },
    { what: 'a spec that is not JSON', args: () => ['run', '-'], options: () => ({ input: '{query_kind:' }), code: EXIT.usage, message: /^the spec on stdin is not valid JSON: / },
    {
      what: 'a spec FlowAPI rejects (400)',
      args: () => ['run', file('incomplete.json', '{"query_kind":"spatial_aggregate","locations":{"query_kind":"daily_location","date":"2016-01-01"}}')],
      code: EXIT.usage,
      message: /^FlowAPI rejected the spec: Parameter validation failed: locations\.\w+: Missing data for required field\./,
    },
    {
      what: "a value the builder's checks refuse",
      args: () => ['spec', 'daily_location', '--date', '2016-01-01', '--aggregation-unit', 'admin9', '--method', 'last'],
      code: EXIT.usage,
      message: /^invalid spec: dailyLocationSpec: invalid aggregationUnit "admin9"; expected one of 'admin0'/,
    },
    { what: 'an unknown kind', args: () => ['spec', 'daily_locations'], code: EXIT.usage, message: /^unknown kind 'daily_locations'; see flowclient-rx spec --list$/ },
    { what: 'an expired token (401)', args: () => ['run', file('expired.json', JSON.stringify(spatialAggregate('2016-01-01')))], options: () => ({ env: { FLOWAPI_TOKEN: tokens.expired } }), code: EXIT.auth, message: /^authentication failed \(401\): Token has expired$/ },
    { what: 'a forged token given with --token (422)', args: () => ['--token', tokens.forged, 'status', 'x'], code: EXIT.auth, message: /^authentication failed \(422\): Signature verification failed$/ },
    { what: 'a token that does not decode', args: () => ['dates'], options: () => ({ env: { FLOWAPI_TOKEN: 'not-a-jwt' } }), code: EXIT.auth, message: /^the token cannot be used: Unable to decode token$/ },
    { what: 'a token without the scope (403)', args: () => ['geography', 'admin3'], options: () => ({ env: { FLOWAPI_TOKEN: tokens.noGeography } }), code: EXIT.auth, message: /^permission denied \(403\): / },
    { what: 'a query id the server does not know (404)', args: () => ['get', 'f'.repeat(32)], code: EXIT.notFound, message: /^not found: Query is not running\. \(poll\/f{32}\)$/ },
    {
      what: 'a query reading dates outside the available ones (errored)',
      args: () => ['run', file('errored.json', JSON.stringify(spatialAggregate('2015-06-01')))],
      code: EXIT.queryFailed,
      message: /^query failed: Something went wrong: Query with id '[0-9a-f]{32}' finished with an error\. API returned with status code: 500 and status 'errored'$/,
    },
    { what: 'a closed port (network)', args: () => ['--url', `http://127.0.0.1:${port}`, 'status', 'x'], code: EXIT.network, message: /^network error: Unable to connect to FlowKit API at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/ },
    { what: 'an --out file that cannot be written', args: () => ['dates', '--out', join(dir, 'missing', 'dates.json')], code: EXIT.failure, message: /^cannot write .*dates\.json: ENOENT/ },
  ];
  const runs = new Map<string, CliRun>();

  beforeAll(async () => {
    await bundle();
    ({ server } = await testServer());
    dir = mkdtempSync(join(tmpdir(), 'flowclient-rx-cli-'));
    [tokens.expired, tokens.forged, tokens.noGeography, tokens.valid, port] = await Promise.all([
      mint(server, { expiresInSeconds: -60 }),
      mint(server, { foreignKey: true }),
      mint(server, { scopes: ['get_result&available_dates'] }),
      mint(server),
      closedPort(),
    ]);
    await Promise.all(cases.map(async (c) => runs.set(c.what, await cli(c.args(), c.options?.()))));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const c of cases) {
    it(`exits ${c.code} with one line for ${c.what}`, () => {
      const run = runs.get(c.what);
      expect(run?.code).withContext(run?.stderr ?? 'not run').toBe(c.code);
      const lines = run === undefined ? [] : errorLines(run);
      expect(lines.length).withContext(lines.join('\n')).toBe(1);
      expect(lines[0] ?? '').toMatch(/^flowclient-rx: /);
      expect((lines[0] ?? '').replace(/^flowclient-rx: /, '')).toMatch(c.message);
      expect(run?.stdout).toBe('');
    });
  }

  it('prints the stack and its causes with --verbose, still without the token', async () => {
    const run = await cli(['--verbose', '--token', tokens.forged, 'status', 'x']);
    expect(run.code).toBe(EXIT.auth);
    const lines = errorLines(run);
    expect(lines[0]).toBe('flowclient-rx: authentication failed (422): Signature verification failed');
    expect(lines[1]).toBe('AuthenticationError: Signature verification failed');
    expect(lines.filter((l) => /^\s+at /.test(l)).length).toBeGreaterThan(0);
  });

  describe('while waiting for a query', () => {
    it('exits 3 once the token expires and the server refuses it, instead of waiting for ever', async () => {
      const queryId = await heldQuery(spatialAggregate('2016-01-02', 'most-common'));
      const shortLived = await mint(server, { expiresInSeconds: 5 });
      const run = await cli(['get', queryId, '--progress'], { env: { FLOWAPI_TOKEN: shortLived } });
      expect(run.code).toBe(EXIT.auth);
      const lines = errorLines(run);
      expect(lines[0]).withContext('it was waiting when the token expired').toMatch(/: executing, /);
      expect(lines.at(-1)).toBe('flowclient-rx: authentication failed (401): Token has expired');
    });

    it('exits 130 on Ctrl-C, with the progress stopped and one line', async () => {
      const queryId = await heldQuery(spatialAggregate('2016-01-03', 'most-common'));
      let interrupted = false;
      const run = await cli(['get', queryId, '--progress'], {
        started: (child) =>
          child.stderr?.on('data', (chunk: Buffer) => {
            if (interrupted || !chunk.toString().includes('executing')) return;
            interrupted = true;
            child.kill('SIGINT');
          }),
      });
      expect(run.code).toBe(EXIT.interrupted);
      expect(errorLines(run).at(-1)).toBe('flowclient-rx: interrupted (SIGINT)');
    });
  });
});
