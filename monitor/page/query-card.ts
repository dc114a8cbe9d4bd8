/**
 * One query's card: live status, a progress bar from `completedParts/totalParts`, elapsed time
 * and poll count, then its result (or what went wrong, in plain words).
 * @module
 */
import { Subscription, map, of, switchMap, timer, type Observable } from 'rxjs';
import { isFinal, type QuerySpec, type WatchState } from '../../src/index.js';
import { h, replace } from './dom.js';
import { formatDuration } from './format.js';
import { describeError } from './plain-errors.js';
import type { QueryItem } from './query-list.js';
import { resultView } from './result-view.js';

/** A card and what keeps it live. */
export interface QueryCard {
  readonly element: HTMLElement;
  readonly subscription: Subscription;
}

/** `daily_location · 2016-01-01 · admin3`: the nested kinds, dates and units of a spec. */
export function specSummary(spec: QuerySpec): string {
  const kinds = new Set<string>();
  const dates = new Set<string>();
  const units = new Set<string>();
  const walk = (value: unknown, top: boolean): void => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, false));
    if (typeof value !== 'object' || value === null) return;
    const o = value as Record<string, unknown>;
    const text = (key: string): string | undefined => (typeof o[key] === 'string' ? o[key].slice(0, 10) : undefined);
    if (!top && typeof o['query_kind'] === 'string') kinds.add(o['query_kind']);
    if (text('date')) dates.add(text('date') ?? '');
    for (const suffix of ['', '_a', '_b']) {
      const [from, to] = [text(`start_date${suffix}`), text(`end_date${suffix}`)];
      if (from && to) dates.add(`${from} to ${to}`);
    }
    if (typeof o['aggregation_unit'] === 'string') units.add(o['aggregation_unit']);
    Object.values(o).forEach((v) => walk(v, false));
  };
  walk(spec, true);
  const sortedDates = [...dates].sort();
  const dateText = sortedDates.length > 2 ? `${sortedDates[0]} … ${sortedDates[sortedDates.length - 1]}` : sortedDates.join(', ');
  return [[...kinds].join(', '), dateText, [...units].join(', ')].filter(Boolean).join(' · ');
}

/** A state, the elapsed time counting on between polls while the query runs, and how long since the last answer. */
interface Tick {
  readonly state: WatchState;
  readonly elapsedMs: number;
  readonly quietMs: number;
}

/** Polls come at least every 3 s (the library's longest wait); longer silence is worth saying. */
const QUIET_MS = 8000;

function ticking(states$: Observable<WatchState>): Observable<Tick> {
  return states$.pipe(
    switchMap((state) => {
      if (isFinal(state.status)) return of({ state, elapsedMs: state.elapsedMs, quietMs: 0 });
      const at = performance.now();
      return timer(0, 200).pipe(map(() => ({ state, elapsedMs: state.elapsedMs + performance.now() - at, quietMs: performance.now() - at })));
    }),
  );
}

/** Why a running query has gone quiet, in words, or `null` while it answers. */
function quietReason(tick: Tick): string | null {
  const { state } = tick;
  if (isFinal(state.status)) return null;
  if ('awaitingToken' in state && state.awaitingToken === true) {
    const refusal = state.authError?.serverMessage ?? state.authError?.message ?? 'the token was refused';
    return `Paused: FlowAPI refuses the token (${refusal}). Paste a new one in the connection panel and the watch carries on.`;
  }
  return tick.quietMs > QUIET_MS ? `No answer from FlowAPI for ${formatDuration(tick.quietMs)}; still trying.` : null;
}

