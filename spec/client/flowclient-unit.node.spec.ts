/**
 * flowclient's own unit tests (`flowclient/tests/unit/test_query_ready.py`, `test_get_status.py`,
 * `test_get_geography.py`) feed canned replies through a mocked connection. Here the same replies
 * come from a small fake FlowAPI on 127.0.0.1 that answers every request with the reply the test
 * set, so what flowclient's tests assert is asserted of this client.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom } from 'rxjs';
import { connect, type Connection } from '../../src/connection.js';
import { getGeography } from '../../src/client/metadata.js';
import { getStatus, queryIsReady, waitForQueryToBeReady } from '../../src/client/status.js';
import {
  AuthenticationError,
  FlowclientConnectionError,
  NotFoundError,
  QueryFailedError,
  ResultDecodeError,
  isFlowclientConnectionError,
} from '../../src/errors.js';
import { unsignedJwt } from '../support/jwt.js';

interface Canned {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const ID = 'foo';

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('flowclient\'s unit cases against a fake FlowAPI (Node)', () => {
  let server: Server;
  let reply: Canned = { status: 500 };
  let conn: Connection;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    spyOn(console, 'warn'); // plain http
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    conn = connect({ url, token: unsignedJwt({ sub: 'bar', exp: 2_000_000_000 }), retry: false });
  });

  it('test_query_ready_reports_false: a 202 is not ready, whatever its body says', async () => {
    reply = { status: 202, body: { status: 'completed', payload: { progress: { eligible: 0, queued: 0, executing: 0 } } } };
    const { ready, response } = await firstValueFrom(queryIsReady({ connection: conn, queryId: ID }));
    expect(ready).toBeFalse();
    expect(response.status).toBe(202);
  });

  it('test_query_ready_raises: status 999 raises FlowclientConnectionError', async () => {
    reply = { status: 999, body: {} };
    const error = await failureOf(firstValueFrom(queryIsReady({ connection: conn, queryId: ID })));
    expect(error).toBeInstanceOf(FlowclientConnectionError);
    expect(error).toEqual(jasmine.objectContaining({ status: 999 }));
  });

  for (const running of ['queued', 'executing'] as const) {
    it(`test_get_status_reports_running: a 202 with status "${running}" is ${running}`, async () => {
      reply = { status: 202, body: { status: running, payload: { progress: { eligible: 0, queued: 0, executing: 0 } } } };
      expect(await firstValueFrom(getStatus({ connection: conn, queryId: ID }))).toBe(running);
    });
  }

  it('test_get_status_reports_finished: a 303 is completed (flowclient\'s current word; "Finished" in its oldest test)', async () => {
    reply = { status: 303, headers: { location: `/api/0/get/${ID}` } };
    expect(await firstValueFrom(getStatus({ connection: conn, queryId: ID }))).toBe('completed');
  });

  it('get_status\'s "No status reported.": a 202 without status fails with FlowclientConnectionError', async () => {
    reply = { status: 202, body: { payload: { progress: { eligible: 1, queued: 0, executing: 1 } } } };
    const error = await failureOf(firstValueFrom(getStatus({ connection: conn, queryId: ID })));
    expect(error).toEqual(jasmine.objectContaining({ name: 'FlowclientConnectionError', message: 'No status reported.', status: 202 }));
  });

  it('an errored query (the poll\'s JSON 500) raises a FlowclientConnectionError: QueryFailedError', async () => {
    reply = { status: 500, body: { status: 'errored', msg: '' } };
    const error = await failureOf(firstValueFrom(waitForQueryToBeReady({ connection: conn, queryId: ID, pollInterval: 100 })));
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(isFlowclientConnectionError(error)).toBeTrue();
    expect(error).toEqual(jasmine.objectContaining({ status: 500, serverStatus: 'errored', serverMessage: '' }));
    expect((error as Error).message).toBe("Something went wrong: Query with id 'foo' finished with an error. API returned with status code: 500 and status 'errored'");
  });

  it('test_get_geography: returns the returned body (a FeatureCollection) unchanged', async () => {
    const body = { type: 'FeatureCollection', features: [], name: 'admin3', crs: { type: 'name', properties: { name: 'EPSG:4326' } } };
    reply = { status: 200, body };
    expect(await firstValueFrom(getGeography({ connection: conn, aggregationUnit: 'DUMMY_AGGREGATION' }))).toEqual(body as never);
  });

  it('test_get_geography with {"some": "json"}: refused, saying it is no FeatureCollection (flowclient returns it as a dict)', async () => {
    reply = { status: 200, body: { some: 'json' } };
    const error = await failureOf(firstValueFrom(getGeography({ connection: conn, aggregationUnit: 'DUMMY_AGGREGATION' })));
    expect(error).toBeInstanceOf(ResultDecodeError);
    expect((error as Error).message).toBe('The result at geography/DUMMY_AGGREGATION is not a GeoJSON FeatureCollection: no `features` array.');
  });

  const geographyErrors: readonly [number, abstract new (...args: never[]) => Error, string][] = [
    [401, AuthenticationError, 'MESSAGE'],
    [404, NotFoundError, '/api/0/geography/DUMMY_AGGREGATION not found.'],
    [418, FlowclientConnectionError, "Something went wrong: MESSAGE. API returned with status code: 418 and status 'Unknown status'"],
    [400, FlowclientConnectionError, "Something went wrong: MESSAGE. API returned with status code: 400 and status 'Unknown status'"],
  ];
  for (const [code, type, message] of geographyErrors) {
    it(`test_get_geography_error: ${code} raises ${type.name.replace(/\d+$/, '')} with the server's msg`, async () => {
      reply = { status: code, body: { msg: 'MESSAGE' } };
      const error = await failureOf(firstValueFrom(getGeography({ connection: conn, aggregationUnit: 'DUMMY_AGGREGATION' })));
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message.endsWith(message)).withContext((error as Error).message).toBeTrue();
      expect(error).toEqual(jasmine.objectContaining({ status: code }));
    });
  }
});
