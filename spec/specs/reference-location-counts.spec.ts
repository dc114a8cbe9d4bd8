import {
  activeAtReferenceLocationCountsSpec,
  unmovingAtReferenceLocationCountsSpec,
  unmovingCountsSpec,
} from '../../src/specs/index.js';
import { daily, dailyJson, expectJson, uniqueLocations, UNIQUE_LOCATIONS_JSON } from './fixtures.js';

describe('reference location count spec builders (golden JSON of flowclient)', () => {
  it('unmovingCountsSpec sends uniqueLocations as locations', () => {
    const spec = unmovingCountsSpec({ uniqueLocations: uniqueLocations() });
    expectJson(spec, { query_kind: 'unmoving_counts', locations: UNIQUE_LOCATIONS_JSON });
    expect('unique_locations' in spec).toBeFalse();
  });

  it('unmovingAtReferenceLocationCountsSpec sends uniqueLocations as locations', () => {
    expectJson(unmovingAtReferenceLocationCountsSpec({ referenceLocations: daily(), uniqueLocations: uniqueLocations() }), {
      query_kind: 'unmoving_at_reference_location_counts',
      locations: UNIQUE_LOCATIONS_JSON,
      reference_locations: dailyJson(),
    });
  });

  it('activeAtReferenceLocationCountsSpec keeps the unique_locations key', () => {
    const spec = activeAtReferenceLocationCountsSpec({ referenceLocations: daily(), uniqueLocations: uniqueLocations() });
    expectJson(spec, {
      query_kind: 'active_at_reference_location_counts',
      unique_locations: UNIQUE_LOCATIONS_JSON,
      reference_locations: dailyJson(),
    });
    expect('locations' in spec).toBeFalse();
  });
});
