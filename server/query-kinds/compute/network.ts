/**
 * Network-object kinds: cells with events per region and period (`total_network_objects`), and a
 * statistic of those counts over longer periods (`aggregate_network_objects`). Not redacted.
 */
import { fillDay, newDay } from '../../population/activity.js';
import { hash3, unit as toUnit } from '../../population/hash.js';
import { dayNumber, type Population } from '../../population/population.js';
import { HOUR_WEIGHTS } from '../../population/rhythm.js';
import { canonical } from '../analysis.js';
import type { LoadedQuery } from '../schema.js';
import { isLoadedQuery } from '../units.js';
import type { Ctx } from './context.js';
import { blockCount, eventFilter, period, regionCount, siteRegions } from './filters.js';
import { statistic } from './statistics.js';
import { regionColumns, regionValues, round, type ResultTable } from './table.js';

const DAY_MS = 86_400_000;
/** Longest list of periods computed (a `second` period over days would be millions). */
const MAX_PERIODS = 1000;
const STEP_MS: Readonly<Record<string, number>> = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY_MS };
const STEP_MONTHS: Readonly<Record<string, number>> = { month: 1, year: 12, century: 1200 };

/** Period starts (epoch ms) of `unit` from `from` (inclusive) to `to` (exclusive). */
export function periodStarts(from: number, to: number, unit: string): number[] {
  const months = STEP_MONTHS[unit];
  const step = STEP_MS[unit] ?? DAY_MS;
  const at = (i: number): number => {
    if (months === undefined) return from + i * step;
    const d = new Date(from);
    const base = unit === 'month' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) : unit === 'year' ? Date.UTC(d.getUTCFullYear(), 0, 1) : Date.UTC(Math.floor(d.getUTCFullYear() / 100) * 100, 0, 1);
    const b = new Date(base);
    return Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + i * months, 1);
  };
  const out: number[] = [];
  while (out.length < MAX_PERIODS && at(out.length) < to) out.push(at(out.length));
  return out;
}

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/** Events per site and day of a period (calls, SMS, data, top-ups as the query's filter counts them). */
function siteEvents(ctx: Ctx, q: LoadedQuery, days: readonly number[]): Float64Array[] {
  return ctx.memo(`site-events:${canonical(q)}`, () => {
    const { pop } = ctx;
    const filter = eventFilter(q);
    const sites = pop.network.lon.length;
    const out = days.map(() => new Float64Array(sites));
    const day = newDay();
    for (let s = 0; s < pop.subscribers.size; s++) {
      days.forEach((d, di) => {
        fillDay(pop, s, d, day);
        const row = out[di];
        if (row === undefined) return;
        for (let b = 0; b < 3; b++) {
          const k = blockCount(day, b, filter);
          const site = b === 1 ? day.day : day.night;
          if (k > 0) row[site] = (row[site] ?? 0) + k;
        }
      });
    }
    return out;
  });
}

const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

/** Whether cell `c` (of `site`) has an event in `[startMs, startMs + lengthMs)` of day `dayNo`. */
function cellActive(pop: Population, c: number, eventsThatDay: number, cellsOfSite: number, startMs: number, lengthMs: number, dayNo: number): boolean {
  if (eventsThatDay <= 0) return false;
  if (toUnit(hash3(pop.seed ^ 0xce11, c, dayNo)) < 0.02) return false; // a cell down for the day
  if (lengthMs >= DAY_MS) return true;
  const hour = new Date(startMs).getUTCHours();
  const expected = ((eventsThatDay / cellsOfSite) * (HOUR_WEIGHTS[hour] ?? 0)) / HOUR_TOTAL * (lengthMs / 3_600_000);
  return toUnit(hash3(pop.seed ^ c, dayNo, Math.floor(startMs / 1000))) < 1 - Math.exp(-expected);
}

