/**
 * A reply body dripped one byte at a time (fault injection): a reply slow from its first byte to
 * its last whose connection is never idle for long, which only a total request timeout ends.
 */
import { Readable } from 'node:stream';

/** `payload` (as fastify's onSend hook sees it: a string or Buffer) as a stream of one byte every `intervalMs`. */
export function dripped(payload: unknown, intervalMs: number): Readable {
  const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(typeof payload === 'string' ? payload : '', 'utf8');
  let at = 0;
  let timer: NodeJS.Timeout | undefined;
  return new Readable({
    read() {
      timer = setTimeout(() => {
        timer = undefined;
        if (at >= bytes.length) {
          this.push(null);
          return;
        }
        at += 1;
        this.push(bytes.subarray(at - 1, at));
      }, intervalMs).unref();
    },
    destroy(error, callback) {
      if (timer !== undefined) clearTimeout(timer);
      callback(error);
    },
  });
}
