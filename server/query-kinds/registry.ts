/**
 * Every query kind's schema, the top-level kinds FlowAPI runs, and the lookup context the
 * loaders use.
 */
import { AGGREGATE_KINDS } from './kinds/aggregates.js';
import { FLOW_KINDS } from './kinds/flows.js';
import { LOCATION_KINDS } from './kinds/locations.js';
import { MEANINGFUL_LOCATION_KINDS } from './kinds/meaningful-locations.js';
import { METRIC_KINDS } from './kinds/metrics.js';
import { NETWORK_OBJECT_KINDS } from './kinds/network-objects.js';
import { SPATIAL_COUNT_KINDS } from './kinds/spatial-counts.js';
import { byKind } from './define.js';
import type { KindSchema, LoadContext } from './schema.js';

/** Every kind schema by `query_kind`. */
export const SCHEMAS: ReadonlyMap<string, KindSchema> = byKind([
  ...LOCATION_KINDS,
  ...METRIC_KINDS,
  ...AGGREGATE_KINDS,
  ...FLOW_KINDS,
  ...NETWORK_OBJECT_KINDS,
  ...MEANINGFUL_LOCATION_KINDS,
  ...SPATIAL_COUNT_KINDS,
]);

/** Top-level kinds in FlowMachine's `FlowmachineQuerySchema` order (the 25 FlowAPI runs). */
export const TOP_LEVEL_KINDS: readonly string[] = [
  'dummy_query',
  'flows',
  'inflows',
  'outflows',
  'meaningful_locations_aggregate',
  'meaningful_locations_between_label_od_matrix',
  'meaningful_locations_between_dates_od_matrix',
  'geography',
  'location_event_counts',
  'unique_subscriber_counts',
  'location_introversion',
  'total_network_objects',
  'aggregate_network_objects',
  'dfs_metric_total_amount',
  'spatial_aggregate',
  'joined_spatial_aggregate',
  'histogram_aggregate',
  'active_at_reference_location_counts',
  'unique_visitor_counts',
  'consecutive_trips_od_matrix',
  'unmoving_counts',
  'unmoving_at_reference_location_counts',
  'trips_od_matrix',
  'labelled_spatial_aggregate',
  'labelled_flows',
];

/** The loading context over {@link SCHEMAS}. */
export const CONTEXT: LoadContext = { lookup: (kind) => SCHEMAS.get(kind) };

/** Every kind reachable from `kind` through nested-query slots, `kind` first. */
export function reachableKinds(kind: string): string[] {
  const seen = new Set<string>([kind]);
  const queue = [kind];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const field of Object.values(SCHEMAS.get(next)?.fields ?? {})) {
      for (const inner of field.kinds ?? []) {
        if (!seen.has(inner)) {
          seen.add(inner);
          queue.push(inner);
        }
      }
    }
  }
  return [...seen];
}
