/**
 * flowclient-rx/angular: Angular providers and signal helpers for flowclient-rx. Angular
 * (19 to 22) is an optional peer dependency; the core entry never imports it. Nothing here
 * needs Angular's compiler: no decorators, only `makeEnvironmentProviders`, `inject`,
 * `toSignal` and `toObservable`.
 * @packageDocumentation
 */
export { FLOW_CONNECTION } from './connection-token.js';
export { provideFlowClient } from './provide-flow-client.js';
export type { FlowClientConfig, FlowClientToken, TokenSource } from './provide-flow-client.js';
export type { InjectorOption } from './in-angular.js';
export { InjectionContextError, isInjectionContextError } from './injection-context-error.js';
export type { Source } from './query-source.js';
export type { FlowSignal } from './flow-signal.js';
export { queryState, queryState$, isAwaitingToken } from './query-state.js';
export type { QueryState, QueryStateOptions, QueryStateSource, StartingState, FailedState } from './query-state.js';
export { queryResult, queryResult$ } from './query-result.js';
export type { QueryResult, QueryResultOptions, QueryResultSource, PendingResult, ReadyResult } from './query-result.js';
export { dashboardState, dashboardState$ } from './dashboard-state.js';
export type { DashboardSource, DashboardStateOptions } from './dashboard-state.js';
export { flowUser, tokenExpiresAt } from './connection-signals.js';
export type { ConnectionSignalOptions } from './connection-signals.js';
