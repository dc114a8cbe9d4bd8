/**
 * The monitor's new-query form starts with a runnable query (daily locations at admin3, method
 * `last`, on the first date the server has data for): a first click on Run sends it, and the
 * test server runs it to a result.
 */
import { firstValueFrom, Subject } from 'rxjs';
import { connect, getAvailableDates, type Connection, type QuerySpec } from 'flowclient-rx';
import { queryForm } from '../../monitor/page/query-form.js';
import { firstAvailableDate } from '../../monitor/page/starter-query.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { until } from './support/until.js';

describe('monitor · the new-query form', () => {
  const DATES = ['2016-01-03', '2016-01-04', '2016-01-05'];
  let server: BrowserTestServer;
  let connection: Connection;
  let form: HTMLElement;
  let sent: QuerySpec[];

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 60, availableDates: { calls: DATES, sms: DATES, mds: [], topups: [], forwards: [] } });
    connection = connect({ url: server.url, token: server.token });
  });
  afterAll(async () => server.close());

  beforeEach(() => {
    sent = [];
    const firstDate$ = firstAvailableDate(getAvailableDates({ connection }));
    form = queryForm({ datesListId: 'no-such-list', firstDate$, onRun: (spec) => sent.push(spec) });
    document.body.append(form);
  });
  afterEach(() => form.remove());

  const preview = (): string => form.querySelector('[data-testid="spec-json"]')?.textContent ?? '';

  it('starts filled with a spatial aggregate of daily locations at admin3, method last, on the first date with data', async () => {
    await until(() => preview().includes(DATES[0] ?? '?'));
    expect(JSON.parse(preview())).toEqual(
      jasmine.objectContaining({
        query_kind: 'spatial_aggregate',
        locations: jasmine.objectContaining({ query_kind: 'daily_location', date: '2016-01-03', aggregation_unit: 'admin3', method: 'last' }),
      }),
    );
  });

  it('runs something on the first click: no field errors, the spec is sent and the server returns its rows', async () => {
    await until(() => preview().includes(DATES[0] ?? '?'));
    form.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    expect([...form.querySelectorAll('.field-error')].filter((e) => !(e as HTMLElement).hidden).map((e) => e.textContent)).toEqual([]);
    expect(form.querySelector('[data-testid="form-status"]')?.textContent).toBe('Sent spatial_aggregate.');
    expect(sent.length).toBe(1);
    const rows = await firstValueFrom(connection.makeApiQuery(sent[0] as QuerySpec).getResult());
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => typeof row['pcod'] === 'string' && typeof row['value'] === 'number')).toBe(true);
  });

  it('keeps a date typed before the server answered', () => {
    const firstDate$ = new Subject<string>();
    const late = queryForm({ datesListId: 'no-such-list', firstDate$, onRun: () => undefined });
    const input = late.querySelector<HTMLInputElement>('[data-field="locations.date"] input');
    expect(input?.value).toBe('');
    if (input) input.value = '2016-01-05';
    firstDate$.next('2016-01-03');
    expect(input?.value).toBe('2016-01-05');
  });
});
