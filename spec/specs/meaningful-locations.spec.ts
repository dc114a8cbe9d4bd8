import {
  meaningfulLocationsAggregateSpec,
  meaningfulLocationsBetweenDatesOdMatrixSpec,
  meaningfulLocationsBetweenLabelOdMatrixSpec,
} from '../../src/specs/index.js';
import { DAY_SCORES, expectJson, HOUR_SCORES, LABELS } from './fixtures.js';

/** flowclient's JSON for the labels, written out (Python prints the small bounds as 1e-06). */
const LABELS_JSON = {
  evening: { type: 'Polygon', coordinates: [[[0.000001, -1.0], [0.000001, 1.0], [1.0, 1.0], [1.0, -1.0]]] },
  day: { type: 'Polygon', coordinates: [[[-1.0, -1.0], [-1.0, 1.0], [-0.000001, 1.0], [-0.000001, -1.0]]] },
};
const DAY_SCORES_JSON = { monday: 1, tuesday: 1, wednesday: 1, thursday: 0, friday: -1, saturday: -1, sunday: -1 };
const HOUR_SCORES_JSON = [-1, -1, -1, -1, -1, -1, -1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, -1, -1];

const scoring = { labels: LABELS, towerDayOfWeekScores: DAY_SCORES, towerHourOfDayScores: HOUR_SCORES, aggregationUnit: 'admin3' } as const;

describe('meaningful locations spec builders (golden JSON of flowclient)', () => {
  it('meaningfulLocationsAggregateSpec defaults radius 1.0 and threshold 0, aggregation unit first', () => {
    const spec = meaningfulLocationsAggregateSpec({ ...scoring, startDate: '2016-01-01', endDate: '2016-01-02', label: 'evening' });
    expectJson(spec, {
      query_kind: 'meaningful_locations_aggregate',
      aggregation_unit: 'admin3',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      label: 'evening',
      labels: LABELS_JSON,
      tower_day_of_week_scores: DAY_SCORES_JSON,
      tower_hour_of_day_scores: HOUR_SCORES_JSON,
      tower_cluster_radius: 1.0,
      tower_cluster_call_threshold: 0,
      event_types: null,
      subscriber_subset: null,
      mapping_table: null,
      geom_table: null,
      geom_table_join_column: null,
    });
    expect(Object.keys(spec).slice(0, 2)).toEqual(['query_kind', 'aggregation_unit']);
    expect('hours' in spec).toBeFalse();
  });

  it('meaningfulLocationsBetweenLabelOdMatrixSpec sends label_a and label_b and the options given', () => {
    expectJson(
      meaningfulLocationsBetweenLabelOdMatrixSpec({
        ...scoring,
        startDate: '2016-01-01',
        endDate: '2016-01-08',
        labelA: 'day',
        labelB: 'evening',
        towerClusterRadius: 0.5,
        towerClusterCallThreshold: 2,
        eventTypes: ['calls'],
        subscriberSubset: 'q2',
      }),
      {
        query_kind: 'meaningful_locations_between_label_od_matrix',
        aggregation_unit: 'admin3',
        start_date: '2016-01-01',
        end_date: '2016-01-08',
        label_a: 'day',
        label_b: 'evening',
        labels: LABELS_JSON,
        tower_day_of_week_scores: DAY_SCORES_JSON,
        tower_hour_of_day_scores: HOUR_SCORES_JSON,
        tower_cluster_radius: 0.5,
        tower_cluster_call_threshold: 2,
        event_types: ['calls'],
        subscriber_subset: 'q2',
        mapping_table: null,
        geom_table: null,
        geom_table_join_column: null,
      },
    );
  });

  it('meaningfulLocationsBetweenDatesOdMatrixSpec sends the two periods', () => {
    expectJson(
      meaningfulLocationsBetweenDatesOdMatrixSpec({
        ...scoring,
        startDateA: '2016-01-01',
        endDateA: '2016-01-02',
        startDateB: '2016-01-02',
        endDateB: '2016-01-03',
        label: 'day',
        mappingTable: 'cells_to_admin3',
      }),
      {
        query_kind: 'meaningful_locations_between_dates_od_matrix',
        aggregation_unit: 'admin3',
        start_date_a: '2016-01-01',
        end_date_a: '2016-01-02',
        start_date_b: '2016-01-02',
        end_date_b: '2016-01-03',
        label: 'day',
        labels: LABELS_JSON,
        tower_day_of_week_scores: DAY_SCORES_JSON,
        tower_hour_of_day_scores: HOUR_SCORES_JSON,
        tower_cluster_radius: 1.0,
        tower_cluster_call_threshold: 0,
        event_types: null,
        subscriber_subset: null,
        mapping_table: 'cells_to_admin3',
        geom_table: null,
        geom_table_join_column: null,
      },
    );
  });
});
