/**
 * `InjectionContextError`: an Angular helper was called where it cannot `inject()`.
 * @module
 */
import { FlowclientError } from '../index.js';

/**
 * An Angular helper of flowclient-rx (`queryState`, `queryResult`, `dashboardState`,
 * `flowUser`, `tokenExpiresAt`, and their `$` forms) was called outside an injection context
 * and without `{ injector }`. The message names the helper and says what to do: call it in a
 * constructor or a field initializer, or pass `{ injector }`. The cause is Angular's own error.
 */
export class InjectionContextError extends FlowclientError {
  override readonly name: string = 'InjectionContextError';
  /** The helper that was called, e.g. `queryState`. */
  declare readonly helper: string;

  constructor(helper: string, cause?: unknown) {
    super(
      `${helper}() needs an injection context: call it in a constructor or a field initializer, or pass { injector } ` +
        `(e.g. the component's inject(Injector), kept from its constructor).`,
      { cause },
    );
    this.helper = helper;
  }
}

/** True for an {@link InjectionContextError} (by class, or by name across bundles). */
export function isInjectionContextError(error: unknown): error is InjectionContextError {
  return error instanceof InjectionContextError || (error instanceof Error && error.name === 'InjectionContextError');
}
