import { build } from 'esbuild';
const r = await build({ stdin: { contents: process.argv[2], resolveDir: process.cwd(), loader: 'js' }, bundle: true, write: false, minify: true, format: 'esm', platform: 'browser', external: ['rxjs','rxjs/*','axios','jwt-decode'], alias: {'flowclient-rx': './dist/src/index.js'} });
process.stdout.write(r.outputFiles[0].text);
