import {
  eventCountSpec,
  histogramAggregateSpec,
  joinedSpatialAggregateSpec,
  labelledSpatialAggregateSpec,
  modalLocationFromDatesSpec,
  spatialAggregateSpec,
} from '../../src/specs/index.js';
import { isQuerySpecError } from '../../src/errors.js';
import {
  coalesced,
  COALESCED_JSON,
  daily,
  dailyJson,
  expectJson,
  handset,
  HANDSET_JSON,
  mobility,
  MOBILITY_JSON,
  radius,
  RADIUS_JSON,
  thrown,
} from './fixtures.js';

const EVENT_COUNT_JSON = {
  query_kind: 'event_count',
  start_date: '2016-01-01',
  end_date: '2016-01-02',
  direction: 'both',
  event_types: null,
  subscriber_subset: null,
  hours: null,
};
const eventCount = () => eventCountSpec({ startDate: '2016-01-01', endDate: '2016-01-02' });

describe('aggregate spec builders (golden JSON of flowclient)', () => {
  it('spatialAggregateSpec nests a daily location', () => {
    expectJson(spatialAggregateSpec({ locations: daily() }), { query_kind: 'spatial_aggregate', locations: dailyJson() });
  });

  it('spatialAggregateSpec nests a modal location from dates', () => {
    const locations = modalLocationFromDatesSpec({ startDate: '2016-01-01', endDate: '2016-01-03', aggregationUnit: 'admin3', method: 'last' });
    expectJson(spatialAggregateSpec({ locations }), {
      query_kind: 'spatial_aggregate',
      locations: { query_kind: 'modal_location', locations: [dailyJson('2016-01-01'), dailyJson('2016-01-02')] },
    });
  });

  it('labelledSpatialAggregateSpec nests coalesced locations and mobility labels', () => {
    expectJson(labelledSpatialAggregateSpec({ locations: coalesced(), labels: mobility() }), {
      query_kind: 'labelled_spatial_aggregate',
      locations: COALESCED_JSON,
      labels: MOBILITY_JSON,
    });
  });

  it('joinedSpatialAggregateSpec defaults method to avg and sends method first', () => {
    const spec = joinedSpatialAggregateSpec({ locations: daily(), metric: radius() });
    expectJson(spec, { query_kind: 'joined_spatial_aggregate', method: 'avg', locations: dailyJson(), metric: RADIUS_JSON });
    expect(Object.keys(spec)).toEqual(['query_kind', 'method', 'locations', 'metric']);
  });

  it('joinedSpatialAggregateSpec takes distr for the handset metric', () => {
    expectJson(joinedSpatialAggregateSpec({ locations: daily(), metric: handset(), method: 'distr' }), {
      query_kind: 'joined_spatial_aggregate',
      method: 'distr',
      locations: dailyJson(),
      metric: HANDSET_JSON,
    });
  });

  it('joinedSpatialAggregateSpec rejects what FlowAPI rejects: a statistic for handset, distr for a numeric metric', () => {
    const handsetAvg = thrown(() => joinedSpatialAggregateSpec({ locations: daily(), metric: handset() } as never));
    expect(isQuerySpecError(handsetAvg)).toBeTrue();
    expect(handsetAvg).toEqual(jasmine.objectContaining({ builder: 'joinedSpatialAggregateSpec', field: 'method', value: undefined }));
    expect((handsetAvg as Error).message).toContain("'distr'");
    const radiusDistr = thrown(() => joinedSpatialAggregateSpec({ locations: daily(), metric: radius(), method: 'distr' } as never));
    expect(radiusDistr).toEqual(jasmine.objectContaining({ builder: 'joinedSpatialAggregateSpec', field: 'method', value: 'distr' }));
    expect((radiusDistr as Error).message).toContain("'median'");
  });

  it('histogramAggregateSpec sends {n_bins} for a number of bins and omits range when unset', () => {
    const spec = histogramAggregateSpec({ metric: eventCount(), bins: 5 });
    expectJson(spec, { query_kind: 'histogram_aggregate', metric: EVENT_COUNT_JSON, bins: { n_bins: 5 } });
    expect('range' in spec).toBeFalse();
    expect('range' in histogramAggregateSpec({ metric: eventCount(), bins: 5, range: null })).toBeFalse();
  });

  it('histogramAggregateSpec sends {bin_list} for bin edges, and a given range as {lower_bound, upper_bound}', () => {
    expectJson(histogramAggregateSpec({ metric: radius(), bins: [0, 1.5, 10, 100], range: [0.5, 99] }), {
      query_kind: 'histogram_aggregate',
      metric: RADIUS_JSON,
      bins: { bin_list: [0, 1.5, 10, 100] },
      range: { lower_bound: 0.5, upper_bound: 99 },
    });
  });
});
