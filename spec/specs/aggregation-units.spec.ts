import {
  activeAtReferenceLocationCountsSpec,
  coalescedLocationSpec,
  dailyLocationSpec,
  flowsSpec,
  inflowsSpec,
  labelledFlowsSpec,
  locationVisitsSpec,
  majorityLocationSpec,
  mobilityClassificationSpec,
  modalLocationSpec,
  outflowsSpec,
  uniqueLocationsSpec,
  unmovingAtReferenceLocationCountsSpec,
} from '../../src/specs/index.js';
import { aggregationUnitOf } from '../../src/specs/aggregation-units.js';
import type { AggregationUnit } from '../../src/specs/values.js';
import { coalesced, mobility, thrown } from './fixtures.js';

const dailyAt = (aggregationUnit: AggregationUnit, date = '2016-01-01') => dailyLocationSpec({ date, aggregationUnit, method: 'last' });
const visitsAt = (unit: AggregationUnit) => locationVisitsSpec({ locations: [dailyAt(unit), dailyAt(unit, '2016-01-02')] });
const majorityAt = (unit: AggregationUnit) => majorityLocationSpec({ subscriberLocationWeights: visitsAt(unit) });
const coalescedAt = (unit: AggregationUnit) =>
  coalescedLocationSpec({ preferredLocation: majorityAt(unit), fallbackLocation: majorityAt(unit), subscriberLocationWeights: visitsAt(unit), weightThreshold: 2 });
const uniqueAt = (aggregationUnit: AggregationUnit) => uniqueLocationsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit });

interface Row {
  /** The builder refusing. */
  readonly builder: string;
  /** The option named in the error. */
  readonly field: string;
  /** Where the unit is first set, as the error names it. */
  readonly first: string;
  /** The entry at the other unit, as the error names it. */
  readonly label: string;
  /** Build with the units given: the first location at admin3, the odd one at admin2. */
  readonly build: (odd: AggregationUnit) => unknown;
}

// Every query kind whose FlowMachine schema checks its locations' aggregation units.
const ROWS: readonly Row[] = [
  { builder: 'modalLocationSpec', field: 'locations', first: 'locations[0]', label: 'locations[1]', build: (odd) => modalLocationSpec({ locations: [dailyAt('admin3'), dailyAt(odd, '2016-01-02')] }) },
  { builder: 'locationVisitsSpec', field: 'locations', first: 'locations[0]', label: 'locations[2]', build: (odd) => locationVisitsSpec({ locations: [dailyAt('admin3'), dailyAt('admin3', '2016-01-02'), dailyAt(odd, '2016-01-03')] }) },
  { builder: 'mobilityClassificationSpec', field: 'locations', first: 'locations[0]', label: 'locations[1]', build: (odd) => mobilityClassificationSpec({ locations: [coalescedAt('admin3'), coalescedAt(odd)], stayLengthThreshold: 2 }) },
  {
    builder: 'coalescedLocationSpec', field: 'fallbackLocation', first: 'preferredLocation', label: 'fallbackLocation',
    build: (odd) => coalescedLocationSpec({ preferredLocation: majorityAt('admin3'), fallbackLocation: majorityAt(odd), subscriberLocationWeights: visitsAt('admin3'), weightThreshold: 2 }),
  },
  {
    builder: 'coalescedLocationSpec', field: 'subscriberLocationWeights', first: 'preferredLocation', label: 'subscriberLocationWeights',
    build: (odd) => coalescedLocationSpec({ preferredLocation: majorityAt('admin3'), fallbackLocation: majorityAt('admin3'), subscriberLocationWeights: visitsAt(odd), weightThreshold: 2 }),
  },
  { builder: 'flowsSpec', field: 'toLocation', first: 'fromLocation', label: 'toLocation', build: (odd) => flowsSpec({ fromLocation: dailyAt('admin3'), toLocation: dailyAt(odd, '2016-01-02') }) },
  { builder: 'inflowsSpec', field: 'toLocation', first: 'fromLocation', label: 'toLocation', build: (odd) => inflowsSpec({ fromLocation: dailyAt('admin3'), toLocation: dailyAt(odd, '2016-01-02') }) },
  { builder: 'outflowsSpec', field: 'toLocation', first: 'fromLocation', label: 'toLocation', build: (odd) => outflowsSpec({ fromLocation: modalLocationSpec({ locations: [dailyAt('admin3')] }), toLocation: dailyAt(odd, '2016-01-02') }) },
  { builder: 'labelledFlowsSpec', field: 'toLocation', first: 'fromLocation', label: 'toLocation', build: (odd) => labelledFlowsSpec({ fromLocation: coalescedAt('admin3'), toLocation: coalescedAt(odd), labels: mobility() }) },
  { builder: 'unmovingAtReferenceLocationCountsSpec', field: 'referenceLocations', first: 'uniqueLocations', label: 'referenceLocations', build: (odd) => unmovingAtReferenceLocationCountsSpec({ uniqueLocations: uniqueAt('admin3'), referenceLocations: dailyAt(odd) }) },
  { builder: 'activeAtReferenceLocationCountsSpec', field: 'referenceLocations', first: 'uniqueLocations', label: 'referenceLocations', build: (odd) => activeAtReferenceLocationCountsSpec({ uniqueLocations: uniqueAt('admin3'), referenceLocations: modalLocationSpec({ locations: [dailyAt(odd)] }) }) },
];

describe('builders: locations at one aggregation unit (FlowMachine: "All locations must have the same aggregation unit")', () => {
  for (const row of ROWS) {
    it(`${row.builder} refuses ${row.label} at admin2 beside ${row.first} at admin3, naming ${row.field} and both units`, () => {
      const error = thrown(() => row.build('admin2'));
      expect(error).toEqual(jasmine.objectContaining({ name: 'QuerySpecError', builder: row.builder, field: row.field }));
      expect(aggregationUnitOf((error as { value: unknown }).value)).withContext('the value is the location at the other unit').toBe('admin2');
      const message = (error as Error).message;
      expect(message).toMatch(new RegExp(`^${row.builder}: invalid ${row.field} `));
      expect(message).toContain(`expected ${row.label} at the aggregation unit of ${row.first} (admin3), not admin2`);
      expect(message).toContain('All locations must have the same aggregation unit');
    });

    it(`${row.builder} accepts its locations all at admin3`, () => {
      expect(() => row.build('admin3')).not.toThrow();
    });
  }

  it('reads the unit of derived locations as FlowMachine does: modal from its first location, coalesced from its preferred location', () => {
    expect(aggregationUnitOf(dailyAt('admin1'))).toBe('admin1');
    expect(aggregationUnitOf(modalLocationSpec({ locations: [dailyAt('admin2'), dailyAt('admin2', '2016-01-02')] }))).toBe('admin2');
    expect(aggregationUnitOf(coalesced())).toBe('admin3');
    expect(aggregationUnitOf(coalescedAt('admin0'))).toBe('admin0');
    expect(aggregationUnitOf({ query_kind: 'mobility_classification', locations: [] })).toBeUndefined();
    expect(aggregationUnitOf('admin3')).toBeUndefined();
  });

  it('stops reading at a nesting deeper than any query (a cyclic object does not hang the builder)', () => {
    const cyclic: Record<string, unknown> = { query_kind: 'modal_location' };
    cyclic['locations'] = [cyclic];
    expect(aggregationUnitOf(cyclic)).toBeUndefined();
  });
});
