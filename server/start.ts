/**
 * `startTestServer`: a FlowAPI test server over the project's query-kinds module, bound to the
 * synthetic population of its `seed`, `subscribers` and available dates.
 */
import { queryKindsFor } from './query-kinds/index.js';
import { defaultAvailableDates, launchTestServer } from './launch.js';
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
  const kinds = queryKindsFor({
    dates: options.availableDates ?? defaultAvailableDates(),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.subscribers === undefined ? {} : { subscribers: options.subscribers }),
  });
  return launchTestServer(options, kinds);
}
