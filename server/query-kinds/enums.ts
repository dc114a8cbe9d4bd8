/**
 * Enumerations of FlowMachine's schemas (`custom_fields.py`, `flowmachine.utils.Statistic`,
 * `Join.join_kinds`, `JoinedSpatialAggregate.allowed_methods`...), in FlowMachine's order.
 */

/** `Statistic`: statistics of per-subscriber metrics and `aggregate_network_objects`. */
export const STATISTICS: readonly string[] = ['count', 'sum', 'avg', 'max', 'min', 'median', 'stddev', 'variance', 'mode'];

/** `JoinedSpatialAggregate.allowed_methods`. */
export const JSA_METHODS: readonly string[] = ['avg', 'max', 'min', 'median', 'mode', 'stddev', 'variance', 'distr'];

/** `Direction`: direction of CDR events. */
export const DIRECTIONS: readonly string[] = ['in', 'out', 'both'];

/** `daily_location` / `modal_location` / `handset` `method`. */
export const LOCATION_METHODS: readonly string[] = ['last', 'most-common'];

/** `handset.characteristic`. */
export const HANDSET_CHARACTERISTICS: readonly string[] = ['hnd_type', 'brand', 'model', 'software_os_name', 'software_os_vendor'];

/** `location_event_counts.interval` (server values; flowclient's docstring says `minute`). */
export const COUNT_INTERVALS: readonly string[] = ['day', 'hour', 'min'];

/** `TotalBy` of `total_network_objects`. */
export const TOTAL_BY: readonly string[] = ['second', 'minute', 'hour', 'day', 'month', 'year'];

/** `AggregateBy` of `aggregate_network_objects`. */
export const AGGREGATE_BY: readonly string[] = [...TOTAL_BY, 'century'];

/** `total_active_periods.period_unit`. */
export const PERIOD_UNITS: readonly string[] = ['days', 'hours', 'minutes'];

/** `Join.join_kinds`: the flows family's `join_type`. */
export const JOIN_KINDS: readonly string[] = ['inner', 'full outer', 'left', 'right', 'left outer', 'right outer'];

/** `DFSMetric` of `dfs_metric_total_amount`. */
export const DFS_METRICS: readonly string[] = ['amount', 'commission', 'fee', 'discount'];

/** Days of the week `TowerDayOfWeekScores` keys on. */
export const DAYS_OF_WEEK: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
