/**
 * A result as a table, sortable by any column (click a header; again to reverse). Numbers sort
 * as numbers, empty cells last.
 * @module
 */
import type { ResultRow } from '../../src/index.js';
import { h, replace } from './dom.js';
import { formatCell } from './format.js';

/** Rows shown at most; the downloads have them all. */
const MAX_ROWS = 500;

/** Column names: the keys of the rows, in first-seen order. */
export function columnsOf(rows: readonly ResultRow[]): string[] {
  const columns = new Set<string>();
  for (const row of rows.slice(0, 100)) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** Order two cells: numbers numerically, else as text (with numbers inside text in order); empty last. */
export function compareCells(a: unknown, b: unknown): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return Number(emptyA) - Number(emptyB);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return formatCell(a).localeCompare(formatCell(b), 'en', { numeric: true });
}

/** The table. */
export function resultTable(rows: readonly ResultRow[]): HTMLElement {
  const columns = columnsOf(rows);
  const numeric = new Set(columns.filter((c) => rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number')));
  let sortColumn: string | undefined;
  let descending = false;
  const body = h('tbody');
  const headers = columns.map((column) =>
    h('th', { scope: 'col', class: numeric.has(column) ? 'num' : null }, h('button', { type: 'button', onclick: () => sortBy(column) }, column, h('span', { class: 'arrow', 'aria-hidden': 'true' }))),
  );
  const note = h('p', { class: 'muted table-note' });

  function render(): void {
    const sorted = sortColumn === undefined ? rows : [...rows].sort((x, y) => (descending ? -1 : 1) * compareCells(x[sortColumn ?? ''], y[sortColumn ?? '']));
    const shown = sorted.slice(0, MAX_ROWS);
    replace(body, ...shown.map((row) => h('tr', {}, ...columns.map((c) => h('td', { class: numeric.has(c) ? 'num' : null }, formatCell(row[c]))))));
    note.textContent = rows.length > MAX_ROWS ? `Showing ${MAX_ROWS} of ${rows.length.toLocaleString('en-GB')} rows; the downloads have them all.` : '';
    headers.forEach((th, i) => {
      const active = columns[i] === sortColumn;
      th.setAttribute('aria-sort', active ? (descending ? 'descending' : 'ascending') : 'none');
      const arrow = th.querySelector('.arrow');
      if (arrow) arrow.textContent = active ? (descending ? ' ▼' : ' ▲') : '';
    });
  }

  function sortBy(column: string): void {
    descending = sortColumn === column ? !descending : false;
    sortColumn = column;
    render();
  }

  render();
  if (rows.length === 0) return h('p', { class: 'muted' }, 'The result has no rows.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'result-table', 'data-testid': 'result-table' }, h('thead', {}, h('tr', {}, ...headers)), body), note);
}
