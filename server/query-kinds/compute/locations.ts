/**
 * Per-subscriber locations, as FlowMachine's location queries give them: one region per
 * subscriber (daily, modal, most frequent, visited most days, majority, coalesced), a set of
 * regions (unique locations), weighted visits, and mobility classification labels.
 */
import { fillDay, newDay } from '../../population/activity.js';
import { dayNumber } from '../../population/population.js';
import { canonical } from '../analysis.js';
import type { LoadedQuery } from '../schema.js';
import { queriesIn } from '../units.js';
import type { Ctx } from './context.js';
import { blockCount, eventFilter, keptSubscribers, period, siteRegions } from './filters.js';

/** One region per subscriber (`-1`: not located). */
export interface Located {
  /** Aggregation unit of the regions. */
  readonly unit: string;
  /** Region index per subscriber. */
  readonly region: Int32Array;
}

/** Several regions per subscriber (CSR), optionally weighted. */
export interface MultiLocated {
  /** Aggregation unit of the regions. */
  readonly unit: string;
  /** Subscriber `s`'s entries are `offsets[s]` … `offsets[s + 1] - 1`. */
  readonly offsets: Int32Array;
  /** Regions. */
  readonly regions: Int32Array;
  /** Weight of each entry (days visited for `location_visits`, 1 otherwise). */
  readonly weights: Float64Array;
}

/**
 * Events per region and day for every subscriber over `days`, fed to `visit` as parallel lists
 * (region, events) per subscriber; regions may repeat across days.
 */
function perSubscriber(
  ctx: Ctx,
  q: LoadedQuery,
  days: readonly number[],
  visit: (s: number, regions: number[], events: number[], dayOf: number[]) => void,
): void {
  const { pop } = ctx;
  const map = siteRegions(pop, q);
  const filter = eventFilter(q);
  const keep = keptSubscribers(pop, q);
  const day = newDay();
  const regions: number[] = [];
  const events: number[] = [];
  const dayOf: number[] = [];
  for (let s = 0; s < pop.subscribers.size; s++) {
    regions.length = 0;
    events.length = 0;
    dayOf.length = 0;
    if (keep === null || keep[s] === 1) {
      for (const d of days) {
        fillDay(pop, s, d, day);
        const night = map[day.night] ?? -1;
        const daytime = map[day.day] ?? -1;
        const atNight = blockCount(day, 0, filter) + blockCount(day, 2, filter);
        const atDay = blockCount(day, 1, filter);
        if (atNight > 0 && night >= 0) {
          regions.push(night);
          events.push(atNight);
          dayOf.push(d);
        }
        if (atDay > 0 && daytime >= 0) {
          regions.push(daytime);
          events.push(atDay);
          dayOf.push(d);
        }
      }
    }
    visit(s, regions, events, dayOf);
  }
}

function dailyLocation(ctx: Ctx, q: LoadedQuery): Located {
  const { pop } = ctx;
  const map = siteRegions(pop, q);
  const filter = eventFilter(q);
  const keep = keptSubscribers(pop, q);
  const d = dayNumber(String(q.values['date']));
  const last = q.values['method'] !== 'most-common';
  const out = new Int32Array(pop.subscribers.size).fill(-1);
  const day = newDay();
  for (let s = 0; s < out.length; s++) {
    if (keep !== null && keep[s] === 0) continue;
    fillDay(pop, s, d, day);
    const night = map[day.night] ?? -1;
    const daytime = map[day.day] ?? -1;
    const early = night < 0 ? 0 : blockCount(day, 0, filter);
    const mid = daytime < 0 ? 0 : blockCount(day, 1, filter);
    const evening = night < 0 ? 0 : blockCount(day, 2, filter);
    if (last) out[s] = evening > 0 ? night : mid > 0 ? daytime : early > 0 ? night : -1;
    else if (early + evening + mid > 0) out[s] = night === daytime || early + evening >= mid ? (early + evening > 0 ? night : daytime) : daytime;
  }
  return { unit: q.unit ?? 'admin3', region: out };
}

