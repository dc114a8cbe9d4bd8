/**
 * Meaningful locations: each subscriber's towers clustered (within `tower_cluster_radius` km),
 * scored by the hour-of-day and day-of-week scores of the events there, and labelled by the
 * label polygon containing the point (hour score, day-of-week score) — `unknown` if none does.
 */
import { fillDay, newDay, weekday } from '../../population/activity.js';
import { insideRing } from '../../population/partition.js';
import { BLOCK_START, HOUR_WEIGHTS } from '../../population/rhythm.js';
import { DAYS_OF_WEEK } from '../enums.js';
import type { LoadedQuery } from '../schema.js';
import type { Ctx } from './context.js';
import { blockCount, eventFilter, keptSubscribers, period, regionCount, siteRegions } from './filters.js';
import { siteKm } from './metrics.js';
import { REDACTION_THRESHOLD, regionColumns, regionValues, type ResultTable } from './table.js';

type Ring = number[][];

/** Whether a GeoJSON Polygon / MultiPolygon object contains the point. */
function contains(geometry: unknown, x: number, y: number): boolean {
  if (typeof geometry !== 'object' || geometry === null) return false;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' && Array.isArray(g.coordinates) ? g.coordinates : [];
  return polygons.some((p) => {
    if (!Array.isArray(p) || p.length === 0) return false;
    const [outer, ...holes] = p as Ring[];
    return outer !== undefined && insideRing(outer, x, y) && !holes.some((h) => insideRing(h, x, y));
  });
}

/** Each subscriber's labelled clusters: `[label, region]` pairs (deduplicated). */
function labelledClusters(ctx: Ctx, q: LoadedQuery, start: unknown, end: unknown): [string, number][][] {
  const { pop } = ctx;
  const v = q.values;
  const labels = Object.entries((v['labels'] ?? {}) as Record<string, unknown>);
  const hourScores = (v['tower_hour_of_day_scores'] as number[] | undefined) ?? [];
  const dowScores = (v['tower_day_of_week_scores'] ?? {}) as Record<string, number>;
  const radius = Number(v['tower_cluster_radius'] ?? 1);
  const threshold = Number(v['tower_cluster_call_threshold'] ?? 0);
  const blockScore = [0, 1, 2].map((b) => {
    let w = 0;
    let sum = 0;
    for (let h = BLOCK_START[b] ?? 0; h < (BLOCK_START[b + 1] ?? 24); h++) {
      w += HOUR_WEIGHTS[h] ?? 0;
      sum += (HOUR_WEIGHTS[h] ?? 0) * Number(hourScores[h] ?? 0);
    }
    return sum / w;
  });
  // DAYS_OF_WEEK starts on Monday; weekday() gives 0 = Sunday.
  const dowScore = (dayNo: number) => Number(dowScores[DAYS_OF_WEEK[(weekday(dayNo) + 6) % 7] ?? 'monday'] ?? 0);
  const map = siteRegions(pop, q);
  const filter = eventFilter(q);
  const keep = keptSubscribers(pop, q);
  const days = period(start, end);
  const day = newDay();
  const out: [string, number][][] = [];
  const sites: number[] = [];
  const n: number[] = [];
  const hs: number[] = [];
  const ds: number[] = [];
  for (let s = 0; s < pop.subscribers.size; s++) {
    sites.length = 0;
    n.length = 0;
    hs.length = 0;
    ds.length = 0;
    const found: [string, number][] = [];
    if (keep === null || keep[s] === 1) {
      for (const d of days) {
        fillDay(pop, s, d, day);
        for (let b = 0; b < 3; b++) {
          const k = blockCount(day, b, filter);
          if (k === 0) continue;
          const site = b === 1 ? day.day : day.night;
          let at = sites.indexOf(site);
          if (at < 0) {
            at = sites.push(site) - 1;
            n.push(0);
            hs.push(0);
            ds.push(0);
          }
          n[at] = (n[at] ?? 0) + k;
          hs[at] = (hs[at] ?? 0) + k * (blockScore[b] ?? 0);
          ds[at] = (ds[at] ?? 0) + k * dowScore(d);
        }
      }
      // Greedy clustering: busiest towers first, others join a cluster within the radius.
      const order = sites.map((_, k) => k).filter((k) => (n[k] ?? 0) >= threshold).sort((a, b) => (n[b] ?? 0) - (n[a] ?? 0));
      const heads: number[] = [];
      const members = new Map<number, number[]>();
      for (const k of order) {
        const head = heads.find((h) => siteKm(pop, sites[h] ?? 0, sites[k] ?? 0) <= radius);
        if (head === undefined) {
          heads.push(k);
          members.set(k, [k]);
        } else members.get(head)?.push(k);
      }
      for (const head of heads) {
        const group = members.get(head) ?? [];
        const total = group.reduce((a, k) => a + (n[k] ?? 0), 0);
        const x = group.reduce((a, k) => a + (hs[k] ?? 0), 0) / total;
        const y = group.reduce((a, k) => a + (ds[k] ?? 0), 0) / total;
        const label = labels.find(([, geometry]) => contains(geometry, x, y))?.[0] ?? 'unknown';
        const r = map[sites[head] ?? 0] ?? -1;
        if (r >= 0 && !found.some(([l, rr]) => l === label && rr === r)) found.push([label, r]);
      }
    }
    out.push(found);
  }
  return out;
}

