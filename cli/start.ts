/**
 * `npm start`: runs queries against the embedded FlowAPI test server (or a real FlowAPI given by
 * FLOWAPI_URL and FLOWAPI_TOKEN) and shows their live status in the terminal.
 */
import { firstValueFrom } from 'rxjs';
import { connect, spatialAggregateSpec, dailyLocationSpec, flowsSpec, type QuerySpec } from '../src/index.js';
import { startTestServer } from '../server/index.js';
import { showLiveStatus } from './live-status.js';

const external = process.env['FLOWAPI_URL'] && process.env['FLOWAPI_TOKEN'];
const server = external ? undefined : await startTestServer({ queryDurationMs: 4000 });
const url = external ? String(process.env['FLOWAPI_URL']) : String(server?.url);
const token = external ? String(process.env['FLOWAPI_TOKEN']) : String(await server?.mintToken({ sub: 'demo' }));
console.log(external ? `FlowAPI at ${url}` : `Embedded FlowAPI test server at ${url}`);

const conn = connect({ url, token });
console.log(`Connected as ${conn.user}`);
const day = (date: string) => dailyLocationSpec({ date, aggregationUnit: 'admin3', method: 'last' });
const specs: Array<[string, QuerySpec]> = [
  ['spatial_aggregate 2016-01-01', spatialAggregateSpec({ locations: day('2016-01-01') })],
  ['flows 01-01 → 01-02', flowsSpec({ fromLocation: day('2016-01-01'), toLocation: day('2016-01-02') })],
];
const queries = specs.map(([, spec]) => conn.makeApiQuery(spec));
const final = await showLiveStatus(queries, { labels: specs.map(([label]) => label) });
for (const [i, query] of queries.entries()) {
  const state = final.states[i];
  if (state?.status !== 'completed') {
    console.log(`${specs[i]?.[0]}: ${state?.status ?? 'failed'}`);
    continue;
  }
  const rows = await firstValueFrom(query.getResult());
  console.log(`${specs[i]?.[0]}: ${rows.length} rows, first: ${JSON.stringify(rows[0])}`);
}
if (final.error) console.error(String(final.error));
await server?.close();
