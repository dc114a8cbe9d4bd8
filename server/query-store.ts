/**
 * Query lifecycle. A run starts a query at a timestamp; its state and progress are computed from
 * that timestamp when asked (no timer per query): queued for the first tenth of the duration, then
 * executing while `eligible` counts down from the part count, then completed — or errored, if the
 * spec reads dates outside the server's available dates. Forced states (tests) override the timeline.
 */
import type { JsonObject, ParsedQuery } from './kinds.js';
import { queryIdOf } from './query-id.js';
import type { QueryState } from './types.js';

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
  startedAt: number;
  forced: QueryState | null;
  fails: boolean;
}

/** The ISO date after `date`. */
function dayAfter(date: string): string {
  const next = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return Number.isNaN(next.getTime()) ? date : next.toISOString().slice(0, 10);
}

/** Share of the duration a query spends queued before it starts executing. */
const QUEUED_SHARE = 0.1;

/** States in which posting the spec again starts a new run. */
const RERUN_STATES: ReadonlySet<QueryState> = new Set(['known', 'cancelled']);

/** How the store reaches the outside: time, available dates, and the runs counter. */
export interface QueryStoreOptions {
  /** Milliseconds from run to completed. */
  readonly durationMs: number;
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

  constructor(private readonly options: QueryStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Run a spec: a new or re-queued query starts executing; a running or finished one is left alone. */
  run(spec: JsonObject, query: ParsedQuery): { id: string; progress: Progress } {
    const id = queryIdOf(spec);
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { id, spec, query, startedAt: 0, forced: null, fails: this.readsMissingDates(query) };
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
    const elapsed = this.now() - entry.startedAt;
    const state = this.stateAfter(entry, elapsed);
    const parts = Math.max(1, entry.query.parts);
    if (state === 'queued') return { state, progress: { eligible: parts, queued: parts, running: 0 } };
    if (state !== 'executing') return { state, progress: { eligible: 0, queued: 0, running: 0 } };
    const share = entry.forced ? 0 : elapsed / this.options.durationMs;
    const eligible = parts - Math.min(parts - 1, Math.floor(share * parts));
    return { state, progress: { eligible, queued: eligible - 1, running: 1 } };
  }

  private stateAfter(entry: Entry, elapsed: number): QueryState {
    if (entry.forced) return entry.forced;
    const duration = this.options.durationMs;
    if (elapsed >= duration) return entry.fails ? 'errored' : 'completed';
    return elapsed < duration * QUEUED_SHARE ? 'queued' : 'executing';
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
    entry.startedAt = this.now();
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
