/**
 * Migration without surprises: what Python code ported from flowclient relies on holds here,
 * against the test server in both FlowAPI eras. The flowclient unit cases (canned replies in
 * `flowclient/tests/unit/test_query_ready.py`, `test_get_status.py`, `test_get_geography.py`)
 * are given as the test server's faults: one canned answer to one route.
 */
import { firstValueFrom, lastValueFrom, switchMap, timer, toArray } from 'rxjs';
import { connect, type Connection } from '../../src/connection.js';
import {
  FlowclientConnectionError,
  QueryFailedError,
  ResultDecodeError,
  isFlowclientConnectionError,
  isQueryFailedError,
} from '../../src/errors.js';
import { getGeography } from '../../src/client/metadata.js';
import { getResult } from '../../src/client/results.js';
import { getStatus, queryIsReady, waitForQueryToBeReady } from '../../src/client/status.js';
import { watchAll } from '../../src/query/watch-all.js';
import { runQuery } from '../../src/query/run-query.js';
import { setFaults, spatialAggregate } from '../support/fixtures.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { burst } from '../reliability/support/bad-input/table.js';

/** The error an observable fails with. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** A date outside the test server's available dates: the query ends `errored`. */
const ERRORING = spatialAggregate('2015-06-01');
const ERRORED_TEXT = /^Something went wrong: Query with id '[0-9a-f]{32}' finished with an error\. API returned with status code: 500 and status 'errored'$/;

