/**
 * The page bundle: `monitor/page/main.ts` and everything it imports (the library through its
 * public entry, RxJS, axios's browser build), bundled in memory by esbuild's JS API.
 * @module
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** A built page: file name (`app.js`, `app.js.map`) → contents. */
export type PageBundle = ReadonlyMap<string, Uint8Array>;

const ENTRY = fileURLToPath(new URL('./page/main.ts', import.meta.url));

/** Bundle the page for the browser (ES2022 module, linked source map). */
export async function bundlePage(): Promise<PageBundle> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: 'app.js', // virtual: write is false
    sourcemap: 'linked',
    minify: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [file.path.split(/[\\/]/).pop() ?? file.path, file.contents]));
}
