// Karma runs the library's Jasmine specs in Debian's headless Chromium, bundled by esbuild.
// The FlowAPI test server is reachable on the page's own origin through the `flowapi`
// middleware (spec/support/karma-flowapi.js), as an Angular app behind its dev proxy sees FlowAPI.
import { register } from 'tsx/esm/api';
import flowapi from './spec/support/karma-flowapi.js';
import plain from './spec/support/plain-reporter.js';
import jasmine from 'karma-jasmine';
import chromeLauncher from 'karma-chrome-launcher';
import esbuild from 'karma-esbuild';

register(); // lets the middleware import the TypeScript test server directly
process.env.CHROME_BIN ||= '/usr/bin/chromium';

/** @param {import('karma').Config} config */
export default function karmaConfig(config) {
  config.set({
    frameworks: ['jasmine'],
    // KARMA_SPECS narrows the run to a glob while developing (e.g. 'spec/specs/**/*.spec.ts').
    files: [{ pattern: process.env.KARMA_SPECS || 'spec/**/*.spec.ts', watched: false }],
    exclude: ['spec/server/**', 'spec/**/*.node.spec.ts', 'spec/types/**', 'spec/angular/guide/**'], // the guide's dashboard.spec.ts is its Vitest recipe
    preprocessors: { 'spec/**/*.spec.ts': ['esbuild'] },
    // ignoreAnnotations: the package declares "sideEffects": false, which would drop the spec imports.
    // alias: the package's own names, as the docs' examples import them (tsc maps them to src/ itself).
    esbuild: {
      target: 'es2022', sourcemap: true, ignoreAnnotations: true, define: { 'process.env.NODE_ENV': '"test"' },
      alias: { 'flowclient-rx': './src/index.ts', 'flowclient-rx/angular': './src/angular/index.ts' },
    },
    plugins: [jasmine, chromeLauncher, esbuild, flowapi, plain],
    middleware: ['flowapi'],
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        ],
      },
    },
    client: { jasmine: { random: true, timeoutInterval: 20000 } },
    reporters: ['dots', 'plain'],
    hostname: '127.0.0.1',
    listenAddress: '127.0.0.1',
    singleRun: true,
    autoWatch: false,
    browserNoActivityTimeout: 120000,
    captureTimeout: 120000,
  });
}
