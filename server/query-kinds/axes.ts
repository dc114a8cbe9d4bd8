/**
 * Result axes: the dimensions a synthetic result is the product of (regions, dates, periods,
 * labels...), each naming the columns it fills.
 */
import { regionsOf, type Region } from './regions.js';

/** One dimension of a result: `size` items, each giving values for `columns`. */
export interface Axis {
  /** Column names this axis fills. */
  readonly columns: readonly string[];
  /** Number of items. */
  readonly size: number;
  /** Values of item `i`, one per column. */
  values(i: number): readonly unknown[];
  /** For region axes: the region of item `i` (its geometry goes into GeoJSON features). */
  region?(i: number): Region;
}

/** An axis over fixed values of one column. */
export function valueAxis(column: string, items: readonly unknown[]): Axis {
  return { columns: [column], size: items.length, values: (i) => [items[i]] };
}

/** An axis over the regions of `unit`: `pcod<suffix>`, or `lon<suffix>`/`lat<suffix>` for lon-lat. */
export function regionAxis(unit: string | null, suffix = ''): Axis {
  const regions = (unit === null ? undefined : regionsOf(unit)) ?? [];
  const lonLat = unit === 'lon-lat';
  const at = (i: number): Region => regions[i] ?? regions[0] ?? { pcod: '', name: '', box: [0, 0, 0, 0], centroid: [0, 0] };
  return {
    columns: lonLat ? [`lon${suffix}`, `lat${suffix}`] : [`pcod${suffix}`],
    size: regions.length,
    values: (i) => (lonLat ? [at(i).centroid[0], at(i).centroid[1]] : [at(i).pcod]),
    region: at,
  };
}

const DAY_MS = 86_400_000;
/** Longest date/period axis generated (keeps default result sizes bounded). */
const MAX_PERIODS = 1000;

const dayMs = (day: unknown): number => (typeof day === 'string' ? Date.parse(`${day}T00:00:00Z`) : Number.NaN);

/** An axis over the days from `start` (inclusive) to `end` (exclusive), as `YYYY-MM-DD`. */
export function dateAxis(column: string, start: unknown, end: unknown): Axis {
  const from = dayMs(start);
  const count = Math.max(0, Math.min(MAX_PERIODS, Math.round((dayMs(end) - from) / DAY_MS))) || 0;
  return {
    columns: [column],
    size: count,
    values: (i) => [new Date(from + i * DAY_MS).toISOString().slice(0, 10)],
  };
}

const STEP_MS: Readonly<Record<string, number>> = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY_MS };
const STEP_MONTHS: Readonly<Record<string, number>> = { month: 1, year: 12, century: 1200 };

/** An axis over periods of `unit` (second … century) from `start` to `end`, as ISO timestamps. */
export function periodAxis(column: string, start: unknown, end: unknown, unit: unknown): Axis {
  const from = dayMs(start);
  const to = dayMs(end);
  const months = typeof unit === 'string' ? STEP_MONTHS[unit] : undefined;
  const step = typeof unit === 'string' ? (STEP_MS[unit] ?? DAY_MS) : DAY_MS;
  const at = (i: number): number => {
    if (months === undefined) return from + i * step;
    const d = new Date(from);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + i * months, 1);
  };
  let size = 0;
  while (size < MAX_PERIODS && at(size) < to) size++;
  return { columns: [column], size, values: (i) => [new Date(at(i)).toISOString().slice(0, 19)] };
}

