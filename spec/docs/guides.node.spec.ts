// Every TypeScript example in docs/guides is type-checked against the library's sources, and the
// ones marked `ts run` are run against a FlowAPI test server, so the docs cannot rot.
// (The Angular guide's example is compiled and run by spec/angular.)
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { startTestServer, type TestServer } from '../../server/index.js';

const root = resolve('.');
const guides = join(root, 'docs', 'guides');
const out = join(root, '.test-results', 'doc-examples');

interface Example {
  guide: string;
  index: number;
  run: boolean;
  file: string;
  code: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const name of readdirSync(guides).filter((f) => f.endsWith('.md') && f !== 'angular.md').sort()) {
    const text = readFileSync(join(guides, name), 'utf8');
    const blocks = [...text.matchAll(/^```ts( run)?\n([\s\S]*?)^```$/gm)];
    blocks.forEach((match, index) => {
      const guide = name.replace(/\.md$/, '');
      found.push({ guide, index, run: match[1] !== undefined, file: join(out, `${guide}-${index}.ts`), code: match[2] ?? '' });
    });
  }
  return found;
}

const all = examples();
const tsconfig = join(out, 'tsconfig.json');

describe('the guides\' examples', () => {
  beforeAll(() => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const example of all) writeFileSync(example.file, example.code);
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: '../../tsconfig.json',
        compilerOptions: {
          noEmit: true,
          rootDir: '../..',
          paths: { 'flowclient-rx': ['../../src/index.ts'], 'flowclient-rx/server': ['../../server/index.ts'] },
        },
        include: ['*.ts'],
      }),
    );
  });

  it('has examples in every guide, some of them runnable', () => {
    expect(new Set(all.map((e) => e.guide)).size).toBeGreaterThanOrEqual(6);
    expect(all.filter((e) => e.run).length).toBeGreaterThanOrEqual(3);
  });

  it('type-checks every example', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!parsed) throw new Error('cannot read the examples\' tsconfig');
    const program = ts.createProgram(all.map((e) => e.file), parsed.options);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && d.file.fileName.startsWith(out))
      .map((d) => `${d.file?.fileName.slice(out.length + 1)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  });

  describe('runnable examples', () => {
    let server: TestServer;
    let token: string;
    beforeAll(async () => {
      server = await startTestServer({ queryDurationMs: 300 });
      token = await server.mintToken({ sub: 'docs-reader' });
    });
    afterAll(async () => server.close());

    for (const example of all.filter((e) => e.run)) {
      it(`runs ${example.guide} #${example.index} to completion without printing the token`, async () => {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', example.file], {
          env: { ...process.env, FLOWAPI_URL: server.url, FLOWAPI_TOKEN: token, TSX_TSCONFIG_PATH: tsconfig },
          timeout: 30_000,
        });
        expect(stdout.length).toBeGreaterThan(0);
        expect(stdout + stderr).not.toContain(token);
      });
    }
  });
});
