/**
 * Node only: the `flowclient-rx` command (cli/main.ts) bundled once per run by esbuild, its
 * packages left external, into node_modules/.cache (where they resolve), so each run starts in
 * a fraction of a second; and running it as a child process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = `${ROOT}node_modules/.cache/flowclient-rx-reliability/flowclient-rx.mjs`;
let built: Promise<string> | undefined;

/** Bundle the command (once); resolves with the bundle's path. */
export function cliBundle(): Promise<string> {
  built ??= build({
    absWorkingDir: ROOT,
    entryPoints: ['cli/main.ts'],
    outfile: BUNDLE,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  }).then(() => BUNDLE);
  return built;
}

/** Run the command with `args` and `env` added to this process's environment; its stdout and stderr together. */
export async function runCli(args: readonly string[], env: Readonly<Record<string, string>>): Promise<string> {
  const child = spawn(process.execPath, [await cliBundle(), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.on('close', resolve));
  return output;
}
