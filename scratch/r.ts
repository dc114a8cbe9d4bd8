import { resultRows, resultColumns, geographyFeatures } from '../server/query-kinds/index.js';
import { VALID } from '../spec/server/query-kinds/fixtures.js';
let t = performance.now();
const g = [...(geographyFeatures('admin3') ?? [])];
console.log('pop+geo ms', (performance.now() - t).toFixed(0), g.length, JSON.stringify(g[0]).slice(0, 200));
for (const [name, spec] of VALID) {
  t = performance.now();
  const rows = [...resultRows(spec as Record<string, unknown>, 'x')];
  console.log(name.padEnd(48), (performance.now() - t).toFixed(0).padStart(5), 'ms', String(rows.length).padStart(6), JSON.stringify(resultColumns(spec as Record<string, unknown>)), JSON.stringify(rows[0]));
}
console.log('rss MB', (process.memoryUsage().rss / 1e6).toFixed(0));
