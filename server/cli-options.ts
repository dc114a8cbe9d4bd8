/**
 * Command-line options of `flowapi-test-server`, parsed with `node:util` `parseArgs`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DurationMs, TestServerOptions } from './types.js';

/** Usage text. */
export const USAGE = `Usage: flowapi-test-server [--port 9090] [--host 127.0.0.1] [--flowapi-version 1.18|1.3]
                           [--query-duration-ms 300|MIN-MAX] [--queued-ms MS|MIN-MAX]
                           [--audience NAME]
                           [--private-key PEM|FILE --public-key PEM|FILE]`;

/** A PEM given inline or as a file path. */
function pem(value: string): string {
  return value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n') : readFileSync(value, 'utf8');
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return n;
}

/**
 * A time in milliseconds (`300`), or a range each query draws from (`500-4000` or `500,4000`).
 */
function durationMs(name: string, value: string | undefined): DurationMs | undefined {
  if (value === undefined || !/[-,]/.test(value)) return integer(name, value);
  const range = /^\s*(\d+)\s*[-,]\s*(\d+)\s*$/.exec(value);
  const min = Number(range?.[1]);
  const max = Number(range?.[2]);
  if (!range || min > max) throw new Error(`--${name} must be MS or MIN-MAX with MIN <= MAX, got '${value}'`);
  return [min, max];
}

/** Parse the command line into server options. */
export function parseCommandLine(argv: readonly string[]): TestServerOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'flowapi-version': { type: 'string' },
      'query-duration-ms': { type: 'string' },
      'queued-ms': { type: 'string' },
      audience: { type: 'string' },
      'private-key': { type: 'string' },
      'public-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const version = values['flowapi-version'] ?? '1.18';
  if (version !== '1.18' && version !== '1.3') throw new Error(`--flowapi-version must be 1.18 or 1.3, got '${version}'`);
  if ((values['private-key'] === undefined) !== (values['public-key'] === undefined)) {
    throw new Error('--private-key and --public-key go together');
  }
  const port = integer('port', values.port);
  const duration = durationMs('query-duration-ms', values['query-duration-ms']);
  const queued = durationMs('queued-ms', values['queued-ms']);
  return {
    flowapiVersion: version,
    ...(port !== undefined ? { port } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(duration !== undefined ? { queryDurationMs: duration } : {}),
    ...(queued !== undefined ? { queuedMs: queued } : {}),
    ...(values.audience !== undefined ? { audience: values.audience } : {}),
    ...(values['private-key'] !== undefined && values['public-key'] !== undefined
      ? { keys: { privateKeyPem: pem(values['private-key']), publicKeyPem: pem(values['public-key']) } }
      : {}),
  };
}
