/**
 * The command line of `flowapi-test-server`, parsed with `node:util` `parseArgs` into what to do:
 * serve, mint a token, list the scopes, or print a help text. Bad values throw a
 * {@link UsageError} naming the flag and the value.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultKeyFile } from './cli-key-file.js';
import { expandScopes, serverScopes } from './cli-scopes.js';
import { DEFAULT_COMMAND_DATES, TOKEN_USAGE, USAGE } from './cli-usage.js';
import { UsageError, dateRangeValue, durationValue, integerValue, lifetimeSecondsValue, refuse } from './cli-values.js';
import { availableDatesOn } from './dates.js';
import type { FlowapiVersion, TestServerOptions } from './types.js';

/** Serve until stopped. */
export interface ServeCommand {
  readonly command: 'serve';
  /** Options for `startTestServer` (without `keys` when they come from the key file). */
  readonly options: TestServerOptions;
  /** Key file to load or make; `null` when `--private-key`/`--public-key` are given. */
  readonly keyFile: string | null;
  /** Print a token with every scope at start. */
  readonly printToken: boolean;
}

/** Mint one token from the key file and print it. */
export interface TokenCommand {
  readonly command: 'token';
  /** Scopes of its one role (every scope when `--scopes` is not given). */
  readonly scopes: readonly string[];
  /** Lifetime in seconds. @defaultValue `3600` */
  readonly ttlSeconds: number;
  /** User name. @defaultValue `'test-user'` */
  readonly sub: string;
  /** Key file to sign with (made when missing). */
  readonly keyFile: string;
  /** Claims format. @defaultValue `'1.18'` */
  readonly flowapiVersion: FlowapiVersion;
  /** `aud` claim. @defaultValue `'flowapi-test-server'` */
  readonly audience: string;
}

/** What the command line asks for. */
export type Command =
  | ServeCommand
  | TokenCommand
  | { readonly command: 'list-scopes' }
  | { readonly command: 'help'; readonly text: string };

type Env = Readonly<Record<string, string | undefined>>;

/** A PEM given inline or as a file path. */
function pem(flag: string, value: string): string {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  try {
    return readFileSync(value, 'utf8');
  } catch {
    return refuse(flag, value, 'a PEM, or the path of a readable PEM file');
  }
}

function version(value: string | undefined): FlowapiVersion {
  const v = value ?? '1.18';
  if (v !== '1.18' && v !== '1.3') refuse('flowapi-version', v, '1.18 or 1.3');
  return v;
}

/** `parseArgs`' own errors (unknown option, missing value) turned into one line. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0] ?? 'bad command line'} (--help lists the options)`);
  }
}

/** Options of the serving command. */
const SERVE_OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  'flowapi-version': { type: 'string' },
  dates: { type: 'string' },
  subscribers: { type: 'string' },
  seed: { type: 'string' },
  'query-duration': { type: 'string' },
  'query-duration-ms': { type: 'string' },
  'queued-ms': { type: 'string' },
  admin: { type: 'boolean' },
  audience: { type: 'string' },
  'key-file': { type: 'string' },
  'private-key': { type: 'string' },
  'public-key': { type: 'string' },
  'print-token': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Options of `token`. */
const TOKEN_OPTIONS = {
  scopes: { type: 'string' },
  ttl: { type: 'string' },
  sub: { type: 'string' },
  'key-file': { type: 'string' },
  'flowapi-version': { type: 'string' },
  audience: { type: 'string' },
  'list-scopes': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

function parseToken(argv: readonly string[], env: Env): Command {
  const values = parsed(() => parseArgs({ args: [...argv], options: TOKEN_OPTIONS, strict: true }).values);
  if (values.help) return { command: 'help', text: TOKEN_USAGE };
  if (values['list-scopes']) return { command: 'list-scopes' };
  const known = serverScopes();
  if (values.sub !== undefined && values.sub.trim() === '') refuse('sub', values.sub, 'a user name');
  return {
    command: 'token',
    scopes: values.scopes === undefined ? known : expandScopes(values.scopes, known),
    ttlSeconds: values.ttl === undefined ? 3600 : lifetimeSecondsValue('ttl', values.ttl),
    sub: values.sub ?? 'test-user',
    keyFile: values['key-file'] ?? defaultKeyFile(env),
    flowapiVersion: version(values['flowapi-version']),
    audience: values.audience ?? 'flowapi-test-server',
  };
}

function parseServe(argv: readonly string[], env: Env): Command {
  const values = parsed(() => parseArgs({ args: [...argv], options: SERVE_OPTIONS, strict: true }).values);
  if (values.help) return { command: 'help', text: USAGE };
  const flowapiVersion = version(values['flowapi-version']);
  const explicitKeys = values['private-key'] !== undefined || values['public-key'] !== undefined;
  if (explicitKeys && (values['private-key'] === undefined || values['public-key'] === undefined)) {
    throw new UsageError('--private-key and --public-key go together');
  }
  if (explicitKeys && values['key-file'] !== undefined) throw new UsageError('--key-file, or --private-key with --public-key: not both');
  if (values['query-duration'] !== undefined && values['query-duration-ms'] !== undefined) {
    throw new UsageError('--query-duration and --query-duration-ms are the same option: give one');
  }
  const durationFlag = values['query-duration-ms'] !== undefined ? 'query-duration-ms' : 'query-duration';
  const duration = values[durationFlag];
  const options: TestServerOptions = {
    flowapiVersion,
    availableDates: availableDatesOn(dateRangeValue('dates', values.dates ?? DEFAULT_COMMAND_DATES)),
    ...(values.port !== undefined ? { port: integerValue('port', values.port, 0, 65535) } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.subscribers !== undefined ? { subscribers: integerValue('subscribers', values.subscribers, 1, 10_000_000) } : {}),
    ...(values.seed !== undefined ? { seed: integerValue('seed', values.seed, 0, 2 ** 32 - 1) } : {}),
    ...(duration !== undefined ? { queryDurationMs: durationValue(durationFlag, duration) } : {}),
    ...(values['queued-ms'] !== undefined ? { queuedMs: durationValue('queued-ms', values['queued-ms']) } : {}),
    ...(values.admin ? { admin: true } : {}),
    ...(values.audience !== undefined ? { audience: values.audience } : {}),
    ...(values['private-key'] !== undefined && values['public-key'] !== undefined
      ? { keys: { privateKeyPem: pem('private-key', values['private-key']), publicKeyPem: pem('public-key', values['public-key']) } }
      : {}),
  };
  return { command: 'serve', options, keyFile: explicitKeys ? null : (values['key-file'] ?? defaultKeyFile(env)), printToken: values['print-token'] === true };
}

/**
 * Parse the command line (without `node` and the script).
 * @param env - the environment, for the default key file (`XDG_STATE_HOME`, `HOME`)
 * @throws {@link UsageError} for an unknown option or a bad value
 * @example parseCommandLine(['token', '--scopes', 'run,get_result', '--ttl', '10m'])
 */
export function parseCommandLine(argv: readonly string[], env: Env = process.env): Command {
  return argv[0] === 'token' ? parseToken(argv.slice(1), env) : parseServe(argv, env);
}
