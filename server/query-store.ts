/**
 * Query lifecycle. A run starts a query at a timestamp; its state and progress are computed from
 * that timestamp and the query's seeded timeline (see `query-timeline.ts`) when asked, with no
 * timer per query: queued, then executing while `eligible` counts down as each sub-query is stored
 * at its uneven time, then completed — or errored, if the spec reads dates outside the server's
 * available dates. Forced states (tests) override the timeline.
 */
import type { JsonObject, ParsedQuery } from './kinds.js';
import { queryIdOf } from './query-id.js';
import { checkDurationMs, timelineOf, type Timeline } from './query-timeline.js';
import type { DurationMs, QueryState, QueryTimeline } from './types.js';

/** FlowMachine's progress object: sub-queries not yet stored, and how many are queued/running. */
export interface Progress {
  eligible: number;
  queued: number;
  running: number;
}

/** A query the server knows. */
export interface StoredQuery {
  /** Query id (md5 of the canonical spec). */
  readonly id: string;
  /** The spec as posted. */
  readonly spec: JsonObject;
  /** The spec as the query-kinds module parsed it. */
  readonly query: ParsedQuery;
}

interface Entry extends StoredQuery {
  /** Offsets of every run (seeded by the id, so a re-run reuses them). */
  readonly timeline: Timeline;
  /** The timeline placed at the latest start. */
  placed: QueryTimeline;
  forced: QueryState | null;
  fails: boolean;
}

/** The ISO date after `date`. */
function dayAfter(date: string): string {
  const next = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return Number.isNaN(next.getTime()) ? date : next.toISOString().slice(0, 10);
}

/** A timeline placed at `startedAt` (the instants `reading` compares the clock with). */
function placedAt(timeline: Timeline, startedAt: number): QueryTimeline {
  return {
    startedAt,
    executingAt: startedAt + timeline.queuedMs,
    partsStoredAt: timeline.partEndsMs.map((end) => startedAt + end),
    completedAt: startedAt + timeline.durationMs,
  };
}

/** State of an unforced entry at `now`, from its placed timeline. */
function stateAt(entry: Entry, now: number): QueryState {
  if (now >= entry.placed.completedAt) return entry.fails ? 'errored' : 'completed';
  return now < entry.placed.executingAt ? 'queued' : 'executing';
}

/** States in which posting the spec again starts a new run. */
const RERUN_STATES: ReadonlySet<QueryState> = new Set(['known', 'cancelled']);

/** How the store reaches the outside: time, available dates, and the runs counter. */
export interface QueryStoreOptions {
  /** Milliseconds from run to completed, or a `[min, max]` range each query draws from (seeded by its id). */
  readonly durationMs: DurationMs;
  /** Milliseconds queued, or a range to draw from. @defaultValue a tenth of each query's duration */
  readonly queuedMs?: DurationMs | undefined;
  /** Dates per event type; a query reading other dates ends errored. */
  readonly availableDates: Readonly<Record<string, readonly string[]>>;
  /** Called whenever an execution starts. */
  readonly onRun: (queryId: string) => void;
  /** Clock. @defaultValue `Date.now` */
  readonly now?: () => number;
}

/** Every query a server has seen, with its lifecycle. */
export class QueryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  /** Throws for a bad `durationMs` or `queuedMs`. */
  constructor(private readonly options: QueryStoreOptions) {
    checkDurationMs('queryDurationMs', options.durationMs);
    if (options.queuedMs !== undefined) checkDurationMs('queuedMs', options.queuedMs);
    this.now = options.now ?? Date.now;
  }

  /** Run a spec: a new or re-queued query starts executing; a running or finished one is left alone. */
  run(spec: JsonObject, query: ParsedQuery): { id: string; progress: Progress } {
    const id = queryIdOf(spec);
    let entry = this.entries.get(id);
    if (!entry) {
      const timeline = timelineOf(id, query.parts, { durationMs: this.options.durationMs, queuedMs: this.options.queuedMs });
      const fails = this.readsMissingDates(query);
      entry = { id, spec, query, timeline, placed: placedAt(timeline, 0), forced: null, fails };
      this.entries.set(id, entry);
      this.start(entry);
    } else if (RERUN_STATES.has(this.state(entry))) {
      this.start(entry);
    }
    return { id, progress: this.progress(entry) };
  }

  /** The query with this id, if known. */
  find(id: string): StoredQuery | undefined {
    return this.entries.get(id);
  }

  /** Current state of a known query. */
  state(query: StoredQuery): QueryState {
    return this.reading(query).state;
  }

  /** Current progress of a known query (all zero unless queued or executing). */
  progress(query: StoredQuery): Progress {
    return this.reading(query).progress;
  }

  /** State and progress read at one instant, so they always agree (a poll answers with both). */
  reading(query: StoredQuery): { state: QueryState; progress: Progress } {
    const entry = this.entry(query.id);
    const now = this.now();
    const parts = entry.placed.partsStoredAt.length;
    const state = entry.forced ?? stateAt(entry, now);
    if (state === 'queued') return { state, progress: { eligible: parts, queued: parts, running: 0 } };
    if (state !== 'executing') return { state, progress: { eligible: 0, queued: 0, running: 0 } };
    const stored = entry.forced ? 0 : entry.placed.partsStoredAt.filter((at) => at <= now).length;
    const eligible = Math.max(1, parts - stored);
    return { state, progress: { eligible, queued: eligible - 1, running: 1 } };
  }

  /**
   * The planned timeline of a known query's latest run, in milliseconds of the store's clock;
   * `undefined` for an unknown id. {@link QueryStore.reading} follows exactly these instants.
   */
  timeline(id: string): QueryTimeline | undefined {
    const placed = this.entries.get(id)?.placed;
    return placed && { ...placed, partsStoredAt: [...placed.partsStoredAt] };
  }

  /**
   * Forget a query, as FlowMachine does when it restarts: its id is unknown until its spec is
   * run again (then it runs afresh). Returns whether the id was known.
   */
  forget(id: string): boolean {
    return this.entries.delete(id);
  }

  /** Force a known query into a state until it is run again; throws for an unknown id. */
  setState(id: string, state: QueryState): void {
    this.entry(id).forced = state;
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`Unknown query id: '${id}'`);
    return entry;
  }

  private start(entry: Entry): void {
    entry.placed = placedAt(entry.timeline, this.now());
    entry.forced = null;
    this.options.onRun(entry.id);
  }

  /**
   * Whether the spec reads dates outside the available span of its event types (first available
   * date to the day after the last, as range ends are exclusive); gaps inside the span are fine,
   * as FlowMachine only warns about them.
   */
  private readsMissingDates(query: ParsedQuery): boolean {
    if (query.dates.length === 0) return false;
    const types = query.eventTypes ?? Object.keys(this.options.availableDates);
    const available = types.flatMap((type) => this.options.availableDates[type] ?? []).sort();
    const first = available[0];
    const last = available[available.length - 1];
    if (first === undefined || last === undefined) return true;
    const end = dayAfter(last);
    return query.dates.some((date) => date.slice(0, 10) < first || date.slice(0, 10) > end);
  }
}
