// `npm test`: type-check (which also proves the compile-fail type tests), the Karma specs in
// headless Chromium, and the Node-side specs; closes with one combined "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

rmSync('.test-results', { recursive: true, force: true });
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
const counts = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { passed: 0, failed: 1 }; // the runner died before reporting
  }
};

let passed = 0;
let failed = 0;
const checks = [
  ['typecheck', () => run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])],
  ['lint', () => run('npx', ['eslint', '.'])],
];
for (const [name, check] of checks) {
  const ok = check() === 0;
  console.log(`${name}: ${ok ? 'ok' : 'FAILED'}`);
  if (ok) passed++;
  else failed++;
}
for (const [name, cmd, args] of [
  ['karma', 'npx', ['karma', 'start', 'karma.conf.js']],
  ['node', 'node', ['--import', 'tsx', 'scripts/jasmine-node.mjs']],
]) {
  const status = run(cmd, args);
  const c = counts(`.test-results/${name}.json`);
  passed += c.passed;
  failed += c.failed + (status !== 0 && c.failed === 0 ? 1 : 0);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
