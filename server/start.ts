/**
 * `startTestServer`: a FlowAPI test server over the project's query-kinds module.
 */
import * as queryKinds from './query-kinds/index.js';
import { launchTestServer } from './launch.js';
import type { TestServer, TestServerOptions } from './types.js';

/**
 * Start a FlowAPI test server on loopback.
 * @example
 * const server = await startTestServer({ queryDurationMs: 100 });
 * const token = await server.mintToken();
 * // … requests to `${server.url}/api/0/run` …
 * await server.close();
 */
export function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  return launchTestServer(options, queryKinds);
}
