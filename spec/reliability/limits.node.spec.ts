/**
 * The limits of one request, in Node, against hostile servers of the spec's own (plain HTTP on
 * 127.0.0.1): `timeoutMs` bounds each attempt from send to the last byte, so a body dripped a
 * byte at a time fails with the NetworkError of a timeout on run, poll and get (and each retry is
 * bounded alike); `maxResponseBytes` stops a body larger than it, counted after decompression (a
 * gzip bomb too), with a ResponseTooLargeError after one request, never retried.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip, gzipSync } from 'node:zlib';
import { firstValueFrom } from 'rxjs';
import { connect, type ConnectOptions, type Connection } from '../../src/connection.js';
import { getJsonRows } from '../../src/client/results.js';
import { getStatus, queryIsReady } from '../../src/client/status.js';
import { NetworkError, ResponseTooLargeError, isResponseTooLargeError } from '../../src/errors.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../src/http/response-limit.js';
import { unsignedJwt } from '../support/jwt.js';
import { outcomeOf } from './support/outcome.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';

const token = unsignedJwt({ sub: 'alice', exp: 2_000_000_000 });
const ID = '0123456789abcdef0123456789abcdef';
const MB = 1_000_000;
/** How late a timed-out attempt may end on a busy 2-core machine. */
const MARGIN_MS = 600;

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

/** A plain HTTP server on 127.0.0.1 that counts requests by path and answers with the current `answer`. */
async function hostileServer(): Promise<{ server: Server; url: string; received: string[]; answer: { current: Answer } }> {
  const received: string[] = [];
  const answer = { current: ((_req, res) => res.end()) as Answer };
  const server = createServer((req, res) => {
    received.push(String(req.url));
    req.resume();
    answer.current(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, answer };
}

/** Answer `status` with `body` sent one byte every `intervalMs` (a reply that never stalls long enough for an idle timeout). */
const drip =
  (status: number, body: string, intervalMs = 250): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    let at = 0;
    const timer = setInterval(() => {
      if (at >= body.length) {
        clearInterval(timer);
        res.end();
        return;
      }
      res.write(body[at]);
      at += 1;
    }, intervalMs);
    res.on('close', () => clearInterval(timer));
  };

/** Answer `status` with `body` at once, optionally with extra headers. */
const whole =
  (status: number, body: Buffer | string, headers: Record<string, string> = {}): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };

/** A JSON result of about `bytes` bytes: `{"query_id":…, "query_result":[{"v":"xxx…"}]}`. */
const resultOf = (bytes: number): string => JSON.stringify({ query_id: ID, query_result: [{ v: 'x'.repeat(bytes) }] });

