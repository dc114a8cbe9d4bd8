/**
 * `flowclient-rx status | get | geography | dates | spec`: the built command, as a child process,
 * against the test server; what it prints is compared with what the library gives in-process.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { BUILDER_NAMES } from '../../src/forms.js';
import {
  connect,
  dailyLocationSpec,
  getAvailableDates,
  getCsvResultByQueryId,
  getGeography,
  getResultByQueryId,
  locationEventCountsSpec,
  modalLocationFromDatesSpec,
  randomSampleSpec,
  runQuery,
  spatialAggregateSpec,
  waitForQueryToBeReady,
  type Connection,
  type QuerySpec,
} from '../../src/index.js';
import { bundle, cli, completeWhenPrinted, errorLines, heldQuery, testServer, type CliRun } from './support/harness.js';
import type { TestServer } from '../../server/index.js';

const day = (date: string, method: 'last' | 'most-common' = 'last') => dailyLocationSpec({ date, aggregationUnit: 'admin3', method });

describe('flowclient-rx CLI · status, get, geography, dates', () => {
  let conn: Connection;
  let server: TestServer;
  let dir: string;
  /** A query run and completed in-process. */
  let ready: string;

  beforeAll(async () => {
    await bundle();
    const shared = await testServer();
    server = shared.server;
    conn = connect({ url: server.url, token: shared.token });
    dir = mkdtempSync(join(tmpdir(), 'flowclient-rx-cli-'));
    ready = await firstValueFrom(runQuery({ connection: conn, querySpec: spatialAggregateSpec({ locations: day('2016-01-01', 'most-common') }) }));
    await firstValueFrom(waitForQueryToBeReady({ connection: conn, queryId: ready }));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('status prints the status of a query, and not_running for an id the server does not know (exit 0)', async () => {
    const [known, unknown] = await Promise.all([cli(['status', ready]), cli(['status', 'f'.repeat(32)])]);
    expect([known.code, known.stdout]).toEqual([0, 'completed\n']);
    expect([unknown.code, unknown.stdout]).toEqual([0, 'not_running\n']);
  });

  it('get prints a ready result in each format, to stdout or --out', async () => {
    const out = join(dir, 'get.geojson');
    const [json, csv, geojson] = await Promise.all([
      cli(['get', ready]),
      cli(['get', ready, '--format', 'csv']),
      cli(['get', ready, '--format', 'geojson', '--out', out]),
    ]);
    expect([json.code, csv.code, geojson.code]).toEqual([0, 0, 0]);
    expect(JSON.parse(json.stdout)).toEqual(await firstValueFrom(getResultByQueryId({ connection: conn, queryId: ready })));
    expect(csv.stdout).toBe(await firstValueFrom(getCsvResultByQueryId({ connection: conn, queryId: ready })));
    expect(geojson.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(jasmine.objectContaining({ type: 'FeatureCollection', features: jasmine.any(Array) }));
  });

  it('get waits for a running query, drawing its progress with --progress', async () => {
    const queryId = await heldQuery(spatialAggregateSpec({ locations: day('2016-01-02', 'most-common') }));
    const run = await cli(['get', queryId, '--progress'], { started: completeWhenPrinted(server, queryId) });
    expect(run.code).toBe(0);
    const lines = errorLines(run);
    expect(lines[0]).toMatch(new RegExp(`^${queryId}: executing, 0/\\d+ parts`));
    expect(lines.at(-1)).toMatch(new RegExp(`^${queryId}: completed, (\\d+)/\\1 parts`));
    expect(JSON.parse(run.stdout)).toEqual(await firstValueFrom(getResultByQueryId({ connection: conn, queryId })));
  });

  it("geography prints the unit's regions as GeoJSON", async () => {
    const run = await cli(['geography', 'admin3']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').length).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(await firstValueFrom(getGeography({ connection: conn, aggregationUnit: 'admin3' })));
  });

  it('dates prints the available dates, for all or some event types', async () => {
    const [all, some] = await Promise.all([cli(['dates']), cli(['dates', '--event-types', 'calls,sms'])]);
    expect([all.code, some.code]).toEqual([0, 0]);
    expect(JSON.parse(all.stdout)).toEqual(await firstValueFrom(getAvailableDates({ connection: conn })));
    expect(JSON.parse(some.stdout)).toEqual(await firstValueFrom(getAvailableDates({ connection: conn, eventTypes: ['calls', 'sms'] })));
  });
});

describe('flowclient-rx CLI · spec', () => {
  const daily = day('2016-01-01');
  const cases: Array<[string, string[], () => QuerySpec]> = [
    ['a query_kind with kebab-case options', ['daily_location', '--date', '2016-01-01', '--aggregation-unit', 'admin3', '--method', 'last'], () => daily],
    [
      'a builder name with snake_case and --name=value options, comma lists',
      ['dailyLocationSpec', '--date=2016-01-02', '--aggregation_unit', 'admin2', '--method', 'most-common', '--event-types', 'calls,sms', '--hours', '20,4'],
      () => dailyLocationSpec({ date: '2016-01-02', aggregationUnit: 'admin2', method: 'most-common', eventTypes: ['calls', 'sms'], hours: [20, 4] }),
    ],
    ['a nested spec as JSON', ['spatial_aggregate', '--locations', JSON.stringify(daily)], () => spatialAggregateSpec({ locations: daily })],
    [
      'a builder sharing its kind with another',
      ['modal-location-from-dates', '--start-date', '2016-01-01', '--end-date', '2016-01-03', '--aggregation-unit', 'admin3', '--method', 'last'],
      () => modalLocationFromDatesSpec({ startDate: '2016-01-01', endDate: '2016-01-03', aggregationUnit: 'admin3', method: 'last' }),
    ],
    [
      'an option by its JSON key (--interval for countInterval)',
      ['location_event_counts', '--start-date', '2016-01-01', '--end-date', '2016-01-02', '--aggregation-unit', 'admin3', '--interval', 'hour'],
      () => locationEventCountsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin3', countInterval: 'hour' }),
    ],
    [
      'numbers and a builder without a query_kind',
      ['random_sample', '--query', JSON.stringify(daily), '--seed', '0.5', '--size', '10', '--estimate-count', 'false'],
      () => randomSampleSpec({ query: daily, seed: 0.5, size: 10, estimateCount: false }),
    ],
  ];
  const runs = new Map<string, CliRun>();

  beforeAll(async () => {
    await bundle();
    await Promise.all(cases.map(async ([what, args]) => runs.set(what, await cli(['spec', ...args]))));
  }, 120_000);

  for (const [what, args, expected] of cases) {
    it(`prints the builder's spec for ${what}: spec ${args[0]}`, () => {
      const run = runs.get(what);
      expect(run?.code).withContext(run?.stderr ?? '').toBe(0);
      expect(JSON.parse(run?.stdout ?? 'null')).toEqual(expected());
    });
  }

  it('prints a spec that run - takes as it is', async () => {
    const spec = await cli(['spec', 'spatial_aggregate', '--locations', JSON.stringify(day('2016-01-03', 'most-common'))]);
    const run = await cli(['run', '-'], { input: spec.stdout });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(jasmine.arrayContaining([jasmine.objectContaining({ pcod: jasmine.any(String) })]));
  });

  it('lists every kind with --list, and a kind\'s options with --help', async () => {
    const [list, help] = await Promise.all([cli(['spec', '--list']), cli(['spec', 'daily_location', '--help'])]);
    expect(list.code).toBe(0);
    expect(list.stdout.trimEnd().split('\n').length).toBe(BUILDER_NAMES.length);
    expect(list.stdout).toMatch(/^daily_location +\S/m);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}--aggregation-unit <value> +\(required\) Spatial unit/m);
    expect(help.stdout).toContain("one of 'admin0'");
  });
});
