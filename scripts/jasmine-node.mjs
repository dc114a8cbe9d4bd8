// Runs the Node-side Jasmine specs (the test server's contract walk, TLS, CLI): spec/server/**
// and every spec/**/*.node.spec.ts. TypeScript is loaded by tsx (node --import tsx).
// Closes with "node: N passed, N failed" and records the counts in .test-results/node.json.
import Jasmine from 'jasmine';
import { mkdirSync, writeFileSync } from 'node:fs';

const filter = process.argv[2];
const runner = new Jasmine();
runner.loadConfig({
  spec_dir: 'spec',
  spec_files: ['server/**/*.spec.ts', '**/*.node.spec.ts'],
  helpers: ['support/node-setup.ts'],
  jsLoader: 'import',
  random: true,
  env: { stopSpecOnExpectationFailure: false },
});
runner.exitOnCompletion = false;
let passed = 0;
let failed = 0;
runner.addReporter({
  specDone(result) {
    if (result.status === 'passed') passed++;
    else if (result.status === 'failed') failed++;
  },
  suiteDone(result) {
    if (result.status === 'failed') failed++; // afterAll / beforeAll errors
  },
});
const result = await runner.execute(undefined, filter);
if (result.overallStatus === 'failed' && failed === 0) failed = 1; // e.g. load errors
mkdirSync('.test-results', { recursive: true });
writeFileSync('.test-results/node.json', JSON.stringify({ passed, failed }));
console.log(`\nnode: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
