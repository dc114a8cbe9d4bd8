import './setup.js';
import { Component, Injectable, InjectionToken, Injector, computed, inject, runInInjectionContext, type Signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { BehaviorSubject, Subject, filter, firstValueFrom, lastValueFrom, tap, toArray } from 'rxjs';
import { FlowclientConnectionError, QueryFailedError, type APIQuery, type DashboardState, type FeatureCollection, type QuerySpec } from '../../src/index.js';
import {
  FLOW_CONNECTION,
  InjectionContextError,
  dashboardState,
  dashboardState$,
  flowUser,
  isInjectionContextError,
  tokenExpiresAt,
  provideFlowClient,
  queryResult,
  queryResult$,
  queryState,
  queryState$,
  type QueryResult,
  type QueryState,
} from '../../src/angular/index.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { setQueryState, sleep, spatialAggregate } from '../support/fixtures.js';
import { textOf, textUntil } from './support.js';

/** The spec the component under test shows (each test its own, so no two share a server query). */
const SPEC = new InjectionToken<QuerySpec>('SPEC');

/** The service an app would write: queries built on the injected connection. */
@Injectable({ providedIn: 'root' })
class PopulationService {
  readonly #connection = inject(FLOW_CONNECTION);
  query(spec: QuerySpec): APIQuery {
    return this.#connection.makeApiQuery(spec);
  }
}

function label(state: QueryState): string {
  switch (state.status) {
    case 'starting':
      return 'starting';
    case 'queued':
    case 'executing':
      return state.totalParts === null ? state.status : `${state.status} ${state.completedParts ?? 0}/${state.totalParts}`;
    case 'completed':
      return `completed ${state.completedParts ?? '?'}/${state.totalParts ?? '?'}`;
    case 'failed':
      return `failed: ${state.error instanceof Error ? state.error.name : 'unknown'}`;
    default:
      return `${state.status}: ${state.message}`;
  }
}

function resultLabel(result: QueryResult<unknown[]>): string {
  return result.status === 'ready' ? `${result.value.length} rows` : result.status;
}

@Component({
  selector: 'population-live',
  template: `<p><span class="state">{{ stateLabel() }}</span> · <span class="result">{{ rows() }}</span></p>`,
})
class PopulationLive {
  readonly query = inject(PopulationService).query(inject(SPEC));
  readonly state = queryState(this.query, { pollInterval: 100 });
  readonly result = queryResult(this.query, { pollInterval: 100 });
  readonly dashboard = dashboardState([this.query], { pollInterval: 100 });
  readonly stateLabel = computed(() => label(this.state()));
  readonly rows = computed(() => resultLabel(this.result()));
}

/** Watches only (no result download), so polling can be watched on the server. */
@Component({ selector: 'population-watch', template: `<p class="state">{{ stateLabel() }}</p>` })
class PopulationWatch {
  readonly query = inject(PopulationService).query(inject(SPEC));
  readonly state = queryState(this.query, { pollInterval: 100 });
  readonly stateLabel = computed(() => label(this.state()));
}

describe('Angular helpers against the FlowAPI test server', () => {
  let server: BrowserTestServer;
  beforeAll(async () => (server = await startTestServer({ queryDurationMs: 600, admin: true })));
  afterAll(async () => server.close());
  beforeEach(async () => {
    spyOn(console, 'warn'); // the test server is plain http
    await server.reset();
  });

  const configure = (spec: QuerySpec, token$ = new BehaviorSubject<string | null>(server.token)) =>
    TestBed.configureTestingModule({
      providers: [provideFlowClient({ url: server.url, token$, retry: { count: 2, baseDelayMs: 20, maxDelayMs: 50 } }), { provide: SPEC, useValue: spec }],
    });

  /** Wait for the first render (zoneless: change detection is automatic), then until the view shows `until`. */
  async function rendered<T>(fixture: ComponentFixture<T>, until: (text: string) => boolean): Promise<{ fixture: ComponentFixture<T>; seen: string[] }> {
    await fixture.whenStable();
    return { fixture, seen: await textUntil(fixture.nativeElement as Element, until) };
  }
  const shown = <T>(component: new () => T, until: (text: string) => boolean) => rendered(TestBed.createComponent(component), until);

  it("runs a service's query and brings its live state and result to the template", async () => {
    configure(spatialAggregate('2016-01-01'));
    const created = TestBed.createComponent(PopulationLive);
    expect([created.componentInstance.state(), created.componentInstance.result()]).toEqual([{ status: 'starting' }, { status: 'pending' }]);
    const { fixture, seen } = await rendered(created, (text) => / rows$/.test(text));
    const view = fixture.nativeElement as Element;
    expect(textOf(view, '.state')).toBe('completed 2/2');
    expect(textOf(view, '.result')).toMatch(/^[1-9]\d* rows$/);
    expect(seen.some((text) => /^executing [01]\/2 · pending$/.test(text))).toBeTrue();
    const id = fixture.componentInstance.query.queryId ?? '';
    const counters = await server.counters();
    expect(counters.runs[id]).toBe(1); // watch and result shared one run
    expect(counters.requests['run']).toBe(1); // queryState, queryResult and dashboardState, started together, posted once
    expect(counters.requests['get']).toBe(1);
  });

  it('shows a watch that failed (a spec the server rejects) instead of breaking the view', async () => {
    configure(spatialAggregate('2016-01-01', 'admin9'));
    const { fixture } = await shown(PopulationLive, (text) => text.endsWith('· failed'));
    expect(textOf(fixture.nativeElement as Element, '.state')).toBe('failed: FlowclientConnectionError'); // a 400, as flowclient maps it
    expect(textOf(fixture.nativeElement as Element, '.result')).toBe('failed');
    expect(fixture.componentInstance.state()).toEqual({ status: 'failed', error: jasmine.any(FlowclientConnectionError) });
  });

  it("shows the server's verdict on a query that errored, and its result as failed", async () => {
    configure(spatialAggregate('2015-06-01')); // outside the available dates
    const { fixture } = await shown(PopulationLive, (text) => text.endsWith('· failed'));
    expect(textOf(fixture.nativeElement as Element, '.state')).toMatch(/^errored: \S/);
    expect(fixture.componentInstance.result()).toEqual({ status: 'failed', error: jasmine.any(QueryFailedError) });
  });

  it('stops polling when the component is destroyed (the query runs on)', async () => {
    configure(spatialAggregate('2016-01-02'));
    const { fixture } = await shown(PopulationWatch, (text) => text.startsWith('executing'));
    const id = fixture.componentInstance.query.queryId ?? '';
    await setQueryState(server, id, 'executing'); // keeps it running past its duration
    const polls = async () => (await server.counters()).polls[id] ?? 0;
    const alive = await polls();
    await sleep(400); // eight poll intervals
    const beforeDestroy = await polls();
    expect(beforeDestroy).toBeGreaterThan(alive + 2);
    fixture.destroy();
    const atDestroy = await polls();
    await sleep(400);
    expect(await polls()).toBeLessThanOrEqual(atDestroy + 1); // at most one in flight
  });

  it("brings a new token from the app's token$ to a running watch paused by a rejected token", async () => {
    const [rejected, fresh] = await Promise.all([server.mintToken({ foreignKey: true }), server.mintToken()]); // rejected: decodes, but the server answers 422
    const tokens = new BehaviorSubject<string | null>(server.token);
    configure(spatialAggregate('2016-01-03'), tokens);
    const { fixture } = await shown(PopulationWatch, (text) => text.startsWith('executing'));
    const view = fixture.nativeElement as Element;
    const connection = TestBed.inject(FLOW_CONNECTION);
    const id = fixture.componentInstance.query.queryId ?? '';
    await setQueryState(server, id, 'executing'); // holds it running, whatever its duration

    tokens.next(rejected);
    expect(connection.token).toBe(rejected);
    await setQueryState(server, id, 'completed'); // one poll with a good token would now complete the watch
    await sleep(500); // ten poll intervals
    expect(textOf(view, '.state')).toMatch(/^executing/); // paused by the 422s, not failed

    tokens.next(fresh);
    expect(connection.token).toBe(fresh);
    await textUntil(view, (text) => text.startsWith('completed'));
  });

  it('binds many queries into one dashboard signal', async () => {
    configure(spatialAggregate('2016-01-04'));
    @Component({
      selector: 'population-dashboard',
      template: `{{ dashboard().completedParts }}/{{ dashboard().totalParts }} {{ dashboard().done ? 'done' : 'running' }}`,
    })
    class Dashboard {
      readonly #population = inject(PopulationService);
      readonly dashboard = dashboardState(
        ['2016-01-05', '2016-01-06'].map((date) => this.#population.query(spatialAggregate(date))),
        { pollInterval: 100 },
      );
    }
    const { seen } = await shown(Dashboard, (text) => text.endsWith('done'));
    expect(seen[0]).toMatch(/^[0-3]\/[24] running$/);
    expect(seen.at(-1)).toBe('4/4 done');
  });

  describe('outside an injection context', () => {
    beforeEach(() => configure(spatialAggregate('2016-01-07')));

    it('throws an InjectionContextError naming the helper and saying what to do', () => {
      const query = TestBed.inject(PopulationService).query(spatialAggregate('2016-01-07'));
      const calls: Array<[string, () => unknown]> = [
        ['queryState', () => queryState(query)],
        ['queryResult$', () => queryResult$(query)],
        ['dashboardState', () => dashboardState([query])],
        ['flowUser', () => flowUser()],
        ['tokenExpiresAt', () => tokenExpiresAt()],
      ];
      for (const [helper, call] of calls) {
        let error: unknown;
        try {
          call();
        } catch (thrown) {
          error = thrown;
        }
        expect(error).withContext(helper).toBeInstanceOf(InjectionContextError);
        expect(isInjectionContextError(error)).toBeTrue();
        expect(error).toEqual(jasmine.objectContaining({ helper, name: 'InjectionContextError' }));
        expect((error as Error).message).toBe(
          `${helper}() needs an injection context: call it in a constructor or a field initializer, or pass { injector } ` +
            `(e.g. the component's inject(Injector), kept from its constructor).`,
        );
      }
    });

    it('works with an injector instead, as observables too', async () => {
      const injector = TestBed.inject(Injector);
      const query = TestBed.inject(PopulationService).query(spatialAggregate('2016-01-07'));
      const states = await lastValueFrom(queryState$(query, { injector, pollInterval: 100 }).pipe(toArray()));
      expect(states[0]).toEqual({ status: 'starting' });
      expect(states.at(-1)?.status).toBe('completed');
      const result = await lastValueFrom(runInInjectionContext(injector, () => queryResult$(query)));
      expect(result.status).toBe('ready');
    });

    it('gives the result in the format asked for', async () => {
      const injector = TestBed.inject(Injector);
      const query = TestBed.inject(PopulationService).query(spatialAggregate('2016-01-07'));
      const csv = await lastValueFrom(queryResult$(query, { injector, format: 'csv', pollInterval: 100 }));
      expect(csv.status === 'ready' ? csv.value.split(/\r?\n/)[0] : csv).toBe('pcod,value');
      const geojson = await lastValueFrom(queryResult$(query, { injector, format: 'geojson' }));
      expect(geojson.status === 'ready' ? geojson.value.type : geojson).toBe('FeatureCollection');
      const typed: Signal<QueryResult<FeatureCollection>> = queryResult(query, { injector, format: 'geojson' }); // the signal is typed by format
      expect(typed().status).withContext('downloaded just before: from the result cache, at once').toBe('ready');
    });

    it('follows an observable of queries and of lists: starting again for each new query, the lists keeping their queries', async () => {
      const injector = TestBed.inject(Injector);
      const population = TestBed.inject(PopulationService);
      const [first, second] = [population.query(spatialAggregate('2016-01-05', 'admin1')), population.query(spatialAggregate('2016-01-06', 'admin1'))];
      const queries = new Subject<APIQuery>();
      const lists = new Subject<APIQuery[]>();
      const states: QueryState[] = [];
      const results: Array<QueryResult<unknown[]>> = [];
      const dashboards: DashboardState[] = [];
      queryState$(queries, { injector, pollInterval: 100 }).subscribe((state) => states.push(state));
      const ready = firstValueFrom(queryResult$(queries, { injector, pollInterval: 100 }).pipe(tap((result) => results.push(result)), filter((result) => result.status === 'ready')));
      dashboardState$(lists, { injector, pollInterval: 100 }).subscribe((state) => dashboards.push(state));
      queries.next(first);
      lists.next([first]);
      await firstValueFrom(first.watch().pipe(filter((state) => state.status === 'executing')));
      queries.next(second);
      lists.next([first, second]);
      await lastValueFrom(second.watch());
      await ready;
      queries.complete();
      lists.complete();
      const ids = states.map((state) => ('queryId' in state ? state.queryId : state.status));
      expect(ids.filter((id) => id === 'starting').length).toBe(2);
      expect(ids.slice(ids.lastIndexOf('starting'))).not.toContain(first.queryId ?? '');
      expect(states.at(-1)).toEqual(jasmine.objectContaining({ status: 'completed', queryId: second.queryId }));
      expect(results.map((result) => result.status)).toEqual(['pending', 'ready']); // still pending at the switch; the first's download dropped
      const last = dashboards.at(-1);
      expect(last?.done).toBeTrue();
      expect(last?.completedParts).toBe(last?.totalParts ?? -1);
      expect(dashboards.at(-1)?.states.map((state) => state?.queryId)).toEqual([first.queryId, second.queryId]);
    });

    it('ends the observable forms when the injector is destroyed', async () => {
      const query = TestBed.inject(PopulationService).query(spatialAggregate('2016-01-08'));
      const states$ = queryState$(query, { injector: TestBed.inject(Injector), pollInterval: 100 });
      const ended = lastValueFrom(states$.pipe(toArray()));
      await firstValueFrom(query.watch()); // running
      TestBed.resetTestingModule();
      expect((await ended).every((state) => state.status !== 'completed')).toBeTrue();
    });
  });
});
