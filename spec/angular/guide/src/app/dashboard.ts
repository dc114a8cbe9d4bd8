import { Component, computed, inject, signal } from '@angular/core';
import { dashboardState, flowUser, tokenExpiresAt } from 'flowclient-rx/angular';
import { AuthService } from './auth.service.js';
import { PopulationCard } from './population-card.js';
import { PopulationService } from './population.service.js';

/** A growing list of days: overall progress, a card per day, and a new token when the session expires. */
@Component({
  selector: 'app-dashboard',
  imports: [PopulationCard],
  template: `
    <p class="user">{{ user() }}, token valid until {{ expiresAt()?.toLocaleTimeString() }}</p>
    @if (dashboard.awaitingToken()) {
      <form class="expired" (submit)="$event.preventDefault(); auth.signIn(token.value)">
        <label>Your token expired. New token <input #token type="password" name="token" /></label>
        <button>Go on</button>
      </form>
    }
    <progress [value]="dashboard().completedParts" [max]="dashboard().totalParts"></progress>
    <p class="total">{{ dashboard().completedParts }} of {{ dashboard().totalParts }} parts{{ dashboard().done ? ', done' : '' }}</p>
    <button class="add" (click)="addDay()">Add a day</button>
    @for (date of dates(); track date) {
      <app-population-card [date]="date" />
    }
  `,
})
export class Dashboard {
  protected readonly auth = inject(AuthService);
  readonly #population = inject(PopulationService);

  readonly dates = signal(['2016-01-01']);
  /** Watches every day's query; a day added starts one more, the others keep theirs. */
  readonly dashboard = dashboardState(computed(() => this.dates().map((date) => this.#population.subscribersPerRegion(date))));
  readonly user = flowUser();
  readonly expiresAt = tokenExpiresAt();

  addDay(): void {
    const last = new Date(`${this.dates().at(-1)}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() + 1);
    this.dates.update((dates) => [...dates, last.toISOString().slice(0, 10)]);
  }
}