function redactedRows(counts: Map<string, number>): [string, number][] {
  return [...counts.entries()].filter(([, v]) => v > REDACTION_THRESHOLD).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `meaningful_locations_aggregate`: subscribers with a cluster labelled `label` per region. */
export function meaningfulAggregate(ctx: Ctx, q: LoadedQuery): ResultTable {
  const unit = q.unit ?? 'admin3';
  const label = String(q.values['label']);
  const counts = new Float64Array(regionCount(ctx.pop, unit));
  for (const found of labelledClusters(ctx, q, q.values['start_date'], q.values['end_date'])) {
    for (const [l, r] of found) if (l === label) counts[r] = (counts[r] ?? 0) + 1;
  }
  const rows: unknown[][] = [];
  const regions: number[] = [];
  counts.forEach((value, r) => {
    if (value <= REDACTION_THRESHOLD) return;
    rows.push([label, ...regionValues(ctx.pop, unit, r), value]);
    regions.push(r);
  });
  return { columns: ['label', ...regionColumns(unit), 'value'], rows, unit, rowRegion: Int32Array.from(regions) };
}

function odRows(ctx: Ctx, q: LoadedQuery, a: [string, number][][], b: [string, number][][], labelA: string, labelB: string): ResultTable {
  const unit = q.unit ?? 'admin3';
  const counts = new Map<string, number>();
  a.forEach((found, s) => {
    const pairs = new Set<string>();
    for (const [la, ra] of found) {
      if (la !== labelA) continue;
      for (const [lb, rb] of b[s] ?? []) if (lb === labelB) pairs.add(`${String(ra).padStart(6, '0')}:${String(rb).padStart(6, '0')}`);
    }
    for (const key of pairs) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const rows: unknown[][] = [];
  const regions: number[] = [];
  const destinations: number[] = [];
  for (const [key, value] of redactedRows(counts)) {
    const [ra = 0, rb = 0] = key.split(':').map(Number);
    rows.push([labelA, labelB, ...regionValues(ctx.pop, unit, ra), ...regionValues(ctx.pop, unit, rb), value]);
    regions.push(ra);
    destinations.push(rb);
  }
  return {
    columns: ['label_from', 'label_to', ...regionColumns(unit, '_from'), ...regionColumns(unit, '_to'), 'value'],
    rows,
    unit,
    rowRegion: Int32Array.from(regions),
    rowDestination: Int32Array.from(destinations),
  };
}

/** `meaningful_locations_between_label_od_matrix`: subscribers per (label_a region, label_b region). */
export function meaningfulBetweenLabels(ctx: Ctx, q: LoadedQuery): ResultTable {
  const found = labelledClusters(ctx, q, q.values['start_date'], q.values['end_date']);
  return odRows(ctx, q, found, found, String(q.values['label_a']), String(q.values['label_b']));
}

/** `meaningful_locations_between_dates_od_matrix`: subscribers per (region in period a, region in period b) of `label`. */
export function meaningfulBetweenDates(ctx: Ctx, q: LoadedQuery): ResultTable {
  const v = q.values;
  const a = labelledClusters(ctx, q, v['start_date_a'], v['end_date_a']);
  const b = labelledClusters(ctx, q, v['start_date_b'], v['end_date_b']);
  return odRows(ctx, q, a, b, String(v['label']), String(v['label']));
}
