/**
 * The cap on a reply's body (`connect({ maxResponseBytes })`): its default, its check, and how
 * axios is told (`maxContentLength`, which both of axios' adapters count on the decoded body).
 * @module
 */

/** Largest reply body a connection downloads unless told otherwise: 1 GiB (1073741824 bytes), decoded. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 ** 3;

/**
 * Check a `maxResponseBytes` option: `undefined` (the default), a positive whole number of bytes
 * or `Infinity`.
 * @throws TypeError naming `maxResponseBytes` for anything else.
 */
export function checkMaxResponseBytes(value: unknown): void {
  if (value === undefined || value === Infinity || (Number.isSafeInteger(value) && (value as number) > 0)) return;
  throw new TypeError(`connect: maxResponseBytes must be a positive whole number of bytes or Infinity (got ${describe(value)})`);
}

/** axios' `maxContentLength` for a `maxResponseBytes` option (-1, axios' "no limit", for `Infinity`). */
export function maxContentLengthFor(maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES): number {
  return maxResponseBytes === Infinity ? -1 : maxResponseBytes;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
