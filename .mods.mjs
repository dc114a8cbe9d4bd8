import { bundleSize } from './bench/bundle.ts';
const s = await bundleSize(process.argv[2]);
console.log(s.gzipBytes, s.minBytes);
for (const m of s.modules) console.log(String(m.bytes).padStart(6), m.path);
