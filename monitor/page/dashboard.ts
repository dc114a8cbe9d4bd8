/**
 * The dashboard line: every query on the page through one `watchAll` — how many in each state,
 * parts done across all of them, and the first failure.
 * @module
 */
import { map, switchMap, tap, type Observable, type Subscription } from 'rxjs';
import { watchAll, type DashboardState } from '../../src/index.js';
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

/** The line, bound to the page's queries. */
export function dashboard(items$: Observable<readonly QueryItem[]>, subscriptions: Subscription): HTMLElement {
  const summary = h('span', { 'data-testid': 'dashboard-summary' });
  const parts = h('span', { class: 'muted', 'data-testid': 'dashboard-parts' });
  const bar = h('div', { class: 'bar' });
  const track = h('div', { class: 'progress thin', role: 'progressbar', 'aria-label': 'all queries' }, bar);
  const error = h('span', { class: 'error', hidden: true });
  const element = h('div', { class: 'dashboard', 'data-testid': 'dashboard', 'aria-live': 'polite' }, h('div', { class: 'line' }, summary, parts, error), track);

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
      }),
  );
  return element;
}
