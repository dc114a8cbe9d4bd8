/**
 * Per-subscriber metrics (the kinds `joined_spatial_aggregate` and `histogram_aggregate` take),
 * computed from each subscriber's days; subscribers without events in the period have none.
 */
import { fillDay, newDay, TYPES, type Day } from '../../population/activity.js';
import { HANDSETS } from '../../population/handsets.js';
import { hash3, unit as toUnit } from '../../population/hash.js';
import { dayNumber, type Population } from '../../population/population.js';
import { BLOCK_START, HOUR_WEIGHTS, inHours } from '../../population/rhythm.js';
import { canonical } from '../analysis.js';
import type { LoadedQuery } from '../schema.js';
import { queriesIn } from '../units.js';
import type { Ctx } from './context.js';
import { adminLevel, blockCount, eventFilter, keptSubscribers, period, type EventFilter } from './filters.js';
import { locate } from './locations.js';
import { statistic } from './statistics.js';

/** A metric per subscriber: numbers (`NaN`: none) or categories (`-1`: none). */
export type Metric =
  | { readonly kind: 'numeric'; readonly values: Float64Array }
  | { readonly kind: 'categorical'; readonly categories: readonly string[]; readonly values: Int32Array };

const KM_PER_DEGREE = 111.32;

/** Distance in km between two sites. */
export function siteKm(pop: Population, a: number, b: number): number {
  const lat = (((pop.network.lat[a] ?? 0) + (pop.network.lat[b] ?? 0)) / 2) * (Math.PI / 180);
  const dx = ((pop.network.lon[a] ?? 0) - (pop.network.lon[b] ?? 0)) * Math.cos(lat);
  const dy = (pop.network.lat[a] ?? 0) - (pop.network.lat[b] ?? 0);
  return Math.hypot(dx, dy) * KM_PER_DEGREE;
}

/** Calls the visitor with each kept subscriber's days of a period and their block counts. */
function eachDay(
  ctx: Ctx,
  q: LoadedQuery,
  days: readonly number[],
  filter: EventFilter,
  visit: (s: number, dayNo: number, day: Day, blocks: readonly number[]) => void,
  done: (s: number) => void,
): void {
  const { pop } = ctx;
  const keep = keptSubscribers(pop, q);
  const day = newDay();
  const blocks = [0, 0, 0];
  for (let s = 0; s < pop.subscribers.size; s++) {
    if (keep !== null && keep[s] === 0) {
      done(-1 - s);
      continue;
    }
    for (const d of days) {
      fillDay(pop, s, d, day);
      for (let b = 0; b < 3; b++) blocks[b] = blockCount(day, b, filter);
      visit(s, d, day, blocks);
    }
    done(s);
  }
}


/** The per-subscriber values of a metric query. */
export function metricOf(ctx: Ctx, q: LoadedQuery): Metric {
  return ctx.memo(`metric:${canonical(q)}`, () => compute(ctx, q));
}

