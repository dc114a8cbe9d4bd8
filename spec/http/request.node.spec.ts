// Node-side: unsubscribing from a request aborts it on the wire (the server sees the client leave).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom } from 'rxjs';
import { connect } from '../../src/connection.js';
import { unsignedJwt } from '../support/jwt.js';

describe('request abort (Node)', () => {
  let server: Server;
  let url: string;
  let held: Array<{ req: IncomingMessage; res: ServerResponse; closed: Promise<void> }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.endsWith('/quick')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
        return;
      }
      const closed = new Promise<void>((resolve) => res.once('close', resolve)); // never answered: only the client can end it
      held.push({ req, res, closed });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => (held = []));

  const conn = () => connect({ url, token: unsignedJwt({ sub: 'alice' }), retry: false, onWarning: () => undefined });
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  };

  it('closes the request on the wire when unsubscribed, emitting nothing', async () => {
    const next = jasmine.createSpy('next');
    const error = jasmine.createSpy('error');
    const subscription = conn().getUrl({ route: 'slow' }).subscribe({ next, error });
    await until(() => held.length === 1);
    expect(held.length).toBe(1);
    subscription.unsubscribe();
    await held[0]!.closed; // resolves only when the client drops the request
    await new Promise((r) => setTimeout(r, 20));
    expect(next).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('aborts each of many requests in flight, and a settled request stays settled', async () => {
    const c = conn();
    const reply = await firstValueFrom(c.getUrl({ route: 'quick' }));
    expect(reply.data).toEqual({ ok: true });
    const subscriptions = Array.from({ length: 10 }, () => c.getUrl({ route: 'slow' }).subscribe());
    await until(() => held.length === 10);
    expect(held.length).toBe(10);
    subscriptions.forEach((s) => s.unsubscribe());
    await Promise.all(held.map((h) => h.closed));
    expect(held.every((h) => h.res.writableEnded === false)).toBeTrue();
  });
});
