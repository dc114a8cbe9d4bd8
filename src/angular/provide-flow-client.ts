/**
 * `provideFlowClient`: the app's one FlowAPI connection as an environment provider, fed with
 * the app's token (a string, or the auth service's stream of tokens).
 * @module
 */
import { DestroyRef, ErrorHandler, inject, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { distinctUntilChanged, filter, type Observable, type Subscription } from 'rxjs';
import { connect, type ConnectOptions, type Connection } from '../index.js';
import { FLOW_CONNECTION } from './connection-token.js';

/**
 * The app's tokens: each new one replaces the connection's (see {@link Connection.updateToken}).
 * `null`, `undefined` and `''` mean "no token now" (signed out, refreshing) and are skipped: the
 * previous token stays. A function is called once, in an injection context, so it may `inject()`
 * the auth service.
 */
export type TokenSource = Observable<string | null | undefined> | (() => Observable<string | null | undefined>);

/** Where the connection's token comes from: a fixed token, the app's tokens, or both. */
export type FlowClientToken =
  | {
      /** A JWT for the server, from FlowAuth. With `token$` too, it is the token until `token$` gives one. */
      readonly token: string;
      /** The app's tokens (see {@link TokenSource}). */
      readonly token$?: TokenSource;
    }
  | {
      /** A JWT for the server, from FlowAuth. With `token$` too, it is the token until `token$` gives one. */
      readonly token?: string;
      /**
       * The app's tokens (see {@link TokenSource}). Without `token`, it must have a token at the
       * moment the connection is first injected: a `BehaviorSubject`, a `ReplaySubject(1)`, or
       * a stream with `shareReplay(1)` that the app started before (e.g. in `provideAppInitializer`).
       */
      readonly token$: TokenSource;
    };

/**
 * Options of {@link provideFlowClient}: {@link ConnectOptions} (`url`, `apiVersion`, `retry`,
 * `timeoutMs`, `tokenRefresher`) with the token as a string, a stream, or both.
 */
export type FlowClientConfig = Omit<ConnectOptions, 'token'> & FlowClientToken;

/**
 * Provide the app's FlowAPI connection as {@link FLOW_CONNECTION}: one {@link Connection} per
 * environment injector, built when first injected. With `token$`, every new token reaches the
 * connection through `updateToken`, so running watches use it from their next poll on (a watch
 * paused by an expired or rejected token resumes). A token that does not decode is reported to
 * Angular's `ErrorHandler` and the previous one stays. The token subscription ends with the injector.
 *
 * `config` may be a function, called once in an injection context, to read the URL from the
 * app's own configuration.
 *
 * A `token$` may start empty (signed out): the connection is made when first injected, so show
 * what injects it only once there is a token (as the Angular guide's app does), or wait for the
 * first token in `provideAppInitializer`.
 *
 * @throws Error when first injected without a token (no `token`, and `token$` has none yet);
 * TypeError or `FlowclientConnectionError` for bad options or an undecodable first token, as
 * {@link connect}.
 * @example
 * ```ts
 * // app.config.ts
 * export const appConfig: ApplicationConfig = {
 *   providers: [provideFlowClient({ url: `${location.origin}/flowapi`, token$: () => inject(AuthService).token$ })],
 * };
 * ```
 */
export function provideFlowClient(config: FlowClientConfig | (() => FlowClientConfig)): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: FLOW_CONNECTION, useFactory: () => connectWithTokens(typeof config === 'function' ? config() : config) },
  ]);
}

/** Connect with the latest token known now, then forward the app's tokens until the injector ends. */
function connectWithTokens(config: FlowClientConfig): Connection {
  const errorHandler = inject(ErrorHandler);
  const destroyRef = inject(DestroyRef);
  const { token, token$, ...options } = config;
  const tokens = typeof token$ === 'function' ? token$() : token$;
  let connection: Connection | undefined;
  let first = token;
  const subscription: Subscription | undefined = tokens?.pipe(filter(isToken), distinctUntilChanged()).subscribe({
    next: (next) => {
      if (connection === undefined) first = next; // a token given while subscribing: the newest wins
      else if (next !== connection.token) forward(connection, next, errorHandler);
    },
    error: (error: unknown) => errorHandler.handleError(error),
  });
  try {
    if (first === undefined) {
      throw new Error(
        'provideFlowClient: no token. Give `token`, or a `token$` that has a token when the connection is first injected ' +
          '(a BehaviorSubject, a ReplaySubject(1) or shareReplay(1)): show what injects FLOW_CONNECTION only once signed in, ' +
          'or wait for the first token in provideAppInitializer.',
      );
    }
    connection = connect({ ...options, token: first });
  } catch (error) {
    subscription?.unsubscribe();
    throw error;
  }
  destroyRef.onDestroy(() => subscription?.unsubscribe());
  return connection;
}

/** Replace the token; one that does not decode is reported and the previous one stays. */
function forward(connection: Connection, token: string, errorHandler: ErrorHandler): void {
  try {
    connection.updateToken(token);
  } catch (error) {
    errorHandler.handleError(error);
  }
}

function isToken(value: string | null | undefined): value is string {
  return typeof value === 'string' && value !== '';
}
