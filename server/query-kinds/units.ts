/**
 * Aggregation units: the enum FlowMachine accepts, the `aggregation_unit` field, and helpers that
 * derive a query's unit from a nested query (for kinds whose unit is read-only).
 */
import { oneOf, REQUIRED, type FieldOptions } from './fields.js';
import type { Field, LoadedQuery } from './schema.js';

/** Every aggregation unit FlowMachine's `AggregationUnitKind` accepts, in its order. */
export const AGGREGATION_UNITS: readonly string[] = ['admin0', 'admin1', 'admin2', 'admin3', 'lon-lat'];

/** The admin levels only (no `lon-lat`), as `dfs_metric_total_amount` takes them. */
export const ADMIN_UNITS: readonly string[] = ['admin0', 'admin1', 'admin2', 'admin3'];

/** Scope unit of queries without an aggregation unit. */
export const NONSPATIAL = 'nonspatial';

/** The `aggregation_unit` field (`AggregationUnitKind`), required unless told otherwise. */
export function aggregationUnit(options: FieldOptions = REQUIRED, choices: readonly string[] = AGGREGATION_UNITS): Field {
  return oneOf(choices, options);
}

/** Whether a value is a loaded query. */
export function isLoadedQuery(value: unknown): value is LoadedQuery {
  return typeof value === 'object' && value !== null && 'schema' in value && 'kind' in value;
}

/** The loaded queries held by a field value (a query, a list of queries, or none). */
export function queriesIn(value: unknown): LoadedQuery[] {
  if (isLoadedQuery(value)) return [value];
  if (Array.isArray(value)) return value.filter(isLoadedQuery);
  return [];
}

/** Unit derivation: the unit of the (first) query in slot `field`. */
export function unitFrom(field: string): (values: Readonly<Record<string, unknown>>) => string | null {
  return (values) => queriesIn(values[field])[0]?.unit ?? null;
}

/** Unit derivation of non-spatial kinds. */
export const noUnit = (): string | null => null;
