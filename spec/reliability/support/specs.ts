/** Distinct query specs, so that every spec of a suite starts its own query on a shared server. */
import { dailyLocationSpec, spatialAggregateSpec, type SpatialAggregateSpec } from '../../../src/specs/index.js';

const DATES = ['2016-01-01', '2016-01-02', '2016-01-03', '2016-01-04', '2016-01-05', '2016-01-06', '2016-01-07'] as const;
const UNITS = ['admin3', 'admin2', 'admin1', 'admin0'] as const;
const METHODS = ['last', 'most-common'] as const;

/** A source of distinct `spatial_aggregate` specs (56 of them), each one new to the servers of a suite. */
export function specSource(): () => SpatialAggregateSpec {
  let next = 0;
  return () => {
    const i = next++;
    const date = DATES[i % DATES.length] ?? DATES[0];
    const unit = UNITS[Math.floor(i / DATES.length) % UNITS.length] ?? UNITS[0];
    const method = METHODS[Math.floor(i / (DATES.length * UNITS.length)) % METHODS.length] ?? METHODS[0];
    if (i >= DATES.length * UNITS.length * METHODS.length) throw new Error('specSource: out of distinct specs');
    return spatialAggregateSpec({ locations: dailyLocationSpec({ date, aggregationUnit: unit, method }) });
  };
}
