/**
 * `npm start`: the live query monitor. Starts the embedded FlowAPI test server (unless
 * `FLOWAPI_URL` and `FLOWAPI_TOKEN` point at a real FlowAPI), serves the page on 127.0.0.1 and
 * prints its address; serves until Ctrl-C.
 *
 * Port: `--port <n>` or `PORT`, else 8080 when free, else any free port. The embedded test
 * server's queries take `--query-duration-ms` (default 4000) from run to completed.
 * @module
 */
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { startMonitor } from './serve.js';

const DEFAULT_PORT = 8080;
const DEFAULT_QUERY_DURATION_MS = 4000;

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(2);
}

/** Port and query duration from the arguments and `PORT`; exits with a message when malformed. */
async function readOptions(): Promise<{ port: number; queryDurationMs: number }> {
  let values: { port?: string | undefined; 'query-duration-ms'?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, 'query-duration-ms': { type: 'string' } } }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const requested = values.port ?? process.env['PORT'];
  const port = requested === undefined ? ((await portFree(DEFAULT_PORT)) ? DEFAULT_PORT : 0) : Number(requested);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`the port must be an integer from 0 to 65535 (got "${requested}")`);
  const duration = values['query-duration-ms'];
  const queryDurationMs = duration === undefined ? DEFAULT_QUERY_DURATION_MS : Number(duration);
  if (!(Number.isFinite(queryDurationMs) && queryDurationMs >= 0)) fail(`--query-duration-ms must be a number of ms (got "${duration}")`);
  return { port, queryDurationMs };
}

const { port, queryDurationMs } = await readOptions();
const flowapiUrl = process.env['FLOWAPI_URL'] || undefined;
const token = process.env['FLOWAPI_TOKEN'] || undefined;
if (Boolean(flowapiUrl) !== Boolean(token)) {
  console.warn('FLOWAPI_URL and FLOWAPI_TOKEN go together; with only one set, the embedded test server is used.');
}

const monitor = await startMonitor({ port, flowapiUrl, token, queryDurationMs }).catch((error: unknown) =>
  fail(`the monitor could not start: ${error instanceof Error ? error.message : String(error)}`),
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  monitor.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

console.log(`Monitor: ${monitor.url}`);
console.log(
  monitor.testServer
    ? `FlowAPI: embedded test server at ${monitor.flowapiUrl} (queries take ${queryDurationMs / 1000} s)`
    : `FlowAPI: ${monitor.flowapiUrl} (through the monitor's own origin)`,
);
console.log('Open the address in a browser; Ctrl-C stops.');
