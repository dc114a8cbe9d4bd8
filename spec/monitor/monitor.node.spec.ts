/**
 * The live query monitor end to end, in Debian's Chromium driven by playwright-core: the page
 * runs a spatial aggregate from its generated form, shows progress moving, takes a new token
 * mid-run, then shows the sortable result table and the choropleth; a bad field is caught inline
 * and nothing is sent. Saves `.test-results/monitor.png`.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startMonitor, type Monitor } from '../../monitor/serve.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const SCREENSHOT = '.test-results/monitor.png';

describe('the live query monitor (npm start) in Chromium', () => {
  let monitor: Monitor;
  let browser: Browser;
  let page: Page;
  let initialToken: string;
  const pageErrors: string[] = [];
  const consoleLines: string[] = [];

  beforeAll(async () => {
    [monitor, browser] = await Promise.all([
      startMonitor({ port: 0, queryDurationMs: 4000 }), // as npm start: long enough to see a query mid-run on a busy machine
      chromium.launch({ executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium', args: CHROMIUM_ARGS }),
    ]);
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('requestfailed', (request) => {
      if (!request.url().includes('/api/')) pageErrors.push(`request failed: ${request.url()}`);
    });
    await page.goto(monitor.url);
    await page.getByTestId('user').filter({ hasText: 'demo' }).waitFor();
    initialToken = (await (await page.request.get(new URL('/config.json', monitor.url).href)).json() as { token: string }).token;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await monitor?.close();
  });

  /** Fill the generated form for a spatial aggregate of daily locations. */
  async function fillSpatialAggregate(date: string, unit = 'admin3'): Promise<void> {
    await page.locator('[data-builder-choice=""]').selectOption('spatialAggregateSpec');
    await page.locator('[data-builder-choice="locations"]').selectOption('dailyLocationSpec');
    await page.locator('[data-field="locations.date"] input').fill(date);
    await page.locator('[data-field="locations.aggregationUnit"] select').selectOption(unit);
    await page.locator('[data-field="locations.method"] select').selectOption('last');
  }

  it('shows a client-side check error inline at the field and sends nothing', async () => {
    const cardsBefore = await page.getByTestId('query').count();
    const runsBefore = monitor.testServer?.counters().requests.run;
    await fillSpatialAggregate('2016-02-30');
    await page.getByRole('button', { name: 'Run query' }).click();

    const error = page.locator('[data-field="locations.date"] .field-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('a real date as YYYY-MM-DD');
    expect(await page.getByTestId('form-status').textContent()).toContain('nothing was sent');
    expect(await page.getByTestId('query').count()).toBe(cardsBefore); // a run adds its card before any request
    expect(monitor.testServer?.counters().requests.run).toBe(runsBefore);

    await page.locator('[data-field="locations.date"] input').fill('2016-01-01'); // the error follows the input
    await error.waitFor({ state: 'hidden' });
  });

  it('runs a spatial aggregate from the form beside another: progress moves, a new token mid-run, then a sortable table and a map', async () => {
    // Another query first, so that several run at once.
    await fillSpatialAggregate('2016-01-05', 'admin2');
    await page.getByRole('button', { name: 'Run query' }).click();

    await fillSpatialAggregate('2016-01-03');
    expect(JSON.parse((await page.getByTestId('spec-json').textContent()) ?? '')).toEqual(
      jasmine.objectContaining({ query_kind: 'spatial_aggregate', locations: jasmine.objectContaining({ date: '2016-01-03', aggregation_unit: 'admin3' }) }),
    );
    // Record every progress text of this query's card in the page, whatever the test's own pace.
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { seenParts: seen });
      new MutationObserver(() => {
        const card = [...document.querySelectorAll('[data-testid="query"]')].find((c) => c.textContent?.includes('2016-01-03'));
        const text = card?.querySelector('[data-testid="parts"]')?.textContent ?? '';
        if (/^\d+ \/ \d+ parts$/.test(text) && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.querySelector('[data-testid="query-list"]') ?? document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Run query' }).click();
    const card = page.getByTestId('query').filter({ hasText: '2016-01-03' });
    const parts = card.getByTestId('parts');

    // Progress moves: some, but not all, parts done while the query executes.
    await parts.filter({ hasText: /^[1-9]\d* \/ \d+ parts$/ }).waitFor();
    const [partsMidRun, statusMidRun] = [await parts.textContent(), await card.getByTestId('status').textContent()];
    const [done = 0, total = 0] = (partsMidRun?.match(/\d+/g) ?? []).map(Number);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(total);
    expect(await page.getByTestId('dashboard-summary').textContent()).toMatch(/^2 queries — /);
    // What the page costs FlowAPI, live: its watches' polls in the last second.
    await page.getByTestId('polls-per-second').filter({ hasText: /^· [1-9]\d* polls?\/s$/ }).waitFor({ timeout: 5000 });

    // A new token, pasted mid-run: user and expiry change; the run carries on with it.
    const expiryBefore = await page.getByTestId('expiry').textContent();
    const tokenBefore = await page.getByTestId('token').textContent();
    const fresh = await monitor.testServer!.mintToken({ sub: 'second-analyst', expiresInSeconds: 1800 });
    await page.getByTestId('new-token').fill(fresh);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByTestId('user').filter({ hasText: 'second-analyst' }).waitFor();
    expect(statusMidRun).not.toBe('completed');
    expect(await page.getByTestId('expiry').textContent()).not.toEqual(expiryBefore);
    expect(await page.getByTestId('expiry').textContent()).toMatch(/^in (29|30) min/);
    expect(await page.getByTestId('token').textContent()).not.toEqual(tokenBefore);
    expect(await page.getByTestId('token').textContent()).not.toContain(fresh.slice(20, 60)); // masked

    await card.getByTestId('status').filter({ hasText: 'completed' }).waitFor({ timeout: 15_000 });
    // Every progress the card showed: from none, through some, to all parts, never backwards.
    const seen = await page.evaluate(() => (window as unknown as { seenParts: string[] }).seenParts);
    const doneSeen = seen.map((text) => Number(text.split(' ')[0]));
    expect(seen.every((text) => text.endsWith(`/ ${total} parts`))).withContext(seen.join(', ')).toBe(true);
    expect(doneSeen[0]).withContext(seen.join(', ')).toBe(0);
    expect(doneSeen[doneSeen.length - 1]).withContext(seen.join(', ')).toBe(total);
    expect(doneSeen).toEqual([...doneSeen].sort((a, b) => a - b));
    expect(doneSeen.some((n) => n > 0 && n < total)).toBe(true);
    expect(Number((await card.getByTestId('polls').textContent())?.split(' ')[0])).toBeGreaterThan(1);
    await page.getByTestId('dashboard-summary').filter({ hasText: '2 queries — 2 completed' }).waitFor();
    expect(await page.getByTestId('dashboard-parts').textContent()).toContain('all done');

    // The result table, sortable by clicking a header.
    const table = card.getByTestId('result-table');
    await table.waitFor();
    const values = async (): Promise<number[]> =>
      (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    const header = table.getByRole('button', { name: 'value' });
    await header.click();
    const ascending = await values();
    expect(ascending.length).toBeGreaterThan(3);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.click();
    const descending = await values();
    expect(descending).toEqual([...ascending].reverse());
    expect(await table.locator('th').nth(1).getAttribute('aria-sort')).toBe('descending');

    // The choropleth: the rows joined to the admin3 geography on pcod, one path per area (areas
    // without a row, e.g. redacted, in grey), one row on each area with data; coloured, with a legend.
    const map = card.getByTestId('map');
    await map.waitFor();
    const tips = await map.locator('path title').allTextContents();
    expect(tips.length).toBeGreaterThanOrEqual(ascending.length);
    expect(tips.filter((tip) => !tip.endsWith('no data')).length).toBe(ascending.length);
    expect(new Set(await map.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')))).size).toBeGreaterThan(2);
    expect(await card.locator('.legend li').count()).toBeGreaterThan(2);

    mkdirSync('.test-results', { recursive: true });
    // The sticky header belongs at the top of a full-page shot, and the connection panel in view.
    await page.evaluate(() => [window, document.querySelector('.side')].forEach((scroller) => scroller?.scrollTo(0, 0)));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    expect(pageErrors).toEqual([]);
    expect(consoleLines.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(consoleLines.some((line) => line.includes(initialToken) || line.includes(fresh))).toBe(false);
    expect(page.url()).toBe(monitor.url);
  }, 45_000);

  it('says on the card and the dashboard that a watch is paused for a refused token, and carries on with a new one', async () => {
    const linesBefore = consoleLines.length;
    await fillSpatialAggregate('2016-01-07', 'admin2'); // a spec no other spec here runs: it starts afresh
    await page.getByRole('button', { name: 'Run query' }).click();
    const card = page.getByTestId('query').filter({ hasText: '2016-01-07' });
    await card.getByTestId('status').filter({ hasText: /queued|executing/ }).waitFor({ timeout: 5000 });
    // Mid-run (the query runs 4 s), a token that has already expired: the card says so as soon as a poll is refused.
    await page.getByTestId('new-token').fill(await monitor.testServer!.mintToken({ sub: 'short-lived', expiresInSeconds: -10 }));
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByTestId('user').filter({ hasText: 'short-lived' }).waitFor();
    await card.getByTestId('waiting').filter({ hasText: /^Paused: FlowAPI refuses the token \(Token has expired\)/ }).waitFor({ timeout: 5000 });
    expect(await page.getByTestId('dashboard').textContent()).toContain('paused: the token is refused');
    expect(await card.getByTestId('status').textContent()).not.toBe('completed');

    await page.getByTestId('new-token').fill(await monitor.testServer!.mintToken({ sub: 'second-analyst', expiresInSeconds: 1800 }));
    await page.getByRole('button', { name: 'Use token' }).click();
    await card.getByTestId('status').filter({ hasText: 'completed' }).waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('waiting').isHidden()).toBeTrue();
    await card.getByRole('button', { name: 'Remove' }).click(); // the other specs count the cards on the page
    await card.waitFor({ state: 'detached' });
    // The browser logs each refused poll as a failed resource: expected here, and nothing else.
    const logged = consoleLines.splice(linesBefore);
    expect(logged.filter((line) => !line.includes('status of 401 (Unauthorized)'))).toEqual([]);
    expect(logged.length).toBeGreaterThan(0);
  });

  it('shows a result already downloaded on the page as "from cache", without downloading it again', async () => {
    const run = async (): Promise<void> => {
      await fillSpatialAggregate('2016-01-06', 'admin1');
      await page.getByRole('button', { name: 'Run query' }).click();
    };
    await run();
    const cards = page.getByTestId('query').filter({ hasText: '2016-01-06' });
    await cards.first().getByTestId('row-count').filter({ hasText: /rows?$/ }).waitFor({ timeout: 15_000 });
    expect(await cards.first().getByTestId('from-cache').count()).toBe(0);
    const downloads = monitor.testServer?.counters().requests.get;
    await run();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="query"] [data-testid="from-cache"]').length > 0, undefined, { timeout: 15_000 });
    const second = cards.first(); // newest first
    expect(await second.getByTestId('from-cache').textContent()).toBe('from cache');
    await second.getByTestId('row-count').filter({ hasText: /rows?$/ }).waitFor();
    expect(monitor.testServer?.counters().requests.get).toBe(downloads);
    expect(pageErrors).toEqual([]);
    // Leave the page as it was: the other spec counts the queries on it.
    for (let i = 0; i < 2; i++) await cards.first().getByRole('button', { name: 'Remove' }).click();
    expect(await cards.count()).toBe(0);
  }, 45_000);
});
