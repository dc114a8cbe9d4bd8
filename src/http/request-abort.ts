/**
 * Aborting one request: {@link RequestSignal}, the smallest signal axios accepts (its
 * `GenericAbortSignal`), and {@link RequestAbort}, the request's lifetime as the RxJS resource of
 * its subscription (`using`): unsubscribing before the request settles aborts it.
 * An `AbortController` would do the same through Node's `EventTarget`, whose listener
 * bookkeeping alone made a loopback request 1.04–1.05× as slow as bare axios, against 1.00×
 * with this (alternating pairs on this project's machine, beside `npm run bench overhead`).
 * @module
 */
import type { GenericAbortSignal } from 'axios';
import type { Unsubscribable } from 'rxjs';

type AbortListener = (this: RequestSignal, event: { type: 'abort' }) => void;

/**
 * A one-shot abort signal for one axios request. It has no `unsubscribe` member on purpose:
 * axios' fetch adapter would take one for its own listener-removal hook.
 */
export class RequestSignal implements GenericAbortSignal {
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

/** One request's lifetime: its {@link RequestSignal}, aborted on unsubscribe unless the request settled first. */
export class RequestAbort implements Unsubscribable {
  /** The signal to hand to axios. */
  readonly signal = new RequestSignal();
  #settled = false;

  /** The request settled (a reply or a failure): nothing is left to abort. */
  settle(): void {
    this.#settled = true;
  }

  /** The subscription's teardown: aborts a request still in flight. */
  unsubscribe(): void {
    if (!this.#settled) this.signal.abort();
  }
}