/** The card of `item`; `onRemove` takes it off the page. */
export function queryCard(item: QueryItem, onRemove: () => void): QueryCard {
  const { query } = item;
  const spec = query.parameters;
  const badge = h('span', { class: 'badge', 'data-testid': 'status' }, 'submitting');
  const bar = h('div', { class: 'bar' });
  const track = h('div', { class: 'progress indeterminate', role: 'progressbar', 'aria-label': 'progress', 'data-testid': 'progress' }, bar);
  const parts = h('span', { 'data-testid': 'parts' }, '…');
  const elapsed = h('span', { 'data-testid': 'elapsed' }, '0 ms');
  const polls = h('span', { 'data-testid': 'polls' }, '0 polls');
  const id = h('code', { class: 'query-id' });
  const idPart = h('span', { hidden: true }, ' · ', id);
  const message = h('p', { class: 'message', hidden: true, role: 'alert' });
  const waiting = h('p', { class: 'waiting', hidden: true, 'data-testid': 'waiting' });
  const result = h('div', { class: 'result' });
  const specJson = h('pre', { class: 'spec-json' }, JSON.stringify(spec, null, 2));
  const element = h(
    'article',
    { class: 'card query-card', 'data-testid': 'query', 'data-status': 'submitting' },
    h(
      'header',
      {},
      badge,
      h('h3', {}, spec.query_kind),
      h('span', { class: 'summary muted' }, specSummary(spec)),
      h('button', { type: 'button', class: 'small remove', title: 'Stop watching and remove (the query keeps running on the server)', onclick: onRemove }, 'Remove'),
    ),
    track,
    h('p', { class: 'meta' }, parts, ' · ', elapsed, ' · ', polls, idPart),
    waiting,
    message,
    h('details', { class: 'spec-preview' }, h('summary', {}, 'Spec'), specJson),
    result,
  );

  const setStatus = (status: string): void => {
    badge.textContent = status;
    element.dataset['status'] = status;
  };
  const showMessage = (text: string): void => {
    message.hidden = false;
    message.textContent = text;
  };
  const subscription = new Subscription();
  const started = performance.now();
  subscription.add(
    timer(0, 200).subscribe(() => {
      if (element.dataset['status'] === 'submitting') elapsed.textContent = formatDuration(performance.now() - started);
    }),
  );
  let resultShown = false;
  subscription.add(
    ticking(item.states$).subscribe({
      next: (tick) => {
        const { state, elapsedMs } = tick;
        const reason = quietReason(tick);
        waiting.hidden = reason === null;
        waiting.textContent = reason ?? '';
        setStatus(state.status === 'executing' || state.status === 'queued' ? (state.stalled ? `${state.status} (stalled)` : state.status) : state.status);
        idPart.hidden = false;
        id.textContent = state.queryId.slice(0, 12);
        id.title = `query id ${state.queryId}`;
        elapsed.textContent = formatDuration(elapsedMs);
        polls.textContent = `${state.polls} poll${state.polls === 1 ? '' : 's'}`;
        showProgress(state);
        if (state.status === 'completed' && !resultShown) {
          resultShown = true;
          const view = resultView({ query, spec });
          subscription.add(view.subscription);
          replace(result, view.element);
        }
        if (state.status === 'errored' || state.status === 'cancelled' || state.status === 'not_running') showMessage(state.message);
      },
      error: (error: unknown) => {
        waiting.hidden = true;
        setStatus('failed');
        if (parts.textContent === '…') parts.textContent = 'not started';
        track.classList.remove('indeterminate');
        track.classList.add('failed');
        showMessage(describeError(error));
      },
    }),
  );

  function showProgress(state: WatchState): void {
    const done = 'completedParts' in state ? state.completedParts : null;
    const total = 'totalParts' in state ? state.totalParts : null;
    const final = isFinal(state.status);
    const known = done !== null && total !== null && total > 0;
    const fraction = state.status === 'completed' ? 1 : known ? done / total : 0;
    track.classList.toggle('indeterminate', !known && !final);
    track.classList.toggle('failed', final && state.status !== 'completed');
    bar.style.width = `${(fraction * 100).toFixed(1)}%`;
    if (known) {
      track.setAttribute('aria-valuemin', '0');
      track.setAttribute('aria-valuemax', String(total));
      track.setAttribute('aria-valuenow', String(state.status === 'completed' ? total : done));
      parts.textContent = `${state.status === 'completed' ? total : done} / ${total} parts`;
    } else parts.textContent = state.status === 'completed' ? 'done' : final ? 'no result' : 'progress not reported';
  }

  return { element, subscription };
}
