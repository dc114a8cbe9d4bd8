/**
 * Kinds counted straight from events per region: location event counts (per day, hour or
 * minute), unique subscriber counts, location introversion and DFS transaction totals.
 */
import { fillDay, newDay } from '../../population/activity.js';
import { hash3, unit as toUnit } from '../../population/hash.js';
import { dateOf } from '../../population/population.js';
import { hourIn } from '../../population/rhythm.js';
import { canonical } from '../analysis.js';
import type { LoadedQuery } from '../schema.js';
import type { Ctx } from './context.js';
import { blockCount, eventFilter, keptSubscribers, period, regionCount, siteRegions } from './filters.js';
import { REDACTION_THRESHOLD, redactedCounts, regionColumns, regionTable, regionValues, round, type ResultTable } from './table.js';

/**
 * `location_event_counts`: events per date (and hour, minute) and region; as FlowMachine's
 * `RedactedTotalEvents`, a bucket is kept only if more than 15 subscribers have events in it.
 */
export function locationEventCounts(ctx: Ctx, q: LoadedQuery): ResultTable {
  const { pop } = ctx;
  const days = period(q.values['start_date'], q.values['end_date']);
  const interval = String(q.values['interval']);
  const slots = interval === 'hour' ? 24 : interval === 'min' ? 1440 : 1;
  const unit = q.unit ?? 'admin3';
  const n = regionCount(pop, unit);
  const map = siteRegions(pop, q);
  const filter = eventFilter(q);
  const keep = keptSubscribers(pop, q);
  const buckets = days.length * slots * n;
  const counts = new Int32Array(buckets);
  const people = new Int32Array(buckets);
  const stamp = new Int32Array(buckets);
  const day = newDay();
  const add = (bucket: number, k: number, s: number) => {
    counts[bucket] = (counts[bucket] ?? 0) + k;
    if (stamp[bucket] !== s + 1) {
      stamp[bucket] = s + 1;
      people[bucket] = (people[bucket] ?? 0) + 1;
    }
  };
  for (let s = 0; s < pop.subscribers.size; s++) {
    if (keep !== null && keep[s] === 0) continue;
    days.forEach((d, di) => {
      fillDay(pop, s, d, day);
      for (let b = 0; b < 3; b++) {
        const k = blockCount(day, b, filter);
        if (k === 0) continue;
        const r = map[b === 1 ? day.day : day.night] ?? -1;
        if (r < 0) continue;
        if (slots === 1) {
          add(di * n + r, k, s);
          continue;
        }
        for (let e = 0; e < k; e++) {
          const h = hash3(pop.seed ^ s, d, b * 4096 + e);
          const hour = hourIn(b, toUnit(h));
          const slot = slots === 24 ? hour : hour * 60 + (h % 60);
          add((di * slots + slot) * n + r, 1, s);
        }
      }
    });
  }
  const extra = slots === 1 ? [] : slots === 24 ? ['hour'] : ['hour', 'min'];
  const rows: unknown[][] = [];
  const regions: number[] = [];
  for (let bucket = 0; bucket < buckets; bucket++) {
    if ((people[bucket] ?? 0) <= REDACTION_THRESHOLD) continue;
    const r = bucket % n;
    const slot = Math.floor(bucket / n) % slots;
    const date = dateOf(days[Math.floor(bucket / (n * slots))] ?? 0);
    const time = slots === 1 ? [] : slots === 24 ? [slot] : [Math.floor(slot / 60), slot % 60];
    rows.push([...regionValues(pop, unit, r), date, ...time, counts[bucket]]);
    regions.push(r);
  }
  return { columns: [...regionColumns(unit), 'date', ...extra, 'value'], rows, unit, rowRegion: Int32Array.from(regions) };
}

/** Distinct subscribers with events in each region over the query's period (unredacted). */
export function uniqueSubscribersPerRegion(ctx: Ctx, q: LoadedQuery): Float64Array {
  return ctx.memo(`usc:${canonical(q)}`, () => {
    const { pop } = ctx;
    const days = period(q.values['start_date'], q.values['end_date']);
    const n = regionCount(pop, q.unit ?? 'admin3');
    const map = siteRegions(pop, q);
    const filter = eventFilter(q);
    const keep = keptSubscribers(pop, q);
    const counts = new Float64Array(n);
    const stamp = new Int32Array(n);
    const day = newDay();
    for (let s = 0; s < pop.subscribers.size; s++) {
      if (keep !== null && keep[s] === 0) continue;
      for (const d of days) {
        fillDay(pop, s, d, day);
        for (let b = 0; b < 3; b++) {
          const r = map[b === 1 ? day.day : day.night] ?? -1;
          if (r < 0 || stamp[r] === s + 1 || blockCount(day, b, filter) === 0) continue;
          stamp[r] = s + 1;
          counts[r] = (counts[r] ?? 0) + 1;
        }
      }
    }
    return counts;
  });
}

