/**
 * flowclient-rx: a TypeScript + RxJS client for FlowKit's FlowAPI.
 * @packageDocumentation
 */
export { connect, Connection } from './connection.js';
export type { ConnectOptions, GetUrlOptions, PostJsonOptions, TokenRefresher } from './connection.js';
export { readToken } from './token.js';
export type { TokenInfo } from './token.js';

export {
  FlowclientError,
  FlowclientConnectionError,
  NetworkError,
  ResponseTooLargeError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  QuerySpecError,
  ResultDecodeError,
  QueryFailedError,
  isFlowclientError,
  isFlowclientConnectionError,
  isNetworkError,
  isResponseTooLargeError,
  isAuthenticationError,
  isPermissionDeniedError,
  isNotFoundError,
  isQuerySpecError,
  isResultDecodeError,
  isQueryFailedError,
} from './errors.js';
export type { FlowclientErrorDetails, ResponseTooLargeErrorDetails } from './errors.js';

export type { FlowResponse } from './http/response.js';
export { routeFromLocation } from './http/route.js';
export type { ApiRoot } from './http/route.js';

export { DEFAULT_RETRY, TRANSIENT_STATUSES, backoffDelay, isTransient, retryTransient } from './http/retry.js';
export type { RetryConfig, RetryOptions } from './http/retry.js';

export { runQuery, queryIdOf } from './query/run-query.js';
export type { RunQueryOptions } from './query/run-query.js';
export { runOnce, specKey } from './query/run-once.js';
export { singleFlight } from './query/single-flight.js';
export { ResultCache, DEFAULT_RESULT_CACHE_BYTES, resultCacheBytes, resultRouteOf } from './client/result-cache.js';
export type { ResultCacheOption, ResultCacheOptions, ResultCacheStats, CachedResultFormat, SizedResult } from './client/result-cache.js';
export { ByteLru } from './client/byte-lru.js';
export { pollQuery } from './query/poll-query.js';
export type { QueryIdOptions } from './query/poll-query.js';
export { queryIsReady, getStatus, waitForQueryToBeReady, getResultLocationFromIdWhenReady } from './client/status.js';
export type { WaitOptions } from './client/status.js';
export {
  getJsonRows,
  getResultByQueryId,
  getGeojsonResultByQueryId,
  getCsvResultByQueryId,
  getResult,
  getGeojsonResult,
  getCsvResult,
} from './client/results.js';
export type { ResultRow, Feature, FeatureCollection, LocationOptions, QuerySpecOptions } from './client/results.js';
export { column, indexBy, join, sumBy, meanBy } from './results/table.js';
export type { NumericColumn, GroupRow, JoinOptions, JoinedRow } from './results/table.js';
export { DuplicateKeyError, isDuplicateKeyError } from './results/duplicate-key-error.js';
export { getGeography, getAvailableDates, getAvailableQaChecks, getQaCheckOutcomes, getQaCheckOutcome } from './client/metadata.js';
export type {
  ConnectionOptions,
  GeographyOptions,
  EventTypesOptions,
  QaCheck,
  QaCheckOutcome,
  QaCheckOutcomesOptions,
  QaCheckOutcomeOptions,
} from './client/metadata.js';

export { APIQuery, RESULT_FORMATS } from './query/api-query.js';
export type { APIQueryOptions, GetResultOptions, ResultFormat, ResultFormats } from './query/api-query.js';
export { FINAL_STATUSES, isFinal, outcomeOfReply, outcomeOfFailure } from './query/poll-outcome.js';
export { isQueryId } from './query/query-id.js';
export type { QueryStatus, Progress, PollOutcome } from './query/poll-outcome.js';
export { DEFAULT_POLL_SCHEDULE, pollDelay, pollSchedule } from './query/poll-schedule.js';
export type { PollSchedule } from './query/poll-schedule.js';
export { DEFAULT_PREDICTIVE, DURATION_MEMORY, estimateNextPoll } from './query/poll-estimate.js';
export type { PollEstimate, PollHistory, PredictiveSettings } from './query/poll-estimate.js';
export { POLL_STRATEGIES, decider } from './query/poll-strategy.js';
export type { PollContext, PollDecision, PollScheduleFunction, PollStrategy } from './query/poll-strategy.js';
export { DEFAULT_MAX_POLLS_PER_SECOND, PollBudget } from './query/poll-budget.js';
export type { BudgetClient } from './query/poll-budget.js';
export { reduceWatch, awaitingToken } from './query/watch-state.js';
export type { WatchState, RunningState, CompletedState, EndedState, WatchBase } from './query/watch-state.js';
export { statusStream } from './query/status-stream.js';
export { PollLoop, failureStep, watchLoop } from './query/poll-loop.js';
export type { PollLoopOptions, FailureStep } from './query/poll-loop.js';
export type { StatusStreamOptions } from './query/status-stream.js';
export { watchQuery, checkWatchOptions, pollBudgetOf, DEFAULT_STALL_AFTER_MS, MIN_POLL_INTERVAL_MS } from './query/shared-watch.js';
export type { WatchOptions } from './query/shared-watch.js';
export { watchAll, partsOf } from './query/watch-all.js';
export type { DashboardState, Watchable } from './query/watch-all.js';

export * from './specs/index.js';
