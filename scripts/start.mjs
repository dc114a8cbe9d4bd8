// `npm start`: the live query monitor against the embedded FlowAPI test server (TypeScript run by tsx).
import { spawnSync } from 'node:child_process';
const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/start.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
