/**
 * The built command (scripts/build-cli.mjs): one executable ESM file that needs nothing at run
 * time beyond the package's own dependencies, with help, version and exit codes on the surface.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { promisify } from 'node:util';
import { bundle, cli } from './support/harness.js';

const run = promisify(execFile);

describe('flowclient-rx CLI · build', () => {
  let file: string;
  let source: string;

  beforeAll(async () => {
    file = await bundle();
    source = readFileSync(file, 'utf8');
  }, 120_000);

  it('starts with one shebang and runs as an executable', async () => {
    expect(source.startsWith('#!/usr/bin/env node\n')).toBeTrue();
    expect(source.match(/^#!/gm)?.length).toBe(1);
    const { stdout } = await run(file, ['--version']);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(stdout).toBe(`${version}\n`);
  });

  it('imports only axios, rxjs, jwt-decode and Node modules: commander and cli-progress are inside', () => {
    const imports = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']/g)];
    const requires = [...source.matchAll(/\brequire\(["']([^"']+)["']\)/g)];
    const packages = [...imports, ...requires]
      .map((match) => match[1] ?? '')
      .filter((specifier) => !specifier.startsWith('node:') && !builtinModules.includes(specifier));
    expect([...new Set(packages)].sort()).toEqual(['axios', 'jwt-decode', 'rxjs']);
  });

  it('prints its help with the commands and the exit codes, exit 0', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: flowclient-rx [options] [command]');
    for (const command of ['run', 'status', 'get', 'geography', 'dates', 'spec']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help.stdout).toContain('Exit codes: 0 ok, 1 other failure, 2 bad arguments or spec');
    expect(help.stdout).toContain('(env: FLOWAPI_TOKEN)');
  });
});
