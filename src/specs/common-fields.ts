/**
 * The option fields most builders share, one export each, so that a bundle keeps only those its
 * builders read (import them as a namespace: `import * as F from './common-fields.js'`).
 * @module
 */
import { field, type FieldCheck, type FieldType } from './fields.js';
import { REFERENCE_LOCATION_KINDS } from './kinds.js';
import { AGGREGATION_UNITS, DEFAULT_DIRECTION, DIRECTIONS, EVENT_TYPES, HOUR_MAX, HOUR_MIN, LOCATION_METHODS, STATISTICS } from './values.js';

const enumOf = (values: readonly string[]): FieldType => ({ kind: 'enum', values });
const optionalString = (name: string, key: string): FieldCheck => field(name, key, { kind: 'string' }, {});

/** The shared `startDate` option. */
export const startDate = /* @__PURE__ */ field('startDate', 'start_date', { kind: 'date', withTime: true }, {
  required: true,
});
/** The shared `endDate` option. */
export const endDate = /* @__PURE__ */ field('endDate', 'end_date', { kind: 'date', withTime: true }, {
  required: true,
});
/** The shared `aggregationUnit` option. */
export const aggregationUnit = /* @__PURE__ */ field('aggregationUnit', 'aggregation_unit', /* @__PURE__ */ enumOf(AGGREGATION_UNITS), {
  required: true,
});
/** The shared `locationMethod` option. */
export const locationMethod = /* @__PURE__ */ field('method', 'method', /* @__PURE__ */ enumOf(LOCATION_METHODS), {
  required: true,
});
/** The shared `statistic` option. */
export const statistic = /* @__PURE__ */ field('statistic', 'statistic', /* @__PURE__ */ enumOf(STATISTICS), { required: true });
/** The shared `direction` option. */
export const direction = /* @__PURE__ */ field('direction', 'direction', /* @__PURE__ */ enumOf(DIRECTIONS), {
  nullable: false,
  default: DEFAULT_DIRECTION,
});
/** The shared `eventTypes` option. */
export const eventTypes = /* @__PURE__ */ field('eventTypes', 'event_types', { kind: 'enumList', values: EVENT_TYPES }, {});
/** The shared `subscriberSubset` option. */
export const subscriberSubset = /* @__PURE__ */ field('subscriberSubset', 'subscriber_subset', { kind: 'subscriberSubset' }, {});
/** The shared `hours` option. */
export const hours = /* @__PURE__ */ field('hours', 'hours', { kind: 'hours', min: HOUR_MIN, max: HOUR_MAX }, {});
/** The shared `mappingTable` option. */
export const mappingTable = /* @__PURE__ */ optionalString('mappingTable', 'mapping_table');
/** The shared `geomTable` option. */
export const geomTable = /* @__PURE__ */ optionalString('geomTable', 'geom_table');
/** The shared `geomTableJoinColumn` option. */
export const geomTableJoinColumn = /* @__PURE__ */ optionalString('geomTableJoinColumn', 'geom_table_join_column');
/** The shared `referenceLocation` option. */
export const referenceLocation = /* @__PURE__ */ field('referenceLocation', 'reference_location', { kind: 'query', queryKinds: REFERENCE_LOCATION_KINDS }, {
  required: true,
});

