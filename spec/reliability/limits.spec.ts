/**
 * The limits of one request, in Chromium (axios' fetch adapter), against the test server's faults:
 * `timeoutMs` bounds each attempt from send to the last byte, so a poll reply dripped a byte at a
 * time fails with the NetworkError of a timeout (and a retry of it is a fresh, bounded attempt);
 * a reply over `maxResponseBytes` fails with a ResponseTooLargeError after one request, never retried.
 */
import { firstValueFrom } from 'rxjs';
import { connect, type ConnectOptions, type Connection } from '../../src/connection.js';
import { getAvailableDates } from '../../src/client/metadata.js';
import { getStatus } from '../../src/client/status.js';
import { NetworkError, ResponseTooLargeError } from '../../src/errors.js';
import { setFaults, spatialAggregate } from '../support/fixtures.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { attempts, logFetches, type FetchAttempt } from './support/fetch-log.js';
import { failureOf, record } from './support/record.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';

/** How late a timed-out attempt may end on a busy 2-core machine. */
const MARGIN_MS = 700;
const RETRY = { count: 3, baseDelayMs: 10, maxDelayMs: 20 };

describe('limits (Chromium): timeoutMs bounds each attempt, maxResponseBytes each body', () => {
  let server: BrowserTestServer; // queries run for a minute: polls answer 202 executing throughout
  let queryId: string;
  let fetches: FetchAttempt[];
  let unhandled: UnhandledTracker;

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 60_000, admin: true });
    spyOn(console, 'warn'); // http:// URLs warn "NOT SECURE"
    queryId = await firstValueFrom(conn().makeApiQuery(spatialAggregate('2016-01-05')).run());
  });
  afterAll(async () => server.close());
  beforeEach(async () => {
    await setFaults(server, {});
    await server.reset();
    unhandled = trackUnhandled();
    fetches = logFetches(server.url);
  });
  afterEach(async () => {
    expect(await unhandled.stop()).withContext('unhandled errors, rejections and late notifications').toEqual([]);
  });

  function conn(options: Partial<ConnectOptions> = {}): Connection {
    return connect({ url: server.url, token: server.token, retry: RETRY, ...options });
  }
  const polls = async () => (await server.counters()).polls[queryId] ?? 0;

  it('fails a poll whose reply drips a byte every 100 ms with the NetworkError of a timeout, within timeoutMs', async () => {
    await setFaults(server, { drips: [{ route: 'poll', intervalMs: 100, count: 1 }] });
    const started = performance.now();
    const error = await failureOf(record(getStatus({ connection: conn({ timeoutMs: 1000, retry: false }), queryId })));
    const ms = performance.now() - started;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(`Unable to connect to FlowKit API at ${server.url}: timeout of 1000ms exceeded`);
    expect(ms).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(1000 + MARGIN_MS);
    expect(attempts(fetches, 'poll')).withContext('fetches (each resolved with its headers; the body timed out)').toBe(1);
    expect(await polls()).toBe(1);
  });

  it('retries a dripped poll (a timeout is transient) with a fresh attempt that answers', async () => {
    await setFaults(server, { drips: [{ route: 'poll', intervalMs: 100, count: 1 }] });
    const started = performance.now();
    const status = await firstValueFrom(getStatus({ connection: conn({ timeoutMs: 800 }), queryId }));
    expect(['queued', 'executing']).toContain(status);
    expect(performance.now() - started).toBeLessThan(800 + RETRY.maxDelayMs + MARGIN_MS);
    expect(attempts(fetches, 'poll')).toBe(2);
    expect(await polls()).toBe(2);
  });

  it('fails a reply over maxResponseBytes with ResponseTooLargeError after one request, though 503 is transient', async () => {
    const big = JSON.stringify({ msg: 'x'.repeat(5000) });
    await setFaults(server, { bursts: [{ route: 'available_dates', status: 503, body: big, count: 5 }] });
    const error = await failureOf(record(getAvailableDates({ connection: conn({ maxResponseBytes: 1000 }) })));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toEqual(jasmine.objectContaining({ route: 'available_dates', limitBytes: 1000 }));
    expect(error.message).toBe(`The reply from ${server.url}/api/0/available_dates is larger than maxResponseBytes (1000 bytes); its download was stopped.`);
    expect((await server.counters()).requests['available_dates']).toBe(1);
  });

  it('passes a reply under maxResponseBytes whole', async () => {
    const dates = await firstValueFrom(getAvailableDates({ connection: conn({ maxResponseBytes: 100_000 }) }));
    expect(dates['calls']).toContain('2016-01-01');
  });
});
