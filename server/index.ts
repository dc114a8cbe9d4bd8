/**
 * FlowAPI test server: a faithful FlowAPI 1.18 (or legacy 1.3) stand-in on loopback, for tests.
 */
export { startTestServer } from './start.js';
export type {
  BurstFault,
  CutResultFault,
  DripFault,
  DurationMs,
  FaultOptions,
  FlowapiVersion,
  MintTokenOptions,
  QueryState,
  QueryTimeline,
  ResetFault,
  RouteName,
  ServerCounters,
  StallFault,
  TestServer,
  TestServerOptions,
} from './types.js';
