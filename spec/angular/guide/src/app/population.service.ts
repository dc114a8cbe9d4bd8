import { Injectable, inject } from '@angular/core';
import { dailyLocationSpec, spatialAggregate, type APIQuery } from 'flowclient-rx';
import { FLOW_CONNECTION } from 'flowclient-rx/angular';

/** The app's FlowAPI queries, on the connection of provideFlowClient. */
@Injectable({ providedIn: 'root' })
export class PopulationService {
  readonly #connection = inject(FLOW_CONNECTION);
  readonly #queries = new Map<string, APIQuery>();

  /** Subscribers per admin3 region on `date`, by their last location of the day (one query per date). */
  subscribersPerRegion(date: string): APIQuery {
    let query = this.#queries.get(date);
    if (query === undefined) {
      query = spatialAggregate({
        connection: this.#connection,
        locations: dailyLocationSpec({ date, aggregationUnit: 'admin3', method: 'last' }),
      });
      this.#queries.set(date, query);
    }
    return query;
  }
}
