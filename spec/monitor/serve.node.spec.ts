/**
 * The monitor's web server without a browser: the FlowAPI proxy on the page's own origin (for an
 * external FlowAPI too), `Location` rewriting, the token handed over only on `/config.json`, and
 * requests under a foreign Host name turned away.
 */
import http from 'node:http';
import { startTestServer, type TestServer } from '../../server/index.js';
import { rewriteLocation } from '../../monitor/proxy.js';
import { startMonitor, type Monitor } from '../../monitor/serve.js';

/** A raw GET (fetch would not let the test set Host). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

describe('the live query monitor server', () => {
  describe('rewriteLocation', () => {
    const upstream = new URL('https://flowapi.example.org/flowapi');
    const cases: ReadonlyArray<[string, string]> = [
      ['/flowapi/api/0/poll/abc', '/api/0/poll/abc'],
      ['https://flowapi.example.org/flowapi/api/0/get/abc', '/api/0/get/abc'],
      ['https://flowapi.example.org/api/0/get/abc', '/api/0/get/abc'],
      ['https://elsewhere.example.org/api/0/get/abc', 'https://elsewhere.example.org/api/0/get/abc'],
    ];
    for (const [location, expected] of cases) {
      it(`rewrites ${location} to ${expected}`, () => expect(rewriteLocation(location, upstream)).toBe(expected));
    }
  });

  describe('in front of an external FlowAPI (FLOWAPI_URL and FLOWAPI_TOKEN)', () => {
    let flowapi: TestServer;
    let monitor: Monitor;
    let token: string;

    beforeAll(async () => {
      flowapi = await startTestServer({ queryDurationMs: 50 });
      token = await flowapi.mintToken({ sub: 'external-user' });
      monitor = await startMonitor({ port: 0, flowapiUrl: flowapi.url, token });
    });
    afterAll(async () => {
      await monitor?.close();
      await flowapi?.close();
    });

    it('starts no test server of its own and gives the page the token only on /config.json', async () => {
      expect(monitor.testServer).toBeUndefined();
      const config = await get(new URL('/config.json', monitor.url).href);
      expect(JSON.parse(config.body)).toEqual({ token, flowapiUrl: flowapi.url, source: 'external' });
      expect(config.headers['cache-control']).toBe('no-store');
      const html = await get(monitor.url);
      expect(html.status).toBe(200);
      expect(html.body).not.toContain(token);
      expect(html.headers['content-security-policy']).toContain("connect-src 'self'");
    });

    it('serves the bundled page script', async () => {
      const script = await get(new URL('/app.js', monitor.url).href);
      expect(script.status).toBe(200);
      expect(script.headers['content-type']).toContain('javascript');
      expect(script.body).not.toContain(token);
    });

    it('forwards /api/ to the FlowAPI with the token, on its own origin', async () => {
      const before = flowapi.counters().requests.available_dates;
      const reply = await get(new URL('/api/0/available_dates', monitor.url).href, { authorization: `Bearer ${token}` });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual(jasmine.objectContaining({ available_dates: jasmine.any(Object) }));
      expect(flowapi.counters().requests.available_dates).toBe(before + 1);
      expect((await get(new URL('/api/0/available_dates', monitor.url).href)).status).toBe(401);
    });

    it('turns away requests under another Host name (DNS rebinding) before anything is read', async () => {
      const port = new URL(monitor.url).port;
      for (const path of ['/config.json', '/api/0/available_dates']) {
        const reply = await get(new URL(path, monitor.url).href, { host: `attacker.example:${port}`, authorization: `Bearer ${token}` });
        expect(reply.status).withContext(path).toBe(421);
        expect(reply.body).not.toContain(token);
      }
      expect((await get(new URL('/config.json', monitor.url).href, { host: `localhost:${port}` })).status).toBe(200);
    });

    it('answers 502 in words when the FlowAPI is down', async () => {
      const down = await startMonitor({ port: 0, flowapiUrl: 'http://127.0.0.1:9', token });
      try {
        const reply = await get(new URL('/api/0/available_dates', down.url).href);
        expect(reply.status).toBe(502);
        expect(JSON.parse(reply.body)).toEqual(jasmine.objectContaining({ msg: jasmine.stringContaining('could not reach FlowAPI') }));
      } finally {
        await down.close();
      }
    });
  });
});
