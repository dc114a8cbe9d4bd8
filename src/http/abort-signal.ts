/**
 * The abort handle of one request: the smallest signal axios accepts (its `GenericAbortSignal`),
 * aborted by the request observable's teardown. An `AbortController` would do the same through
 * Node's `EventTarget`, whose listener bookkeeping alone cost ~5 % of a loopback request
 * (`npm run bench overhead`, measured 1.04–1.05× against 1.00× with this).
 * @module
 */
import type { GenericAbortSignal } from 'axios';

type AbortListener = (this: RequestAbort, event: { type: 'abort' }) => void;

/** A one-shot abort signal for one axios request. */
export class RequestAbort implements GenericAbortSignal {
  #aborted = false;
  #listeners: AbortListener[] = [];

  /** Why it was aborted: always `undefined` (axios then reports a `CanceledError`). */
  readonly reason: undefined = undefined;

  /** True once {@link abort} was called. */
  get aborted(): boolean {
    return this.#aborted;
  }

  /** Called by axios' adapters: `listener` runs once, on abort. */
  addEventListener(type: string, listener: AbortListener): void {
    if (type === 'abort' && !this.#aborted) this.#listeners.push(listener);
  }

  /** Called by axios' adapters when the request is done. */
  removeEventListener(type: string, listener: AbortListener): void {
    if (type === 'abort') this.#listeners = this.#listeners.filter((l) => l !== listener);
  }

  /** Abort the request (once; later calls do nothing). */
  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener.call(this, { type: 'abort' }); // axios' fetch adapter reads `this.reason`
  }
}
