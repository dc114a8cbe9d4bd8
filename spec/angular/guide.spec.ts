// The example of docs/guides/angular.md, file for file (spec/angular/guide/), compiled and run:
// its appConfig and component against the FlowAPI test server, in TestBed.
import './setup.js';
import { TestBed } from '@angular/core/testing';
import { FLOW_CONNECTION } from 'flowclient-rx/angular';
import { appConfig, FLOWAPI_URL } from './guide/app.config.js';
import { AuthService } from './guide/auth.service.js';
import { PopulationComponent } from './guide/population.component.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { textOf, textUntil } from './support.js';

describe('The Angular guide example', () => {
  let server: BrowserTestServer;
  beforeAll(async () => (server = await startTestServer({ queryDurationMs: 400 })));
  afterAll(async () => server.close());
  beforeEach(() => {
    spyOn(console, 'warn'); // the test server is plain http
    TestBed.configureTestingModule({ providers: [...appConfig.providers, { provide: FLOWAPI_URL, useValue: server.url }] });
  });

  it('shows live progress, then the rows, in the PopulationComponent', async () => {
    TestBed.inject(AuthService).signIn(server.token);
    const fixture = TestBed.createComponent(PopulationComponent);
    const view = fixture.nativeElement as Element;
    await fixture.whenStable();
    const seen = await textUntil(view, () => view.querySelectorAll('tr').length > 0);
    expect(textOf(view, 'h2')).toBe('Subscribers per region on 2016-01-01');
    expect(seen.some((text) => /(queued|executing): [01] of 2 parts/.test(text))).toBeTrue();
    expect(textOf(view, '.status')).toBe('Done');
    expect(view.querySelector('progress')?.getAttribute('value')).toBe('2');
    const firstRow = Array.from(view.querySelector('tr')?.cells ?? [], (cell) => cell.textContent);
    expect(firstRow).toEqual([jasmine.stringMatching(/^\S+$/), jasmine.stringMatching(/^\d+$/)]); // pcod, count
  });

  it("passes the AuthService's next token to the connection", () => {
    const auth = TestBed.inject(AuthService);
    auth.signIn(server.token);
    const connection = TestBed.inject(FLOW_CONNECTION);
    auth.signOut(); // keeps the token in place
    expect(connection.token).toBe(server.token);
    const next = server.token.replace(/\.[^.]*$/, '.b3RoZXI'); // same claims, another signature
    auth.signIn(next);
    expect(connection.token).toBe(next);
  });
});
