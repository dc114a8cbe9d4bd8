/**
 * Figure 6 — pay for what you import: what a browser app's bundle grows by, measured as users
 * get it. Each case is an entry that re-exports some names of the built package (`dist/`), bundled
 * by esbuild for the browser (ESM, minified, tree-shaken; `rxjs`, `axios`, `jwt-decode` and
 * `@angular/*` external, as an app has them anyway), then gzipped (level 9). Targets:
 * `connect` + `watchAll` + `spatialAggregate` + `dailyLocationSpec` ≤ 10 kB; the whole main entry
 * ≤ 20 kB; `flowclient-rx/angular` ≤ 2 kB on top of the main-entry names it imports.
 * Reproduce: `npm run bench bundle`.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The package's entries as an app imports them, mapped to the build. */
const ENTRIES: Record<string, string> = {
  'flowclient-rx': 'dist/src/index.js',
  'flowclient-rx/angular': 'dist/src/angular/index.js',
  'flowclient-rx/forms': 'dist/src/forms.js',
};

const EXTERNAL = ['rxjs', 'rxjs/*', 'axios', 'jwt-decode', '@angular/*'];

const resolvePackage: Plugin = {
  name: 'flowclient-rx-from-dist',
  setup(b) {
    b.onResolve({ filter: /^flowclient-rx(\/.*)?$/ }, (args) => {
      const file = ENTRIES[args.path];
      return file ? { path: join(root, file) } : { errors: [{ text: `no entry ${args.path}` }] };
    });
  },
};

/** One bundle as an app's build makes it: the minified code and what each module put in it. */
export interface Bundled {
  /** The minified code. */
  code: Uint8Array;
  /** Minified bytes each module (relative to the repository) put into the bundle, largest first. */
  modules: { path: string; bytes: number }[];
}

/** One bundle: its minified and gzipped sizes and what each module put in it. */
export interface BundleSize {
  /** Minified bytes. */
  minBytes: number;
  /** Gzipped bytes of the minified bundle. */
  gzipBytes: number;
  /** Minified bytes each module of the package put into the bundle, largest first. */
  modules: { path: string; bytes: number }[];
}

/**
 * Bundle `source` (an ES module importing from `flowclient-rx`…, the build in `dist/`, or from
 * the sources by relative path) as an app's build would.
 */
export async function bundled(source: string): Promise<Bundled> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: EXTERNAL,
    plugins: [resolvePackage],
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.contents ?? new Uint8Array(), modules: modulesOf(result.metafile) };
}

/** {@link bundled}'s minified and gzipped sizes. */
export async function bundleSize(source: string): Promise<BundleSize> {
  const { code, modules } = await bundled(source);
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, modules };
}

function modulesOf(metafile: Metafile): { path: string; bytes: number }[] {
  const output = Object.values(metafile.outputs)[0];
  if (!output) return [];
  return Object.entries(output.inputs)
    .map(([path, input]) => ({ path: relative(root, join(root, path)), bytes: input.bytesInOutput }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * What the `dist/src/angular` modules import from outside `src/angular` (the main entry's code):
 * an entry re-exporting exactly those names from their modules, and the names.
 */
function angularImportsOfMain(): { entry: string; names: string[] } {
  const dir = join(root, 'dist/src/angular');
  const byModule = new Map<string, Set<string>>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(\.\.\/[^']*)'/g)) {
      const target = join(dir, m[2] ?? '');
      const names = byModule.get(target) ?? new Set<string>();
      for (const name of (m[1] ?? '').split(',')) {
        const imported = name.trim().split(/\s+as\s+/)[0]?.trim();
        if (imported) names.add(imported);
      }
      byModule.set(target, names);
    }
  }
  const lines = [...byModule].map(([path, names], i) => `export { ${[...names].map((n) => `${n} as m${i}_${n}`).join(', ')} } from ${JSON.stringify(path)};`);
  return { entry: lines.join('\n'), names: [...new Set([...byModule.values()].flatMap((names) => [...names]))].sort() };
}

/** One measured case against its target. */
export interface BundleCase {
  /** What the entry imports. */
  name: string;
  /** Gzipped kB (1 kB = 1,000 bytes) that this case costs. */
  kB: number;
  /** Target in gzipped kB, if the case has one. */
  targetKB?: number;
  /** Minified bytes (before gzip). */
  minBytes: number;
  /** The package's modules by minified bytes, largest first (top 12). */
  modules: { path: string; bytes: number }[];
}

/** The bundle figures. */
export interface BundleResult {
  cases: BundleCase[];
  /** Main-entry names the Angular helpers import (the baseline of the Angular figure). */
  angularBaseline: string[];
}

const kB = (bytes: number) => Math.round(bytes / 10) / 100;

/** Measure every case. */
export async function bundle(): Promise<BundleResult> {
  const cases: BundleCase[] = [];
  const add = (name: string, size: BundleSize, targetKB?: number) =>
    cases.push({ name, kB: kB(size.gzipBytes), ...(targetKB === undefined ? {} : { targetKB }), minBytes: size.minBytes, modules: size.modules.slice(0, 12) });

  add('core: connect + watchAll + APIQuery', await bundleSize("export { connect, watchAll, APIQuery } from 'flowclient-rx';"));
  add(
    'connect + watchAll + spatialAggregate + dailyLocationSpec',
    await bundleSize("export { connect, watchAll, spatialAggregate, dailyLocationSpec } from 'flowclient-rx';"),
    10,
  );
  add('whole main entry (import * as all)', await bundleSize("export * from 'flowclient-rx';"), 20);

  const baseline = angularImportsOfMain();
  const withAngular = await bundleSize(`export * from 'flowclient-rx/angular';\n${baseline.entry}`);
  const mainPart = await bundleSize(baseline.entry);
  const onTop = { ...withAngular, gzipBytes: withAngular.gzipBytes - mainPart.gzipBytes, minBytes: withAngular.minBytes - mainPart.minBytes };
  add(`flowclient-rx/angular on top of ${baseline.names.join(' + ')}`, { ...onTop, modules: onTop.modules.filter((m) => m.path.includes('/angular/')) }, 2);
  return { cases, angularBaseline: baseline.names };
}