/** Region with the largest `score` per subscriber, ties to the first seen. */
function argmax(ctx: Ctx, q: LoadedQuery, byDays: boolean): Located {
  const out = new Int32Array(ctx.pop.subscribers.size).fill(-1);
  const seen: number[] = [];
  const score: number[] = [];
  const events: number[] = [];
  perSubscriber(ctx, q, period(q.values['start_date'], q.values['end_date']), (s, regions, counts, dayOf) => {
    seen.length = 0;
    score.length = 0;
    events.length = 0;
    const lastDay: number[] = [];
    regions.forEach((r, k) => {
      let at = seen.indexOf(r);
      if (at < 0) {
        at = seen.push(r) - 1;
        score.push(0);
        events.push(0);
        lastDay.push(Number.NaN);
      }
      events[at] = (events[at] ?? 0) + (counts[k] ?? 0);
      if (!byDays) score[at] = (score[at] ?? 0) + (counts[k] ?? 0);
      else if (lastDay[at] !== dayOf[k]) {
        score[at] = (score[at] ?? 0) + 1;
        lastDay[at] = dayOf[k] ?? 0;
      }
    });
    let best = -1;
    for (let k = 0; k < seen.length; k++) {
      if (best < 0 || (score[k] ?? 0) > (score[best] ?? 0) || ((score[k] ?? 0) === (score[best] ?? 0) && (events[k] ?? 0) > (events[best] ?? 0))) best = k;
    }
    out[s] = best < 0 ? -1 : (seen[best] ?? -1);
  });
  return { unit: q.unit ?? 'admin3', region: out };
}

function modal(ctx: Ctx, q: LoadedQuery): Located {
  const inputs = queriesIn(q.values['locations']).map((l) => locate(ctx, l));
  const keep = keptSubscribers(ctx.pop, q);
  const out = new Int32Array(ctx.pop.subscribers.size).fill(-1);
  const seen: number[] = [];
  const count: number[] = [];
  for (let s = 0; s < out.length; s++) {
    if (keep !== null && keep[s] === 0) continue;
    seen.length = 0;
    count.length = 0;
    let best = -1;
    // Later locations win ties (the most recent of the modal ones).
    for (const input of inputs) {
      const r = input.region[s] ?? -1;
      if (r < 0) continue;
      let at = seen.indexOf(r);
      if (at < 0) {
        at = seen.push(r) - 1;
        count.push(0);
      }
      count[at] = (count[at] ?? 0) + 1;
      if (best < 0 || (count[at] ?? 0) >= (count[best] ?? 0)) best = at;
    }
    out[s] = best < 0 ? -1 : (seen[best] ?? -1);
  }
  return { unit: inputs[0]?.unit ?? 'admin3', region: out };
}

function majority(ctx: Ctx, q: LoadedQuery): Located {
  const [weightsQuery] = queriesIn(q.values['subscriber_location_weights']);
  const w = weightsQuery === undefined ? undefined : visits(ctx, weightsQuery);
  const minimum = Number(q.values['minimum_total_weight'] ?? 0);
  const out = new Int32Array(ctx.pop.subscribers.size).fill(-1);
  if (w === undefined) return { unit: q.unit ?? 'admin3', region: out };
  for (let s = 0; s < out.length; s++) {
    const from = w.offsets[s] ?? 0;
    const to = w.offsets[s + 1] ?? 0;
    let total = 0;
    for (let k = from; k < to; k++) total += w.weights[k] ?? 0;
    if (total === 0 || total < minimum) continue;
    for (let k = from; k < to; k++) if ((w.weights[k] ?? 0) > total / 2) out[s] = w.regions[k] ?? -1;
  }
  return { unit: w.unit, region: out };
}

function coalesced(ctx: Ctx, q: LoadedQuery): Located {
  const [pq] = queriesIn(q.values['preferred_location']);
  const [fq] = queriesIn(q.values['fallback_location']);
  const [wq] = queriesIn(q.values['subscriber_location_weights']);
  const size = ctx.pop.subscribers.size;
  const preferred = pq === undefined ? new Int32Array(size).fill(-1) : locate(ctx, pq).region;
  const fallback = fq === undefined ? new Int32Array(size).fill(-1) : locate(ctx, fq).region;
  const w = wq === undefined ? undefined : visits(ctx, wq);
  const threshold = Number(q.values['weight_threshold'] ?? 0);
  const out = new Int32Array(size).fill(-1);
  for (let s = 0; s < size; s++) {
    const p = preferred[s] ?? -1;
    if (p >= 0) {
      out[s] = p;
      continue;
    }
    const f = fallback[s] ?? -1;
    if (f < 0 || w === undefined) continue;
    for (let k = w.offsets[s] ?? 0; k < (w.offsets[s + 1] ?? 0); k++) {
      if (w.regions[k] === f && (w.weights[k] ?? 0) >= threshold) out[s] = f;
    }
  }
  return { unit: q.unit ?? 'admin3', region: out };
}

