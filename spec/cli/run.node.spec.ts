/**
 * `flowclient-rx run`: the built command, as a child process, runs a spec from a file or stdin
 * against the test server and prints the result in each format, to stdout or `--out`, with the
 * query's progress on stderr when asked or on a terminal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import {
  connect,
  dailyLocationSpec,
  getCsvResult,
  getGeojsonResult,
  getResult,
  spatialAggregateSpec,
  type AggregationUnit,
  type Connection,
  type QuerySpec,
} from '../../src/index.js';
import type { TestServer } from '../../server/index.js';
import { bundle, cli, completeWhenPrinted, errorLines, hasTerminal, heldQuery, testServer } from './support/harness.js';

const spatialAggregate = (date: string, aggregationUnit: AggregationUnit, method: 'last' | 'most-common' = 'last'): QuerySpec =>
  spatialAggregateSpec({ locations: dailyLocationSpec({ date, aggregationUnit, method }) });

describe('flowclient-rx CLI · run', () => {
  let dir: string;
  let conn: Connection;
  let server: TestServer;

  /** Write `spec` to a file in the temp folder; its path. */
  const specFile = (name: string, spec: QuerySpec): string => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(spec));
    return file;
  };

  beforeAll(async () => {
    await bundle();
    const shared = await testServer();
    server = shared.server;
    conn = connect({ url: server.url, token: shared.token });
    dir = mkdtempSync(join(tmpdir(), 'flowclient-rx-cli-'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a spec file and prints its rows as JSON, with no progress when stderr is not a terminal', async () => {
    const spec = spatialAggregate('2016-01-01', 'admin3');
    const run = await cli(['run', specFile('file.json', spec)]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(await firstValueFrom(getResult({ connection: conn, querySpec: spec })));
    expect(errorLines(run)).toEqual([]);
  });

  it('reads the spec from stdin with -', async () => {
    const spec = spatialAggregate('2016-01-02', 'admin3');
    const run = await cli(['run', '-'], { input: JSON.stringify(spec) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(await firstValueFrom(getResult({ connection: conn, querySpec: spec })));
  });

  it('writes CSV to --out exactly as the server sends it, and nothing to stdout', async () => {
    const spec = spatialAggregate('2016-01-03', 'admin2');
    const out = join(dir, 'result.csv');
    const run = await cli(['run', '-', '--format', 'csv', '--out', out], { input: JSON.stringify(spec) });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('pcod,value');
    expect(csv).toBe(await firstValueFrom(getCsvResult({ connection: conn, querySpec: spec })));
  });

  it('writes GeoJSON to --out', async () => {
    const spec = spatialAggregate('2016-01-04', 'admin1');
    const out = join(dir, 'result.geojson');
    const run = await cli(['run', specFile('geo.json', spec), '-f', 'geojson', '-o', out]);
    expect(run.code).toBe(0);
    const geojson: unknown = JSON.parse(readFileSync(out, 'utf8'));
    expect(geojson).toEqual(jasmine.objectContaining({ type: 'FeatureCollection' }));
    expect(geojson).toEqual(await firstValueFrom(getGeojsonResult({ connection: conn, querySpec: spec })));
  });

  it('prints a line per change of status or progress on stderr with --progress, the result on stdout', async () => {
    const spec = spatialAggregate('2016-01-05', 'admin3');
    const queryId = await heldQuery(spec); // the command's run finds it executing
    const run = await cli(['run', specFile('progress.json', spec), '--progress'], { started: completeWhenPrinted(server, queryId) });
    expect(run.code).toBe(0);
    const lines = errorLines(run);
    expect(lines[0]).toBe(`spatial_aggregate: query ${queryId}`);
    expect(lines.slice(1).every((l) => /^spatial_aggregate: (queued|executing|completed), \d+\/\d+ parts \(\d+\.\d+s\)$/.test(l)))
      .withContext(lines.join('\n'))
      .toBeTrue();
    expect(lines.some((l) => /: executing, 0\/\d+ parts/.test(l))).withContext(lines.join('\n')).toBeTrue();
    expect(lines.at(-1)).toMatch(/: completed, (\d+)\/\1 parts/);
    expect(new Set(lines).size).toBe(lines.length);
    expect(JSON.parse(run.stdout)).toEqual(jasmine.any(Array));
  });

  it('draws a cli-progress bar when stderr is a terminal, and leaves the cursor shown', async () => {
    // bsdutils' `script` (essential in Debian; .ci/run installs it if missing) gives the pseudo-terminal.
    expect(hasTerminal()).withContext('util-linux `script` is needed for a pseudo-terminal').toBeTrue();
    const out = join(dir, 'terminal.csv');
    const spec = spatialAggregate('2016-01-06', 'admin3');
    const queryId = await heldQuery(spec);
    const run = await cli(['run', specFile('tty.json', spec), '--format', 'csv', '--out', out], { terminal: true, started: completeWhenPrinted(server, queryId) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/spatial_aggregate \|[█░]+\| \d+\/\d+ parts \| executing/);
    expect(run.stdout).toMatch(/spatial_aggregate \|█+\| (\d+)\/\1 parts \| completed/);
    expect(run.stdout.lastIndexOf('\x1b[?25h')).toBeGreaterThan(run.stdout.lastIndexOf('\x1b[?25l'));
    expect(readFileSync(out, 'utf8').split(/\r?\n/)[0]).toBe('pcod,value');
  });

  it('--no-progress keeps a terminal free of bars', async () => {
    // bsdutils' `script` (essential in Debian; .ci/run installs it if missing) gives the pseudo-terminal.
    expect(hasTerminal()).withContext('util-linux `script` is needed for a pseudo-terminal').toBeTrue();
    const out = join(dir, 'quiet.csv');
    const run = await cli(['run', specFile('quiet.json', spatialAggregate('2016-01-07', 'admin3')), '-f', 'csv', '-o', out, '--no-progress'], { terminal: true });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('parts');
  });
});
