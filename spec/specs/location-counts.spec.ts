import { locationEventCountsSpec, locationIntroversionSpec, uniqueSubscriberCountsSpec } from '../../src/specs/index.js';
import { expectJson } from './fixtures.js';

describe('per-location count spec builders (golden JSON of flowclient)', () => {
  it('locationEventCountsSpec sends countInterval as interval (catalogue example)', () => {
    const spec = locationEventCountsSpec({
      startDate: '2016-01-01',
      endDate: '2016-01-02',
      aggregationUnit: 'admin3',
      countInterval: 'day',
      eventTypes: ['calls', 'sms'],
    });
    expectJson(spec, {
      query_kind: 'location_event_counts',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      interval: 'day',
      aggregation_unit: 'admin3',
      direction: 'both',
      event_types: ['calls', 'sms'],
      subscriber_subset: null,
      mapping_table: null,
      geom_table: null,
      geom_table_join_column: null,
      hours: null,
    });
    expect('count_interval' in spec).toBeFalse();
  });

  it('locationEventCountsSpec accepts both min (server) and minute (client docs)', () => {
    for (const countInterval of ['min', 'minute'] as const) {
      const spec = locationEventCountsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin1', countInterval, direction: 'in', hours: [1, 2] });
      expectJson(spec, {
        query_kind: 'location_event_counts',
        start_date: '2016-01-01',
        end_date: '2016-01-02',
        interval: countInterval,
        aggregation_unit: 'admin1',
        direction: 'in',
        event_types: null,
        subscriber_subset: null,
        mapping_table: null,
        geom_table: null,
        geom_table_join_column: null,
        hours: { start_hour: 1, end_hour: 2 },
      });
    }
  });

  it('uniqueSubscriberCountsSpec sends the geography keys before the common ones', () => {
    const spec = uniqueSubscriberCountsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin2', geomTableJoinColumn: 'pcod' });
    expectJson(spec, {
      query_kind: 'unique_subscriber_counts',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      aggregation_unit: 'admin2',
      mapping_table: null,
      geom_table: null,
      geom_table_join_column: 'pcod',
      event_types: null,
      subscriber_subset: null,
      hours: null,
    });
    expect(Object.keys(spec).slice(4, 8)).toEqual(['mapping_table', 'geom_table', 'geom_table_join_column', 'event_types']);
  });

  it('locationIntroversionSpec defaults direction to both', () => {
    expectJson(locationIntroversionSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin3' }), {
      query_kind: 'location_introversion',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      aggregation_unit: 'admin3',
      direction: 'both',
      mapping_table: null,
      geom_table: null,
      geom_table_join_column: null,
      event_types: null,
      subscriber_subset: null,
      hours: null,
    });
  });
});
