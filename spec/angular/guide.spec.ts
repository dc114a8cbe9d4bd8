// The app of docs/guides/angular.md, file for file (spec/angular/guide/), bootstrapped as its
// main.ts does on the CLI's <app-root>, with the FlowAPI test server behind the page's own
// origin as proxy.conf.json puts FlowAPI: sign in with a token, watch a day, add a day.
import './setup.js';
import type { ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig, FLOWAPI_URL } from './guide/src/app/app.config.js';
import { App } from './guide/src/app/app.js';
import { PopulationCard } from './guide/src/app/population-card.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { signalInputs, textOf, textUntil } from './support.js';

signalInputs(PopulationCard, 'date');

describe('The Angular guide app', () => {
  let server: BrowserTestServer;
  let app: ApplicationRef | undefined;
  let root: HTMLElement | undefined;
  beforeAll(async () => (server = await startTestServer({ queryDurationMs: 400 })));
  afterAll(async () => server.close());
  beforeEach(() => spyOn(console, 'warn')); // the test server is plain http
  afterEach(() => {
    app?.destroy();
    root?.remove();
    app = root = undefined;
  });

  it('signs in, shows a day done with its regions, and adds a day', async () => {
    root = document.body.appendChild(document.createElement('app-root'));
    app = await bootstrapApplication(App, { providers: [...(appConfig.providers ?? []), { provide: FLOWAPI_URL, useValue: server.url }] });
    await textUntil(root, (text) => text.includes('Sign in'));
    expect(root.querySelector('app-dashboard')).toBeNull(); // nothing injects the connection before there is a token

    root.querySelector<HTMLInputElement>('.sign-in input')!.value = server.token;
    root.querySelector<HTMLButtonElement>('.sign-in button')!.click();
    const seen = await textUntil(root, () => /^\d+ regions$/.test(textOf(root!, 'app-population-card .status')));
    expect(textOf(root, '.total')).toBe('2 of 2 parts, done');
    expect(textOf(root, '.user')).toMatch(/^test-user, token valid until \S+/);
    expect(seen.some((text) => /(queued|executing): [01] of 2 parts/.test(text))).withContext(JSON.stringify(seen)).toBeTrue();

    root.querySelector<HTMLButtonElement>('.add')!.click();
    const cards = () => Array.from(root!.querySelectorAll('app-population-card'), (card) => `${textOf(card, 'h2')}: ${textOf(card, '.status')}`);
    const added = await textUntil(root, () => textOf(root!, '.total') === '4 of 4 parts, done' && /^2016-01-02: \d+ regions$/.test(cards()[1] ?? ''));
    expect(cards()).toEqual([jasmine.stringMatching(/^2016-01-01: \d+ regions$/), jasmine.stringMatching(/^2016-01-02: \d+ regions$/)]);
    expect(added.some((text) => text.includes('2 of 3 parts'))).withContext('the first day kept its watch (2 parts done) while the new one starts').toBeTrue();
  });
});
