/**
 * Meaningful-locations kinds: subscribers' labelled clusters of towers (by day-of-week and
 * hour-of-day scores), counted per region or as origin–destination matrices.
 */
import { EVENTS_AND_SUBSET, GEO_OPTIONAL } from '../common-fields.js';
import { defineKind } from '../define.js';
import { DAYS_OF_WEEK } from '../enums.js';
import { dict, float, integer, isoDateTime, list, oneOf, REQUIRED, string } from '../fields.js';
import type { Field, KindSchema } from '../schema.js';
import { aggregationUnit } from '../units.js';

const score = float({}, { min: -1, max: 1 });

/** `TowerHourOfDayScores`: exactly 24 numbers in [-1, 1]. */
const towerHourOfDayScores: Field = list(score, REQUIRED, { length: 24 });

/** `TowerDayOfWeekScores`: weekday name → number in [-1, 1]. */
const towerDayOfWeekScores: Field = dict(oneOf(DAYS_OF_WEEK), score, REQUIRED);

/** `labels`: label name → GeoJSON geometry object (scored space). */
const labels: Field = dict(string(), dict(undefined, undefined), REQUIRED);

const SCORING = {
  labels,
  tower_day_of_week_scores: towerDayOfWeekScores,
  tower_hour_of_day_scores: towerHourOfDayScores,
  tower_cluster_radius: float({ default: 1.0 }),
  tower_cluster_call_threshold: integer({ default: 0 }),
  ...EVENTS_AND_SUBSET,
  aggregation_unit: aggregationUnit(),
  ...GEO_OPTIONAL,
};

const DATES = { start_date: isoDateTime(), end_date: isoDateTime() };

/** The three top-level meaningful-locations kinds. */
export const MEANINGFUL_LOCATION_KINDS: readonly KindSchema[] = [
  defineKind({
    kind: 'meaningful_locations_aggregate',
    fields: { ...DATES, label: string(REQUIRED), ...SCORING },
  }),
  defineKind({
    kind: 'meaningful_locations_between_label_od_matrix',
    fields: { ...DATES, label_a: string(REQUIRED), label_b: string(REQUIRED), ...SCORING },
  }),
  defineKind({
    kind: 'meaningful_locations_between_dates_od_matrix',
    fields: {
      start_date_a: isoDateTime(),
      end_date_a: isoDateTime(),
      start_date_b: isoDateTime(),
      end_date_b: isoDateTime(),
      label: string(REQUIRED),
      ...SCORING,
    },
  }),
];
