/**
 * `FlowSignal`: a helper's signal with `awaitingToken` beside it.
 * @module
 */
import { computed, type Signal } from '@angular/core';

/**
 * A helper's signal (call it for the value), with `awaitingToken`: a signal that is true while
 * the server refuses the polls for authentication (an expired or rejected token). Watching
 * waits meanwhile and goes on by itself once the connection gets a new token (`token$` of
 * `provideFlowClient`, or its `tokenRefresher`): ask the user to sign in again.
 * @example
 * ```ts
 * readonly state = queryState(query);
 * // template: @if (state.awaitingToken()) { <p>Your session expired: sign in again.</p> }
 * ```
 */
export type FlowSignal<T> = Signal<T> & {
  /** True while polls are refused for authentication, until the connection has a new token. */
  readonly awaitingToken: Signal<boolean>;
};

/** `signal` with `awaitingToken`, computed from each value by `awaiting`. */
export function withAwaitingToken<T>(signal: Signal<T>, awaiting: (value: T) => boolean): FlowSignal<T> {
  return Object.assign(signal, { awaitingToken: computed(() => awaiting(signal())) });
}