for (const era of ['1.18', '1.3'] as const) {
  describe(`Migrating from flowclient, against FlowAPI ${era}`, () => {
    let server: BrowserTestServer;
    let conn: Connection;
    beforeAll(async () => (server = await startTestServer({ flowapiVersion: era, queryDurationMs: 300, admin: true })));
    afterAll(async () => server.close());
    beforeEach(async () => {
      spyOn(console, 'warn');
      await setFaults(server, {});
      conn = connect({ url: server.url, token: server.token, retry: false });
    });

    describe('an errored query fails as flowclient\'s FlowclientConnectionError', () => {
      it('from getResult, waitForQueryToBeReady and APIQuery.getResult: a QueryFailedError that is a FlowclientConnectionError, status 500, serverStatus errored', async () => {
        const queryId = await firstValueFrom(runQuery({ connection: conn, querySpec: ERRORING }));
        const failures = [
          await failureOf(firstValueFrom(getResult({ connection: conn, querySpec: ERRORING, pollInterval: 100 }))),
          await failureOf(firstValueFrom(waitForQueryToBeReady({ connection: conn, queryId, pollInterval: 100 }))),
          await failureOf(firstValueFrom(conn.makeApiQuery(ERRORING).getResult({ pollInterval: 100 }))),
        ];
        for (const error of failures) {
          expect(error).toBeInstanceOf(QueryFailedError);
          expect(error).toBeInstanceOf(FlowclientConnectionError); // `except FlowclientConnectionError` catches it
          expect(isFlowclientConnectionError(error)).toBeTrue();
          expect(isQueryFailedError(error)).toBeTrue();
          expect(error).toEqual(jasmine.objectContaining({ name: 'QueryFailedError', status: 500, serverStatus: 'errored', route: `poll/${queryId}` }));
          expect((error as Error).message).toMatch(ERRORED_TEXT);
          expect((error as Error).message).toContain(queryId);
        }
      });

      it('carries the server\'s own text when the poll\'s 500 has one', async () => {
        const queryId = await firstValueFrom(runQuery({ connection: conn, querySpec: spatialAggregate('2016-01-03') }));
        await setFaults(server, burst('poll', 500, '{"status":"errored","msg":"Query failed: out of disk"}', 'application/json'));
        const error = await failureOf(firstValueFrom(waitForQueryToBeReady({ connection: conn, queryId, pollInterval: 100 })));
        expect(error).toEqual(jasmine.objectContaining({ name: 'QueryFailedError', status: 500, serverStatus: 'errored', serverMessage: 'Query failed: out of disk' }));
        expect((error as Error).message).toBe("Something went wrong: Query failed: out of disk. API returned with status code: 500 and status 'errored'");
      });

      it('watchAll sets error to the first errored query\'s QueryFailedError, and done waits for the others', async () => {
        const errored = conn.makeApiQuery(ERRORING);
        const fine = conn.makeApiQuery(spatialAggregate('2016-01-04'));
        const later = timer(1000).pipe(switchMap(() => fine.watch({ pollInterval: 100 }))); // still running when the first errs
        const states = await lastValueFrom(watchAll([errored, later], { pollInterval: 100 }).pipe(toArray()));
        const firstError = states.findIndex((s) => s.error !== null);
        const last = states.at(-1);
        expect(firstError).toBeGreaterThan(0);
        expect(states[firstError]?.states[0]?.status).withContext('the error comes with the errored state').toBe('errored');
        expect(states[firstError]?.done).withContext('the other query is still running').toBeFalse();
        expect(last?.done).toBeTrue();
        expect(last?.states.map((s) => s?.status)).toEqual(['errored', 'completed']);
        expect(last?.error).toBeInstanceOf(QueryFailedError);
        expect(last?.error).toBe(states[firstError]?.error); // the first one, kept
        expect(last?.error).toEqual(jasmine.objectContaining({ status: 500, serverStatus: 'errored', route: `poll/${errored.queryId ?? ''}` }));
        expect((last?.error as Error).message).toMatch(ERRORED_TEXT);
        const oneShot = await failureOf(firstValueFrom(errored.getResult()));
        expect((oneShot as Error).message).withContext('the same error a one-shot call gives').toBe((last?.error as Error).message);
      });
    });

    describe('flowclient\'s unit cases, as canned replies', () => {
      let queryId: string;
      beforeEach(async () => (queryId = await firstValueFrom(runQuery({ connection: conn, querySpec: spatialAggregate('2016-01-05') }))));

      it('test_query_ready_reports_false: a 202 whose body says "completed" is not ready', async () => {
        await setFaults(server, burst('poll', 202, '{"status":"completed","payload":{"progress":{"eligible":0,"queued":0,"executing":0}}}', 'application/json'));
        const { ready, response } = await firstValueFrom(queryIsReady({ connection: conn, queryId }));
        expect(ready).toBeFalse();
        expect(response.status).toBe(202);
      });

      it('a 202 with an empty or HTML body is not ready either (flowclient reads no body)', async () => {
        await setFaults(server, burst('poll', 202, '<html>Accepted</html>', 'text/html'));
        expect((await firstValueFrom(queryIsReady({ connection: conn, queryId }))).ready).toBeFalse();
      });

      it('test_query_ready_raises: another status raises FlowclientConnectionError', async () => {
        await setFaults(server, burst('poll', 200, '{"status":"executing"}', 'application/json'));
        const error = await failureOf(firstValueFrom(queryIsReady({ connection: conn, queryId })));
        expect(error).toBeInstanceOf(FlowclientConnectionError);
        expect(error).toEqual(jasmine.objectContaining({ status: 200 }));
      });

      for (const running of ['queued', 'executing'] as const) {
        it(`test_get_status_reports_running: a 202 with status "${running}" is ${running}`, async () => {
          await setFaults(server, burst('poll', 202, JSON.stringify({ status: running, payload: { progress: { eligible: 0, queued: 0, executing: 0 } } }), 'application/json'));
          expect(await firstValueFrom(getStatus({ connection: conn, queryId }))).toBe(running);
        });
      }

      it('a 202 without status: getStatus fails with flowclient\'s FlowclientConnectionError "No status reported."', async () => {
        await setFaults(server, burst('poll', 202, '{"msg":"","progress":{"eligible":2,"queued":1,"running":1}}', 'application/json'));
        const error = await failureOf(firstValueFrom(getStatus({ connection: conn, queryId })));
        expect(error).toBeInstanceOf(FlowclientConnectionError);
        expect(error).toEqual(jasmine.objectContaining({ name: 'FlowclientConnectionError', message: 'No status reported.', status: 202, route: `poll/${queryId}` }));
      });

      it('test_get_geography: returns what the server sent, unchanged', async () => {
        const body = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { admin3pcod: 'X' } }], crs: { type: 'name' }, note: 'kept' };
        await setFaults(server, burst('geography', 200, JSON.stringify(body), 'application/json'));
        expect(await firstValueFrom(getGeography({ connection: conn, aggregationUnit: 'admin3' }))).toEqual(body as never);
      });

      it('getGeography of a body that is not a FeatureCollection says what was wrong', async () => {
        await setFaults(server, burst('geography', 200, '{"some":"json"}', 'application/json'));
        const error = await failureOf(firstValueFrom(getGeography({ connection: conn, aggregationUnit: 'admin3' })));
        expect(error).toBeInstanceOf(ResultDecodeError);
        expect((error as Error).message).toBe('The result at geography/admin3 is not a GeoJSON FeatureCollection: no `features` array.');
      });

      it('test_get_geography_error: a refusal carries the server\'s msg', async () => {
        await setFaults(server, burst('geography', 400, '{"msg":"MESSAGE"}', 'application/json'));
        const error = await failureOf(firstValueFrom(getGeography({ connection: conn, aggregationUnit: 'admin3' })));
        expect(error).toBeInstanceOf(FlowclientConnectionError);
        expect(error).toEqual(jasmine.objectContaining({ status: 400, serverMessage: 'MESSAGE' }));
      });
    });

    it('APIQuery.connection is read-only, as flowclient\'s property: assigning throws (strict mode) or has no effect', async () => {
      const query = conn.makeApiQuery(spatialAggregate('2016-01-06'));
      const other = connect({ url: 'https://elsewhere.example', token: server.token });
      const assign = (target: object) => {
        'use strict';
        (target as { connection: Connection }).connection = other;
      };
      expect(() => assign(query)).toThrowError(TypeError);
      let sloppy: unknown; // a non-strict bundle: the assignment is dropped
      try {
        Reflect.set(query, 'connection', other);
      } catch (error) {
        sloppy = error;
      }
      expect(sloppy).toBeUndefined();
      expect(Reflect.set(query, 'connection', other)).withContext('Reflect.set reports the refusal').toBeFalse();
      expect(query.connection).toBe(conn);
      expect(await firstValueFrom(query.run())).toMatch(/^[0-9a-f]{32}$/); // still runs on its own server
    });
  });
}
