/** What the figures were measured on: cores, Node and Chromium versions. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** The machine's description printed with the figures. */
export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  chromium: string;
}

/** Read the machine. */
export function machine(): Machine {
  let chromium = 'not installed';
  try {
    chromium = execFileSync(process.env['CHROME_BIN'] ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // keep 'not installed'
  }
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium,
  };
}
