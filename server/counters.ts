/**
 * Request counters: per route name, polls per query id, runs (executions started) per query id.
 */
import { ROUTE_NAMES, type RouteName, type ServerCounters } from './types.js';

const zeroRoutes = (): Record<RouteName, number> =>
  Object.fromEntries(ROUTE_NAMES.map((name) => [name, 0])) as Record<RouteName, number>;

/** Mutable counters of one server. */
export class Counters {
  private requests = zeroRoutes();
  private polls: Record<string, number> = {};
  private runs: Record<string, number> = {};
  private total = 0;

  /** Count a request to a route. */
  request(route: RouteName): void {
    this.requests[route] += 1;
    this.total += 1;
  }

  /** Count a poll of a query id. */
  poll(queryId: string): void {
    this.polls[queryId] = (this.polls[queryId] ?? 0) + 1;
  }

  /** Count an execution started for a query id. */
  run(queryId: string): void {
    this.runs[queryId] = (this.runs[queryId] ?? 0) + 1;
  }

  /** A copy of the current counts. */
  snapshot(): ServerCounters {
    return { requests: { ...this.requests }, polls: { ...this.polls }, runs: { ...this.runs }, total: this.total };
  }

  /** Zero everything. */
  reset(): void {
    this.requests = zeroRoutes();
    this.polls = {};
    this.runs = {};
    this.total = 0;
  }
}
