import './setup.js';
import { Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BehaviorSubject, lastValueFrom, toArray } from 'rxjs';
import { FlowclientConnectionError, QueryFailedError } from '../../src/index.js';
import { FLOW_CONNECTION, dashboardState$, provideFlowClient } from '../../src/angular/index.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { spatialAggregate } from '../support/fixtures.js';

// dashboardState passes the core's DashboardState through: an errored query's QueryFailedError
// reaches the component's `error`, and `done` still waits for the other queries.
describe('Angular dashboardState with an errored query', () => {
  let server: BrowserTestServer;
  beforeAll(async () => (server = await startTestServer({ queryDurationMs: 300 })));
  afterAll(async () => server.close());
  beforeEach(() => {
    spyOn(console, 'warn'); // the test server is plain http
    TestBed.configureTestingModule({ providers: [provideFlowClient({ url: server.url, token$: new BehaviorSubject<string | null>(server.token) })] });
  });

  it('carries the QueryFailedError (a FlowclientConnectionError) in error, and is done once both have ended', async () => {
    const injector = TestBed.inject(Injector);
    const connection = TestBed.inject(FLOW_CONNECTION);
    const queries = [connection.makeApiQuery(spatialAggregate('2015-06-01')), connection.makeApiQuery(spatialAggregate('2016-01-02'))];
    const states = await lastValueFrom(dashboardState$(queries, { injector, pollInterval: 100 }).pipe(toArray()));
    const last = states.at(-1);
    expect(last?.done).toBeTrue();
    expect(last?.states.map((s) => s?.status)).toEqual(['errored', 'completed']);
    expect(last?.error).toBeInstanceOf(QueryFailedError);
    expect(last?.error).toBeInstanceOf(FlowclientConnectionError);
    expect(last?.error).toEqual(jasmine.objectContaining({ status: 500, serverStatus: 'errored' }));
    expect(states.filter((s) => s.error !== null).every((s) => s.error === last?.error)).withContext('the first error is kept').toBeTrue();
  });
});
