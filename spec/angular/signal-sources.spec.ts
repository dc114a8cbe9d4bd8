// The helpers given queries over time, in bootstrapped apps with zone.js and zoneless: a card
// whose query is an input() that changes, a dashboard over a growing list, and a session whose
// token expires (awaitingToken).
import './setup.js';
import {
  ApplicationRef,
  Component,
  InjectionToken,
  computed,
  inject,
  input,
  provideZoneChangeDetection,
  provideZonelessChangeDetection,
  signal,
  type EnvironmentProviders,
  type Provider,
  type Type,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { BehaviorSubject } from 'rxjs';
import type { APIQuery } from '../../src/index.js';
import { FLOW_CONNECTION, dashboardState, flowUser, provideFlowClient, queryResult, queryState, tokenExpiresAt, type QueryState } from '../../src/angular/index.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { setQueryState, sleep, spatialAggregate } from '../support/fixtures.js';
import { signalInputs, textUntil } from './support.js';

const DATES = new InjectionToken<string[]>('DATES');

const query = (connection = inject(FLOW_CONNECTION), date: string, unit = 'admin2'): APIQuery => connection.makeApiQuery(spatialAggregate(date, unit));

const label = (state: QueryState): string => ('queryId' in state ? `${state.status} ${state.queryId}` : state.status);

/** A card for one query, given as an input. */
@Component({
  selector: 'flow-card',
  template: `<span class="state">{{ state() }}</span> · <span class="result">{{ rows() }}</span>`,
})
class Card {
  readonly query = input.required<APIQuery>();
  readonly #state = queryState(this.query, { pollInterval: 100 });
  readonly #result = queryResult(this.query, { pollInterval: 100 });
  readonly state = computed(() => label(this.#state()));
  readonly rows = computed(() => {
    const result = this.#result();
    return result.status === 'ready' ? `${result.value.length} rows` : result.status;
  });
}

signalInputs(Card, 'query');

/** Hosts a card whose query the test switches. */
@Component({ selector: 'flow-host', imports: [Card], template: `<flow-card [query]="query()" />` })
class Host {
  readonly #connection = inject(FLOW_CONNECTION);
  readonly query = signal(query(this.#connection, inject(DATES)[0] ?? ''));
  show(date: string): void {
    this.query.set(query(this.#connection, date));
  }
}

/** A dashboard over a list of dates that grows. */
@Component({
  selector: 'flow-dashboard',
  template: `{{ dashboard().completedParts }}/{{ dashboard().totalParts }} {{ dashboard().done ? 'done' : 'running' }}`,
})
class Dashboard {
  readonly #connection = inject(FLOW_CONNECTION);
  readonly dates = signal(inject(DATES));
  readonly dashboard = dashboardState(
    computed(() => this.dates().map((date) => query(this.#connection, date, 'admin3'))), // new APIQuery objects on every change
    { pollInterval: 100 },
  );
}

/** A session banner and one query's state, result and dashboard, each with awaitingToken. */
@Component({
  selector: 'flow-session',
  template: `{{ user() }} until {{ until() }} · {{ state().status }} · {{ awaiting() }}`,
})
class Session {
  readonly query = query(undefined, inject(DATES)[0] ?? '');
  readonly user = flowUser();
  readonly #expiresAt = tokenExpiresAt();
  readonly until = computed(() => this.#expiresAt()?.toISOString() ?? 'never');
  readonly state = queryState(this.query, { pollInterval: 100 });
  readonly result = queryResult(this.query, { pollInterval: 100 });
  readonly dashboard = dashboardState([this.query], { pollInterval: 100 });
  readonly awaiting = computed(() =>
    [this.state.awaitingToken(), this.result.awaitingToken(), this.dashboard.awaitingToken()].every(Boolean)
      ? 'awaiting token'
      : this.result().status,
  );
}

describe('Angular helpers given queries over time', () => {
  let server: BrowserTestServer;
  let app: ApplicationRef | undefined;
  let host: HTMLElement | undefined;
  beforeAll(async () => (server = await startTestServer({ queryDurationMs: 800, admin: true })));
  afterAll(async () => server.close());
  beforeEach(async () => {
    spyOn(console, 'warn'); // the test server is plain http
    await server.reset(); // zero the counters
  });
  afterEach(() => {
    app?.destroy();
    host?.remove();
    app = host = undefined;
  });

  async function bootstrap<C>(component: Type<C>, selector: string, dates: string[], cd: EnvironmentProviders, token: string | BehaviorSubject<string> = server.token): Promise<[HTMLElement, C]> {
    host = document.body.appendChild(document.createElement(selector));
    const providers: Array<Provider | EnvironmentProviders> = [
      cd,
      provideFlowClient(typeof token === 'string' ? { url: server.url, token } : { url: server.url, token$: token }),
      { provide: DATES, useValue: dates },
    ];
    app = await bootstrapApplication(component, { providers });
    return [host, app.components[0]?.instance as C];
  }

  const modes: Array<[string, () => EnvironmentProviders, string]> = [
    ['with zone.js', () => provideZoneChangeDetection({ eventCoalescing: true }), '2016-01-01'],
    ['zoneless', () => provideZonelessChangeDetection(), '2016-01-03'],
  ];
  for (const [mode, cd, date] of modes) {
    describe(mode, () => {
      it("follows a card's changing input(): the new query's state and rows, and the old watch stops", async () => {
        const next = date.replace(/.$/, (d) => String(Number(d) + 1));
        const [view, card] = await bootstrap(Host, 'flow-host', [date], cd());
        const first = await textUntil(view, (text) => /^executing \w+ · pending$/.test(text));
        const firstId = /^executing (\w+)/.exec(first.at(-1) ?? '')?.[1] ?? '';
        card.show(next);
        const seen = await textUntil(view, (text) => /^completed \w+ · \d+ rows$/.test(text));
        const secondId = /^completed (\w+)/.exec(seen.at(-1) ?? '')?.[1] ?? '';
        expect(secondId).not.toBe(firstId);
        expect(seen).toContain('starting · pending'); // the switch starts over
        expect(seen.slice(seen.indexOf('starting · pending')).filter((text) => text.includes(firstId))).withContext('never back to the old query').toEqual([]);
        const polls = (await server.counters()).polls[firstId] ?? 0;
        await sleep(400); // four poll intervals, while the first query still runs at the server
        expect((await server.counters()).polls[firstId] ?? 0).withContext('the old watch polls no more').toBe(polls);
      });

      it('follows a growing list, keeping the watches of the queries that stay', async () => {
        const [view, dashboard] = await bootstrap(Dashboard, 'flow-dashboard', [date], cd());
        await textUntil(view, (text) => text === '2/2 done');
        const before = await server.counters();
        const [id] = Object.keys(before.runs);
        dashboard.dates.update((dates) => [...dates, date.replace(/.$/, (d) => String(Number(d) + 1))]);
        const seen = await textUntil(view, (text) => text === '4/4 done');
        expect(seen).toContain('2/3 running'); // the kept query's 2 parts, the new one's 0 of 1
        const after = await server.counters();
        expect(Object.keys(after.runs).length).toBe(2);
        expect(after.runs[id ?? '']).withContext('the first query is not run again').toBe(1);
        expect(after.polls[id ?? '']).withContext('nor polled again').toBe(before.polls[id ?? '']);
      });
    });
  }

  it('exposes awaitingToken while an expired token pauses the polls, and goes on with a new token', async () => {
    await sleep(1010 - (Date.now() % 1000)); // just past a second boundary: exp is in whole seconds, so the token lives ~3 s
    const tokens = new BehaviorSubject(await server.mintToken({ expiresInSeconds: 3 }));
    const expiry = new Date((Math.floor(Date.now() / 1000) + 3) * 1000).toISOString(); // the server's clock is this one
    const [view, session] = await bootstrap(Session, 'flow-session', ['2016-01-06'], provideZonelessChangeDetection(), tokens);
    await textUntil(view, (text) => / · executing · pending$/.test(text));
    await setQueryState(server, session.query.queryId ?? '', 'executing'); // held running until the test says
    expect(view.textContent).toContain(`test-user until ${expiry}`);
    await textUntil(view, (text) => text.endsWith('executing · awaiting token'), 5000);

    const fresh = await server.mintToken({ sub: 'renewed' });
    tokens.next(fresh);
    await setQueryState(server, session.query.queryId ?? '', 'completed');
    const seen = await textUntil(view, (text) => text.endsWith('completed · ready'));
    expect(seen.at(-1)).toMatch(/^renewed until \S+ · completed · ready$/);
  });
});
