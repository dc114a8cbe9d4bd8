// Node-side: sslCertificate against a real local HTTPS server whose certificate is made here.
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { firstValueFrom } from 'rxjs';
import { connect } from '../../src/connection.js';
import { NetworkError } from '../../src/errors.js';
import { unsignedJwt } from '../support/jwt.js';

const token = unsignedJwt({ sub: 'alice' });
const listen = (server: Server | HttpServer) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

describe('sslCertificate (Node)', () => {
  let server: Server;
  let url: string;
  let dir: string;
  let caFile: string;
  const seen: Array<string | undefined> = [];

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
      ],
    } as Parameters<typeof generate>[1]);
    dir = mkdtempSync(join(tmpdir(), 'flowclient-rx-tls-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, pems.cert);
    server = createHttpsServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"available_dates":{"calls":["2016-01-01"]}}');
    });
    url = `https://127.0.0.1:${await listen(server)}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies TLS by default: a self-signed server is refused', async () => {
    const conn = connect({ url, token, retry: false });
    await expectAsync(firstValueFrom(conn.getUrl({ route: 'available_dates' }))).toBeRejectedWith(
      jasmine.objectContaining({ name: 'NetworkError', message: jasmine.stringMatching(/^Unable to connect to FlowKit API at https:\/\/127\.0\.0\.1:\d+: .*(self.signed|certificate)/i) }),
    );
  });

  it('trusts the CA given as a PEM file path', async () => {
    const conn = connect({ url, token, sslCertificate: caFile, retry: false });
    const reply = await firstValueFrom(conn.getUrl({ route: 'available_dates' }));
    expect(reply.status).toBe(200);
    expect(seen.at(-1)).toBe(`Bearer ${token}`);
  });

  it('turns verification off with false, and warns', async () => {
    const warn = spyOn(console, 'warn');
    const conn = connect({ url, token, sslCertificate: false, retry: false });
    expect(warn).toHaveBeenCalledWith(jasmine.stringMatching(/verification is turned off/));
    expect(String(warn.calls.allArgs())).not.toContain(token);
    expect((await firstValueFrom(conn.getUrl({ route: 'available_dates' }))).status).toBe(200);
  });

  it('throws a TypeError naming sslCertificate for a missing CA file', () => {
    expect(() => connect({ url, token, sslCertificate: join(dir, 'missing.pem') })).toThrowError(TypeError, /sslCertificate.*missing\.pem/);
  });
});

describe('redirects (Node)', () => {
  let elsewhere: HttpServer;
  let origin: HttpServer;
  let elsewhereHits = 0;
  let originUrl: string;

  beforeAll(async () => {
    elsewhere = createHttpServer((_req, res) => {
      elsewhereHits++;
      res.end('{}');
    });
    const elsewherePort = await listen(elsewhere);
    origin = createHttpServer((_req, res) => {
      res.writeHead(303, { location: `http://127.0.0.1:${elsewherePort}/api/0/get/abc`, 'content-type': 'application/json' });
      res.end('{"status":"completed"}');
    });
    originUrl = `http://127.0.0.1:${await listen(origin)}`;
  });
  afterAll(() => {
    elsewhere.close();
    origin.close();
  });

  it('returns the 303 itself and never follows it (the token never reaches another origin)', async () => {
    spyOn(console, 'warn');
    const conn = connect({ url: originUrl, token, retry: false });
    const reply = await firstValueFrom(conn.getUrl({ route: 'poll/abc' }));
    expect(reply.status).toBe(303);
    expect(elsewhereHits).toBe(0);
  });

  it('maps a refused connection to NetworkError', async () => {
    spyOn(console, 'warn');
    const conn = connect({ url: 'http://127.0.0.1:1', token, retry: false });
    await expectAsync(firstValueFrom(conn.getUrl({ route: 'x' }))).toBeRejectedWith(jasmine.any(NetworkError));
  });
});