/** Active cells per region and period: `[region][period]`. */
function activeCells(ctx: Ctx, q: LoadedQuery): { unit: string; starts: number[]; counts: Float64Array[] } {
  const { pop } = ctx;
  const unit = q.unit ?? 'admin3';
  const by = String(q.values['total_by'] ?? 'day');
  const days = period(q.values['start_date'], q.values['end_date']);
  const from = dayNumber(String(q.values['start_date'])) * DAY_MS;
  const to = dayNumber(String(q.values['end_date'])) * DAY_MS;
  const starts = periodStarts(from, to, by);
  const events = siteEvents(ctx, q, days);
  const map = siteRegions(pop, q);
  const n = regionCount(pop, unit);
  const counts = Array.from({ length: n }, () => new Float64Array(starts.length));
  const net = pop.network;
  starts.forEach((start, p) => {
    const end = Math.min(to, starts[p + 1] ?? (STEP_MONTHS[by] === undefined ? start + (STEP_MS[by] ?? DAY_MS) : to));
    for (let site = 0; site < net.lon.length; site++) {
      const r = map[site] ?? -1;
      if (r < 0) continue;
      const first = net.siteCells[site] ?? 0;
      const cells = (net.siteCells[site + 1] ?? 0) - first;
      for (let c = first; c < first + cells; c++) {
        let active = false;
        for (let t = Math.max(start, from); t < end && !active; t += DAY_MS) {
          const dayNo = Math.floor(t / DAY_MS);
          const di = dayNo - (days[0] ?? dayNo);
          active = cellActive(pop, c, events[di]?.[site] ?? 0, cells, t, Math.min(end - t, DAY_MS), dayNo);
        }
        if (active) (counts[r] as Float64Array)[p] = ((counts[r] as Float64Array)[p] ?? 0) + 1;
      }
    }
  });
  return { unit, starts, counts };
}

/** `total_network_objects`: cells with at least one event per region and period. */
export function totalNetworkObjects(ctx: Ctx, q: LoadedQuery): ResultTable {
  const { unit, starts, counts } = activeCells(ctx, q);
  const rows: unknown[][] = [];
  const regions: number[] = [];
  counts.forEach((perPeriod, r) =>
    perPeriod.forEach((value, p) => {
      if (value <= 0) return;
      rows.push([...regionValues(ctx.pop, unit, r), value, iso(starts[p] ?? 0)]);
      regions.push(r);
    }),
  );
  return { columns: [...regionColumns(unit), 'value', 'datetime'], rows, unit, rowRegion: Int32Array.from(regions) };
}

/** `aggregate_network_objects`: a statistic of the cell counts per region over each `aggregate_by` period. */
export function aggregateNetworkObjects(ctx: Ctx, q: LoadedQuery): ResultTable {
  const inner = q.values['total_network_objects'];
  if (!isLoadedQuery(inner)) return { columns: ['pcod', 'value', 'datetime'], rows: [], unit: q.unit, rowRegion: null };
  const { unit, starts, counts } = activeCells(ctx, inner);
  const by = String(q.values['aggregate_by'] ?? 'day');
  const stat = String(q.values['statistic']);
  const groups = periodStarts(starts[0] ?? 0, (starts[starts.length - 1] ?? 0) + 1, by);
  const groupOf = (ms: number) => {
    let g = 0;
    while (g + 1 < groups.length && (groups[g + 1] ?? Infinity) <= ms) g++;
    return g;
  };
  const rows: unknown[][] = [];
  const regions: number[] = [];
  counts.forEach((perPeriod, r) => {
    const buckets = groups.map((): number[] => []);
    perPeriod.forEach((value, p) => {
      if (value > 0) buckets[groupOf(starts[p] ?? 0)]?.push(value);
    });
    buckets.forEach((xs, g) => {
      if (xs.length === 0) return;
      rows.push([...regionValues(ctx.pop, unit, r), round(statistic(stat, xs)), iso(groups[g] ?? 0)]);
      regions.push(r);
    });
  });
  return { columns: [...regionColumns(unit), 'value', 'datetime'], rows, unit, rowRegion: Int32Array.from(regions) };
}
