// `npm test`: type-check (which also proves the compile-fail type tests) and lint side by side,
// then the Karma specs in headless Chromium and the Node-side specs side by side (both mostly wait
// on their test servers' simulated queries, so on 2 cores they overlap well); closes with one
// combined "N passed, N failed". Karma's output streams; the Node runner's is held and printed
// whole when it ends, so the two never interleave.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

rmSync('.test-results', { recursive: true, force: true });

/** Run a command; resolve to its exit status and, when `hold`, its output (stdout and stderr). */
const run = (cmd, args, { hold = false } = {}) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    const chunks = [];
    if (hold) {
      child.stdout.on('data', (c) => chunks.push(c));
      child.stderr.on('data', (c) => chunks.push(c));
    }
    child.on('error', (error) => resolve({ status: 1, output: Buffer.from(`${cmd}: ${error.message}\n`) }));
    child.on('close', (status) => resolve({ status: status ?? 1, output: Buffer.concat(chunks) }));
  });

const counts = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { passed: 0, failed: 1 }; // the runner died before reporting
  }
};

let passed = 0;
let failed = 0;

const checks = await Promise.all([
  ['typecheck', run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], { hold: true })],
  ['lint', run('npx', ['eslint', '.'], { hold: true })],
].map(async ([name, done]) => [name, await done]));
for (const [name, { status, output }] of checks) {
  process.stdout.write(output);
  console.log(`${name}: ${status === 0 ? 'ok' : 'FAILED'}`);
  if (status === 0) passed++;
  else failed++;
}

const node = run('node', ['--import', 'tsx', 'scripts/jasmine-node.mjs'], { hold: true });
const karma = await run('npx', ['karma', 'start', 'karma.conf.js']);
const nodeDone = await node;
process.stdout.write(nodeDone.output);
for (const [name, { status }] of [['karma', karma], ['node', nodeDone]]) {
  const c = counts(`.test-results/${name}.json`);
  passed += c.passed;
  failed += c.failed + (status !== 0 && c.failed === 0 ? 1 : 0);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
