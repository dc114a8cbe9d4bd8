/**
 * Live status of queries in the terminal, from their watch streams: on a TTY one progress bar per
 * query (`completedParts / totalParts`, drawn by cli-progress); elsewhere (a log, a pipe) one line
 * per change of status or progress. Drawing starts on subscribe and stops, leaving the final
 * state on screen, when the watch ends, fails or is unsubscribed.
 * @module
 */
import cliProgress from 'cli-progress';
import { defer, finalize, lastValueFrom, tap, type Observable } from 'rxjs';
import { partsOf, watchAll, type DashboardState, type Watchable, type WatchState } from '../src/index.js';

/** Options of {@link liveStatus}. */
export interface LiveStatusOptions {
  /** Where to draw: a TTY gets bars, anything else a line per change. @defaultValue process.stderr */
  readonly stream?: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };
  /** Labels per query, in order. @defaultValue each query's `query_kind`, or `query <n>` for a bare stream */
  readonly labels?: readonly string[];
  /** Longest wait between polls, ms (the first watcher of a query sets it). */
  readonly pollInterval?: number;
}

/** How the states are shown. */
interface StatusView {
  show(states: readonly (WatchState | undefined)[]): void;
  stop(): void;
}

/** A state in words: `executing`, `queued (stalled)`, `completed`, `errored: <message>`. */
export function describeState(state: WatchState | undefined): string {
  if (state === undefined) return 'starting';
  switch (state.status) {
    case 'queued':
    case 'executing':
      return `${state.status}${state.stalled ? ' (stalled)' : ''}`;
    case 'completed':
      return 'completed';
    default:
      return `${state.status}: ${state.message}`;
  }
}

const elapsed = (state: WatchState | undefined): string => ((state?.elapsedMs ?? 0) / 1000).toFixed(1);

/** Room the bar's text takes besides the label and the bar itself (parts, status, polls, time). */
const TEXT_WIDTH = 50;

function barsView(stream: NodeJS.WritableStream & { readonly columns?: number }, labels: readonly string[]): StatusView {
  const width = Math.max(...labels.map((l) => l.length), 5);
  const columns = stream.columns ?? 80;
  const bars = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: `{label} |{bar}| {value}/{total} parts | {status} | {polls} polls | {elapsed}s`,
      barsize: Math.max(10, Math.min(40, columns - width - TEXT_WIDTH)),
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const rows = labels.map((label) => bars.create(1, 0, { label: label.padEnd(width), status: 'starting', polls: 0, elapsed: '0.0' }));
  return {
    show(states) {
      states.forEach((state, i) => {
        const row = rows[i];
        if (row === undefined || state === undefined) return;
        const [done, total] = partsOf(state);
        row.setTotal(total);
        row.update(done, { status: describeState(state), polls: state.polls, elapsed: elapsed(state) });
      });
    },
    stop: () => bars.stop(),
  };
}

function linesView(stream: NodeJS.WritableStream, labels: readonly string[]): StatusView {
  const shown: string[] = [];
  return {
    show(states) {
      states.forEach((state, i) => {
        if (state === undefined) return;
        const [done, total] = partsOf(state);
        const line = `${labels[i] ?? ''}: ${describeState(state)}, ${done}/${total} parts`;
        if (shown[i] === line) return;
        shown[i] = line;
        stream.write(`${line} (${elapsed(state)}s)\n`);
      });
    },
    stop: () => undefined,
  };
}

const labelOf = (query: Watchable, index: number): string =>
  'parameters' in query && typeof query.parameters === 'object' && query.parameters !== null && 'query_kind' in query.parameters
    ? String(query.parameters.query_kind)
    : `query ${index + 1}`;

/**
 * Watch `queries`, drawing their progress: a cold stream of the dashboard states (see
 * `watchAll`), completing when every query is final.
 */
export function liveStatus(queries: readonly Watchable[], options: LiveStatusOptions = {}): Observable<DashboardState> {
  return defer(() => {
    const stream = options.stream ?? process.stderr;
    const labels = options.labels ?? queries.map(labelOf);
    const view = stream.isTTY ? barsView(stream, labels) : linesView(stream, labels);
    const watch = options.pollInterval === undefined ? {} : { pollInterval: options.pollInterval };
    return watchAll(queries, watch).pipe(
      tap((dashboard) => view.show(dashboard.states)),
      finalize(() => view.stop()),
    );
  });
}

/** Watch `queries` until all are final, drawing their progress; resolves with the last dashboard state. */
export function showLiveStatus(queries: readonly Watchable[], options: LiveStatusOptions = {}): Promise<DashboardState> {
  return lastValueFrom(liveStatus(queries, options));
}
