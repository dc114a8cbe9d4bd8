import {
  dailyLocationSpec,
  modalLocationFromDatesSpec,
  modalLocationSpec,
  mostFrequentLocationSpec,
  uniqueLocationsSpec,
} from '../../src/specs/index.js';
import { isQuerySpecError } from '../../src/errors.js';
import { daily, dailyJson, expectJson, thrown, UNIQUE_LOCATIONS_JSON } from './fixtures.js';

describe('location spec builders (golden JSON of flowclient)', () => {
  it('uniqueLocationsSpec sends unset optionals as null', () => {
    expectJson(uniqueLocationsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin3' }), UNIQUE_LOCATIONS_JSON);
  });

  it('uniqueLocationsSpec sends every option, hours as {start_hour, end_hour}', () => {
    expect(
      uniqueLocationsSpec({
        startDate: '2016-01-01',
        endDate: '2016-01-08',
        aggregationUnit: 'admin2',
        eventTypes: ['calls', 'sms'],
        subscriberSubset: 'a1b2c3',
        mappingTable: 'geography.cell_map',
        geomTable: 'geography.admin2',
        geomTableJoinColumn: 'admin2pcod',
        hours: [4, 17],
      }),
    ).toEqual({
      query_kind: 'unique_locations',
      start_date: '2016-01-01',
      end_date: '2016-01-08',
      aggregation_unit: 'admin2',
      event_types: ['calls', 'sms'],
      subscriber_subset: 'a1b2c3',
      mapping_table: 'geography.cell_map',
      geom_table: 'geography.admin2',
      geom_table_join_column: 'admin2pcod',
      hours: { start_hour: 4, end_hour: 17 },
    });
  });

  it('mostFrequentLocationSpec sends hours right after the dates, as flowclient does', () => {
    const spec = mostFrequentLocationSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'lon-lat', hours: [0, 24] });
    expect(spec).toEqual({
      query_kind: 'most_frequent_location',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      hours: { start_hour: 0, end_hour: 24 },
      aggregation_unit: 'lon-lat',
      event_types: null,
      subscriber_subset: null,
      mapping_table: null,
      geom_table: null,
      geom_table_join_column: null,
    });
    expect(Object.keys(spec).slice(0, 4)).toEqual(['query_kind', 'start_date', 'end_date', 'hours']);
  });

  it('dailyLocationSpec matches the catalogue example', () => {
    expect(dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' })).toEqual({
      query_kind: 'daily_location',
      date: '2016-01-01',
      aggregation_unit: 'admin3',
      method: 'last',
      event_types: null,
      subscriber_subset: null,
      mapping_table: null,
      geom_table: null,
      geom_table_join_column: null,
      hours: null,
    });
  });

  it('dailyLocationSpec refuses a spec as subscriber subset, saying to run it first and pass its id', () => {
    const subset = daily('2016-01-05') as unknown as string; // as an untyped caller would
    const error = thrown(() => dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin1', method: 'most-common', subscriberSubset: subset }));
    expect(isQuerySpecError(error)).toBeTrue();
    expect((error as Error).message).toContain('subscriberSubset');
    expect((error as Error).message).toContain('run the subset query first and pass its id');
  });

  it('modalLocationSpec nests its daily locations', () => {
    expectJson(modalLocationSpec({ locations: [daily('2016-01-01'), daily('2016-01-02')] }), {
      query_kind: 'modal_location',
      locations: [dailyJson('2016-01-01'), dailyJson('2016-01-02')],
    });
  });

  it('modalLocationFromDatesSpec expands one daily location per day, end exclusive', () => {
    expectJson(modalLocationFromDatesSpec({ startDate: '2016-01-01', endDate: '2016-01-03', aggregationUnit: 'admin3', method: 'last' }), {
      query_kind: 'modal_location',
      locations: [dailyJson('2016-01-01'), dailyJson('2016-01-02')],
    });
  });

  it('modalLocationFromDatesSpec carries every other option into each day, across month and leap day', () => {
    const spec = modalLocationFromDatesSpec({
      startDate: '2016-02-28',
      endDate: '2016-03-02',
      aggregationUnit: 'admin2',
      method: 'most-common',
      eventTypes: ['calls'],
      subscriberSubset: 'subset-id',
      geomTable: 'geography.admin2',
      hours: [20, 4],
    });
    const day = (date: string) => ({
      query_kind: 'daily_location',
      date,
      aggregation_unit: 'admin2',
      method: 'most-common',
      event_types: ['calls'],
      subscriber_subset: 'subset-id',
      mapping_table: null,
      geom_table: 'geography.admin2',
      geom_table_join_column: null,
      hours: { start_hour: 20, end_hour: 4 },
    });
    expectJson(spec, { query_kind: 'modal_location', locations: [day('2016-02-28'), day('2016-02-29'), day('2016-03-01')] });
  });

  it('modalLocationFromDatesSpec rejects an empty period, which FlowAPI rejects (no locations)', () => {
    for (const endDate of ['2016-01-01', '2015-12-31']) {
      const error = thrown(() => modalLocationFromDatesSpec({ startDate: '2016-01-01', endDate, aggregationUnit: 'admin3', method: 'last' }));
      expect(isQuerySpecError(error)).toBeTrue();
      expect(error).toEqual(jasmine.objectContaining({ builder: 'modalLocationFromDatesSpec', field: 'endDate', value: endDate }));
    }
  });
});
