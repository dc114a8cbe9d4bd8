/**
 * Location kinds (nested only): per-subscriber reference locations and their building blocks.
 */
import { COMMON_OPTIONAL, GEO_OPTIONAL } from '../common-fields.js';
import { defineKind } from '../define.js';
import { LOCATION_METHODS } from '../enums.js';
import { boolean, date, float, integer, isoDateTime, oneOf, REQUIRED } from '../fields.js';
import type { KindSchema, SchemaCheck } from '../schema.js';
import { DAILY_OR_MODAL, kindSlot, MODAL_INPUTS, querySlot, queryList, REFERENCE_LOCATIONS } from '../slots.js';
import { aggregationUnit, queriesIn } from '../units.js';

/** Check that every query in list field `field` has the same aggregation unit. */
export function sameUnitInList(field: string): SchemaCheck {
  return (values) => {
    const units = new Set(queriesIn(values[field]).map((q) => q.unit));
    return units.size > 1 ? { field, message: 'All locations must have the same aggregation unit' } : undefined;
  };
}

/** Fields of the kinds that locate subscribers over a date range. */
const RANGE_LOCATION = {
  start_date: isoDateTime(),
  end_date: isoDateTime(),
  aggregation_unit: aggregationUnit(),
  ...GEO_OPTIONAL,
  ...COMMON_OPTIONAL,
};

/** Kinds whose subscribers' place(s) FlowMachine computes; none is accepted top-level. */
export const LOCATION_KINDS: readonly KindSchema[] = [
  defineKind({
    kind: 'daily_location',
    fields: {
      date: date(),
      method: oneOf(LOCATION_METHODS, REQUIRED),
      aggregation_unit: aggregationUnit(),
      ...GEO_OPTIONAL,
      ...COMMON_OPTIONAL,
    },
    sampling: true,
  }),
  defineKind({
    kind: 'modal_location',
    fields: { locations: queryList(MODAL_INPUTS) },
    checks: [sameUnitInList('locations')],
    unit: 'locations',
    sampling: true,
  }),
  defineKind({ kind: 'most_frequent_location', fields: RANGE_LOCATION, sampling: true }),
  defineKind({ kind: 'unique_locations', fields: RANGE_LOCATION, sampling: true }),
  defineKind({ kind: 'visited_most_days', fields: RANGE_LOCATION, sampling: true }),
  defineKind({
    kind: 'location_visits',
    fields: { locations: queryList(DAILY_OR_MODAL) },
    checks: [sameUnitInList('locations')],
    unit: 'locations',
  }),
  defineKind({
    kind: 'majority_location',
    fields: {
      subscriber_location_weights: kindSlot('location_visits'),
      minimum_total_weight: float({ default: 0 }, { min: 0 }),
      include_unlocatable: boolean({ default: false }),
    },
    unit: 'subscriber_location_weights',
  }),
  defineKind({
    kind: 'coalesced_location',
    fields: {
      preferred_location: querySlot(REFERENCE_LOCATIONS.filter((k) => k !== 'coalesced_location')),
      fallback_location: querySlot(REFERENCE_LOCATIONS.filter((k) => k !== 'coalesced_location')),
      subscriber_location_weights: kindSlot('location_visits'),
      weight_threshold: integer(REQUIRED),
    },
    unit: 'preferred_location',
  }),
  defineKind({
    kind: 'mobility_classification',
    fields: { locations: queryList(REFERENCE_LOCATIONS), stay_length_threshold: integer(REQUIRED) },
    checks: [sameUnitInList('locations')],
    unit: 'locations',
  }),
];
