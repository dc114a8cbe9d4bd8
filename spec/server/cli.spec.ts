/**
 * The `flowapi-test-server` command: its options, its refusals (one line, exit 2), serving with a
 * kept key file, the `token` subcommand, and the one-line message when fastify/jose are missing.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliIo } from '../../server/cli-main.js';
import { MISSING_PEER_LINE } from '../../server/cli-missing-peer.js';
import { parseCommandLine } from '../../server/cli-options.js';
import { call } from './support/http.js';

const CLI = fileURLToPath(new URL('../../server/cli.ts', import.meta.url));
const HIDE_PEERS = fileURLToPath(new URL('./support/hide-server-peers.mjs', import.meta.url));

/** Output lines of an in-process run, and a switch that stops a serving run. */
function io(env: Record<string, string> = {}, extra: Partial<CliIo> = {}): CliIo & { lines: string[]; errors: string[]; stop: () => void } {
  const lines: string[] = [];
  const errors: string[] = [];
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  return { lines, errors, stop: () => stop(), out: (l) => lines.push(l), err: (l) => errors.push(l), env, untilStopped: () => stopped, ...extra };
}

/** Run a serving command in-process until its URL is printed. */
async function serveInProcess(args: string[], env: Record<string, string>): Promise<{ url: string; stop: () => Promise<number>; lines: string[] }> {
  const world = io(env);
  const done = runCli(args, world);
  for (let i = 0; i < 200 && !world.lines.some((l) => l.startsWith('Ctrl-C')); i++) {
    const early = await Promise.race([done, new Promise<undefined>((r) => setTimeout(r, 20))]);
    if (early !== undefined) throw new Error(`exited with ${early}: ${world.errors.join(' ')}`);
  }
  const url = /server: (http:\/\/\S+)/.exec(world.lines.join('\n'))?.[1];
  if (!url) throw new Error(`no URL in ${world.lines.join(' | ')}`);
  return { url, lines: world.lines, stop: () => (world.stop(), done) };
}

/** Mint with the `token` subcommand in-process; returns the one stdout line. */
async function mint(args: string[], env: Record<string, string>): Promise<string> {
  const world = io(env);
  expect(await runCli(['token', ...args], world)).withContext(world.errors.join(' ')).toBe(0);
  expect(world.lines.length).toBe(1);
  return world.lines[0] ?? '';
}

function spawnCli(args: string[], env: Record<string, string>, preload: string[] = []): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), CLI, ...args], {
    stdio: 'pipe',
    env: { ...process.env, ...env },
  });
}

