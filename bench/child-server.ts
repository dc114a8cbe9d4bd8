/** Start and stop {@link ./server-process.ts} from the benchmark. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestServerOptions } from '../server/index.js';

/** A test server running in a child process. */
export interface ChildServer {
  url: string;
  token: string;
  /** The server's counters, read through its admin route. */
  counters(): Promise<{ polls: Record<string, number>; total: number; requests: Record<string, number> }>;
  close(): Promise<void>;
}

/** Start a test server in a child process. */
export async function startChildServer(options: TestServerOptions = {}): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/server-process.ts', JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
  const { url, token } = JSON.parse(line) as { url: string; token: string };
  return {
    url,
    token,
    counters: async () => (await fetch(`${url}/__admin/counters`)).json() as Promise<Awaited<ReturnType<ChildServer['counters']>>>,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
