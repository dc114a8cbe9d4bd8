// `npm start`: the live query monitor (monitor/cli.ts, TypeScript run by tsx) — serves until Ctrl-C.
// Arguments pass through, e.g. `npm start -- --port 9000`.
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--import', 'tsx', 'monitor/cli.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl-C reaches the child directly (same process group); a SIGTERM sent to this process alone is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
