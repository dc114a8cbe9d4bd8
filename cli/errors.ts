/**
 * From any failure to what the command prints and returns: one line and an exit code (see
 * `exit-codes.ts`), the stack only when asked for, and never a secret.
 * @module
 */
import { CommanderError } from 'commander';
import {
  isAuthenticationError,
  isFlowclientError,
  isNetworkError,
  isNotFoundError,
  isPermissionDeniedError,
  isQueryFailedError,
  isQuerySpecError,
} from '../src/index.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { describeServerMessage } from './server-message.js';

/** A failure the command line itself detects, with the exit code it stands for. */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  /** The exit code. */
  readonly exitCode: ExitCode;

  constructor(exitCode: ExitCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** Bad command-line arguments or a bad spec: exit code 2. */
export class UsageError extends CliError {
  override readonly name: string = 'UsageError';

  constructor(message: string, options?: ErrorOptions) {
    super(EXIT.usage, message, options);
  }
}

/** The command was interrupted (SIGINT/SIGTERM): exit code 130. */
export class InterruptedError extends CliError {
  override readonly name: string = 'InterruptedError';

  constructor(signal: string) {
    super(EXIT.interrupted, `interrupted (${signal})`);
  }
}

/** What a failure comes to: its exit code and its one line (before redaction). */
export interface Failure {
  /** Exit code, from {@link EXIT}. */
  readonly exitCode: ExitCode;
  /** One line, without the program name. */
  readonly message: string;
}

const statusOf = (error: { status: number | undefined }): string => (error.status === undefined ? '' : ` (${error.status})`);

/** Classify a failure: its exit code and its message. */
export function classify(error: unknown): Failure {
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message };
  if (error instanceof CommanderError) {
    const message = error.message.replace(/^error: /, '');
    return error.code === 'commander.help'
      ? { exitCode: EXIT.usage, message: 'missing command; see flowclient-rx --help' }
      : { exitCode: error.exitCode === 0 ? EXIT.ok : EXIT.usage, message };
  }
  if (isQuerySpecError(error)) return { exitCode: EXIT.usage, message: `invalid spec: ${error.message}` };
  if (isAuthenticationError(error)) return { exitCode: EXIT.auth, message: `authentication failed${statusOf(error)}: ${error.message}` };
  if (isPermissionDeniedError(error)) {
    return { exitCode: EXIT.auth, message: `permission denied${statusOf(error)}: ${error.message} (no role of the token grants this)` };
  }
  if (isNotFoundError(error)) {
    const where = error.route === undefined || error.message.includes(error.route) ? '' : ` (${error.route})`;
    return { exitCode: EXIT.notFound, message: `not found: ${error.message}${where}` };
  }
  if (isQueryFailedError(error)) return { exitCode: EXIT.queryFailed, message: `query failed: ${error.message}` };
  if (isNetworkError(error)) return { exitCode: EXIT.network, message: `network error: ${error.message}` };
  if (isFlowclientError(error) && error.status === 400) {
    const what = error.route === 'run' ? 'the spec' : 'the request';
    return { exitCode: EXIT.usage, message: `FlowAPI rejected ${what}: ${describeServerMessage(error.serverMessage) ?? error.message}` };
  }
  if (isFlowclientError(error)) return { exitCode: EXIT.failure, message: error.message };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { exitCode: EXIT.failure, message: `unexpected error: ${message}` };
}

/** Options of {@link reportFailure}. */
export interface ReportOptions {
  /** Add the stack and the chain of causes. @defaultValue false */
  readonly verbose?: boolean;
  /** Strings never to print (the token); each is replaced by `<redacted>`. */
  readonly secrets?: readonly string[];
}

/** Anything shaped like a JWT (three base64url parts, the first a JSON header). */
const JWT = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;

/** `text` with every secret, and anything shaped like a JWT, replaced by `<redacted>`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('<redacted>');
  return out.replace(JWT, '<redacted>');
}

const MAX_LINE = 2000;

/** One line: whitespace runs with line breaks collapsed, at most 2000 characters. */
export function oneLine(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

function stackOf(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    const prefix = depth === 0 ? '' : 'Caused by: ';
    lines.push(current instanceof Error ? `${prefix}${current.stack ?? `${current.name}: ${current.message}`}` : `${prefix}${String(current)}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}

/**
 * What to print for a failure and the code to exit with: `flowclient-rx: <one line>`, then (with
 * `verbose`) the stack and causes; everything redacted.
 */
export function reportFailure(error: unknown, options: ReportOptions = {}): { exitCode: ExitCode; text: string } {
  const { exitCode, message } = classify(error);
  const clean = (text: string): string => redact(text, options.secrets); // before cutting: a cut token is no longer recognisable
  const line = `flowclient-rx: ${oneLine(clean(message))}`;
  const text = options.verbose && exitCode !== EXIT.ok ? [line, ...stackOf(error).map(clean)].join('\n') : line;
  return { exitCode, text: `${text}\n` };
}
