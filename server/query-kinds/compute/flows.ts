/**
 * Origin–destination kinds: flows between two location queries (with FlowMachine's join types),
 * in/outflows as their sums, labelled flows, and trip matrices; redacted as FlowMachine's
 * `RedactedFlows`, `RedactedInOutFlow`, `RedactedLabelledFlows` and trip matrices are.
 */
import { fillDay, newDay } from '../../population/activity.js';
import type { LoadedQuery } from '../schema.js';
import { queriesIn } from '../units.js';
import type { Ctx } from './context.js';
import { blockCount, eventFilter, keptSubscribers, period, regionCount, siteRegions } from './filters.js';
import { manyLocations, MOBILITY_LABELS, mobility } from './locations.js';
import { REDACTION_THRESHOLD, regionColumns, regionValues, type ResultTable } from './table.js';

/** Pair counts keyed `from * (n + 1) + to`, with `n` standing for "no location" (outer joins). */
interface PairCounts {
  readonly unit: string;
  readonly n: number;
  readonly counts: Map<number, number>;
}

function pairCounts(ctx: Ctx, q: LoadedQuery, label?: (s: number) => number, labels = 1): PairCounts {
  const [fq] = queriesIn(q.values['from_location']);
  const [tq] = queriesIn(q.values['to_location']);
  const unit = fq?.unit ?? 'admin3';
  const n = regionCount(ctx.pop, unit);
  const counts = new Map<number, number>();
  if (fq === undefined || tq === undefined) return { unit, n, counts };
  const from = manyLocations(ctx, fq);
  const to = manyLocations(ctx, tq);
  const join = String(q.values['join_type'] ?? 'inner');
  const keepLeft = join === 'left' || join === 'left outer' || join === 'full outer';
  const keepRight = join === 'right' || join === 'right outer' || join === 'full outer';
  const bump = (f: number, t: number, s: number) => {
    const key = (f * (n + 1) + t) * labels + (label?.(s) ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (let s = 0; s < ctx.pop.subscribers.size; s++) {
    const f0 = from.offsets[s] ?? 0;
    const f1 = from.offsets[s + 1] ?? 0;
    const t0 = to.offsets[s] ?? 0;
    const t1 = to.offsets[s + 1] ?? 0;
    if (f1 > f0 && t1 > t0) {
      for (let a = f0; a < f1; a++) for (let b = t0; b < t1; b++) bump(from.regions[a] ?? 0, to.regions[b] ?? 0, s);
    } else if (f1 > f0 && keepLeft) {
      for (let a = f0; a < f1; a++) bump(from.regions[a] ?? 0, n, s);
    } else if (t1 > t0 && keepRight) {
      for (let b = t0; b < t1; b++) bump(n, to.regions[b] ?? 0, s);
    }
  }
  return { unit, n, counts };
}

const region = (n: number, r: number): number => (r === n ? -1 : r);

function odTable(ctx: Ctx, pairs: PairCounts): ResultTable {
  const rows: unknown[][] = [];
  const regions: number[] = [];
  const destinations: number[] = [];
  for (const key of [...pairs.counts.keys()].sort((a, b) => a - b)) {
    const value = pairs.counts.get(key) ?? 0;
    if (value <= REDACTION_THRESHOLD) continue;
    const f = region(pairs.n, Math.floor(key / (pairs.n + 1)));
    const t = region(pairs.n, key % (pairs.n + 1));
    rows.push([...regionValues(ctx.pop, pairs.unit, f), ...regionValues(ctx.pop, pairs.unit, t), value]);
    regions.push(f);
    destinations.push(t);
  }
  return {
    columns: [...regionColumns(pairs.unit, '_from'), ...regionColumns(pairs.unit, '_to'), 'value'],
    rows,
    unit: pairs.unit,
    rowRegion: Int32Array.from(regions),
    rowDestination: Int32Array.from(destinations),
  };
}

/** `flows`: subscribers per (origin, destination) pair; pairs of 15 or fewer dropped. */
export function flows(ctx: Ctx, q: LoadedQuery): ResultTable {
  return odTable(ctx, pairCounts(ctx, q));
}

/**
 * `inflows` / `outflows`: the sums of the (unredacted) flows into / out of each region, then
 * redacted. As FlowMachine's `InOutFlow`, the location columns lose their `_to` / `_from` suffix
 * (`pcod`, or `lon`, `lat`), and an outer join's subscribers without a destination (origin) are
 * summed in a last row whose location is `null`.
 */
export function inOutFlows(ctx: Ctx, q: LoadedQuery, inward: boolean): ResultTable {
  const pairs = pairCounts(ctx, q);
  const sums = new Float64Array(pairs.n + 1);
  for (const [key, value] of pairs.counts) {
    const r = inward ? key % (pairs.n + 1) : Math.floor(key / (pairs.n + 1));
    sums[r] = (sums[r] ?? 0) + value;
  }
  const rows: unknown[][] = [];
  const regions: number[] = [];
  sums.forEach((value, at) => {
    if (value <= REDACTION_THRESHOLD) return;
    const r = region(pairs.n, at);
    rows.push([...regionValues(ctx.pop, pairs.unit, r), value]);
    regions.push(r);
  });
  return { columns: [...regionColumns(pairs.unit), 'value'], rows, unit: pairs.unit, rowRegion: Int32Array.from(regions) };
}

/** `labelled_flows`: flows per mobility label (`value_label`); a pair with any label of 15 or fewer is dropped. */
export function labelledFlows(ctx: Ctx, q: LoadedQuery): ResultTable {
  const [lq] = queriesIn(q.values['labels']);
  const labels = lq === undefined ? new Int8Array(ctx.pop.subscribers.size) : mobility(ctx, lq);
  const k = MOBILITY_LABELS.length;
  const pairs = pairCounts(ctx, q, (s) => labels[s] ?? 0, k);
  const byPair = new Map<number, [number, number][]>();
  for (const [key, value] of pairs.counts) {
    const pair = Math.floor(key / k);
    const list = byPair.get(pair) ?? [];
    list.push([key % k, value]);
    byPair.set(pair, list);
  }
  const rows: unknown[][] = [];
  const regions: number[] = [];
  const destinations: number[] = [];
  for (const pair of [...byPair.keys()].sort((a, b) => a - b)) {
    const list = (byPair.get(pair) ?? []).sort((a, b) => a[0] - b[0]);
    if (Math.min(...list.map(([, v]) => v)) <= REDACTION_THRESHOLD) continue;
    const f = region(pairs.n, Math.floor(pair / (pairs.n + 1)));
    const t = region(pairs.n, pair % (pairs.n + 1));
    for (const [label, value] of list) {
      rows.push([...regionValues(ctx.pop, pairs.unit, f), ...regionValues(ctx.pop, pairs.unit, t), MOBILITY_LABELS[label], value]);
      regions.push(f);
      destinations.push(t);
    }
  }
  return {
    columns: [...regionColumns(pairs.unit, '_from'), ...regionColumns(pairs.unit, '_to'), 'value_label', 'value'],
    rows,
    unit: pairs.unit,
    rowRegion: Int32Array.from(regions),
    rowDestination: Int32Array.from(destinations),
  };
}

/**
 * Trip matrices over a period: a trip is a move between the regions of two consecutive blocks
 * of events (night → day → evening, and on to the next day). `consecutive_trips_od_matrix` counts
 * trips, `trips_od_matrix` the subscribers making each; both redacted at 15.
 */
export function trips(ctx: Ctx, q: LoadedQuery, countTrips: boolean): ResultTable {
  const { pop } = ctx;
  const unit = q.unit ?? 'admin3';
  const n = regionCount(pop, unit);
  const map = siteRegions(pop, q);
  const filter = eventFilter(q);
  const keep = keptSubscribers(pop, q);
  const days = period(q.values['start_date'], q.values['end_date']);
  const counts = new Map<number, number>();
  const seen = new Set<number>();
  const day = newDay();
  for (let s = 0; s < pop.subscribers.size; s++) {
    if (keep !== null && keep[s] === 0) continue;
    seen.clear();
    let at = -1;
    for (const d of days) {
      fillDay(pop, s, d, day);
      for (let b = 0; b < 3; b++) {
        const r = map[b === 1 ? day.day : day.night] ?? -1;
        if (r < 0 || blockCount(day, b, filter) === 0) continue;
        if (at >= 0 && r !== at) {
          const key = at * (n + 1) + r;
          if (countTrips || !seen.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
          seen.add(key);
        }
        at = r;
      }
    }
  }
  return odTable(ctx, { unit, n, counts });
}
