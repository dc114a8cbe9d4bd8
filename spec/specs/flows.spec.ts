import {
  consecutiveTripsOdMatrixSpec,
  flowsSpec,
  inflowsSpec,
  labelledFlowsSpec,
  outflowsSpec,
  tripsOdMatrixSpec,
} from '../../src/specs/index.js';
import {
  coalesced,
  COALESCED_JSON,
  daily,
  dailyJson,
  expectJson,
  majority,
  MAJORITY_JSON,
  mobility,
  MOBILITY_JSON,
  uniqueLocations,
  UNIQUE_LOCATIONS_JSON,
} from './fixtures.js';

describe('flow spec builders (golden JSON of flowclient)', () => {
  it('flowsSpec defaults join_type to inner', () => {
    expectJson(flowsSpec({ fromLocation: daily('2016-01-01'), toLocation: daily('2016-01-02') }), {
      query_kind: 'flows',
      from_location: dailyJson('2016-01-01'),
      to_location: dailyJson('2016-01-02'),
      join_type: 'inner',
    });
  });

  it('inflowsSpec takes unique locations and majority locations as ends', () => {
    expectJson(inflowsSpec({ fromLocation: uniqueLocations(), toLocation: majority(), joinType: 'left outer' }), {
      query_kind: 'inflows',
      from_location: UNIQUE_LOCATIONS_JSON,
      to_location: MAJORITY_JSON,
      join_type: 'left outer',
    });
  });

  it('outflowsSpec sends the join type given', () => {
    expectJson(outflowsSpec({ fromLocation: daily('2016-01-01'), toLocation: daily('2016-01-02'), joinType: 'full outer' }), {
      query_kind: 'outflows',
      from_location: dailyJson('2016-01-01'),
      to_location: dailyJson('2016-01-02'),
      join_type: 'full outer',
    });
  });

  it('labelledFlowsSpec sends labels before join_type', () => {
    const spec = labelledFlowsSpec({ fromLocation: coalesced(), toLocation: coalesced(), labels: mobility() });
    expectJson(spec, {
      query_kind: 'labelled_flows',
      from_location: COALESCED_JSON,
      to_location: COALESCED_JSON,
      labels: MOBILITY_JSON,
      join_type: 'inner',
    });
    expect(Object.keys(spec)).toEqual(['query_kind', 'from_location', 'to_location', 'labels', 'join_type']);
  });

  it('consecutiveTripsOdMatrixSpec', () => {
    expectJson(consecutiveTripsOdMatrixSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin3', hours: [8, 10] }), {
      query_kind: 'consecutive_trips_od_matrix',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      aggregation_unit: 'admin3',
      event_types: null,
      subscriber_subset: null,
      mapping_table: null,
      geom_table: null,
      geom_table_join_column: null,
      hours: { start_hour: 8, end_hour: 10 },
    });
  });

  it('tripsOdMatrixSpec', () => {
    expectJson(tripsOdMatrixSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin0', eventTypes: ['calls'] }), {
      query_kind: 'trips_od_matrix',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      aggregation_unit: 'admin0',
      event_types: ['calls'],
      subscriber_subset: null,
      mapping_table: null,
      geom_table: null,
      geom_table_join_column: null,
      hours: null,
    });
  });
});
