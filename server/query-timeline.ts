/**
 * The planned timeline of one query: how long it stays queued, when each of its sub-queries is
 * stored, and when it completes. Pure and seeded by the query id, so a spec gets the same
 * timeline in every run of the server; sub-queries take uneven shares of the executing time
 * (a Dirichlet(1) split: exponential draws, normalised), as real FlowMachine sub-queries do.
 */
import { seededRandom } from './seeded-random.js';
import type { DurationMs } from './types.js';

/** Share of the duration a query spends queued when no `queuedMs` is given. */
const DEFAULT_QUEUED_SHARE = 0.1;

/** What a timeline is drawn from. */
export interface TimelineOptions {
  /** Milliseconds from run to completed, or a `[min, max]` range to draw from. */
  readonly durationMs: DurationMs;
  /** Milliseconds queued, or a range to draw from. @defaultValue a tenth of the duration */
  readonly queuedMs?: DurationMs | undefined;
}

/** A query's timeline as offsets in milliseconds from the start of its run. */
export interface Timeline {
  /** Time queued; executing starts here. At most {@link Timeline.durationMs}. */
  readonly queuedMs: number;
  /** Time from run to completed (or errored). */
  readonly durationMs: number;
  /**
   * When each sub-query is stored, ascending; the last is exactly {@link Timeline.durationMs}.
   * One entry per part (at least one).
   */
  readonly partEndsMs: readonly number[];
}

/** Throw unless `value` is a non-negative finite number or an ordered `[min, max]` of them. */
export function checkDurationMs(name: string, value: DurationMs): void {
  const ends: readonly unknown[] = typeof value === 'number' ? [value] : Array.isArray(value) && value.length === 2 ? value : [];
  const valid =
    ends.length > 0 &&
    ends.every((end) => typeof end === 'number' && Number.isFinite(end) && end >= 0) &&
    (ends.length === 1 || (ends[0] as number) <= (ends[1] as number));
  if (!valid) throw new Error(`${name} must be a non-negative number or a [min, max] range, got ${JSON.stringify(value)}`);
}

/** The fixed value, or the point `u` of the way from min to max. */
function drawn(value: DurationMs, u: number): number {
  return typeof value === 'number' ? value : value[0] + u * (value[1] - value[0]);
}

/**
 * The timeline of query `queryId` with `parts` sub-queries. The same id and options always give
 * the same timeline; the draws are made in a fixed order (duration, queued time, one weight per
 * part) whatever the options, so a fixed duration and a range give the same split for an id.
 * @example
 * timelineOf('5ffe4a96dbe33a117ae9550178b81836', 3, { durationMs: [500, 4000] });
 * // → { queuedMs: 212.4, durationMs: 2124.3, partEndsMs: [401.7, 1630.2, 2124.3] } (say)
 */
export function timelineOf(queryId: string, parts: number, options: TimelineOptions): Timeline {
  const random = seededRandom(queryId);
  const durationMs = drawn(options.durationMs, random());
  const queuedDraw = random();
  const queued = options.queuedMs === undefined ? durationMs * DEFAULT_QUEUED_SHARE : drawn(options.queuedMs, queuedDraw);
  const queuedMs = Math.min(durationMs, queued);
  const count = Math.max(1, Math.floor(parts));
  const weights = Array.from({ length: count }, () => -Math.log(1 - random())); // exponential: 1 - u is in (0, 1]
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const executingMs = durationMs - queuedMs;
  let done = 0;
  const partEndsMs = weights.map((weight, i) => {
    done += weight;
    return i === count - 1 || total === 0 ? durationMs : queuedMs + (executingMs * done) / total;
  });
  return { queuedMs, durationMs, partEndsMs };
}
