/**
 * The live query monitor page: a connection to FlowAPI through the page's own origin, and the
 * page put together on it (`page.ts`).
 * @module
 */
import { connect } from '../../src/index.js';
import { loadConfig } from './config.js';
import { byId, replace } from './dom.js';
import { mountPage } from './page.js';
import { describeError } from './plain-errors.js';

async function main(): Promise<void> {
  const config = await loadConfig();
  // The monitor forwards /api/… to FlowAPI: the page talks only to its own origin (FlowAPI sends no CORS headers).
  const connection = connect({ url: location.origin, token: config.token, pollStrategy: 'eager' }); // one person watching a few queries: fastest notice
  const subscriptions = mountPage(document, { connection, config });
  window.addEventListener('pagehide', () => subscriptions.unsubscribe());
}

main().catch((error: unknown) => {
  replace(byId('fatal'), `The monitor could not start: ${describeError(error)}`);
  byId('fatal').hidden = false;
});
