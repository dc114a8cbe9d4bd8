import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { connect, type Connection } from '../../src/connection.js';
import {
  getAvailableDates,
  getAvailableQaChecks,
  getGeography,
  getQaCheckOutcome,
  getQaCheckOutcomes,
} from '../../src/client/metadata.js';
import {
  getCsvResult,
  getGeojsonResult,
  getJsonRows,
  getResult,
  getResultByQueryId,
} from '../../src/client/results.js';
import {
  getResultLocationFromIdWhenReady,
  getStatus,
  queryIsReady,
  waitForQueryToBeReady,
} from '../../src/client/status.js';
import { runQuery } from '../../src/query/run-query.js';
import { NotFoundError, PermissionDeniedError, ResultDecodeError } from '../../src/errors.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { setFaults, spatialAggregate } from '../support/fixtures.js';

describe('client functions (flowclient\'s API as cold observables)', () => {
  let server: BrowserTestServer;
  let connection: Connection;
  beforeAll(async () => (server = await startTestServer({ queryDurationMs: 200, admin: true })));
  afterAll(async () => server.close());
  beforeEach(async () => {
    spyOn(console, 'warn');
    await setFaults(server, {});
    await server.reset();
    connection = connect({ url: server.url, token: server.token, retry: { count: 2, baseDelayMs: 20, maxDelayMs: 50 } });
  });

  it('runQuery gives the id from the Location header; nothing is sent before subscribe', async () => {
    const run = runQuery({ connection, querySpec: spatialAggregate('2016-01-02') });
    expect((await server.counters()).requests['run']).toBe(0);
    const id = await firstValueFrom(run);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect((await server.counters()).requests['run']).toBe(1);
  });

  it('queryIsReady / getStatus / waitForQueryToBeReady / getResultLocationFromIdWhenReady', async () => {
    const queryId = await firstValueFrom(runQuery({ connection, querySpec: spatialAggregate('2016-01-03') }));
    const first = await firstValueFrom(queryIsReady({ connection, queryId }));
    expect(first.ready).toBeFalse();
    expect(first.response.status).toBe(202);
    expect(['queued', 'executing']).toContain(await firstValueFrom(getStatus({ connection, queryId })));
    const ready = await lastValueFrom(waitForQueryToBeReady({ connection, queryId, pollInterval: 100 }).pipe(toArray()));
    expect(ready.length).toBe(1);
    expect(ready[0]?.status).toBe('completed');
    expect(await firstValueFrom(getResultLocationFromIdWhenReady({ connection, queryId }))).toBe(`get/${queryId}`);
    expect((await firstValueFrom(queryIsReady({ connection, queryId }))).ready).toBeTrue();
    expect(await firstValueFrom(getStatus({ connection, queryId }))).toBe('completed');
  });

  it('getResultByQueryId and getJsonRows give rows as objects', async () => {
    const queryId = await firstValueFrom(runQuery({ connection, querySpec: spatialAggregate('2016-01-04', 'admin1') }));
    const rows = await firstValueFrom(getResultByQueryId({ connection, queryId, pollInterval: 100 }));
    expect(rows.length).toBeGreaterThan(0);
    expect(await firstValueFrom(getJsonRows({ connection, location: `get/${queryId}` }))).toEqual(rows);
  });

  it('getResult, getGeojsonResult and getCsvResult run and fetch in one go', async () => {
    const spec = spatialAggregate('2016-01-05', 'admin2');
    const [rows, geojson, csv] = await Promise.all([
      firstValueFrom(getResult({ connection, querySpec: spec, pollInterval: 100 })),
      firstValueFrom(getGeojsonResult({ connection, querySpec: spec, pollInterval: 100 })),
      firstValueFrom(getCsvResult({ connection, querySpec: spec, pollInterval: 100 })),
    ]);
    expect(geojson.features.length).toBe(rows.length);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines.length).toBe(rows.length + 1);
    expect(Object.values((await server.counters()).runs).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('fails a cut result stream with a typed error and never passes partial rows off', async () => {
    const queryId = await firstValueFrom(runQuery({ connection, querySpec: spatialAggregate('2016-01-06', 'admin3') }));
    await firstValueFrom(waitForQueryToBeReady({ connection, queryId, pollInterval: 100 }));
    await setFaults(server, { cutResults: [{ afterBytes: 120, count: 10 }] });
    const noRetry = connect({ url: server.url, token: server.token, retry: false });
    const error = await firstValueFrom(getJsonRows({ connection: noRetry, location: `get/${queryId}` })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error === null).toBeFalse();
    expect((error as Error).name === 'NetworkError' || error instanceof ResultDecodeError).toBeTrue();
  });

  it('getGeography gives a FeatureCollection of the unit\'s regions', async () => {
    const geography = await firstValueFrom(getGeography({ connection, aggregationUnit: 'admin1' }));
    expect(geography.type).toBe('FeatureCollection');
    expect(geography.features.length).toBeGreaterThan(0);
    expect(geography.features[0]?.geometry).toEqual(jasmine.objectContaining({ type: jasmine.stringMatching(/Polygon/) }));
  });

  it('getGeography for a unit the token may not see is a PermissionDeniedError', async () => {
    const narrow = connect({ url: server.url, token: await server.mintToken({ scopes: ['get_result', 'admin1:geography:geography'] }) });
    expect((await firstValueFrom(getGeography({ connection: narrow, aggregationUnit: 'admin1' }))).features.length).toBeGreaterThan(0);
    await expectAsync(firstValueFrom(getGeography({ connection: narrow, aggregationUnit: 'admin2' }))).toBeRejectedWith(jasmine.any(PermissionDeniedError));
  });

  it('getAvailableDates gives every event type, or only those asked for', async () => {
    const all = await firstValueFrom(getAvailableDates({ connection }));
    expect(Object.keys(all)).toEqual(jasmine.arrayContaining(['calls', 'sms', 'mds', 'topups']));
    expect(await firstValueFrom(getAvailableDates({ connection, eventTypes: ['calls', 'nonsense'] }))).toEqual({ calls: all['calls'] ?? [] });
    expect(await firstValueFrom(getAvailableDates({ connection, eventTypes: [] }))).toEqual({});
  });

  it('getAvailableQaChecks lists checks, filtered by event type', async () => {
    const checks = await firstValueFrom(getAvailableQaChecks({ connection }));
    expect(checks.length).toBeGreaterThan(0);
    expect(Object.keys(checks[0] ?? {})).toEqual(jasmine.arrayContaining(['cdr_type', 'type_of_query_or_check']));
    const calls = await firstValueFrom(getAvailableQaChecks({ connection, eventTypes: ['calls'] }));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.cdr_type === 'calls')).toBeTrue();
  });

  it('getQaCheckOutcomes and getQaCheckOutcome read outcomes by range and by date', async () => {
    const [check] = await firstValueFrom(getAvailableQaChecks({ connection, eventTypes: ['calls'] }));
    const checkType = check?.type_of_query_or_check ?? '';
    const outcomes = await firstValueFrom(
      getQaCheckOutcomes({ connection, eventType: 'calls', checkType, startDate: '2016-01-01', endDate: new Date(Date.UTC(2016, 0, 3)) }),
    );
    expect(outcomes.map((o) => o.cdr_date)).toEqual(['2016-01-01', '2016-01-02', '2016-01-03']);
    const one = await firstValueFrom(getQaCheckOutcome({ connection, eventType: 'calls', checkType, eventDate: '2016-01-02' }));
    expect(one).toBe(String(outcomes[1]?.outcome));
    await expectAsync(
      firstValueFrom(getQaCheckOutcome({ connection, eventType: 'calls', checkType, eventDate: '2015-01-01' })),
    ).toBeRejectedWith(jasmine.any(NotFoundError));
  });
});
