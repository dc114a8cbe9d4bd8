/**
 * The option fields most builders share, one export each, so that a bundle keeps only those its
 * builders read (import them as a namespace: `import * as F from './common-fields.js'`).
 * @module
 */
import { field, type FieldDescriptor, type FieldType } from './fields.js';
import { REFERENCE_LOCATION_KINDS } from './kinds.js';
import { AGGREGATION_UNITS, DEFAULTS, DIRECTIONS, EVENT_TYPES, HOUR_BOUNDS, LOCATION_METHODS, STATISTICS } from './values.js';

const enumOf = (values: readonly string[]): FieldType => ({ kind: 'enum', values });
const optionalString = (name: string, key: string, description: string): FieldDescriptor =>
  field(name, key, { kind: 'string' }, { description });

/** The shared `startDate` option. */
export const startDate = /* @__PURE__ */ field('startDate', 'start_date', { kind: 'date', withTime: true }, {
  required: true,
  description: 'First day of the period, inclusive (ISO date, e.g. 2016-01-01).',
});
/** The shared `endDate` option. */
export const endDate = /* @__PURE__ */ field('endDate', 'end_date', { kind: 'date', withTime: true }, {
  required: true,
  description: 'Day after the last day of the period: the end is exclusive (ISO date, e.g. 2016-01-08).',
});
/** The shared `aggregationUnit` option. */
export const aggregationUnit = /* @__PURE__ */ field('aggregationUnit', 'aggregation_unit', /* @__PURE__ */ enumOf(AGGREGATION_UNITS), {
  required: true,
  description: 'Spatial unit to aggregate to, e.g. admin3.',
});
/** The shared `locationMethod` option. */
export const locationMethod = /* @__PURE__ */ field('method', 'method', /* @__PURE__ */ enumOf(LOCATION_METHODS), {
  required: true,
  description: "How a subscriber's daily location is chosen: their last location of the day, or the most common.",
});
/** The shared `statistic` option. */
export const statistic = /* @__PURE__ */ field('statistic', 'statistic', /* @__PURE__ */ enumOf(STATISTICS), { required: true, description: 'Statistic to compute.' });
/** The shared `direction` option. */
export const direction = /* @__PURE__ */ field('direction', 'direction', /* @__PURE__ */ enumOf(DIRECTIONS), {
  nullable: false,
  default: DEFAULTS.direction,
  description: 'Count incoming events, outgoing events, or both.',
});
/** The shared `eventTypes` option. */
export const eventTypes = /* @__PURE__ */ field('eventTypes', 'event_types', { kind: 'enumList', values: EVENT_TYPES }, {
  description: 'Event types to include; null includes all.',
});
/** The shared `subscriberSubset` option. */
export const subscriberSubset = /* @__PURE__ */ field('subscriberSubset', 'subscriber_subset', { kind: 'subscriberSubset' }, {
  description: 'Subscribers to include: null for all, or the id of a query already run.',
});
/** The shared `hours` option. */
export const hours = /* @__PURE__ */ field('hours', 'hours', { kind: 'hours', min: HOUR_BOUNDS.min, max: HOUR_BOUNDS.max }, {
  description: 'Hours of the day to include, [startHour, endHour], both inclusive; null for the whole day.',
});
/** The shared `mappingTable` option. */
export const mappingTable = /* @__PURE__ */ optionalString('mappingTable', 'mapping_table', 'Table mapping cells to the aggregation unit; null for the default.');
/** The shared `geomTable` option. */
export const geomTable = /* @__PURE__ */ optionalString('geomTable', 'geom_table', 'Geometry table to aggregate to; null for the default.');
/** The shared `geomTableJoinColumn` option. */
export const geomTableJoinColumn = /* @__PURE__ */ optionalString('geomTableJoinColumn', 'geom_table_join_column', 'Column of geomTable to join on; null for the default.');
/** The shared `referenceLocation` option. */
export const referenceLocation = /* @__PURE__ */ field('referenceLocation', 'reference_location', { kind: 'query', queryKinds: REFERENCE_LOCATION_KINDS }, {
  required: true,
  description: 'Reference location of each subscriber (daily, modal, most-frequent, majority or coalesced location).',
});

