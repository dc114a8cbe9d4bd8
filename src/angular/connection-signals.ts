/**
 * The connection's user and token expiry as live signals, for a header or a session banner.
 * @module
 */
import { type Injector, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import type { Connection } from '../index.js';
import { FLOW_CONNECTION } from './connection-token.js';
import { contextInjector, type InjectorOption } from './in-angular.js';

/** Options of {@link flowUser} and {@link tokenExpiresAt}: an injector, or the connection itself. */
export interface ConnectionSignalOptions extends InjectorOption {
  /** The connection to follow. @defaultValue the injected {@link FLOW_CONNECTION} */
  readonly connection?: Connection;
}

function connectionOf(helper: string, options: ConnectionSignalOptions): [Connection, Injector] {
  const injector = contextInjector(helper, options.injector);
  return [options.connection ?? injector.get(FLOW_CONNECTION), injector];
}

/**
 * The connection's user (the token's `sub`, or `identity` for FlowAPI up to 1.17) as a signal
 * that follows every new token. Call it in an injection context, or pass `injector`.
 * @throws {@link InjectionContextError} outside an injection context without `injector`.
 * @example
 * ```ts
 * readonly user = flowUser();
 * // template: Signed in as {{ user() }}
 * ```
 */
export function flowUser(options: ConnectionSignalOptions = {}): Signal<string> {
  const [connection, injector] = connectionOf('flowUser', options);
  return toSignal(connection.user$, { requireSync: true, injector });
}

/**
 * When the connection's current token expires (`null` if it has no `exp`), as a signal that
 * follows every new token. Call it in an injection context, or pass `injector`.
 * @throws {@link InjectionContextError} outside an injection context without `injector`.
 * @example
 * ```ts
 * readonly expires = tokenExpiresAt();
 * // template: Session until {{ expires() | date: 'shortTime' }}
 * ```
 */
export function tokenExpiresAt(options: ConnectionSignalOptions = {}): Signal<Date | null> {
  const [connection, injector] = connectionOf('tokenExpiresAt', options);
  return toSignal(connection.token$.pipe(map(() => connection.tokenExpiresAt)), { requireSync: true, injector });
}
