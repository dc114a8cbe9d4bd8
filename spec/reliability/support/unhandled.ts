/**
 * Catching what no subscriber handled, in the browser and in Node: unhandled promise rejections,
 * uncaught errors, rxjs errors without an error callback, and notifications after an observable
 * ended (a duplicate emission or a second terminal notification).
 */
import { config } from 'rxjs';
import { flushMacrotasks } from './wait.js';

/** A running check; `stop()` removes every listener and gives what was seen. */
export interface UnhandledTracker {
  /** Descriptions of what went unhandled so far. */
  readonly seen: readonly string[];
  /** Flush pending macrotasks, stop listening, and return what went unhandled. */
  stop(): Promise<readonly string[]>;
}

interface NodeProcessLike {
  on(event: string, listener: (reason: unknown) => void): unknown;
  off(event: string, listener: (reason: unknown) => void): unknown;
}

const describeReason = (reason: unknown): string =>
  reason instanceof Error ? `${reason.name}: ${reason.message}` : typeof reason === 'string' ? reason : JSON.stringify(reason) ?? String(reason);

/** Start listening for unhandled errors and rejections, and for notifications after the end. */
export function trackUnhandled(): UnhandledTracker {
  const seen: string[] = [];
  const previous = { onUnhandledError: config.onUnhandledError, onStoppedNotification: config.onStoppedNotification };
  config.onUnhandledError = (error: unknown) => seen.push(`rxjs unhandled error: ${describeReason(error)}`);
  config.onStoppedNotification = (notification) => {
    if (notification.kind !== 'C') seen.push(`rxjs ${notification.kind} notification after the end`);
  };

  const removers: Array<() => void> = [];
  const win = (globalThis as { window?: Window }).window;
  if (win !== undefined) {
    const onRejection = (event: PromiseRejectionEvent) => seen.push(`unhandled rejection: ${describeReason(event.reason)}`);
    const onError = (event: ErrorEvent) => seen.push(`uncaught error: ${describeReason(event.error ?? event.message)}`);
    win.addEventListener('unhandledrejection', onRejection);
    win.addEventListener('error', onError);
    removers.push(() => win.removeEventListener('unhandledrejection', onRejection), () => win.removeEventListener('error', onError));
  } else {
    const proc = (globalThis as { process?: NodeProcessLike }).process;
    const onRejection = (reason: unknown) => seen.push(`unhandled rejection: ${describeReason(reason)}`);
    proc?.on('unhandledRejection', onRejection);
    removers.push(() => proc?.off('unhandledRejection', onRejection));
  }

  return {
    seen,
    async stop() {
      await flushMacrotasks();
      for (const remove of removers) remove();
      config.onUnhandledError = previous.onUnhandledError;
      config.onStoppedNotification = previous.onStoppedNotification;
      return [...seen];
    },
  };
}
