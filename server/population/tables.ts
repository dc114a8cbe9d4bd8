/**
 * The named tables the test server knows for `mapping_table` / `geom_table`, as a FlowDB would
 * hold them; any other name is refused with FlowMachine's `Table` error.
 */
import type { Country } from './country.js';

/** A mapping table: which site each cell's events are counted at (or `-1`: dropped). */
export type SiteMapping = (country: Country) => Int32Array;

/** Number of most populous admin3 areas the `urban` mapping keeps. */
const URBAN_AREAS = 12;

/** The admin3 areas with the largest resident weight, most populous first. */
export function urbanAdmin3(country: Country): number[] {
  const weight = new Float64Array(country.levels[3]?.length ?? 0);
  country.network.weight.forEach((w, s) => (weight[country.network.region[3]?.[s] ?? 0] = (weight[country.network.region[3]?.[s] ?? 0] ?? 0) + w));
  return [...weight.keys()].sort((a, b) => (weight[b] ?? 0) - (weight[a] ?? 0)).slice(0, URBAN_AREAS);
}

/**
 * Mapping tables (`mapping_table`), each a bridge from cell ids to admin p-codes, as FlowMachine
 * joins them (`INNER JOIN mapping USING (id)`: unmapped cells are dropped):
 * - `geography.capital_mapping`: every cell mapped to the capital (the most populous admin3 area),
 *   so results hold that one unit only;
 * - `geography.urban_mapping`: only the cells of the 12 most populous admin3 areas, each mapped to
 *   its own area; the rest of the country drops out.
 */
export const MAPPING_TABLES: Readonly<Record<string, SiteMapping>> = {
  'geography.capital_mapping': (country) => {
    const capital = urbanAdmin3(country)[0] ?? 0;
    const site = country.network.region[3]?.findIndex((r) => r === capital) ?? 0;
    return new Int32Array(country.network.lon.length).fill(site);
  },
  'geography.urban_mapping': (country) => {
    const urban = new Set(urbanAdmin3(country));
    return Int32Array.from(country.network.region[3] ?? [], (r, s) => (urban.has(r) ? s : -1));
  },
};

/**
 * Geometry tables (`geom_table`, read by FlowMachine for `lon-lat` only): `infrastructure.cells`
 * (the default) and `infrastructure.sites`; cells stand at their site's point, so both give the same points.
 */
export const GEOM_TABLES: readonly string[] = ['infrastructure.cells', 'infrastructure.sites'];

/** FlowMachine's fully qualified name of a table (`public.` when no schema is given). */
export function qualified(name: string): string {
  return name.includes('.') ? name : `public.${name}`;
}

/** FlowMachine's error for a table FlowDB does not have (`Table.__init__`). */
export function unknownTableText(name: string): string {
  return `${qualified(name)} is not a known table.`;
}
