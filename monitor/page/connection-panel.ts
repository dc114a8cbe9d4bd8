/**
 * The connection panel: which FlowAPI, whose token (masked) and how long it lasts, the dates
 * with data, and a field to paste a new token — every running watch uses it from its next poll.
 * @module
 */
import { distinctUntilChanged, interval, map, merge, startWith, type Observable, type Subscription } from 'rxjs';
import type { Connection } from '../../src/index.js';
import { h, replace } from './dom.js';
import { formatCountdown, maskToken } from './format.js';
import { describeError } from './plain-errors.js';
import type { PageConfig } from './config.js';

/** Options of {@link connectionPanel}. */
export interface ConnectionPanelOptions {
  /** The page's connection. */
  readonly connection: Connection;
  /** What the monitor's server said about its FlowAPI. */
  readonly config: PageConfig;
  /** The `<datalist>` to fill with the dates that have data. */
  readonly datesList: HTMLDataListElement;
  /** The server's available dates per event type (`getAvailableDates`). */
  readonly availableDates$: Observable<Record<string, string[]>>;
  /** Subscriptions made here are added to it. */
  readonly subscriptions: Subscription;
}

const SOON_MS = 5 * 60_000;

/** The panel, in a card. */
export function connectionPanel({ connection, config, datesList, availableDates$, subscriptions }: ConnectionPanelOptions): HTMLElement {
  const user = h('dd', { 'data-testid': 'user' });
  const token = h('dd', { 'data-testid': 'token' });
  const expiry = h('dd', { 'data-testid': 'expiry' });
  const dates = h('dd', { 'data-testid': 'dates', class: 'muted' }, 'asking the server…');
  const via = config.source === 'test-server' ? 'embedded FlowAPI test server' : 'FlowAPI';

  subscriptions.add(connection.user$.subscribe((name) => (user.textContent = name)));
  subscriptions.add(connection.token$.subscribe((t) => replace(token, h('code', {}, maskToken(t)))));
  subscriptions.add(
    merge(connection.token$, interval(1000))
      .pipe(
        startWith(0),
        map(() => connection.tokenExpiresAt),
        map((at) => {
          if (at === null) return { text: 'never (no expiry in the token)', level: 'ok' };
          const left = at.getTime() - Date.now();
          return { text: `${formatCountdown(at, Date.now())} · ${at.toLocaleTimeString('en-GB')}`, level: left <= 0 ? 'expired' : left < SOON_MS ? 'soon' : 'ok' };
        }),
        distinctUntilChanged((a, b) => a.text === b.text),
      )
      .subscribe(({ text, level }) => {
        expiry.textContent = text;
        expiry.dataset['level'] = level;
        if (level === 'expired') expiry.append(h('span', { class: 'hint' }, ' — running watches wait for a new token'));
      }),
  );
  subscriptions.add(
    availableDates$.subscribe({
      next: (byType) => {
        const all = new Set<string>();
        const lines = Object.entries(byType).map(([type, list]) => {
          list.forEach((d) => all.add(d));
          const sorted = [...list].sort();
          return sorted.length === 0 ? `${type}: none` : `${type}: ${sorted[0]} – ${sorted[sorted.length - 1]}`;
        });
        replace(dates, ...lines.flatMap((line, i) => [i > 0 ? h('br') : null, line]));
        replace(datesList, ...[...all].sort().map((d) => h('option', { value: d })));
      },
      error: (error: unknown) => replace(dates, h('span', { class: 'error' }, describeError(error))),
    }),
  );

  const input = h('input', {
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'paste a JWT from FlowAuth',
    'aria-label': 'New token',
    'data-testid': 'new-token',
  });
  const note = h('p', { class: 'token-note', role: 'status', 'data-testid': 'token-note' });
  const form = h(
    'form',
    { class: 'token-form', autocomplete: 'off' },
    h('label', { class: 'field-label' }, 'New token'),
    h('div', { class: 'inline' }, input, h('button', { type: 'submit' }, 'Use token')),
    note,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const pasted = input.value.trim();
    note.className = 'token-note error';
    if (pasted === '') {
      note.textContent = 'Paste a token first.';
      return;
    }
    try {
      connection.updateToken(pasted);
    } catch (error) {
      note.textContent = `That is not a token FlowAPI could use: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    input.value = '';
    const expiresAt = connection.tokenExpiresAt;
    if (expiresAt !== null && expiresAt.getTime() <= Date.now()) {
      note.className = 'token-note error';
      note.textContent = `Token updated (user ${connection.user}), but it ${formatCountdown(expiresAt, Date.now())}: FlowAPI will refuse it.`;
      return;
    }
    note.className = 'token-note ok';
    note.textContent = `Token updated (user ${connection.user}). Running watches use it from their next poll.`;
  });

  return h(
    'section',
    { class: 'card', id: 'connection', 'aria-labelledby': 'connection-title' },
    h('h2', { id: 'connection-title' }, 'Connection'),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'FlowAPI'),
      h('dd', {}, h('code', {}, config.flowapiUrl), h('span', { class: 'muted' }, ` ${via}, through this page's origin`)),
      h('dt', {}, 'User'),
      user,
      h('dt', {}, 'Token'),
      token,
      h('dt', {}, 'Expires'),
      expiry,
      h('dt', {}, 'Data'),
      dates,
    ),
    form,
  );
}
