/**
 * Starting servers: fast, side by side on ephemeral ports, each with its own keys; a fixed port,
 * given PEM keys (also base64-encoded), and closing.
 */
import { createServer } from 'node:net';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { startTestServer, type TestServer } from '../../server/index.js';
import { call } from './support/http.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('test server · instances', () => {
  it('starts in under a second', async () => {
    await (await startTestServer()).close(); // warm up the module graph once
    const started = Date.now();
    const server = await startTestServer();
    const elapsed = Date.now() - started;
    await server.close();
    expect(elapsed).toBeLessThan(1000);
  });

  it('runs several instances side by side on 127.0.0.1 ephemeral ports, each with its own keys', async () => {
    const servers = await Promise.all([startTestServer(), startTestServer(), startTestServer()]);
    try {
      const urls = servers.map((s) => s.url);
      expect(new Set(urls).size).toBe(3);
      for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const [a, b] = servers as [TestServer, TestServer, TestServer];
      expect((await call(a, '/api/0/available_dates', { token: await a.mintToken() })).status).toBe(200);
      const foreign = await call(b, '/api/0/available_dates', { token: await a.mintToken() });
      expect(foreign.status).toBe(422);
      expect(foreign.body).toEqual({ msg: 'Signature verification failed' });
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });

  it('listens on the port asked for', async () => {
    const port = await freePort();
    const server = await startTestServer({ port });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await server.close();
    }
  });

  it('uses PEM keys given as text or base64-encoded text', async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const privateKeyPem = await exportPKCS8(pair.privateKey);
    const publicKeyPem = await exportSPKI(pair.publicKey);
    const plain = await startTestServer({ keys: { privateKeyPem, publicKeyPem } });
    const encoded = await startTestServer({
      keys: { privateKeyPem, publicKeyPem: Buffer.from(publicKeyPem).toString('base64') },
    });
    try {
      const answer = await call(encoded, '/api/0/available_dates', { token: await plain.mintToken() });
      expect(answer.status).toBe(200);
    } finally {
      await plain.close();
      await encoded.close();
    }
  });

  it('refuses connections once closed, and closing twice is harmless', async () => {
    const server = await startTestServer();
    await server.close();
    await server.close();
    await expectAsync(call(server, '/')).toBeRejected();
  });
});