/** `bytes` zeros, gzipped as a stream (the zeros are never held at once). */
async function gzippedZeros(bytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  const zeros = Buffer.alloc(MB);
  for (let sent = 0; sent < bytes; sent += zeros.length) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** How a call ended and how long it took, in ms. */
async function timed(act: () => unknown): Promise<{ error: unknown; value: unknown; ms: number }> {
  const start = performance.now();
  const outcome = await outcomeOf(act);
  return { error: outcome.error, value: outcome.value, ms: performance.now() - start };
}

describe('limits (Node): timeoutMs bounds each attempt, maxResponseBytes each body', () => {
  let hostile: Awaited<ReturnType<typeof hostileServer>>;
  let bomb: Buffer;
  let unhandled: UnhandledTracker;

  beforeAll(async () => {
    hostile = await hostileServer();
    bomb = await gzippedZeros(256 * MB);
  });
  afterAll(async () => close(hostile.server));
  beforeEach(() => {
    hostile.received.length = 0;
    unhandled = trackUnhandled();
  });
  afterEach(async () => {
    hostile.answer.current = (_req, res) => res.end();
    expect(await unhandled.stop()).withContext('unhandled errors, rejections and late notifications').toEqual([]);
  });

  const conn = (options: Partial<ConnectOptions> = {}): Connection =>
    connect({ url: hostile.url, token, retry: false, onWarning: () => undefined, ...options });

  describe('timeoutMs: from send to last byte', () => {
    const executing = JSON.stringify({ status: 'executing', msg: '', progress: { eligible: 1, queued: 0, running: 1 } });
    const calls: Array<{ name: string; status: number; body: string; act: (c: Connection) => unknown }> = [
      { name: 'run (postJson)', status: 202, body: JSON.stringify({ query_id: ID, progress: {} }), act: (c) => c.postJson({ route: 'run', data: { query_kind: 'x' } }) },
      { name: 'poll (getStatus)', status: 202, body: executing, act: (c) => getStatus({ connection: c, queryId: ID }) },
      { name: 'poll (queryIsReady)', status: 202, body: executing, act: (c) => queryIsReady({ connection: c, queryId: ID }) },
      { name: 'get (getJsonRows)', status: 200, body: resultOf(40), act: (c) => getJsonRows({ connection: c, location: `get/${ID}` }) },
      { name: 'get (getUrl)', status: 200, body: resultOf(40), act: (c) => c.getUrl({ route: `get/${ID}` }) },
    ];
    for (const { name, status, body, act } of calls) {
      it(`fails a dripped ${name} reply with the NetworkError of a timeout within timeoutMs`, async () => {
        expect(body.length * 250).withContext('the drip would take this long').toBeGreaterThan(10_000);
        hostile.answer.current = drip(status, body);
        const { error, ms } = await timed(() => act(conn({ timeoutMs: 1000 })));
        expect(error).toBeInstanceOf(NetworkError);
        expect((error as Error).message).toBe(`Unable to connect to FlowKit API at ${hostile.url}: timeout of 1000ms exceeded`);
        expect(ms).toBeGreaterThanOrEqual(990);
        expect(ms).toBeLessThan(1000 + MARGIN_MS);
        expect(hostile.received.length).toBe(1);
      });
    }

    it('bounds every retry of a dripped reply alike (it is transient), each a fresh request', async () => {
      hostile.answer.current = drip(202, executing);
      const retry = { count: 2, baseDelayMs: 10, maxDelayMs: 20 };
      const { error, ms } = await timed(() => getStatus({ connection: conn({ timeoutMs: 500, retry }), queryId: ID }));
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as Error).message).toMatch(/timeout of 500ms exceeded$/);
      expect(hostile.received).toEqual([`/api/0/poll/${ID}`, `/api/0/poll/${ID}`, `/api/0/poll/${ID}`]);
      expect(ms).toBeGreaterThanOrEqual(3 * 500);
      expect(ms).toBeLessThan(3 * 500 + 2 * retry.maxDelayMs + MARGIN_MS);
    });

    it('leaves a reply that ends in time alone, and has no limit with timeoutMs 0', async () => {
      hostile.answer.current = drip(202, executing, 5);
      const quick = await timed(() => getStatus({ connection: conn({ timeoutMs: 5000 }), queryId: ID }));
      expect(quick.value).toBe('executing');
      hostile.answer.current = drip(202, '{"status":"executing","msg":""}', 40); // ~1.3 s, past the 1000 ms of the other specs
      const unlimited = await timed(() => getStatus({ connection: conn({ timeoutMs: 0 }), queryId: ID }));
      expect(unlimited.value).toBe('executing');
      expect(unlimited.ms).toBeGreaterThan(1000);
    });
  });

  describe('maxResponseBytes: the decoded body', () => {
    const retry = { count: 3, baseDelayMs: 10, maxDelayMs: 20 };
    const expectTooLarge = (error: unknown, limitBytes: number, route: string, status: number | undefined = 200) => {
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(isResponseTooLargeError(error)).toBeTrue();
      const tooLarge = error as ResponseTooLargeError;
      expect(tooLarge.limitBytes).toBe(limitBytes);
      expect(tooLarge.route).toBe(route);
      expect(tooLarge.status).toBe(status);
      expect(tooLarge.message).toBe(`The reply from ${hostile.url}/api/0/${route} is larger than maxResponseBytes (${limitBytes} bytes); its download was stopped.`);
    };

    it('defaults to 1 GiB', () => {
      expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(1_073_741_824);
    });

    for (const [how, headers] of [
      ['with a Content-Length', (body: string) => ({ 'content-length': String(Buffer.byteLength(body)) })],
      ['chunked', () => ({})],
    ] as const) {
      it(`fails a 5 MB result over a 1 MB limit (${how}) with ResponseTooLargeError after one request, never retried`, async () => {
        const body = resultOf(5 * MB);
        hostile.answer.current = whole(200, body, headers(body));
        const { error } = await timed(() => getJsonRows({ connection: conn({ maxResponseBytes: MB, retry }), location: `get/${ID}` }));
        expectTooLarge(error, MB, `get/${ID}`);
        expect(hostile.received).toEqual([`/api/0/get/${ID}`]);
      });
    }

    it('fails a body over the limit whatever its status, even a transient one (503), after one request', async () => {
      hostile.answer.current = whole(503, JSON.stringify({ msg: 'x'.repeat(2 * MB) }));
      const { error } = await timed(() => conn({ maxResponseBytes: MB, retry }).getUrl({ route: 'available_dates' }));
      expectTooLarge(error, MB, 'available_dates', 503);
      expect(hostile.received.length).toBe(1);
    });

    it('stops a gzip bomb (256 MB of zeros) at 10 MB decoded, after one request, without the memory of it', async () => {
      expect(bomb.length).withContext('compressed size').toBeLessThan(MB);
      hostile.answer.current = whole(200, bomb, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      (globalThis as { gc?: () => void }).gc?.();
      const before = process.memoryUsage();
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - before.rss)), 5);
      const { error } = await timed(() => getJsonRows({ connection: conn({ maxResponseBytes: 10 * MB, retry }), location: `get/${ID}` }));
      clearInterval(sampler);
      const after = process.memoryUsage();
      expectTooLarge(error, 10 * MB, `get/${ID}`);
      expect(hostile.received.length).toBe(1);
      expect(after.heapUsed - before.heapUsed).withContext('heap growth').toBeLessThan(200 * MB);
      expect(Math.max(peak, after.rss - before.rss)).withContext('peak rss growth').toBeLessThan(200 * MB);
    });

    it('passes bodies under the limit, plain and gzipped, whole', async () => {
      const body = resultOf(MB / 2);
      hostile.answer.current = whole(200, body);
      const plain = await firstValueFrom(getJsonRows({ connection: conn({ maxResponseBytes: MB }), location: `get/${ID}` }));
      expect(plain).toEqual([{ v: 'x'.repeat(MB / 2) }]);
      const zipped = gzipSync(body);
      hostile.answer.current = whole(200, zipped, { 'content-encoding': 'gzip', 'content-length': String(zipped.length) });
      const reply = await firstValueFrom(conn({ maxResponseBytes: MB }).getUrl({ route: `get/${ID}`, responseType: 'text' }));
      expect(reply.data).toBe(body);
    });

    it('has no limit with maxResponseBytes Infinity', async () => {
      hostile.answer.current = whole(200, JSON.stringify({ available_dates: { calls: ['x'.repeat(3 * MB)] } }));
      const reply = await firstValueFrom(conn({ maxResponseBytes: Infinity }).getUrl({ route: 'available_dates' }));
      expect(reply.status).toBe(200);
    });
  });
});
