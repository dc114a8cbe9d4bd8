import { Injectable, inject } from '@angular/core';
import { dailyLocationSpec, spatialAggregate, type APIQuery } from 'flowclient-rx';
import { FLOW_CONNECTION } from 'flowclient-rx/angular';

/** The app's FlowAPI queries, on the connection of provideFlowClient. */
@Injectable({ providedIn: 'root' })
export class PopulationService {
  readonly #connection = inject(FLOW_CONNECTION);

  /** Subscribers per admin3 region on `date`, by their last location of the day. */
  subscribersPerRegion(date: string): APIQuery {
    return spatialAggregate({
      connection: this.#connection,
      locations: dailyLocationSpec({ date, aggregationUnit: 'admin3', method: 'last' }),
    });
  }
}