/** The region of every subscriber for a reference-location query. */
export function locate(ctx: Ctx, q: LoadedQuery): Located {
  return ctx.memo(`locate:${canonical(q)}`, () => {
    switch (q.kind) {
      case 'daily_location':
        return dailyLocation(ctx, q);
      case 'modal_location':
        return modal(ctx, q);
      case 'most_frequent_location':
        return argmax(ctx, q, false);
      case 'visited_most_days':
        return argmax(ctx, q, true);
      case 'majority_location':
        return majority(ctx, q);
      case 'coalesced_location':
        return coalesced(ctx, q);
      default:
        return { unit: q.unit ?? 'admin3', region: new Int32Array(ctx.pop.subscribers.size).fill(-1) };
    }
  });
}

function uniqueLocations(ctx: Ctx, q: LoadedQuery): MultiLocated {
  const size = ctx.pop.subscribers.size;
  const offsets = new Int32Array(size + 1);
  const regions: number[] = [];
  perSubscriber(ctx, q, period(q.values['start_date'], q.values['end_date']), (s, found) => {
    const start = regions.length;
    for (const r of found) {
      let dup = false;
      for (let k = start; k < regions.length; k++) if (regions[k] === r) dup = true;
      if (!dup) regions.push(r);
    }
    offsets[s + 1] = regions.length;
  });
  return { unit: q.unit ?? 'admin3', offsets, regions: Int32Array.from(regions), weights: new Float64Array(regions.length).fill(1) };
}

/** Days at each region per subscriber, over a list of daily (or modal) locations (`location_visits`). */
export function visits(ctx: Ctx, q: LoadedQuery): MultiLocated {
  return ctx.memo(`visits:${canonical(q)}`, () => {
    const inputs = queriesIn(q.values['locations']).map((l) => locate(ctx, l));
    const size = ctx.pop.subscribers.size;
    const offsets = new Int32Array(size + 1);
    const regions: number[] = [];
    const weights: number[] = [];
    for (let s = 0; s < size; s++) {
      const start = regions.length;
      for (const input of inputs) {
        const r = input.region[s] ?? -1;
        if (r < 0) continue;
        let k = start;
        while (k < regions.length && regions[k] !== r) k++;
        if (k === regions.length) {
          regions.push(r);
          weights.push(0);
        }
        weights[k] = (weights[k] ?? 0) + 1;
      }
      offsets[s + 1] = regions.length;
    }
    return { unit: inputs[0]?.unit ?? 'admin3', offsets, regions: Int32Array.from(regions), weights: Float64Array.from(weights) };
  });
}

/** The locations of a flows input: a reference location (one region each) or unique locations. */
export function manyLocations(ctx: Ctx, q: LoadedQuery): MultiLocated {
  return ctx.memo(`many:${canonical(q)}`, () => {
    if (q.kind === 'unique_locations') return uniqueLocations(ctx, q);
    const one = locate(ctx, q);
    const offsets = new Int32Array(one.region.length + 1);
    const regions: number[] = [];
    one.region.forEach((r, s) => {
      if (r >= 0) regions.push(r);
      offsets[s + 1] = regions.length;
    });
    return { unit: one.unit, offsets, regions: Int32Array.from(regions), weights: new Float64Array(regions.length).fill(1) };
  });
}

/** Labels of `mobility_classification`, in FlowMachine's order. */
export const MOBILITY_LABELS: readonly string[] = ['unlocated', 'irregular', 'not_always_resident', 'mobile', 'stable'];

/**
 * Mobility labels per subscriber (index into {@link MOBILITY_LABELS}) over a time-ordered list of
 * locations: `unlocated` without a last location; `not_always_resident` if missing from an
 * earlier one; `stable` if always in one place for at least `stay_length_threshold` periods;
 * `mobile` if always located but moving, after a stay that long at the last place; else `irregular`.
 */
export function mobility(ctx: Ctx, q: LoadedQuery): Int8Array {
  return ctx.memo(`mobility:${canonical(q)}`, () => {
    const inputs = queriesIn(q.values['locations']).map((l) => locate(ctx, l));
    const threshold = Number(q.values['stay_length_threshold'] ?? 1);
    const out = new Int8Array(ctx.pop.subscribers.size);
    for (let s = 0; s < out.length; s++) {
      const seq = inputs.map((i) => i.region[s] ?? -1);
      const lastRegion = seq[seq.length - 1] ?? -1;
      if (lastRegion < 0) out[s] = 0;
      else if (seq.some((r) => r < 0)) out[s] = 2;
      else {
        let run = 0;
        for (let k = seq.length - 1; k >= 0 && seq[k] === lastRegion; k--) run++;
        out[s] = run === seq.length && run >= threshold ? 4 : run >= threshold ? 3 : 1;
      }
    }
    return out;
  });
}

/** Distinct regions per subscriber over a period (`unique_locations`). */
export function uniqueOf(ctx: Ctx, q: LoadedQuery): MultiLocated {
  return manyLocations(ctx, q);
}
