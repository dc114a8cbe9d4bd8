/**
 * The live query monitor page: a connection to FlowAPI through the page's own origin, the
 * connection panel, the query form, the query list and the dashboard line, all bound to the
 * library's streams.
 * @module
 */
import { Subscription } from 'rxjs';
import { connect } from '../../src/index.js';
import { loadConfig } from './config.js';
import { connectionPanel } from './connection-panel.js';
import { dashboard } from './dashboard.js';
import { byId, h, replace } from './dom.js';
import { describeError } from './plain-errors.js';
import { queryForm } from './query-form.js';
import { QueryList } from './query-list.js';

async function main(): Promise<void> {
  const config = await loadConfig();
  // The monitor forwards /api/… to FlowAPI: the page talks only to its own origin (FlowAPI sends no CORS headers).
  const connection = connect({ url: location.origin, token: config.token, pollStrategy: 'eager' }); // one person watching a few queries: fastest notice
  const subscriptions = new Subscription();
  const datesList = byId('available-dates') as HTMLDataListElement;
  const queries = new QueryList();

  byId('connection').replaceWith(connectionPanel({ connection, config, datesList, subscriptions }));
  byId('new-query').replaceWith(queryForm({ datesListId: datesList.id, onRun: (spec) => queries.add(connection.makeApiQuery(spec)) }));
  replace(byId('queries'), h('h2', {}, 'Queries'), queries.element);
  replace(byId('dashboard'), dashboard(queries.items$, connection, subscriptions));
  window.addEventListener('pagehide', () => subscriptions.unsubscribe());
}

main().catch((error: unknown) => {
  replace(byId('fatal'), `The monitor could not start: ${describeError(error)}`);
  byId('fatal').hidden = false;
});
