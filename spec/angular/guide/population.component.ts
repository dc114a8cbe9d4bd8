import { Component, computed, inject } from '@angular/core';
import { partsOf } from 'flowclient-rx';
import { queryResult, queryState } from 'flowclient-rx/angular';
import { PopulationService } from './population.service.js';

@Component({
  selector: 'app-population',
  template: `
    <h2>Subscribers per region on {{ date }}</h2>
    <p class="status">{{ status() }}</p>
    <progress [value]="parts()[0]" [max]="parts()[1]"></progress>
    <table>
      @for (row of rows(); track row['pcod']) {
        <tr><td>{{ row['pcod'] }}</td><td>{{ row['value'] }}</td></tr>
      }
    </table>
  `,
})
export class PopulationComponent {
  readonly date = '2016-01-01';
  readonly #query = inject(PopulationService).subscribersPerRegion(this.date);

  /** Live state: starting, queued/executing with progress, completed, errored… or failed. */
  readonly state = queryState(this.#query);
  /** The rows, once the query is done: pending, ready or failed. */
  readonly result = queryResult(this.#query);

  readonly parts = computed(() => {
    const state = this.state();
    return state.status === 'starting' || state.status === 'failed' ? [0, 1] : partsOf(state);
  });

  readonly status = computed(() => {
    const state = this.state();
    switch (state.status) {
      case 'starting':
        return 'Starting…';
      case 'queued':
      case 'executing':
        return state.totalParts === null ? `${state.status}…` : `${state.status}: ${state.completedParts} of ${state.totalParts} parts`;
      case 'completed':
        return 'Done';
      case 'failed':
        return `Could not run the query: ${state.error instanceof Error ? state.error.message : 'unknown error'}`;
      default:
        return state.message; // errored, cancelled or not_running: the server's words
    }
  });

  readonly rows = computed(() => {
    const result = this.result();
    return result.status === 'ready' ? result.value : [];
  });
}
