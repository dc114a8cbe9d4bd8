import {
  eventCountSpec,
  nocturnalEventsSpec,
  paretoInteractionsSpec,
  radiusOfGyrationSpec,
  subscriberDegreeSpec,
  totalActivePeriodsSpec,
  uniqueLocationCountsSpec,
} from '../../src/specs/index.js';
import { expectJson, RADIUS_JSON } from './fixtures.js';

describe('activity metric spec builders (golden JSON of flowclient)', () => {
  it('radiusOfGyrationSpec sends unset optionals as null', () => {
    expectJson(radiusOfGyrationSpec({ startDate: '2016-01-01', endDate: '2016-01-02' }), RADIUS_JSON);
  });

  it('radiusOfGyrationSpec sends event types, subset and hours', () => {
    expectJson(
      radiusOfGyrationSpec({ startDate: '2016-01-01', endDate: '2016-01-02', eventTypes: ['calls', 'sms', 'mds', 'topups'], subscriberSubset: 'q1', hours: [7, 19] }),
      {
        query_kind: 'radius_of_gyration',
        start_date: '2016-01-01',
        end_date: '2016-01-02',
        event_types: ['calls', 'sms', 'mds', 'topups'],
        subscriber_subset: 'q1',
        hours: { start_hour: 7, end_hour: 19 },
      },
    );
  });

  it('totalActivePeriodsSpec defaults to periods of 1 day, keys in flowclient order', () => {
    const spec = totalActivePeriodsSpec({ startDate: '2016-01-01', totalPeriods: 3 });
    expectJson(spec, {
      query_kind: 'total_active_periods',
      total_periods: 3,
      period_length: 1,
      period_unit: 'days',
      start_date: '2016-01-01',
      event_types: null,
      subscriber_subset: null,
      hours: null,
    });
    expect(Object.keys(spec)).toEqual([
      'query_kind', 'total_periods', 'period_length', 'period_unit', 'start_date', 'event_types', 'subscriber_subset', 'hours',
    ]);
  });

  it('totalActivePeriodsSpec sends period unit and length', () => {
    expectJson(totalActivePeriodsSpec({ startDate: '2016-01-01', totalPeriods: 24, periodUnit: 'hours', periodLength: 2, hours: [0, 12] }), {
      query_kind: 'total_active_periods',
      total_periods: 24,
      period_length: 2,
      period_unit: 'hours',
      start_date: '2016-01-01',
      event_types: null,
      subscriber_subset: null,
      hours: { start_hour: 0, end_hour: 12 },
    });
  });

  it('uniqueLocationCountsSpec', () => {
    expectJson(uniqueLocationCountsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin1', mappingTable: 'm' }), {
      query_kind: 'unique_location_counts',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      aggregation_unit: 'admin1',
      event_types: null,
      subscriber_subset: null,
      mapping_table: 'm',
      geom_table: null,
      geom_table_join_column: null,
      hours: null,
    });
  });

  it('subscriberDegreeSpec defaults direction to both', () => {
    expectJson(subscriberDegreeSpec({ startDate: '2016-01-01', endDate: '2016-01-02' }), {
      query_kind: 'subscriber_degree',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      direction: 'both',
      event_types: null,
      subscriber_subset: null,
      hours: null,
    });
  });

  it('eventCountSpec sends the direction given', () => {
    expectJson(eventCountSpec({ startDate: '2016-01-01', endDate: '2016-01-02', direction: 'out', eventTypes: ['sms'] }), {
      query_kind: 'event_count',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      direction: 'out',
      event_types: ['sms'],
      subscriber_subset: null,
      hours: null,
    });
  });

  it('paretoInteractionsSpec sends the proportion as given', () => {
    expectJson(paretoInteractionsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', proportion: 0.8 }), {
      query_kind: 'pareto_interactions',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      proportion: 0.8,
      event_types: null,
      subscriber_subset: null,
      hours: null,
    });
  });

  it('nocturnalEventsSpec sends hours as night_hours and has no hours key', () => {
    const spec = nocturnalEventsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', hours: [20, 4] });
    expectJson(spec, {
      query_kind: 'nocturnal_events',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      night_hours: { start_hour: 20, end_hour: 4 },
      event_types: null,
      subscriber_subset: null,
    });
    expect('hours' in spec).toBeFalse();
  });
});
