/**
 * A completed query's result: its rows as a sortable table, CSV and JSON downloads, and — when
 * the result is per area of an aggregation unit — a choropleth of the rows joined to the unit's
 * geography on `pcod` (points for `lon-lat`). Says "from cache" when the connection's result
 * cache already held the rows.
 * @module
 */
import { combineLatest, of, shareReplay, Subscription } from 'rxjs';
import { getGeography, type APIQuery, type QuerySpec, type ResultRow } from '../../src/index.js';
import { choropleth } from './choropleth.js';
import { download, h, replace } from './dom.js';
import { joinRowsToGeography, LON_LAT } from './geography-join.js';
import { describeError } from './plain-errors.js';
import { columnsOf, resultTable } from './result-table.js';

/** The aggregation unit of a spec (the first `aggregation_unit` found in it), if any. */
export function aggregationUnitOf(spec: unknown): string | undefined {
  if (Array.isArray(spec)) return spec.map(aggregationUnitOf).find((u) => u !== undefined);
  if (typeof spec !== 'object' || spec === null) return undefined;
  const own = (spec as Record<string, unknown>)['aggregation_unit'];
  return typeof own === 'string' ? own : Object.values(spec).map(aggregationUnitOf).find((u) => u !== undefined);
}

/** Rows as CSV (RFC 4180 quoting), for when the server cannot give CSV itself (FlowAPI before 1.18). */
export function rowsToCsv(rows: readonly ResultRow[]): string {
  const columns = columnsOf(rows);
  const cell = (v: unknown): string => {
    const text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** Options of {@link resultView}. */
export interface ResultViewOptions {
  /** The completed query. */
  readonly query: APIQuery;
  /** Its spec. */
  readonly spec: QuerySpec;
}

/** The result section and what keeps it loading. */
export function resultView({ query, spec }: ResultViewOptions): { element: HTMLElement; subscription: Subscription } {
  const subscription = new Subscription();
  const queryId = query.queryId;
  // Asked before subscribing: the rows are about to come from memory, not a download.
  const fromCache = queryId !== undefined && query.connection.resultCache.has(queryId, 'json');
  const name = `${spec.query_kind}-${(query.queryId ?? 'result').slice(0, 8)}`;
  const count = h('span', { class: 'muted', 'data-testid': 'row-count' }, 'loading rows…');
  const csv = h('button', { type: 'button', class: 'small', disabled: true }, 'Download CSV');
  const json = h('button', { type: 'button', class: 'small', disabled: true }, 'Download JSON');
  const tableSlot = h('div', { class: 'table-slot' });
  const unit = aggregationUnitOf(spec);
  const mapSlot = unit === undefined ? null : h('div', { class: 'map-slot muted' }, 'loading the map…');
  const element = h(
    'section',
    { class: 'result-view', 'data-testid': 'result' },
    h(
      'header',
      {},
      h('h4', {}, 'Result'),
      count,
      fromCache && h('small', { class: 'muted from-cache', 'data-testid': 'from-cache', title: 'Already downloaded on this page: not fetched again' }, 'from cache'),
      h('span', { class: 'spacer' }),
      csv,
      json,
    ),
    h('div', { class: mapSlot ? 'result-body with-map' : 'result-body' }, mapSlot, tableSlot),
  );

  const rows$ = query.getResult().pipe(shareReplay({ bufferSize: 1, refCount: true }));
  subscription.add(
    rows$.subscribe({
      next: (rows) => {
        count.textContent = `${rows.length.toLocaleString('en-GB')} row${rows.length === 1 ? '' : 's'}`;
        replace(tableSlot, resultTable(rows));
        json.disabled = false;
        csv.disabled = false;
        json.onclick = () => download(`${name}.json`, 'application/json', JSON.stringify(rows, null, 2));
        csv.onclick = () => {
          csv.disabled = true;
          subscription.add(
            query.getResult({ format: 'csv' }).subscribe({
              next: (text) => download(`${name}.csv`, 'text/csv', text),
              error: () => {
                download(`${name}.csv`, 'text/csv', rowsToCsv(rows));
                csv.disabled = false;
              },
              complete: () => (csv.disabled = false),
            }),
          );
        };
      },
      error: (error: unknown) => {
        count.textContent = '';
        replace(tableSlot, h('p', { class: 'message', role: 'alert' }, `The rows could not be fetched. ${describeError(error)}`));
      },
    }),
  );
  if (mapSlot && unit) {
    const geography$ = unit === LON_LAT ? of(undefined) : getGeography({ connection: query.connection, aggregationUnit: unit });
    subscription.add(
      combineLatest([rows$, geography$]).subscribe({
        next: ([rows, geography]) => {
          const joined = joinRowsToGeography(rows, geography, unit);
          mapSlot.classList.remove('muted');
          if ('problem' in joined) replace(mapSlot, h('p', { class: 'muted', 'data-testid': 'no-map' }, `No map for this result. ${joined.problem}`));
          else replace(mapSlot, choropleth(joined.collection, `${spec.query_kind} by ${unit}`, joined.notes));
        },
        error: (error: unknown) => replace(mapSlot, h('p', { class: 'muted', 'data-testid': 'no-map' }, `No map for this result. ${describeError(error)}`)),
      }),
    );
  }
  return { element, subscription };
}
