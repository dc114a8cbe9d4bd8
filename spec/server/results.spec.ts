/**
 * Result streams of a FlowAPI 1.18 server: byte-exact JSON framing, CSV with CRLF, GeoJSON,
 * chunked transfer and attachment headers, geography, large results under backpressure, and a
 * failure mid-stream.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { startTestServer, type TestServer } from '../../server/index.js';
import type { JsonObject, QueryKinds } from '../../server/kinds.js';
import { launchTestServer } from '../../server/launch.js';
import * as queryKinds from '../../server/query-kinds/index.js';
import { call, dailyLocationSpec, runToCompletion } from './support/http.js';

describe('test server · FlowAPI 1.18 result streams', () => {
  let server: TestServer;
  let token: string;
  let id: string;
  const spec = dailyLocationSpec();

  beforeAll(async () => {
    server = await startTestServer({ queryDurationMs: 0 });
    token = await server.mintToken();
    id = await runToCompletion(server, token, spec);
  });
  afterAll(() => server.close());

  it('frames JSON byte for byte as FlowAPI: prefix, rows joined by ", ", suffix', async () => {
    const rows = [...queryKinds.resultRows(spec, id)].map((row) => JSON.stringify(row));
    expect(rows.length).toBeGreaterThan(1);
    const answer = await call(server, `/api/0/get/${id}`, { token });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(`{"query_id":"${id}", "query_result":[${rows.join(', ')}]}`);
    expect(answer.text.startsWith(`{"query_id":"${id}", "query_result":[{`)).toBe(true);
    expect(answer.text.endsWith('}]}')).toBe(true);
  });

  const formats: Array<[string, string, string]> = [
    ['', 'application/json', 'json'],
    ['.json', 'application/json', 'json'],
    ['.csv', 'text/csv', 'csv'],
    ['.geojson', 'application/geo+json', 'geojson'],
  ];
  for (const [suffix, contentType, extension] of formats) {
    it(`streams get${suffix || ' (no suffix)'} chunked as ${contentType}, attachment ${extension}`, async () => {
      const answer = await call(server, `/api/0/get/${id}${suffix}`, { token });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe(contentType);
      expect(answer.headers.get('transfer-encoding')).toBe('chunked');
      expect(answer.headers.get('content-length')).toBeNull();
      expect(answer.headers.get('content-disposition')).toBe(`attachment;filename=${id}.${extension}`);
    });
  }

  it('writes CSV with a header row and CRLF line ends, without the query id', async () => {
    const rows = [...queryKinds.resultRows(spec, id)];
    const answer = await call(server, `/api/0/get/${id}.csv`, { token });
    const lines = answer.text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBe(rows.length + 1);
    expect(lines[0]).toBe(Object.keys(rows[0] ?? {}).join(','));
    expect(answer.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(answer.text).not.toContain(id);
  });

  it('writes GeoJSON as {"type":"FeatureCollection", "features":[…]} of Features', async () => {
    const answer = await call(server, `/api/0/get/${id}.geojson`, { token });
    expect(answer.text.startsWith('{"type":"FeatureCollection", "features":[')).toBe(true);
    const body = answer.body as { type: string; features: Array<{ type: string; geometry: unknown; properties: unknown }> };
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThan(0);
    for (const feature of body.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.geometry).toBeDefined();
    }
  });

  it('gives every result `resultRows` rows when that option is set', async () => {
    const sized = await startTestServer({ queryDurationMs: 0, resultRows: 7 });
    try {
      const sizedToken = await sized.mintToken();
      const sizedId = await runToCompletion(sized, sizedToken, dailyLocationSpec());
      const json = await call(sized, `/api/0/get/${sizedId}`, { token: sizedToken });
      expect((json.body as { query_result: unknown[] }).query_result.length).toBe(7);
      const csv = await call(sized, `/api/0/get/${sizedId}.csv`, { token: sizedToken });
      expect(csv.text.split('\r\n').length).toBe(7 + 2);
    } finally {
      await sized.close();
    }
  });

  it('streams geography/{unit} as GeoJSON, attachment <unit>.geojson', async () => {
    const answer = await call(server, '/api/0/geography/admin2', { token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/geo+json');
    expect(answer.headers.get('transfer-encoding')).toBe('chunked');
    expect(answer.headers.get('content-disposition')).toBe('attachment;filename=admin2.geojson');
    const features = [...(queryKinds.geographyFeatures('admin2') ?? [])].map((f) => JSON.stringify(f));
    expect(answer.text).toBe(`{"type":"FeatureCollection", "features":[${features.join(', ')}]}`);
  });
});

/** The real query kinds with result rows replaced. */
function withRows(rows: (spec: JsonObject) => Iterable<JsonObject>): QueryKinds {
  return { ...queryKinds, resultRows: (spec) => rows(spec) };
}

function rawGet(url: string, token: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

describe('test server · large and failing result streams', () => {
  const ROWS = 800_000; // about 50 MB of JSON
  let produced = 0;
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await launchTestServer(
      { queryDurationMs: 0 },
      withRows(function* (spec) {
        const mode = (spec['locations'] as JsonObject)['date'];
        if (mode === '2016-01-01') return; // empty result
        if (mode === '2016-01-02') {
          yield { pcod: 'A', value: 1 };
          yield { pcod: 'B', value: 2 };
          throw new Error('database went away');
        }
        for (produced = 0; produced < ROWS; produced++) {
          yield { pcod: `NPL.${produced}`, value: produced, label: 'padding-padding' };
        }
      }),
    );
    token = await server.mintToken();
  });
  afterAll(() => server.close());

  it('frames an empty result as {"query_id":"<id>", "query_result":[]}', async () => {
    const id = await runToCompletion(server, token, dailyLocationSpec('2016-01-01'));
    expect((await call(server, `/api/0/get/${id}`, { token })).text).toBe(`{"query_id":"${id}", "query_result":[]}`);
    expect((await call(server, `/api/0/get/${id}.csv`, { token })).text).toBe('');
  });

  it('stops producing rows while the client does not read (backpressure), then finishes the 50 MB body', async () => {
    const id = await runToCompletion(server, token, dailyLocationSpec('2016-01-03'));
    const response = await rawGet(`${server.url}/api/0/get/${id}`, token);
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(produced).toBeLessThan(ROWS / 4);
    let bytes = 0;
    let tail = '';
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      tail = (tail + chunk.toString('latin1')).slice(-20);
    });
    await new Promise((resolve, reject) => {
      response.on('end', resolve);
      response.on('error', reject);
      response.resume();
    });
    expect(produced).toBe(ROWS);
    expect(bytes).toBeGreaterThan(50_000_000);
    expect(tail.endsWith('"}]}')).toBe(true);
  });

  it('ends the body early when producing rows fails, and keeps serving', async () => {
    const id = await runToCompletion(server, token, dailyLocationSpec('2016-01-02'));
    await expectAsync(call(server, `/api/0/get/${id}`, { token })).toBeRejected();
    expect((await call(server, '/')).status).toBe(200);
  });
});
