/**
 * The query-kinds module of the FlowAPI test server: FlowMachine's knowledge of every query kind
 * (validation, units, nesting, progress parts), and results and geography computed from a
 * synthetic population ({@link queryKindsFor} binds them to one; the plain exports use the default one).
 */
import { EVENT_TYPES } from '../population/activity.js';
import { populationFor, type PopulationOptions } from '../population/population.js';
import { GEOM_TABLES, MAPPING_TABLES, unknownTableText } from '../population/tables.js';
import type { QueryKinds } from '../kinds.js';
import { analyse, walk, type ParsedQuery } from './analysis.js';
import { resultComputer, type ResultComputer } from './compute/index.js';
import { populationFeatures } from './geography.js';
import { validationFailedText } from './messages.js';
import { CONTEXT, TOP_LEVEL_KINDS } from './registry.js';
import { makeResults, type Results } from './results.js';
import type { LoadedQuery } from './schema.js';
import { loadOneOf } from './schema.js';
import { allQueryScopes } from './scopes.js';
import { AGGREGATION_UNITS } from './units.js';

export type { ParsedQuery } from './analysis.js';
export { allQueryScopes } from './scopes.js';
export { AGGREGATION_UNITS } from './units.js';
export { TOP_LEVEL_KINDS, SCHEMAS } from './registry.js';

/** Outcome of {@link validateQuerySpec}: the parsed query, or FlowAPI's 400 `msg` text. */
export type SpecValidation = { ok: true; query: ParsedQuery } | { ok: false; message: string };

/**
 * The first table a query names that FlowDB would not have: a `mapping_table` not among
 * {@link MAPPING_TABLES}, or (for `lon-lat`, the only unit FlowMachine reads it for) a
 * `geom_table` not among {@link GEOM_TABLES}.
 */
function unknownTable(query: LoadedQuery): string | undefined {
  for (const node of walk(query)) {
    const mapping = node.values['mapping_table'];
    if (typeof mapping === 'string' && !Object.hasOwn(MAPPING_TABLES, mapping)) return mapping;
    const geom = node.values['geom_table'];
    if (node.unit === 'lon-lat' && typeof geom === 'string' && !GEOM_TABLES.includes(geom)) return geom;
  }
  return undefined;
}

/**
 * Validate a run request's spec as FlowMachine does (FlowAPI's unit lookup, step 3 of `run`);
 * a spec naming a table the server does not know fails with FlowMachine's `Table` error text.
 * @param knownQueryId - whether an id names a query the server knows (`subscriber_subset`); without it any id passes
 * @returns the parsed query, or the exact `Parameter validation failed.` text FlowAPI sends
 * @example validateQuerySpec({ query_kind: 'geography', aggregation_unit: 'admin3' })
 */
export function validateQuerySpec(
  spec: Record<string, unknown> & { query_kind: unknown },
  knownQueryId?: (id: string) => boolean,
): SpecValidation {
  const loaded = loadOneOf(spec, TOP_LEVEL_KINDS, knownQueryId === undefined ? CONTEXT : { ...CONTEXT, knownQueryId });
  if (!loaded.ok) return { ok: false, message: validationFailedText(spec, loaded.error) };
  const table = unknownTable(loaded.query);
  if (table !== undefined) return { ok: false, message: unknownTableText(table) };
  return { ok: true, query: analyse(loaded.query) };
}

/** A lazily built result computer for `options` (its population is built on first call) and results over it. */
function bindPopulation(options: PopulationOptions): { computer: () => ResultComputer; results: Results } {
  let computer: ResultComputer | undefined;
  const get = (): ResultComputer => (computer ??= resultComputer(populationFor(options)));
  return { computer: get, results: makeResults(get) };
}

/** The query-kinds module bound to the population of `options` (built on first use, once per process and options). */
export function queryKindsFor(options: PopulationOptions): QueryKinds {
  const { computer, results } = bindPopulation(options);
  return {
    validateQuerySpec,
    allQueryScopes,
    resultRows: results.resultRows,
    resultFeatures: results.resultFeatures,
    geographyFeatures: (unit) => populationFeatures(computer().population, unit),
    AGGREGATION_UNITS,
  };
}

/** Dates of the default population (calls, SMS, data and top-ups on 2016-01-01..07). */
const DEFAULT_DATES = Object.fromEntries(
  EVENT_TYPES.map((t) => [t, Array.from({ length: 7 }, (_, i) => `2016-01-0${i + 1}`)]),
);
const defaults = bindPopulation({ dates: DEFAULT_DATES });

/** Result rows of a valid spec over the default population (`rowCount` repeats them to that many). */
export const resultRows = defaults.results.resultRows;
/** The result rows as GeoJSON features, over the default population. */
export const resultFeatures = defaults.results.resultFeatures;
/** Column names of a valid spec's result rows (default population), or `undefined`. */
export const resultColumns = defaults.results.resultColumns;

/** GeoJSON features of every region of `unit` in the default population, or `null` for an unknown unit. */
export function geographyFeatures(unit: string): Iterable<Record<string, unknown>> | null {
  return populationFeatures(defaults.computer().population, unit);
}
