/**
 * Live status of queries in the terminal: one progress bar per query from its watch stream
 * (`completedParts / totalParts`), drawn by cli-progress, then a one-line summary per result.
 */
import cliProgress from 'cli-progress';
import { lastValueFrom, tap, type Observable } from 'rxjs';
import { watchAll, type APIQuery, type DashboardState, type WatchState } from '../src/index.js';

/** Options of {@link showLiveStatus}. */
export interface LiveStatusOptions {
  /** Where to draw (a TTY gets bars; anything else a line per state change). @defaultValue process.stderr */
  readonly stream?: NodeJS.WriteStream;
  /** Labels per query, in order. */
  readonly labels?: readonly string[];
  /** Longest wait between polls, ms. */
  readonly pollInterval?: number;
}

function describe(state: WatchState | undefined): string {
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

/** Watch `queries` until all are final, drawing their progress; resolves with the last dashboard state. */
export async function showLiveStatus(queries: readonly APIQuery[], options: LiveStatusOptions = {}): Promise<DashboardState> {
  const stream = options.stream ?? process.stderr;
  const labels = options.labels ?? queries.map((q) => String(q.parameters.query_kind));
  const width = Math.max(...labels.map((l) => l.length), 5);
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: `{label} |{bar}| {value}/{total} parts | {status} | {polls} polls | {elapsed}s`,
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: !stream.isTTY,
      notTTYSchedule: 1000,
    },
    cliProgress.Presets.shades_classic,
  );
  const rows = queries.map((_, i) => bars.create(1, 0, { label: (labels[i] ?? '').padEnd(width), status: 'starting', polls: 0, elapsed: '0.0' }));
  const watched: Observable<DashboardState> = watchAll(queries, options.pollInterval === undefined ? {} : { pollInterval: options.pollInterval }).pipe(
    tap((dashboard) =>
      dashboard.states.forEach((state, i) => {
        const row = rows[i];
        if (row === undefined || state === undefined) return;
        const total = 'totalParts' in state && state.totalParts !== null ? state.totalParts : 1;
        const done = state.status === 'completed' ? total : 'completedParts' in state && state.completedParts !== null ? state.completedParts : 0;
        row.setTotal(Math.max(1, total));
        row.update(done, { status: describe(state), polls: state.polls, elapsed: (state.elapsedMs / 1000).toFixed(1) });
      }),
    ),
  );
  try {
    return await lastValueFrom(watched);
  } finally {
    bars.stop();
  }
}
