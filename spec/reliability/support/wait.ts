/** Waiting on a condition that a counter or a recording can tell, never on a fixed time. */

/**
 * Resolve once `check()` is true, checking every 20 ms; reject after `timeoutMs` naming `what`.
 * @example await waitFor(async () => (await server.counters()).total > 3, 'three requests')
 */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Let queued macrotasks (rxjs' reported errors, unhandled-rejection events) run. */
export async function flushMacrotasks(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
