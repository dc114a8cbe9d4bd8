/**
 * The connection a command talks through, from `--url`/`--token` (or `FLOWAPI_URL` /
 * `FLOWAPI_TOKEN`), with the argument problems turned into exit codes.
 * @module
 */
import { connect, isFlowclientError, type Connection } from '../src/index.js';
import { EXIT } from './exit-codes.js';
import { CliError, UsageError } from './errors.js';

/** Where to connect: the options every server command takes. */
export interface ConnectionArgs {
  /** FlowAPI base URL (`--url` or `FLOWAPI_URL`). */
  readonly url?: string | undefined;
  /** The JWT (`--token` or `FLOWAPI_TOKEN`). */
  readonly token?: string | undefined;
}

/**
 * Connect, or fail with exit code 2 (no URL, no token, a malformed URL) or 3 (a token that
 * does not decode or names no user). Nothing is sent yet.
 */
export function openConnection({ url, token }: ConnectionArgs): Connection {
  if (url === undefined || url.trim() === '') throw new UsageError('no FlowAPI URL: give --url or set FLOWAPI_URL');
  if (token === undefined || token.trim() === '') throw new UsageError('no token: set FLOWAPI_TOKEN (or give --token)');
  try {
    return connect({ url: url.trim(), token: token.trim() });
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message.replace(/^connect: /, ''), { cause: error });
    if (isFlowclientError(error)) throw new CliError(EXIT.auth, `the token cannot be used: ${error.message}`, { cause: error });
    throw error;
  }
}
