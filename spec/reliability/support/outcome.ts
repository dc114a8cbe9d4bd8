import { lastValueFrom } from 'rxjs';

/** What `act` gave: the error it threw at once, or its observable's (last) value or error, or its promise's. */
export interface Outcome {
  readonly value?: unknown;
  readonly error?: unknown;
  readonly synchronous?: boolean;
}

/** Run `act` and record how it ended (see {@link Outcome}). */
export async function outcomeOf(act: () => unknown): Promise<Outcome> {
  let result: unknown;
  try {
    result = act();
  } catch (error) {
    return { error, synchronous: true };
  }
  const promise = typeof (result as { subscribe?: unknown } | null)?.subscribe === 'function' ? lastValueFrom(result as never) : result;
  return Promise.resolve(promise).then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
