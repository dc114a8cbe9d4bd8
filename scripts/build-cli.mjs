// Bundles the `flowclient-rx` command (cli/main.ts) into dist/cli/flowclient-rx.js with esbuild:
// one ESM file for Node 20 with the library, commander and cli-progress inside, so the installed
// package needs nothing at run time beyond its own dependencies (axios, jwt-decode) and its peer
// rxjs, which stay external. `node scripts/build-cli.mjs` builds; specs call buildCli().
import { build } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the bundle goes. */
export const CLI_BUNDLE = join(root, 'dist', 'cli', 'flowclient-rx.js');

// commander and cli-progress are CommonJS and require() Node's modules; an ESM bundle needs a
// real `require` for that.
const BANNER = [
  '#!/usr/bin/env node',
  "import { createRequire as __flowclientRxCreateRequire } from 'node:module';",
  'const require = __flowclientRxCreateRequire(import.meta.url);',
].join('\n');

/**
 * Build the bundle; resolves with its path.
 * @param {{ minify?: boolean }} [options]
 */
export async function buildCli(options = {}) {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/main.ts'],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['axios', 'rxjs', 'rxjs/*', 'jwt-decode'],
    banner: { js: BANNER },
    define: { __FLOWCLIENT_RX_VERSION__: JSON.stringify(pkg.version) },
    minify: options.minify ?? false,
    sourcemap: false,
    legalComments: 'inline',
    logLevel: 'warning',
  });
  if (result.errors.length > 0) throw new Error(`build-cli: ${result.errors.length} errors`);
  await chmod(CLI_BUNDLE, 0o755);
  return CLI_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = await buildCli();
  console.log(`built ${file}`);
}
