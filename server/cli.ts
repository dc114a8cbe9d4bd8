#!/usr/bin/env node
/**
 * `flowapi-test-server`: serve a FlowAPI test server until SIGINT/SIGTERM, or mint a token from
 * its key file (`flowapi-test-server token --scopes … --ttl 10m`). `--help` lists the options.
 * @module
 */
import { runCli } from './cli-main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
