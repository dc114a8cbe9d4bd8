import './setup.js';
import { AsyncPipe } from '@angular/common';
import {
  ApplicationRef,
  Component,
  InjectionToken,
  inject,
  provideZoneChangeDetection,
  provideZonelessChangeDetection,
  type EnvironmentProviders,
  type Provider,
  type Type,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { filter, firstValueFrom, interval, map, timeout, type Observable } from 'rxjs';
import type { QuerySpec, WatchState } from '../../src/index.js';
import { FLOW_CONNECTION, provideFlowClient, queryState, queryState$ } from '../../src/angular/index.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { spatialAggregate } from '../support/fixtures.js';
import { textUntil } from './support.js';

const SPEC = new InjectionToken<QuerySpec>('SPEC');

/** An endless watch on a timer, as the library's poll loop is when its requests stay in the zone. */
const endlessWatch = (): Observable<WatchState> =>
  interval(30).pipe(
    map((i) => ({ queryId: 'q', polls: i + 1, elapsedMs: i * 30, status: 'executing', progress: null, completedParts: null, totalParts: null, stalled: false })),
  );

/** Shows the polls of an endless watch. */
@Component({ selector: 'cd-endless', template: `polls {{ polls() }}` })
class Endless {
  readonly state = queryState(endlessWatch());
  polls(): number {
    const state = this.state();
    return 'polls' in state ? state.polls : 0;
  }
}

/** The state three ways: a signal, the async pipe, and a plain field set in a subscription. */
@Component({
  selector: 'cd-all-ways',
  imports: [AsyncPipe],
  template: `signal {{ state().status }} · pipe {{ (state$ | async)?.status }}`,
})
class AllWays {
  readonly #query = inject(FLOW_CONNECTION).makeApiQuery(inject(SPEC));
  readonly state = queryState(this.#query, { pollInterval: 100 });
  readonly state$ = queryState$(this.#query, { pollInterval: 100 });
}

/** Old-style: no signal, no async pipe; only a field the subscription sets (zone apps only). */
@Component({ selector: 'cd-plain-field', template: `field {{ status }}` })
class PlainField {
  status = 'none';
  constructor() {
    queryState$(inject(FLOW_CONNECTION).makeApiQuery(inject(SPEC)), { pollInterval: 100 }).subscribe((state) => (this.status = state.status));
  }
}

describe('Change detection of the Angular helpers in a bootstrapped app', () => {
  let server: BrowserTestServer;
  let app: ApplicationRef | undefined;
  let host: HTMLElement | undefined;
  beforeAll(async () => (server = await startTestServer({ queryDurationMs: 600 })));
  afterAll(async () => server.close());
  beforeEach(() => spyOn(console, 'warn')); // the test server is plain http
  afterEach(() => {
    app?.destroy();
    host?.remove();
    app = host = undefined;
  });

  /** Bootstrap `component` as a real app would, on a host element in the page, and return its element. */
  async function bootstrap(component: Type<unknown>, selector: string, spec: QuerySpec, changeDetection: EnvironmentProviders): Promise<HTMLElement> {
    host = document.body.appendChild(document.createElement(selector));
    const providers: Array<Provider | EnvironmentProviders> = [
      changeDetection,
      provideFlowClient({ url: server.url, token: server.token }),
      { provide: SPEC, useValue: spec },
    ];
    app = await bootstrapApplication(component, { providers });
    return host;
  }

  describe('with zone.js (provideZoneChangeDetection, the default of Angular 19 and 20 apps)', () => {
    const zone = () => provideZoneChangeDetection({ eventCoalescing: true });

    it('updates the view from a signal and from the async pipe, without detectChanges', async () => {
      const view = await bootstrap(AllWays, 'cd-all-ways', spatialAggregate('2016-01-01', 'admin2'), zone());
      const seen = await textUntil(view, (text) => text === 'signal completed · pipe completed');
      expect(seen.some((text) => /^signal executing/.test(text))).toBeTrue();
    });

    it('updates a plain field set in a subscription: values arrive inside the zone', async () => {
      const view = await bootstrap(PlainField, 'cd-plain-field', spatialAggregate('2016-01-02', 'admin2'), zone());
      const seen = await textUntil(view, (text) => text === 'field completed');
      expect(seen).toContain('field executing');
    });

    it('keeps the app stable while a watch polls: its timers run outside the zone', async () => {
      // Angular CLI builds downlevel async/await, so there the library's requests and timers would
      // stay in the zone that subscribed; an endless timer-driven watch stands for that here.
      const view = await bootstrap(Endless, 'cd-endless', spatialAggregate(), zone());
      await textUntil(view, (text) => text === 'polls 3');
      const stable = await firstValueFrom(app!.isStable.pipe(filter(Boolean), timeout(2000)));
      expect(stable).toBeTrue();
      await textUntil(view, (text) => text === 'polls 6'); // and the view still follows
    });

    it('keeps the app stable while a real watch polls the server', async () => {
      const view = await bootstrap(AllWays, 'cd-all-ways', spatialAggregate('2016-01-03', 'admin2'), zone());
      await textUntil(view, (text) => text.startsWith('signal executing'));
      const stable = await firstValueFrom(app!.isStable.pipe(filter(Boolean), timeout(2000)));
      expect(stable).toBeTrue();
      expect(view.textContent).not.toContain('completed'); // stable while the watch still runs
    });
  });

  describe('zoneless (provideZonelessChangeDetection, the default from Angular 21)', () => {
    it('updates the view from a signal and from the async pipe', async () => {
      const view = await bootstrap(AllWays, 'cd-all-ways', spatialAggregate('2016-01-04', 'admin2'), provideZonelessChangeDetection());
      const seen = await textUntil(view, (text) => text === 'signal completed · pipe completed');
      expect(seen.some((text) => /^signal executing/.test(text))).toBeTrue();
    });
  });
});
