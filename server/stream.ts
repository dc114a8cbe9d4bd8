/**
 * Streaming results as FlowAPI does: chunked transfer, `Content-Disposition: attachment;filename=…`,
 * and the exact JSON framing of `stream_result_as_json` (`{"query_id":"<id>", "query_result":[` +
 * rows joined by `, ` + `]}`), GeoJSON (`{"type":"FeatureCollection", "features":[…]}`) and CSV
 * (header from the first row, CRLF line ends). Rows are generated lazily and written in batches
 * that respect backpressure; a stream can be cut after N bytes (fault injection).
 */
import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { JsonObject } from './kinds.js';

/** A result to stream. */
export interface ResultStream {
  /** File name for `Content-Disposition`. */
  readonly filename: string;
  /** Content type, exactly `application/json`, `application/geo+json` or `text/csv`. */
  readonly contentType: string;
  /** Body text in pieces, produced lazily. */
  readonly pieces: Iterable<string>;
}

/** Bytes gathered before a write. */
const BATCH_CHARS = 16 * 1024;

/** JSON framing of FlowAPI: `{"k":v, "k2":v2, "<name>":[` + items joined by `, ` + `]}`. */
export function* jsonPieces(
  additional: Readonly<Record<string, unknown>>,
  name: string,
  items: Iterable<unknown>,
): Generator<string> {
  let prefix = '{';
  for (const [key, value] of Object.entries(additional)) prefix += `"${key}":${JSON.stringify(value)}, `;
  yield `${prefix}"${name}":[`;
  let separator = '';
  for (const item of items) {
    yield separator + JSON.stringify(item);
    separator = ', ';
  }
  yield ']}';
}

/** A CSV field as Python's csv writer (QUOTE_MINIMAL) writes it. */
export function csvField(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'boolean') text = value ? 'True' : 'False';
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV body: a header row from the first row's columns, then one line per row, CRLF line ends. */
export function* csvPieces(rows: Iterable<JsonObject>): Generator<string> {
  let header = true;
  for (const row of rows) {
    if (header) {
      yield `${Object.keys(row).map(csvField).join(',')}\r\n`;
      header = false;
    }
    yield `${Object.values(row).map(csvField).join(',')}\r\n`;
  }
}

function* batched(pieces: Iterable<string>): Generator<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= BATCH_CHARS) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/** Write and wait until the socket can take more (or is gone); resolves `false` if gone. */
function write(res: ServerResponse, data: Buffer): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (alive: boolean): void => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(alive);
    };
    const onDrain = (): void => done(true);
    const onClose = (): void => done(false);
    if (res.write(data)) return resolve(true);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/**
 * Send a result stream as a 200 answer. With `cutAfterBytes`, the socket is destroyed once that many
 * body bytes are out, so the client sees a truncated chunked body.
 */
export async function streamResult(reply: FastifyReply, result: ResultStream, cutAfterBytes: number | null): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'Transfer-Encoding': 'chunked',
    'Content-Disposition': `attachment;filename=${result.filename}`,
    'Content-Type': result.contentType,
  });
  let budget = cutAfterBytes ?? Infinity;
  try {
    for (const text of batched(result.pieces)) {
      let data = Buffer.from(text, 'utf8');
      if (data.length >= budget) data = data.subarray(0, budget);
      budget -= data.length;
      if (data.length > 0 && !(await write(res, data))) return;
      if (budget <= 0) {
        await new Promise<void>((resolve) => res.write('', () => resolve()));
        res.socket?.destroy();
        return;
      }
    }
  } catch {
    // As FlowAPI: an error mid-stream only ends the body early.
    res.socket?.destroy();
    return;
  }
  res.end();
}
