/**
 * What `flowapi-test-server` does, with its outside world injected (output, environment, how the
 * server and the token minter are loaded, when to stop), so specs can run it in-process.
 * The server's modules are imported only when needed: without the optional peers `fastify` and
 * `jose` the command says in one line how to install them and exits with 2.
 */
import { defaultKeyFile, loadOrCreateKeyFile } from './cli-key-file.js';
import { MISSING_PEER_LINE, missingPeer } from './cli-missing-peer.js';
import { parseCommandLine, type ServeCommand, type TokenCommand } from './cli-options.js';
import { serverScopes } from './cli-scopes.js';
import { UsageError } from './cli-values.js';
import { legacyClaimsFromScopes } from './legacy-claims.js';
import type { loadKeys } from './keys.js';
import type { startTestServer } from './start.js';
import type { mintToken } from './tokens.js';

/** The server's entry point, as the command uses it. */
export interface ServerModule {
  /** Start a server. */
  readonly startTestServer: typeof startTestServer;
}

/** The token minter, as the command uses it. */
export interface MinterModule {
  /** Load a PEM key pair. */
  readonly loadKeys: typeof loadKeys;
  /** Mint a token. */
  readonly mintToken: typeof mintToken;
}

/** The command's outside world. */
export interface CliIo {
  /** Writes one line to stdout. */
  readonly out: (line: string) => void;
  /** Writes one line to stderr. */
  readonly err: (line: string) => void;
  /** The environment (`XDG_STATE_HOME`, `HOME`). @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Imports the server (needs fastify and jose). @defaultValue a dynamic import of `./start.js` */
  readonly loadServer?: () => Promise<ServerModule>;
  /** Imports the minter (needs jose). @defaultValue dynamic imports of `./tokens.js` and `./keys.js` */
  readonly loadMinter?: () => Promise<MinterModule>;
  /** Resolves when a serving command should stop. @defaultValue the first SIGINT or SIGTERM */
  readonly untilStopped?: () => Promise<void>;
}

const NAME = 'flowapi-test-server';

const importServer = (): Promise<ServerModule> => import('./start.js');
const importMinter = async (): Promise<MinterModule> => {
  const [tokens, keys] = await Promise.all([import('./tokens.js'), import('./keys.js')]);
  return { mintToken: tokens.mintToken, loadKeys: keys.loadKeys };
};
const untilSignal = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

/** The `token` command line that mints for a server started with these options. */
function tokenHint(command: ServeCommand): string {
  const { flowapiVersion, audience } = command.options;
  const extra = [
    flowapiVersion === '1.3' ? ' --flowapi-version 1.3' : '',
    audience !== undefined ? ` --audience ${audience}` : '',
  ].join('');
  return `${NAME} token --scopes 'run,get_result,get_available_dates,admin3:*:*' --ttl 10m${extra}`;
}

async function serve(command: ServeCommand, io: CliIo): Promise<number> {
  const { startTestServer } = await (io.loadServer ?? importServer)();
  const key = command.keyFile === null ? undefined : loadOrCreateKeyFile(command.keyFile);
  const server = await startTestServer({ ...command.options, ...(key ? { keys: key.keys } : {}) });
  const dates = command.options.availableDates?.['calls'] ?? [];
  io.out(`FlowAPI ${command.options.flowapiVersion ?? '1.18'} test server: ${server.url}`);
  io.out(`Dates: ${dates[0] ?? 'none'}..${dates[dates.length - 1] ?? 'none'} (calls, sms, mds, topups)`);
  if (command.options.admin) io.out(`Admin routes: ${server.url}/__admin/faults, …/restart, …/queries/{id}/state (see the guide)`);
  if (key && command.keyFile !== null) io.out(`Signing key: ${command.keyFile}${key.created ? ' (made now)' : ''}`);
  if (command.printToken) io.out(`Token: ${await server.mintToken()}`);
  else if (command.keyFile !== null) io.out(`Tokens: ${tokenHint(command)}${keyFileArg(command.keyFile, io)}`);
  else io.out('Tokens: start with --print-token for one with every scope');
  io.out('Ctrl-C stops.');
  await (io.untilStopped ?? untilSignal)();
  await server.close();
  return 0;
}

/** ` --key-file PATH` when the path is not the default one. */
function keyFileArg(keyFile: string, io: CliIo): string {
  return keyFile === defaultKeyFile(io.env ?? process.env) ? '' : ` --key-file ${keyFile}`;
}

async function token(command: TokenCommand, io: CliIo): Promise<number> {
  const { loadKeys, mintToken } = await (io.loadMinter ?? importMinter)();
  const key = loadOrCreateKeyFile(command.keyFile);
  if (key.created) io.err(`${NAME}: made a new key file ${command.keyFile}; only servers started with it accept the token`);
  const scopes = [...command.scopes];
  const jwt = await mintToken(
    {
      audience: command.audience,
      version: command.flowapiVersion,
      keys: loadKeys(key.keys),
      everyScope: scopes,
      fullLegacyClaims: legacyClaimsFromScopes(scopes),
    },
    { scopes, expiresInSeconds: command.ttlSeconds, sub: command.sub },
  );
  io.out(jwt);
  return 0;
}

/** One line for a failure; the exit code: 2 for a bad command line or a missing peer, else 1. */
function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${NAME}: ${error.message}`);
    return 2;
  }
  if (missingPeer(error) !== undefined) {
    io.err(MISSING_PEER_LINE);
    return 2;
  }
  const { code, port } = error as { code?: unknown; port?: unknown };
  if (code === 'EADDRINUSE') io.err(`${NAME}: --port ${String(port)}: the port is in use`);
  else io.err(`${NAME}: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

/**
 * Run the command; resolves with its exit code (a serving command once it was stopped).
 * @example process.exitCode = await runCli(process.argv.slice(2), { out: console.log, err: console.error });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommandLine(argv, io.env ?? process.env);
    switch (command.command) {
      case 'help':
        io.out(command.text);
        return 0;
      case 'list-scopes':
        serverScopes().forEach((scope) => io.out(scope));
        return 0;
      case 'token':
        return await token(command, io);
      case 'serve':
        return await serve(command, io);
    }
  } catch (error) {
    return report(error, io);
  }
}
