import { firstValueFrom, lastValueFrom } from 'rxjs';
import { startTestServer } from '../server/index.js';
import { lib } from '../bench/library.js';
import { querySpec } from '../bench/polite.js';
const server = await startTestServer({ queryDurationMs: [500, 3900], queuedMs: 200 });
const log: string[] = [];
const conn = lib.connect({ url: server.url, token: await server.mintToken(), onWarning: () => undefined, onPollDecision: (id, d) => log.push(`${id.slice(0,6)} ${d.delayMs} ${d.basis} p=${d.pDone.toFixed(2)} end=${d.expectedEndMs}`) });
for (let i = 0; i < 12; i++) {
  const q = conn.makeApiQuery(querySpec(i, 1));
  const t0 = Date.now();
  const states = await lastValueFrom(q.watch().pipe((await import('rxjs')).toArray()));
  const at = Date.now();
  const tl = server.queryTimeline(q.queryId!)!;
  console.log(i, 'dur', Math.round(tl.completedAt - tl.startedAt), 'parts', tl.partsStoredAt.length, 'delay', Math.round(at - tl.completedAt), 'polls', states.at(-1)!.polls, 'startlag', Math.round(tl.startedAt - t0));
}
console.log(log.slice(-15).join('\n'));
await server.close();
