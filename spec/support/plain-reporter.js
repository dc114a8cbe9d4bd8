// Karma reporter that closes with "karma: N passed, N failed" and records the counts
// in .test-results/karma.json for scripts/test.mjs to combine with the Node-side run.
import { mkdirSync, writeFileSync } from 'node:fs';

function PlainReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  this.onRunComplete = (_browsers, results) => {
    const passed = results.success;
    const failed = results.failed + (results.error ? 1 : 0);
    mkdirSync('.test-results', { recursive: true });
    writeFileSync('.test-results/karma.json', JSON.stringify({ passed, failed, error: results.error }));
    this.write(`\nkarma: ${passed} passed, ${failed} failed\n`);
  };
}
PlainReporter.$inject = ['baseReporterDecorator'];

export default { 'reporter:plain': ['type', PlainReporter] };