function compute(ctx: Ctx, q: LoadedQuery): Metric {
  const { pop } = ctx;
  const size = pop.subscribers.size;
  const values = new Float64Array(size).fill(Number.NaN);
  const v = q.values;
  const days = q.kind === 'total_active_periods' ? [] : period(v['start_date'], v['end_date']);
  const filter = eventFilter(q);
  const samples: number[] = [];
  let total = 0;
  let sites: number[] = [];
  let weights: number[] = [];
  const reset = () => {
    total = 0;
    samples.length = 0;
    sites = [];
    weights = [];
  };
  const addSite = (site: number, w: number) => {
    if (w <= 0) return;
    const at = sites.indexOf(site);
    if (at < 0) {
      sites.push(site);
      weights.push(w);
    } else weights[at] = (weights[at] ?? 0) + w;
  };
  switch (q.kind) {
    case 'event_count':
    case 'subscriber_degree':
    case 'pareto_interactions': {
      eachDay(ctx, q, days, filter, (_s, _dayNo, day, blocks) => {
        if (q.kind === 'event_count') total += (blocks[0] ?? 0) + (blocks[1] ?? 0) + (blocks[2] ?? 0);
        else for (let b = 0; b < 3; b++) for (let t = 0; t < 2; t++) if (((day.avail >> t) & 1) === 1 && filter.types[t]) total += day.counts[b * TYPES + t] ?? 0;
      }, (s) => {
        if (s >= 0 && total > 0) {
          const contacts = pop.subscribers.contacts[s] ?? 1;
          const degree = Math.max(1, Math.round(contacts * (1 - Math.exp(-total / contacts))));
          if (q.kind === 'event_count') values[s] = total;
          else if (q.kind === 'pareto_interactions') values[s] = Math.max(1, Math.round(degree * Math.pow(Number(v['proportion'] ?? 0.8), 1.5)));
          else values[s] = v['direction'] === 'both' ? degree : Math.max(1, Math.round(degree * (v['direction'] === 'out' ? 0.75 : 0.7)));
        }
        reset();
      });
      break;
    }
    case 'radius_of_gyration':
    case 'unique_location_counts':
    case 'displacement': {
      const [refQuery] = queriesIn(v['reference_location']);
      const ref = refQuery === undefined ? undefined : locate(ctx, refQuery);
      const statName = String(v['statistic'] ?? 'avg');
      const level = q.kind === 'unique_location_counts' ? adminLevel(q.unit ?? '') : undefined;
      const regionOf = level === undefined ? undefined : pop.network.region[level];
      eachDay(ctx, q, days, filter, (_s, _d, day, blocks) => {
        addSite(day.night, (blocks[0] ?? 0) + (blocks[2] ?? 0));
        addSite(day.day, blocks[1] ?? 0);
      }, (s) => {
        if (s >= 0 && sites.length > 0) {
          if (q.kind === 'unique_location_counts') {
            values[s] = regionOf === undefined ? sites.length : new Set(sites.map((x) => regionOf[x])).size;
          } else if (q.kind === 'radius_of_gyration') {
            const w = weights.reduce((a, b) => a + b, 0);
            const lon = sites.reduce((a, x, k) => a + (pop.network.lon[x] ?? 0) * (weights[k] ?? 0), 0) / w;
            const lat = sites.reduce((a, x, k) => a + (pop.network.lat[x] ?? 0) * (weights[k] ?? 0), 0) / w;
            const sq = sites.reduce((a, x, k) => {
              const dx = ((pop.network.lon[x] ?? 0) - lon) * Math.cos((lat * Math.PI) / 180) * KM_PER_DEGREE;
              const dy = ((pop.network.lat[x] ?? 0) - lat) * KM_PER_DEGREE;
              return a + (dx * dx + dy * dy) * (weights[k] ?? 0);
            }, 0);
            values[s] = Math.round(Math.sqrt(sq / w) * 1000) / 1000;
          } else {
            const home = ref?.region[s] ?? -1;
            if (home >= 0 && ref !== undefined) {
              const homeSite = siteOfRegion(pop, ref.unit, home);
              sites.forEach((x, k) => {
                const km = siteKm(pop, homeSite, x);
                for (let n = 0; n < (weights[k] ?? 0); n++) samples.push(km);
              });
              values[s] = Math.round(statistic(statName, samples) * 1000) / 1000;
            }
          }
        }
        reset();
      });
      break;
    }
    case 'nocturnal_events': {
      const night = v['night_hours'] as { start_hour?: number; end_hour?: number } | undefined;
      const start = Number(night?.start_hour ?? 20);
      const end = Number(night?.end_hour ?? 4);
      const share = [0, 1, 2].map((b) => {
        let inside = 0;
        let all = 0;
        for (let h = BLOCK_START[b] ?? 0; h < (BLOCK_START[b + 1] ?? 24); h++) {
          all += HOUR_WEIGHTS[h] ?? 0;
          if (inHours(h, start, end)) inside += HOUR_WEIGHTS[h] ?? 0;
        }
        return inside / all;
      });
      let nightly = 0;
      eachDay(ctx, q, days, filter, (_s, _d, _day, blocks) => {
        for (let b = 0; b < 3; b++) {
          total += blocks[b] ?? 0;
          nightly += (blocks[b] ?? 0) * (share[b] ?? 0);
        }
      }, (s) => {
        if (s >= 0 && total > 0) values[s] = Math.round((100 * nightly) / total * 1000) / 1000;
        nightly = 0;
        reset();
      });
      break;
    }
    case 'topup_amount':
    case 'topup_balance': {
      const statName = String(v['statistic'] ?? 'avg');
      const topups: EventFilter = { types: [false, false, false, true], hours: filter.hours, direction: 'both' };
      eachDay(ctx, q, days, topups, (s, dayNo, day, blocks) => {
        if ((blocks[1] ?? 0) === 0 || day.topup === 0) return;
        if (q.kind === 'topup_amount') samples.push(day.topup);
        else samples.push(Math.round((pop.subscribers.topupMean[s] ?? 10) * 3 * toUnit(hash3(pop.seed, s, dayNo ^ 0x70b)) * 100) / 100 + day.topup);
      }, (s) => {
        if (s >= 0 && samples.length > 0) values[s] = Math.round(statistic(statName, samples) * 100) / 100;
        reset();
      });
      break;
    }
    case 'total_active_periods':
      return { kind: 'numeric', values: activePeriods(ctx, q, filter) };
    case 'handset': {
      const characteristic = String(v['characteristic'] ?? 'hnd_type') as keyof (typeof HANDSETS)[number];
      const categories = [...new Set(HANDSETS.map((h) => h[characteristic]))].sort();
      const index = HANDSETS.map((h) => categories.indexOf(h[characteristic]));
      const out = new Int32Array(size).fill(-1);
      eachDay(ctx, q, days, filter, (_s, _d, _day, blocks) => {
        total += (blocks[0] ?? 0) + (blocks[1] ?? 0) + (blocks[2] ?? 0);
      }, (s) => {
        if (s >= 0 && total > 0) out[s] = index[pop.subscribers.handset[s] ?? 0] ?? -1;
        reset();
      });
      return { kind: 'categorical', categories, values: out };
    }
    default:
      break;
  }
  return { kind: 'numeric', values };
}

