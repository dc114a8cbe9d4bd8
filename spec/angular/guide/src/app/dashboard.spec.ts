import { TestBed } from '@angular/core/testing';
import { provideFlowClient } from 'flowclient-rx/angular';
import { startTestServer, type TestServer } from 'flowclient-rx/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard } from './dashboard.js';

describe('Dashboard', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 200 }); // a FlowAPI on loopback, for this file
  });
  afterAll(() => server.close());

  it('shows the first day done, with its regions', async () => {
    TestBed.configureTestingModule({
      providers: [provideFlowClient({ url: server.url, token: await server.mintToken(), onWarning: () => {} })], // plain http: no warning
    });
    const fixture = TestBed.createComponent(Dashboard);
    const view = fixture.nativeElement as HTMLElement;
    await expect.poll(() => view.querySelector('.total')?.textContent, { timeout: 5000 }).toBe('2 of 2 parts, done');
    await expect.poll(() => view.querySelector('app-population-card .status')?.textContent).toMatch(/^\d+ regions$/);
  });
});
