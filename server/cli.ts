#!/usr/bin/env node
/**
 * `flowapi-test-server`: start a FlowAPI test server, print its URL and a token with every scope,
 * and serve until SIGINT/SIGTERM.
 *
 *   flowapi-test-server --port 9090 [--host 127.0.0.1] [--flowapi-version 1.3]
 *                       [--query-duration-ms 300|MIN-MAX] [--queued-ms MS|MIN-MAX]
 *                       [--audience NAME]
 *                       [--private-key PEM|FILE --public-key PEM|FILE]
 */
import { USAGE, parseCommandLine } from './cli-options.js';
import { startTestServer, type TestServerOptions } from './index.js';

async function main(): Promise<void> {
  let options: TestServerOptions | 'help';
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const server = await startTestServer(options);
  console.log(`FlowAPI ${options.flowapiVersion ?? '1.18'} test server: ${server.url}`);
  console.log(`Token: ${await server.mintToken()}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
