/**
 * The dashboard line: every query on the page through one `watchAll` — how many in each state,
 * parts done across all of them, and the first failure.
 * @module
 */
import { interval, map, pairwise, startWith, switchMap, tap, type Observable, type Subscription } from 'rxjs';
import { pollBudgetOf, watchAll, type Connection, type DashboardState } from '../../src/index.js';
import { h } from './dom.js';
import type { QueryItem } from './query-list.js';

/**
 * `2 queries — 1 executing, 1 completed`: counts by state, in a fixed order. `failed` says which
 * watches failed (e.g. the server refused the spec).
 */
export function describeDashboard(state: DashboardState, failed: (index: number) => boolean = () => false): string {
  const n = state.states.length;
  if (n === 0) return 'No queries yet';
  const counts = new Map<string, number>();
  state.states.forEach((s, i) => {
    const status = failed(i) ? 'failed' : (s?.status ?? 'submitting');
    counts.set(status, (counts.get(status) ?? 0) + 1);
  });
  const order = ['submitting', 'queued', 'executing', 'completed', 'errored', 'cancelled', 'not_running', 'failed'];
  const parts = order.flatMap((status) => (counts.has(status) ? [`${counts.get(status)} ${status.replace('_', ' ')}`] : []));
  return `${n} quer${n === 1 ? 'y' : 'ies'} — ${parts.join(', ')}`;
}

/** The polls the connection's watches sent in each second, as they are counted by its poll budget. */
function pollsPerSecond(connection: Connection): Observable<number> {
  const budget = pollBudgetOf(connection);
  return interval(1000).pipe(
    map(() => budget.granted),
    startWith(budget.granted),
    pairwise(),
    map(([before, now]) => now - before),
  );
}

/** The line, bound to the page's queries, with the connection's polls per second (what the monitor costs FlowAPI). */
export function dashboard(items$: Observable<readonly QueryItem[]>, connection: Connection, subscriptions: Subscription): HTMLElement {
  const summary = h('span', { 'data-testid': 'dashboard-summary' });
  const rate = h('span', { class: 'muted', 'data-testid': 'polls-per-second', title: `polls of all watched queries; at most ${connection.polling.maxPollsPerSecond} per second` }, '0 polls/s');
  const parts = h('span', { class: 'muted', 'data-testid': 'dashboard-parts' });
  const bar = h('div', { class: 'bar' });
  const track = h('div', { class: 'progress thin', role: 'progressbar', 'aria-label': 'all queries' }, bar);
  const error = h('span', { class: 'error', hidden: true });
  const element = h('div', { class: 'dashboard', 'data-testid': 'dashboard', 'aria-live': 'polite' }, h('div', { class: 'line' }, summary, parts, error, rate), track);
  subscriptions.add(pollsPerSecond(connection).subscribe((n) => (rate.textContent = `· ${n} poll${n === 1 ? '' : 's'}/s`)));

  subscriptions.add(
    items$
      .pipe(
        switchMap((items) => {
          const failed = new Set<number>();
          const watched = items.map((item, i) => item.states$.pipe(tap({ error: () => failed.add(i) })));
          return watchAll(watched).pipe(map((state) => ({ state, failed })));
        }),
      )
      .subscribe(({ state, failed }) => {
        summary.textContent = describeDashboard(state, (i) => failed.has(i));
        const n = state.states.length;
        parts.textContent = n === 0 ? '' : `· ${state.completedParts} / ${state.totalParts} parts${state.done ? ' · all done' : ''}`;
        bar.style.width = `${n === 0 ? 0 : (100 * state.completedParts) / Math.max(1, state.totalParts)}%`;
        track.setAttribute('aria-valuenow', String(state.completedParts));
        track.setAttribute('aria-valuemax', String(state.totalParts));
        // The failed query's card says what went wrong; here a pointer is enough.
        error.hidden = state.error === null;
        error.textContent = state.error === null ? '' : '· see the failed query below';
        if (state.awaitingToken) {
          error.hidden = false;
          error.textContent = '· paused: the token is refused — paste a new one';
        }
      }),
  );
  return element;
}
