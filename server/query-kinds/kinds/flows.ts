/**
 * Origin–destination kinds: the flows family (between two location queries) and trip matrices.
 */
import { COMMON_OPTIONAL, GEO_OPTIONAL } from '../common-fields.js';
import { defineKind } from '../define.js';
import { JOIN_KINDS } from '../enums.js';
import { isoDateTime, oneOf } from '../fields.js';
import type { KindSchema } from '../schema.js';
import { FLOW_INPUTS, querySlot } from '../slots.js';
import { aggregationUnit } from '../units.js';
import { sameUnit } from './aggregates.js';

const ENDPOINTS = {
  from_location: querySlot(FLOW_INPUTS),
  to_location: querySlot(FLOW_INPUTS),
};
const joinType = oneOf(JOIN_KINDS, { default: 'inner' });
const sameEndpointUnits = sameUnit('from_location', 'to_location');

const flowsLike = (kind: string): KindSchema =>
  defineKind({ kind, fields: { ...ENDPOINTS, join_type: joinType }, checks: [sameEndpointUnits], unit: 'from_location' });

const tripsLike = (kind: string): KindSchema =>
  defineKind({
    kind,
    fields: {
      start_date: isoDateTime(),
      end_date: isoDateTime(),
      aggregation_unit: aggregationUnit(),
      ...GEO_OPTIONAL,
      ...COMMON_OPTIONAL,
    },
  });

/** Flows between two location queries, and trip OD matrices. */
export const FLOW_KINDS: readonly KindSchema[] = [
  flowsLike('flows'),
  flowsLike('inflows'),
  flowsLike('outflows'),
  defineKind({
    kind: 'labelled_flows',
    fields: { ...ENDPOINTS, labels: querySlot(['mobility_classification']), join_type: joinType },
    checks: [sameEndpointUnits],
    unit: 'from_location',
  }),
  tripsLike('consecutive_trips_od_matrix'),
  tripsLike('trips_od_matrix'),
];
