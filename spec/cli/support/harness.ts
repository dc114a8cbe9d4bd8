/**
 * Harness of the command-line specs: the command built once with scripts/build-cli.mjs, one
 * FlowAPI test server shared by every CLI spec (started on first use, closed after all specs),
 * and `cli()`, which runs `node dist/cli/flowclient-rx.js ...` as a child process and checks
 * that no token ever appears in what it prints.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { buildCli } from '../../../scripts/build-cli.mjs';
import { firstValueFrom } from 'rxjs';
import { startTestServer, type MintTokenOptions, type TestServer } from '../../../server/index.js';
import { connect, runQuery, type QuerySpec } from '../../../src/index.js';

/** What a run of the command gave. */
export interface CliRun {
  /** Exit code (`null` when killed by a signal). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run the command. */
export interface CliOptions {
  /** Environment on top of FLOWAPI_URL / FLOWAPI_TOKEN of the shared server (`undefined` removes a variable). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Written to its stdin (stdin is closed either way). */
  readonly input?: string;
  /** Called with the child as soon as it runs (to signal it). */
  readonly started?: (child: ChildProcess) => void;
  /**
   * Run it on a pseudo-terminal (util-linux `script`), so stdout and stderr are a TTY; both
   * then arrive merged in `stdout`. See {@link hasTerminal}.
   */
  readonly terminal?: boolean;
}

/** Whether util-linux `script` is there to give the command a pseudo-terminal. */
export const hasTerminal = (): boolean => spawnSync('script', ['-V'], { stdio: 'ignore' }).status === 0;

const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** The warning the library prints for every http:// (not https) URL. */
export const INSECURE_WARNING = 'Communications with this server are NOT SECURE.';

const tokens = new Set<string>();
let built: Promise<string> | undefined;
let shared: Promise<{ server: TestServer; token: string }> | undefined;

/** Build the bundle (once per process); resolves with its path. */
export function bundle(): Promise<string> {
  built ??= buildCli();
  return built;
}

/** The shared test server and a token with every scope. */
export function testServer(): Promise<{ server: TestServer; token: string }> {
  shared ??= (async () => {
    const server = await startTestServer({ queryDurationMs: 300 });
    return { server, token: await mint(server) };
  })();
  return shared;
}

/** A token of `server`, remembered so that every run checks it is never printed. */
export async function mint(server: TestServer, options?: MintTokenOptions): Promise<string> {
  const token = await server.mintToken(options);
  tokens.add(token);
  return token;
}

/** Run `spec` on the shared server and hold it in `executing` until the spec lets it complete; its id. */
export async function heldQuery(spec: QuerySpec): Promise<string> {
  const { server, token } = await testServer();
  const queryId = await firstValueFrom(runQuery({ connection: connect({ url: server.url, token }), querySpec: spec }));
  server.setQueryState(queryId, 'executing');
  return queryId;
}

/**
 * A `started` callback for {@link cli} that lets a query held in `executing` (see
 * `server.setQueryState`) complete once the command has printed `text`, so that a spec sees the
 * command wait however slowly the machine starts it.
 */
export function completeWhenPrinted(server: TestServer, queryId: string, text = 'executing'): (child: ChildProcess) => void {
  return (child) => {
    let done = false;
    const watch = (chunk: Buffer): void => {
      if (done || !chunk.toString().includes(text)) return;
      done = true;
      server.setQueryState(queryId, 'completed');
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
  };
}

/** Lines of stderr other than the library's insecure-URL warning. */
export function errorLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line !== '' && line !== INSECURE_WARNING);
}

/** Run the built command with `args` against the shared server; every output is scanned for tokens. */
export async function cli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const [file, { server, token }] = await Promise.all([bundle(), testServer()]);
  const env: Record<string, string | undefined> = { ...process.env, FLOWAPI_URL: server.url, FLOWAPI_TOKEN: token, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const run = await new Promise<CliRun>((resolve, reject) => {
    const command = [process.execPath, file, ...args];
    const child = options.terminal
      ? spawn('script', ['-qec', command.map(shellQuote).join(' '), '/dev/null'], { env, stdio: 'pipe' })
      : spawn(command[0] ?? 'node', command.slice(1), { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
    options.started?.(child);
  });
  const printed = run.stdout + run.stderr;
  const leaked = [...tokens].some((t) => printed.includes(t)) || /eyJ[\w-]{10,}\.eyJ/.test(printed);
  const shown = args.map((a) => (tokens.has(a) ? '<token>' : a)).join(' ');
  expect(leaked).withContext(`a token was printed by: flowclient-rx ${shown}`).toBeFalse();
  return run;
}

afterAll(async () => {
  if (shared) await (await shared).server.close();
});
