import { buildCountry } from '../server/population/country.js';
const t = performance.now();
const c = buildCountry(1);
console.log('ms', performance.now() - t);
console.log(c.levels.map((l) => l.length), c.network.lon.length, c.network.cellSite.length);
for (const l of c.levels) console.log(l.map((r) => `${r.pcod}:${r.coordinates.length}p/${r.coordinates.map(p=>p.length).join(',')}:${r.area.toFixed(3)}`).join(' '));
const t2 = performance.now(); buildCountry(7); console.log('ms7', performance.now() - t2);
