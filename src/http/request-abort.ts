/**
 * Aborting one request: {@link RequestSignal}, the smallest signal axios accepts (its
 * `GenericAbortSignal`), and {@link RequestAbort}, the request's lifetime as the RxJS resource of
 * its subscription (`using`): unsubscribing before the request settles aborts it, and so does its
 * time running out (`timeoutMs`, from send to the last byte of the body).
 * An `AbortController` would do the same through Node's `EventTarget`, whose listener
 * bookkeeping alone made a loopback request 1.04–1.05× as slow as bare axios, against 1.00×
 * with this (alternating pairs on this project's machine, beside `npm run bench overhead`).
 * @module
 */
import { AxiosError, type GenericAbortSignal } from 'axios';
import type { Unsubscribable } from 'rxjs';

type AbortListener = (this: RequestSignal, event: { type: 'abort' }) => void;

/**
 * A one-shot abort signal for one axios request. It has no `unsubscribe` member on purpose:
 * axios' fetch adapter would take one for its own listener-removal hook.
 */
export class RequestSignal implements GenericAbortSignal {
  #aborted = false;
  #reason: AxiosError | undefined = undefined;
  #listeners: AbortListener[] = [];

  /**
   * Why it was aborted: the timeout's `AxiosError` ("timeout of <ms>ms exceeded") when time ran
   * out, else `undefined` (axios then reports a `CanceledError`).
   */
  get reason(): AxiosError | undefined {
    return this.#reason;
  }

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

  /** Abort the request (once; later calls do nothing), optionally saying why (see {@link reason}). */
  abort(reason?: AxiosError): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener.call(this, { type: 'abort' }); // axios' fetch adapter reads `this.reason`
  }
}

/**
 * The failure of a request whose time ran out, as axios words its own timeout (code
 * `ECONNABORTED`), so it maps to the same `NetworkError`.
 */
export function timeoutFailure(timeoutMs: number): AxiosError {
  return new AxiosError(`timeout of ${timeoutMs}ms exceeded`, AxiosError.ECONNABORTED);
}

/**
 * One request's lifetime: its {@link RequestSignal}, aborted on unsubscribe unless the request
 * settled first, or when `timeoutMs` pass before it settles (one timer per request, cleared on settle).
 */
export class RequestAbort implements Unsubscribable {
  /** The signal to hand to axios. */
  readonly signal = new RequestSignal();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #settled = false;

  /** @param timeoutMs - the longest the request may take, send to last byte, in ms; 0 for no limit. @defaultValue 0 */
  constructor(timeoutMs = 0) {
    if (timeoutMs > 0) this.#timer = setTimeout(() => this.signal.abort(timeoutFailure(timeoutMs)), timeoutMs);
  }

  /** True when the request was aborted because its time ran out. */
  get timedOut(): boolean {
    return this.signal.reason !== undefined;
  }

  /** The request settled (a reply or a failure): nothing is left to abort. */
  settle(): void {
    this.#settled = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
  }

  /** The subscription's teardown: aborts a request still in flight. */
  unsubscribe(): void {
    if (this.#settled) return;
    this.settle();
    this.signal.abort();
  }
}
