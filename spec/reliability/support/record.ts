/** Recording every notification of an observable, to count emissions, errors and completions. */
import type { Observable, Subscription } from 'rxjs';

/** What a subscriber saw. */
export interface Recording<T> {
  /** Every value, in order. */
  readonly values: T[];
  /** Every error (more than one would be a broken observable). */
  readonly errors: unknown[];
  /** How many times `complete` was called. */
  completions: number;
  /** Settles once the observable errors or completes (never rejects). */
  readonly done: Promise<void>;
  /** The subscription, to unsubscribe early. */
  readonly subscription: Subscription;
}

/** Subscribe to `source` and record what it does. */
export function record<T>(source: Observable<T>): Recording<T> {
  let settle: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (settle = resolve));
  const values: T[] = [];
  const errors: unknown[] = [];
  const recording = { values, errors, completions: 0, done } as Omit<Recording<T>, 'subscription'> & { subscription?: Subscription };
  recording.subscription = source.subscribe({
    next: (value) => values.push(value),
    error: (error: unknown) => {
      errors.push(error);
      settle();
    },
    complete: () => {
      recording.completions += 1;
      settle();
    },
  });
  return recording as Recording<T>;
}

/** The one error a recording ended with, or a failure when it did not end with exactly one. */
export async function failureOf(recording: Recording<unknown>): Promise<Error> {
  await recording.done;
  if (recording.errors.length !== 1 || recording.completions !== 0) {
    throw new Error(`expected exactly one error, saw ${recording.errors.length} errors and ${recording.completions} completions`);
  }
  return recording.errors[0] as Error;
}