function finished(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

describe('test server · command line', () => {
  let state: string;
  let env: Record<string, string>;

  beforeEach(() => {
    state = mkdtempSync(join(tmpdir(), 'flowapi-cli-'));
    env = { XDG_STATE_HOME: state, HOME: state };
  });
  afterEach(() => rmSync(state, { recursive: true, force: true }));

  it('serves, prints its URL and (with --print-token) a token with every scope, keeps its key 0600, and exits 0 on SIGTERM', async () => {
    const child = spawnCli(['--port', '0', '--query-duration', '50', '--print-token'], env);
    const result = finished(child);
    const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const [u, t] = [/server: (http:\/\/\S+)/.exec(out)?.[1], /Token: (\S+)/.exec(out)?.[1]];
        if (u && t) resolve({ url: u, token: t });
      });
      child.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${out}`)));
    });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await call({ url }, '/api/0/qa/', { token })).status).toBe(200);
      const dates = (await call({ url }, '/api/0/available_dates', { token })).body as { available_dates: Record<string, string[]> };
      expect(dates.available_dates['calls']?.length).toBe(60); // the command's default: 2016-01-01..2016-02-29
      expect(statSync(join(state, 'flowapi-test-server', 'signing-key.pem')).mode & 0o777).toBe(0o600);
    } finally {
      child.kill('SIGTERM');
    }
    expect((await result).code).toBe(0);
  });

  it('parses every serving option', () => {
    const command = parseCommandLine(
      ['--port', '9090', '--host', '127.0.0.1', '--flowapi-version', '1.3', '--dates', '2016-02-27..2016-03-01',
        '--subscribers', '5000', '--seed', '7', '--query-duration', '2000..6000', '--queued-ms', '20,80', '--admin',
        '--audience', 'aud', '--key-file', '/k.pem', '--print-token'],
      env,
    );
    const dates = ['2016-02-27', '2016-02-28', '2016-02-29', '2016-03-01'];
    expect(command).toEqual({
      command: 'serve',
      keyFile: '/k.pem',
      printToken: true,
      options: {
        port: 9090,
        host: '127.0.0.1',
        flowapiVersion: '1.3',
        availableDates: { calls: dates, sms: dates, mds: dates, topups: dates, forwards: [] },
        subscribers: 5000,
        seed: 7,
        queryDurationMs: [2000, 6000],
        queuedMs: [20, 80],
        admin: true,
        audience: 'aud',
      },
    });
  });

  it('defaults to January–February 2016 and a key file under $XDG_STATE_HOME, else ~/.local/state', () => {
    const serve = parseCommandLine([], env);
    expect(serve.command === 'serve' && serve.options.availableDates?.['calls']?.length).toBe(60);
    expect(serve.command === 'serve' && serve.keyFile).toBe(join(state, 'flowapi-test-server', 'signing-key.pem'));
    const home = parseCommandLine(['token'], { HOME: '/home/ana' });
    expect(home.command === 'token' && home.keyFile).toBe('/home/ana/.local/state/flowapi-test-server/signing-key.pem');
    expect(parseCommandLine(['--query-duration-ms', '500-4000'], env)).toEqual(jasmine.objectContaining({ options: jasmine.objectContaining({ queryDurationMs: [500, 4000] }) }));
    expect(parseCommandLine(['--query-duration', '300'], env)).toEqual(jasmine.objectContaining({ options: jasmine.objectContaining({ queryDurationMs: 300 }) }));
  });

  it('parses the token subcommand: scopes (with * patterns), ttl, user', () => {
    const command = parseCommandLine(['token', '--scopes', 'run,get_result,admin3:spatial_aggregate:*', '--ttl', '10m', '--sub', 'ana'], env);
    if (command.command !== 'token') throw new Error(command.command);
    expect(command.ttlSeconds).toBe(600);
    expect(command.sub).toBe('ana');
    expect(command.scopes).toContain('run');
    expect(command.scopes).toContain('admin3:spatial_aggregate:daily_location');
    expect(command.scopes.every((s) => ['run', 'get_result'].includes(s) || s.startsWith('admin3:spatial_aggregate:'))).toBe(true);
    expect(parseCommandLine(['token', '--ttl', '2h'], env)).toEqual(jasmine.objectContaining({ ttlSeconds: 7200 }));
  });

  it('lists everything in --help', async () => {
    const world = io(env);
    expect(await runCli(['--help'], world)).toBe(0);
    const help = world.lines.join('\n');
    for (const flag of ['--dates', '--subscribers', '--seed', '--query-duration', '--flowapi-version', '--admin', '--key-file', '--print-token', 'token']) {
      expect(help).toContain(flag);
    }
    const tokenHelp = io(env);
    expect(await runCli(['token', '--help'], tokenHelp)).toBe(0);
    for (const flag of ['--scopes', '--ttl', '--sub', '--key-file', '--list-scopes']) expect(tokenHelp.lines.join('\n')).toContain(flag);
  });

  const bad: Array<[string, string[], string]> = [
    ['an unknown version', ['--flowapi-version', '2.0'], '--flowapi-version "2.0"'],
    ['a port that is not a number', ['--port', 'http'], '--port "http"'],
    ['a port out of range', ['--port', '70000'], '--port "70000"'],
    ['dates that are not dates', ['--dates', '2016-01-01..soon'], '--dates "2016-01-01..soon"'],
    ['a date that does not exist', ['--dates', '2016-02-30'], '--dates "2016-02-30"'],
    ['dates backwards', ['--dates', '2016-02-01..2016-01-01'], '--dates "2016-02-01..2016-01-01"'],
    ['no subscribers', ['--subscribers', '0'], '--subscribers "0"'],
    ['a seed that is not a number', ['--seed', 'x1'], '--seed "x1"'],
    ['a duration range with min above max', ['--query-duration', '6000..2000'], '--query-duration "6000..2000"'],
    ['a duration range of three numbers', ['--query-duration-ms', '1-2-3'], '--query-duration-ms "1-2-3"'],
    ['a queued time range with a missing end', ['--queued-ms', '50-'], '--queued-ms "50-"'],
    ['a private key without public key', ['--private-key', '-----BEGIN x'], '--private-key'],
    ['an unknown option', ['--verbose'], "'--verbose'"],
    ['a token lifetime of zero', ['token', '--ttl', '0m'], '--ttl "0m"'],
    ['a token lifetime in weeks', ['token', '--ttl', '2w'], '--ttl "2w"'],
    ['a scope the server does not know', ['token', '--scopes', 'run,admin9:geography:geography'], '--scopes "admin9:geography:geography"'],
  ];
  for (const [what, args, named] of bad) {
    it(`refuses ${what} in one line naming it, exit code 2`, async () => {
      const world = io(env, { loadServer: () => Promise.reject(new Error('must not load the server')) });
      expect(await runCli(args, world)).toBe(2);
      expect(world.errors.length).toBe(1);
      expect(world.errors[0]).toContain(named);
      expect(world.errors[0]).toMatch(/^flowapi-test-server: /);
      expect(world.lines).toEqual([]);
    });
  }

  it('exits 2 from the shell too, with one line on stderr', async () => {
    const { code, out, err } = await finished(spawnCli(['--subscribers', 'many'], env));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toEqual(['flowapi-test-server: --subscribers "many": expected a whole number from 1 to 10000000']);
  });

  it('mints tokens a server with the same key file accepts, after a restart too; refused without the scope or once expired', async () => {
    const token = await mint(['--scopes', 'get_available_dates,get_qa_checks', '--ttl', '10m', '--sub', 'ana'], env);
    const narrow = await mint(['--scopes', 'get_qa_checks', '--ttl', '10m'], env);
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(Date.now() - 3600_000));
    let expired: string;
    try {
      expired = await mint(['--scopes', 'get_available_dates', '--ttl', '10m'], env); // minted an hour ago, for 10 minutes
    } finally {
      jasmine.clock().uninstall();
    }
    for (const round of ['first start', 'restart']) {
      const server = await serveInProcess(['--port', '0', '--dates', '2016-01-01..2016-01-03'], env);
      try {
        const ok = await call(server, '/api/0/available_dates', { token });
        expect(ok.status).withContext(round).toBe(200);
        expect((ok.body as { available_dates: Record<string, string[]> }).available_dates['calls']).toEqual(['2016-01-01', '2016-01-02', '2016-01-03']);
        expect((await call(server, '/api/0/available_dates', { token: narrow })).status).withContext(round).toBe(403);
        expect((await call(server, '/api/0/qa/', { token: narrow })).status).withContext(round).toBe(200);
        const late = await call(server, '/api/0/available_dates', { token: expired });
        expect(late.status).withContext(round).toBe(401);
        expect(late.text).toContain('Token has expired');
        expect(server.lines.join('\n')).toContain('flowapi-test-server token --scopes');
        expect(server.lines.join('\n')).not.toMatch(/eyJ/); // no token printed without --print-token
      } finally {
        expect(await server.stop()).toBe(0);
      }
    }
  });

  it('says in one line how to install fastify and jose when they are missing, exit code 2, no stack', async () => {
    const missing = Object.assign(new Error("Cannot find package 'fastify' imported from /app/dist/server/app.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const world = io(env, { loadServer: () => Promise.reject(missing) });
    expect(await runCli(['--port', '0'], world)).toBe(2);
    expect(world.errors).toEqual([MISSING_PEER_LINE]);
    const minting = io(env, { loadMinter: () => Promise.reject(Object.assign(new Error("Cannot find package 'jose' imported from /x.js"), { code: 'ERR_MODULE_NOT_FOUND' })) });
    expect(await runCli(['token'], minting)).toBe(2);
    expect(minting.errors).toEqual([MISSING_PEER_LINE]);
    expect(minting.lines).toEqual([]);
  });

  it('says the same from the shell when Node cannot resolve fastify', async () => {
    const { code, out, err } = await finished(spawnCli(['--port', '0'], env, [HIDE_PEERS]));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toEqual([MISSING_PEER_LINE]);
    expect(MISSING_PEER_LINE).toContain('npm i -D fastify jose');
  });
});
