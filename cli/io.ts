/**
 * What commands read and write: the streams they are given, and where results go (stdout, or
 * the file of `--out`, `-` meaning stdout). JSON is printed indented, GeoJSON on one line (its
 * coordinate lists would take a line per number), CSV exactly as sent.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import type { ResultFormat } from '../src/index.js';
import { EXIT } from './exit-codes.js';
import { CliError } from './errors.js';

/** The streams a command reads and writes, so tests can hand in their own. */
export interface CommandIo {
  /** Where results go. */
  readonly stdout: NodeJS.WritableStream;
  /** Where progress goes. */
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  /** Where `run -` reads its spec. */
  readonly stdin: NodeJS.ReadableStream;
  /** Aborts on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
}

/** A value as the command prints it: strings as they are, anything else as indented JSON with a final newline. */
export function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
}

/** A result in its format: CSV as sent, GeoJSON on one line, rows as indented JSON. */
export function formatResult(format: ResultFormat, value: unknown): string {
  return format === 'geojson' && typeof value !== 'string' ? `${JSON.stringify(value)}\n` : formatValue(value);
}

/** Write `text` to `out` (a file path), or to stdout when `out` is missing or `-`. */
export async function writeOutput(text: string, out: string | undefined, io: CommandIo): Promise<void> {
  if (out === undefined || out === '-') {
    await new Promise<void>((resolve, reject) => io.stdout.write(text, (error) => (error ? reject(error) : resolve())));
    return;
  }
  try {
    await writeFile(out, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(EXIT.failure, `cannot write ${out}: ${reason}`, { cause: error });
  }
}
