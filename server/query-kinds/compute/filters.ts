/**
 * What a FlowMachine query reads of the population: its days, the event types and hours it
 * counts, the subscribers it keeps (sampling, subset), and how sites map to its unit's regions.
 */
import { EVENT_TYPES, TYPES, type Day } from '../../population/activity.js';
import { hash3, unit as toUnit } from '../../population/hash.js';
import { dayNumber, type Population } from '../../population/population.js';
import { blockFractions } from '../../population/rhythm.js';
import { MAPPING_TABLES } from '../../population/tables.js';
import { hashOf } from '../../seeded-random.js';
import type { LoadedQuery } from '../schema.js';

/** Direction of events counted (`Direction`). */
export type Direction = 'in' | 'out' | 'both';

/** Which events of a subscriber-day a query counts. */
export interface EventFilter {
  /** Per event type: counted, and only on the days the population has that type. */
  readonly types: readonly boolean[];
  /** Share of each block inside the `hours` window, or `null` for the whole day. */
  readonly hours: readonly number[] | null;
  /** Direction counted. */
  readonly direction: Direction;
}

/** The event filter of a query's `event_types`, `hours` and `direction` fields. */
export function eventFilter(q: LoadedQuery, override?: { hours?: { start: number; end: number } | null }): EventFilter {
  const v = q.values;
  const list = Array.isArray(v['event_types']) ? (v['event_types'] as unknown[]).map(String) : null;
  const hoursValue = v['hours'] as { start_hour?: number; end_hour?: number } | null | undefined;
  const window =
    override?.hours !== undefined
      ? override.hours
      : hoursValue && typeof hoursValue === 'object'
        ? { start: Number(hoursValue.start_hour ?? 0), end: Number(hoursValue.end_hour ?? 0) }
        : null;
  const direction = v['direction'] === 'in' || v['direction'] === 'out' ? v['direction'] : 'both';
  return {
    types: EVENT_TYPES.map((t) => list === null || list.includes(t)),
    hours: window === null ? null : blockFractions(window),
    direction,
  };
}

/** Events of `block` of a subscriber-day that `filter` counts. */
export function blockCount(day: Day, block: number, filter: EventFilter): number {
  let k = 0;
  for (let t = 0; t < TYPES; t++) {
    if (!filter.types[t] || ((day.avail >> t) & 1) === 0) continue;
    const n = day.counts[block * TYPES + t] ?? 0;
    if (n === 0) continue;
    if (filter.direction === 'both') k += n;
    else if (t >= 2) k += filter.direction === 'out' ? n : 0;
    else {
      const out = Math.min(n, Math.floor(n * 0.55 + (day.spare[3] ?? 0)));
      k += filter.direction === 'out' ? out : n - out;
    }
  }
  const share = filter.hours?.[block];
  return share === undefined || share >= 1 ? k : Math.floor(k * share + (day.spare[block] ?? 0));
}

/** Days `[start, end)` of a query's `start`/`end` fields (FlowMachine's end date is exclusive). */
export function period(start: unknown, end: unknown): number[] {
  if (typeof start !== 'string' || typeof end !== 'string') return [];
  const from = dayNumber(start);
  const to = dayNumber(end);
  const out: number[] = [];
  for (let d = from; d < to && out.length < 3660; d++) out.push(d);
  return out;
}

/**
 * Subscribers a query keeps (`sampling`, `subscriber_subset`), or `null` for all of them. A random
 * sample keeps `fraction` (or `size` / subscribers) of them, the same ones for the same seed; a
 * subscriber subset (a query id) keeps a fixed half of them, chosen by the id.
 */
export function keptSubscribers(pop: Population, q: LoadedQuery): Uint8Array | null {
  const v = q.values;
  const sampling = v['sampling'] as Record<string, unknown> | null | undefined;
  const subset = v['subscriber_subset'];
  if ((sampling === null || sampling === undefined) && (typeof subset !== 'string' || subset === '')) return null;
  const size = pop.subscribers.size;
  const keep = new Uint8Array(size).fill(1);
  if (sampling) {
    const fraction = typeof sampling['fraction'] === 'number' ? sampling['fraction'] : Math.min(1, Number(sampling['size'] ?? size) / size);
    const salt = hashOf(`${String(sampling['sampling_method'])}/${String(sampling['seed'])}`);
    for (let s = 0; s < size; s++) if (toUnit(hash3(salt, s, 0x5a17)) >= fraction) keep[s] = 0;
  }
  if (typeof subset === 'string' && subset !== '') {
    const salt = hashOf(subset);
    for (let s = 0; s < size; s++) if (toUnit(hash3(salt, s, 0x5b5e)) >= 0.5) keep[s] = 0;
  }
  return keep;
}

/** Number of regions of an aggregation unit (sites for `lon-lat`). */
export function regionCount(pop: Population, unit: string): number {
  const level = adminLevel(unit);
  return level === undefined ? pop.network.lon.length : (pop.country.levels[level]?.length ?? 0);
}

/** Admin level of `admin0`…`admin3`, else `undefined`. */
export function adminLevel(unit: string): number | undefined {
  const m = /^admin([0-3])$/.exec(unit);
  return m === null ? undefined : Number(m[1]);
}

/** Region of each site at a query's unit, through its `mapping_table` (`-1`: the site's events are dropped). */
export function siteRegions(pop: Population, q: LoadedQuery): Int32Array {
  const unit = q.unit ?? 'admin3';
  const mappingName = q.values['mapping_table'];
  const mapping = typeof mappingName === 'string' ? MAPPING_TABLES[mappingName]?.(pop.country) : undefined;
  const level = adminLevel(unit);
  const sites = pop.network.lon.length;
  const out = new Int32Array(sites);
  for (let s = 0; s < sites; s++) {
    const site = mapping === undefined ? s : (mapping[s] ?? -1);
    out[s] = site < 0 ? -1 : level === undefined ? site : (pop.network.region[level]?.[site] ?? -1);
  }
  return out;
}