/** `unique_subscriber_counts` (redacted: regions of more than 15 subscribers). */
export function uniqueSubscriberCounts(ctx: Ctx, q: LoadedQuery): ResultTable {
  return redactedCounts(ctx.pop, q.unit ?? 'admin3', uniqueSubscribersPerRegion(ctx, q));
}

/** Share of a subscriber's calls and SMS whose other party is one of their local contacts (near home). */
const LOCAL_CONTACTS = 0.6;

/**
 * `location_introversion`: per region, the expected share of calls and SMS made there whose other
 * party is in the same region (contacts are near the caller's home with probability 0.6, else
 * anywhere in proportion to the population); regions of 15 subscribers or fewer are dropped.
 */
export function locationIntroversion(ctx: Ctx, q: LoadedQuery): ResultTable {
  const { pop } = ctx;
  const unit = q.unit ?? 'admin3';
  const days = period(q.values['start_date'], q.values['end_date']);
  const n = regionCount(pop, unit);
  const map = siteRegions(pop, q);
  const filter = { ...eventFilter(q), types: [true, true, false, false] };
  const keep = keptSubscribers(pop, q);
  const share = new Float64Array(n);
  let all = 0;
  pop.network.weight.forEach((w, site) => {
    const r = map[site] ?? -1;
    if (r >= 0) share[r] = (share[r] ?? 0) + w;
    all += w;
  });
  const inward = new Float64Array(n);
  const total = new Float64Array(n);
  const people = new Float64Array(n);
  const stamp = new Int32Array(n);
  const day = newDay();
  for (let s = 0; s < pop.subscribers.size; s++) {
    if (keep !== null && keep[s] === 0) continue;
    const home = map[pop.subscribers.home[s] ?? 0] ?? -1;
    for (const d of days) {
      fillDay(pop, s, d, day);
      for (let b = 0; b < 3; b++) {
        const k = blockCount(day, b, filter);
        const r = map[b === 1 ? day.day : day.night] ?? -1;
        if (k === 0 || r < 0) continue;
        total[r] = (total[r] ?? 0) + k;
        inward[r] = (inward[r] ?? 0) + k * (LOCAL_CONTACTS * (r === home ? 1 : 0) + (1 - LOCAL_CONTACTS) * ((share[r] ?? 0) / all));
        if (stamp[r] !== s + 1) {
          stamp[r] = s + 1;
          people[r] = (people[r] ?? 0) + 1;
        }
      }
    }
  }
  const entries: [number, unknown[]][] = [];
  for (let r = 0; r < n; r++) if ((people[r] ?? 0) > REDACTION_THRESHOLD && (total[r] ?? 0) > 0) entries.push([r, [round((inward[r] ?? 0) / (total[r] ?? 1))]]);
  return regionTable(pop, unit, ['value'], entries);
}

/** Fraction of each DFS metric of the transferred amount. */
const DFS_SHARE: Readonly<Record<string, number>> = { amount: 1, commission: 0.01, fee: 0.02, discount: 0.005 };

/**
 * `dfs_metric_total_amount`: mobile-money transactions per date and region (about one subscriber
 * in twelve transfers on a day, where they spend the daytime; not redacted: not a subscriber count).
 */
export function dfsMetricTotalAmount(ctx: Ctx, q: LoadedQuery): ResultTable {
  const { pop } = ctx;
  const unit = q.unit ?? 'admin3';
  const days = period(q.values['start_date'], q.values['end_date']);
  const n = regionCount(pop, unit);
  const map = siteRegions(pop, q);
  const factor = DFS_SHARE[String(q.values['metric'])] ?? 1;
  const totals = new Float64Array(days.length * n);
  const day = newDay();
  for (let s = 0; s < pop.subscribers.size; s++) {
    days.forEach((d, di) => {
      const h = hash3(pop.seed ^ 0xdf5, s, d);
      if (toUnit(h) >= 0.08) return;
      fillDay(pop, s, d, day);
      const r = map[day.day] ?? -1;
      if (r < 0) return;
      totals[di * n + r] = (totals[di * n + r] ?? 0) + (pop.subscribers.topupMean[s] ?? 10) * (0.5 + 2 * toUnit(hash3(h, s, 1))) * factor;
    });
  }
  const entries: [number, unknown[]][] = [];
  const dates: string[] = [];
  days.forEach((d, di) => {
    for (let r = 0; r < n; r++) {
      const value = totals[di * n + r] ?? 0;
      if (value > 0) {
        entries.push([r, [round(value, 2)]]);
        dates.push(dateOf(d));
      }
    }
  });
  return regionTable(pop, unit, ['value'], entries, ['date'], (k) => [dates[k]]);
}
