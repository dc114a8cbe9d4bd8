import { coalescedLocationSpec, locationVisitsSpec, majorityLocationSpec, mobilityClassificationSpec, modalLocationSpec } from '../../src/specs/index.js';
import { coalesced, COALESCED_JSON, daily, dailyJson, expectJson, majority, MAJORITY_JSON, visits, VISITS_JSON } from './fixtures.js';

describe('derived location spec builders (golden JSON of flowclient)', () => {
  it('locationVisitsSpec nests daily and modal locations', () => {
    const modal = modalLocationSpec({ locations: [daily('2016-01-03')] });
    expectJson(locationVisitsSpec({ locations: [daily('2016-01-01'), modal] }), {
      query_kind: 'location_visits',
      locations: [dailyJson('2016-01-01'), { query_kind: 'modal_location', locations: [dailyJson('2016-01-03')] }],
    });
  });

  it('majorityLocationSpec defaults to a minimum weight of 0.0, unlocatable excluded', () => {
    expectJson(majorityLocationSpec({ subscriberLocationWeights: visits() }), {
      query_kind: 'majority_location',
      subscriber_location_weights: VISITS_JSON,
      minimum_total_weight: 0.0,
      include_unlocatable: false,
    });
  });

  it('majorityLocationSpec sends the minimum weight and include_unlocatable given', () => {
    expectJson(majorityLocationSpec({ subscriberLocationWeights: visits(), minimumTotalWeight: 7, includeUnlocatable: true }), {
      query_kind: 'majority_location',
      subscriber_location_weights: VISITS_JSON,
      minimum_total_weight: 7,
      include_unlocatable: true,
    });
  });

  it('coalescedLocationSpec nests its majority locations and weights', () => {
    expectJson(
      coalescedLocationSpec({ preferredLocation: majority(), fallbackLocation: majority(), subscriberLocationWeights: visits(), weightThreshold: 2 }),
      {
        query_kind: 'coalesced_location',
        preferred_location: MAJORITY_JSON,
        fallback_location: MAJORITY_JSON,
        subscriber_location_weights: VISITS_JSON,
        weight_threshold: 2,
      },
    );
  });

  it('mobilityClassificationSpec nests coalesced locations, oldest first', () => {
    expectJson(mobilityClassificationSpec({ locations: [coalesced(), coalesced()], stayLengthThreshold: 3 }), {
      query_kind: 'mobility_classification',
      locations: [COALESCED_JSON, COALESCED_JSON],
      stay_length_threshold: 3,
    });
  });
});
