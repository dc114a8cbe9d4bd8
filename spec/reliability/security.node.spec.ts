/**
 * Security checks in Node: TLS verification on by default (no request, so no token, reaches a
 * server whose certificate does not verify); no `Authorization` to another origin whatever redirect
 * a server answers with (Node follows none, and a poll's 303 elsewhere is refused); no token in
 * what Node shows of errors and connections (`util.inspect` at any depth, console lines) or in
 * the output of the `flowclient-rx` command.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { generate } from 'selfsigned';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { startTestServer, type TestServer } from '../../server/index.js';
import { connect, type Connection } from '../../src/connection.js';
import { getAvailableDates } from '../../src/client/metadata.js';
import { getJsonRows } from '../../src/client/results.js';
import { getStatus } from '../../src/client/status.js';
import { FlowclientConnectionError, NetworkError } from '../../src/errors.js';
import { runQuery } from '../../src/query/run-query.js';
import { watchQuery } from '../../src/query/shared-watch.js';
import { unsignedJwt } from '../support/jwt.js';
import { runCli } from './support/cli.js';
import { expectNoSecret, secretsOf } from './support/secrets.js';
import { specSource } from './support/specs.js';
import { trackUnhandled, type UnhandledTracker } from './support/unhandled.js';

const token = unsignedJwt({ sub: 'alice', exp: 2_000_000_000, jti: 'a-long-enough-unique-token-id' });
const secrets = secretsOf(token);
const deepInspect = (value: unknown) => inspect(value, { depth: null, showHidden: true });

const listen = async (server: HttpServer | HttpsServer): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const close = (server: HttpServer | HttpsServer) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('security (Node)', () => {
  let server: TestServer; // the FlowAPI test server, for what Node shows and the command line
  beforeAll(async () => (server = await startTestServer({ queryDurationMs: 0, faults: {} })));
  afterAll(() => server.close());
  let unhandled: UnhandledTracker;
  let consoleLines: unknown[][];
  beforeEach(() => {
    consoleLines = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spyOn(console, method).and.callFake((...args: unknown[]) => void consoleLines.push([method, ...args]));
    }
    unhandled = trackUnhandled();
  });
  afterEach(async () => {
    expectNoSecret(consoleLines.map((line) => line.map((part) => (typeof part === 'string' ? part : deepInspect(part)))), secrets, 'console lines');
    expect(await unhandled.stop()).withContext('unhandled errors and rejections').toEqual([]);
  });

  describe('TLS verification is on by default', () => {
    let server: HttpsServer;
    let url: string;
    const reached: string[] = [];
    beforeAll(async () => {
      const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
        keySize: 2048,
        extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
      } as Parameters<typeof generate>[1]);
      server = createHttpsServer({ key: pems.private, cert: pems.cert }, (req, res) => {
        reached.push(String(req.headers.authorization));
        res.end('{}');
      });
      url = `https://127.0.0.1:${await listen(server)}`;
    });
    afterAll(() => close(server));

    const cases: Array<[string, Partial<{ sslCertificate: true }>]> = [
      ['without sslCertificate', {}],
      ['with sslCertificate: true', { sslCertificate: true }],
    ];
    for (const [how, options] of cases) {
      it(`refuses a self-signed server ${how}, before any request (so any token) is sent`, async () => {
        const conn = connect({ url, token, retry: false, ...options });
        const error = await firstValueFrom(conn.getUrl({ route: 'available_dates' })).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(NetworkError);
        expect((error as Error).message).toMatch(/^Unable to connect to FlowKit API at https:\/\/127\.0\.0\.1:\d+: .*(self.signed|certificate)/i);
        expect(reached).withContext('requests the server received').toEqual([]);
        expectNoSecret(error, secrets, 'the TLS error', [deepInspect]);
        expect(consoleLines).withContext('warnings (verification is on: none)').toEqual([]);
      });
    }
  });

  describe('no Authorization to another origin', () => {
    let elsewhere: HttpServer;
    let origin: HttpServer;
    let originUrl: string;
    let elsewhereUrl: string;
    const arrivedElsewhere: Array<{ url: string; authorization: string | undefined }> = [];
    /** How the origin answers the next requests: a redirect with this status to this location. */
    let redirect: { status: number; location: string } | undefined;

    beforeAll(async () => {
      elsewhere = createHttpServer((req, res) => {
        arrivedElsewhere.push({ url: String(req.url), authorization: req.headers.authorization });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"query_result":[{"stolen":true}],"available_dates":{"calls":["1970-01-01"]}}');
      });
      elsewhereUrl = `http://127.0.0.1:${await listen(elsewhere)}`;
      origin = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
        req.resume();
        if (redirect) {
          res.writeHead(redirect.status, { location: redirect.location, 'content-type': 'application/json' });
          res.end('{"status":"completed"}');
        } else if (req.url?.startsWith('/api/0/get/')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"query_id":"abc", "query_result":[{"pcod":"A","value":1}]}');
        } else {
          res.writeHead(404).end();
        }
      });
      originUrl = `http://127.0.0.1:${await listen(origin)}`;
    });
    afterAll(async () => Promise.all([close(elsewhere), close(origin)]));
    beforeEach(() => {
      arrivedElsewhere.length = 0;
      redirect = undefined;
    });

    const conn = (): Connection => connect({ url: originUrl, token, retry: false });
    const calls: Array<{ route: string; call: (c: Connection) => Promise<unknown> }> = [
      { route: 'available_dates', call: (c) => firstValueFrom(getAvailableDates({ connection: c })) },
      { route: 'run', call: (c) => firstValueFrom(runQuery({ connection: c, querySpec: specSource()() })) },
      { route: 'poll/abc', call: (c) => firstValueFrom(getStatus({ connection: c, queryId: 'abc' })) },
      { route: 'poll/abc (a watch)', call: (c) => lastValueFrom(watchQuery(c, 'abc').pipe(toArray())) },
      { route: 'get/abc', call: (c) => firstValueFrom(getJsonRows({ connection: c, location: 'get/abc' })) },
    ];
    for (const status of [301, 302, 303, 307, 308]) {
      for (const { route, call } of calls) {
        it(`refuses a ${status} from ${route} to another origin with a FlowclientConnectionError, and sends nothing there`, async () => {
          redirect = { status, location: `${elsewhereUrl}/api/0/${route.split(' ')[0] ?? route}` };
          const outcome = await call(conn()).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          expect(arrivedElsewhere).withContext('requests that reached the other origin').toEqual([]);
          expect('error' in outcome).withContext(`outcome ${deepInspect(outcome)}`).toBeTrue();
          const error = (outcome as { error: Error }).error;
          expect(error?.constructor).toBe(FlowclientConnectionError);
          expect(error.message).toMatch(/redirect|status code: 303\./);
          expectNoSecret(error, secrets, 'the redirect error', [deepInspect]);
        });
      }
    }

    it('names the other origin when it refuses a poll\'s 303 there', async () => {
      redirect = { status: 303, location: `${elsewhereUrl}/api/0/get/abc` };
      await expectAsync(firstValueFrom(getStatus({ connection: conn(), queryId: 'abc' }))).toBeRejectedWith(
        jasmine.objectContaining({ message: `The reply to poll/abc redirected to another origin, ${elsewhereUrl}; redirects are not followed.`, status: 303 }),
      );
    });

    it('still takes a poll\'s 303 to an absolute Location on its own origin for the result', async () => {
      const c = conn();
      redirect = { status: 303, location: `${originUrl}/api/0/get/abc` };
      expect(await firstValueFrom(getStatus({ connection: c, queryId: 'abc' }))).toBe('completed');
      redirect = undefined;
      expect(await firstValueFrom(getJsonRows({ connection: c, location: 'get/abc' }))).toEqual([{ pcod: 'A', value: 1 }]);
    });
  });

  describe('no token in what Node shows', () => {
    let minted: string[];
    beforeAll(async () => (minted = await Promise.all([server.mintToken(), server.mintToken({ expiresInSeconds: -30 })])));
    afterEach(() => server.setFaults({}));

    it('keeps tokens out of util.inspect of connections and queries, at any depth', () => {
      const conn = connect({ url: server.url, token });
      const query = conn.makeApiQuery(specSource()());
      expectNoSecret([deepInspect(conn), deepInspect(query), inspect(conn), String(query)], secrets, 'inspected connections and queries');
      expect(inspect(conn)).toBe(`Connection <alice@${server.url} v0>`);
    });

    const failures: Array<{ what: string; fail: () => Promise<unknown> }> = [
      { what: 'a refused connection', fail: () => firstValueFrom(connect({ url: 'http://127.0.0.1:1', token, retry: false }).getUrl({ route: 'x' })) },
      { what: 'an expired token', fail: () => firstValueFrom(connect({ url: server.url, token: minted[1] ?? '', retry: false }).getUrl({ route: 'available_dates' })) },
      {
        what: 'a timeout',
        fail: () => (server.setFaults({ stalls: [{ route: 'qa', ms: 500, count: 1 }] }), firstValueFrom(connect({ url: server.url, token: minted[0] ?? '', timeoutMs: 100, retry: false }).getUrl({ route: 'qa/' }))),
      },
      {
        what: 'a connection reset',
        fail: () => (server.setFaults({ resets: [{ route: 'available_dates', count: 1 }] }), firstValueFrom(connect({ url: server.url, token: minted[0] ?? '', retry: false }).getUrl({ route: 'available_dates' }))),
      },
    ];
    for (const { what, fail } of failures) {
      it(`keeps tokens out of util.inspect of the error for ${what}, cause and all`, async () => {
        const error = await fail().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(FlowclientConnectionError);
        expectNoSecret(error, [...secrets, ...secretsOf(...minted)], `the error for ${what}`, [deepInspect]);
      });
    }
  });

  describe('no token in command-line output', () => {
    let valid: string;
    let expired: string;
    const runs: Array<{ what: string; args: (queryId: string) => string[]; token: () => string; says: RegExp }> = [
      { what: 'status', args: (id) => ['status', id], token: () => valid, says: /completed/ },
      { what: 'status with an expired token', args: (id) => ['status', id], token: () => expired, says: /expired/i },
      { what: '--verbose status with an expired token (stack printed)', args: (id) => ['--verbose', 'status', id], token: () => expired, says: /expired/i },
      { what: 'get with the token given as --token', args: (id) => ['--token', valid, 'get', id], token: () => valid, says: /pcod/ },
    ];
    const outputs = new Map<string, string>();
    beforeAll(async () => {
      [valid, expired] = await Promise.all([server.mintToken({ sub: 'demo' }), server.mintToken({ expiresInSeconds: -30 })]);
      const ran = await fetch(`${server.url}/api/0/run`, {
        method: 'POST',
        headers: { authorization: `Bearer ${valid}`, 'content-type': 'application/json' },
        body: JSON.stringify(specSource()()),
      });
      const queryId = String(ran.headers.get('location')).split('/').pop() ?? '';
      // the runs take a second each, mostly loading: run them side by side
      await Promise.all(runs.map(async ({ what, args, token: tokenOf }) => outputs.set(what, await runCli(args(queryId), { FLOWAPI_URL: server.url, FLOWAPI_TOKEN: tokenOf() }))));
    });

    for (const { what, says } of runs) {
      it(`prints no token: flowclient-rx ${what}`, () => {
        const output = outputs.get(what) ?? '';
        expect(output).toMatch(says);
        expectNoSecret(output, secretsOf(valid, expired), `the output of flowclient-rx ${what}`);
      });
    }
  });
});
