import { Component, computed, inject, input } from '@angular/core';
import { partsOf } from 'flowclient-rx';
import { queryResult, queryState } from 'flowclient-rx/angular';
import { PopulationService } from './population.service.js';

/** One day's query: live progress, then how many regions it counted. */
@Component({
  selector: 'app-population-card',
  template: `
    <h2>{{ date() }}</h2>
    <progress [value]="parts()[0]" [max]="parts()[1]"></progress>
    <p class="status">{{ status() }}</p>
  `,
})
export class PopulationCard {
  readonly date = input.required<string>();
  readonly #population = inject(PopulationService);
  readonly #query = computed(() => this.#population.subscribersPerRegion(this.date()));

  /** Follows the input: a new date stops the old watch and starts the new one. */
  readonly state = queryState(this.#query);
  readonly result = queryResult(this.#query);

  readonly parts = computed(() => {
    const state = this.state();
    return state.status === 'starting' || state.status === 'failed' ? [0, 1] : partsOf(state);
  });

  readonly status = computed(() => {
    const state = this.state();
    const result = this.result();
    if (result.status === 'ready') return `${result.value.length} regions`;
    switch (state.status) {
      case 'starting':
        return 'Starting…';
      case 'queued':
      case 'executing':
        return state.totalParts === null ? `${state.status}…` : `${state.status}: ${state.completedParts} of ${state.totalParts} parts`;
      case 'completed':
        return 'Downloading…';
      case 'failed':
        return `Could not run the query: ${state.error instanceof Error ? state.error.message : 'unknown error'}`;
      default:
        return state.message; // errored, cancelled or not_running: the server's words
    }
  });
}
