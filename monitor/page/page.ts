/**
 * The monitor page put together in a document with the skeleton of `index.html`: the connection
 * panel, the query form (starting with a runnable query), the query list and the dashboard line,
 * all bound to one connection's streams.
 * @module
 */
import { shareReplay, Subscription } from 'rxjs';
import { getAvailableDates, type Connection } from '../../src/index.js';
import type { PageConfig } from './config.js';
import { connectionPanel } from './connection-panel.js';
import { dashboard } from './dashboard.js';
import { byId, h, replace } from './dom.js';
import { queryForm } from './query-form.js';
import { QueryList } from './query-list.js';
import { firstAvailableDate } from './starter-query.js';

/** Options of {@link mountPage}. */
export interface PageOptions {
  /** The page's connection to FlowAPI. */
  readonly connection: Connection;
  /** What the monitor's server said about its FlowAPI. */
  readonly config: PageConfig;
}

/**
 * Fill the skeleton in `doc` (`#connection`, `#new-query`, `#queries`, `#dashboard`,
 * `#available-dates`); the returned subscription holds the page's live parts.
 */
export function mountPage(doc: Document, { connection, config }: PageOptions): Subscription {
  const subscriptions = new Subscription();
  const datesList = byId('available-dates', doc) as HTMLDataListElement;
  const queries = new QueryList();
  // Asked once, for the panel and the form's starter date.
  const availableDates$ = getAvailableDates({ connection }).pipe(shareReplay({ bufferSize: 1, refCount: false }));

  byId('connection', doc).replaceWith(connectionPanel({ connection, config, datesList, availableDates$, subscriptions }));
  byId('new-query', doc).replaceWith(
    queryForm({ datesListId: datesList.id, firstDate$: firstAvailableDate(availableDates$), onRun: (spec) => queries.add(connection.makeApiQuery(spec)) }),
  );
  replace(byId('queries', doc), h('h2', {}, 'Queries'), queries.element);
  replace(byId('dashboard', doc), dashboard(queries.items$, connection, subscriptions));
  return subscriptions;
}