const representative = new WeakMap<Population, Map<string, number>>();

/** A representative site of a region (its most populous site), for distances. */
function siteOfRegion(pop: Population, unit: string, region: number): number {
  let known = representative.get(pop);
  if (!known) representative.set(pop, (known = new Map()));
  const key = `${unit}/${region}`;
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const site = findSite(pop, unit, region);
  known.set(key, site);
  return site;
}

function findSite(pop: Population, unit: string, region: number): number {
  const level = adminLevel(unit);
  if (level === undefined) return region;
  const of = pop.network.region[level];
  let best = 0;
  let weight = -1;
  of?.forEach((r, s) => {
    if (r === region && (pop.network.weight[s] ?? 0) > weight) [best, weight] = [s, pop.network.weight[s] ?? 0];
  });
  return best;
}

/** `total_active_periods`: periods (of days, hours or minutes) with at least one event. */
function activePeriods(ctx: Ctx, q: LoadedQuery, filter: EventFilter): Float64Array {
  const { pop } = ctx;
  const v = q.values;
  const totalPeriods = Math.max(1, Number(v['total_periods'] ?? 1));
  const length = Math.max(1, Number(v['period_length'] ?? 1));
  const unit = String(v['period_unit'] ?? 'days');
  const minutes = unit === 'days' ? 1440 : unit === 'hours' ? 60 : 1;
  const startDay = dayNumber(String(v['start_date']));
  const keep = keptSubscribers(pop, q);
  const values = new Float64Array(pop.subscribers.size).fill(Number.NaN);
  const day = newDay();
  const spanMinutes = totalPeriods * length * minutes;
  const lastDay = startDay + Math.ceil(spanMinutes / 1440);
  for (let s = 0; s < values.length; s++) {
    if (keep !== null && keep[s] === 0) continue;
    let active = 0;
    for (let p = 0; p < totalPeriods; p++) {
      const from = p * length * minutes;
      const to = from + length * minutes;
      let any = false;
      for (let d = startDay + Math.floor(from / 1440); d < Math.min(lastDay, startDay + Math.ceil(to / 1440)) && !any; d++) {
        fillDay(pop, s, d, day);
        for (let b = 0; b < 3 && !any; b++) {
          const k = blockCount(day, b, filter);
          if (k === 0) continue;
          const blockFrom = (d - startDay) * 1440 + (BLOCK_START[b] ?? 0) * 60;
          const blockTo = (d - startDay) * 1440 + (BLOCK_START[b + 1] ?? 24) * 60;
          const overlap = Math.min(to, blockTo) - Math.max(from, blockFrom);
          if (overlap <= 0) continue;
          const chance = 1 - Math.pow(1 - overlap / (blockTo - blockFrom), k);
          any = toUnit(hash3(pop.seed ^ s, d, p)) < chance;
        }
      }
      if (any) active++;
    }
    if (active > 0) values[s] = active;
  }
  return values;
}
