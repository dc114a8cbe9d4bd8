/**
 * flowclient-rx/angular: Angular providers and signal helpers for flowclient-rx. Angular
 * (19 to 22) is an optional peer dependency; the core entry never imports it. Nothing here
 * needs Angular's compiler: no decorators, only `makeEnvironmentProviders`, `inject` and
 * `toSignal`.
 * @packageDocumentation
 */
export { FLOW_CONNECTION } from './connection-token.js';
export { provideFlowClient } from './provide-flow-client.js';
export type { FlowClientConfig, FlowClientToken, TokenSource } from './provide-flow-client.js';
export type { InjectorOption } from './in-angular.js';
export { queryState, queryState$ } from './query-state.js';
export type { QueryState, QueryStateOptions, StartingState, FailedState } from './query-state.js';
export { queryResult, queryResult$ } from './query-result.js';
export type { QueryResult, QueryResultOptions, PendingResult, ReadyResult } from './query-result.js';
export { dashboardState, dashboardState$ } from './dashboard-state.js';
export type { DashboardStateOptions } from './dashboard-state.js';
