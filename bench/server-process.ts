/**
 * A FlowAPI test server in its own process, so the client's CPU and memory are measured alone.
 * Prints one JSON line `{"url", "token"}` and serves until killed. Options: JSON in argv[2].
 */
import { startTestServer, type TestServerOptions } from '../server/index.js';

const options = JSON.parse(process.argv[2] ?? '{}') as TestServerOptions;
const server = await startTestServer({ admin: true, ...options });
process.stdout.write(`${JSON.stringify({ url: server.url, token: await server.mintToken() })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
