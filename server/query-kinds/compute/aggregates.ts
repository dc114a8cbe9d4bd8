/**
 * Aggregates of per-subscriber queries by region: spatial, joined (a metric's statistic or
 * distribution), labelled, histogram, and the reference-location counts; redacted as FlowMachine's
 * `Redacted*` queries are (groups of 15 subscribers or fewer dropped).
 */
import type { LoadedQuery } from '../schema.js';
import { queriesIn } from '../units.js';
import type { Ctx } from './context.js';
import { regionCount } from './filters.js';
import { locate, MOBILITY_LABELS, mobility, uniqueOf } from './locations.js';
import { metricOf } from './metrics.js';
import { statistic } from './statistics.js';
import { REDACTION_THRESHOLD, redactedCounts, regionColumns, regionTable, regionValues, round, type ResultTable } from './table.js';
import { uniqueSubscribersPerRegion } from './events.js';

const first = (q: LoadedQuery, field: string): LoadedQuery | undefined => queriesIn(q.values[field])[0];

/** Subscribers per region of a reference location (unredacted). */
export function countsOf(ctx: Ctx, q: LoadedQuery): { unit: string; counts: Float64Array } {
  const located = locate(ctx, q);
  const counts = new Float64Array(regionCount(ctx.pop, located.unit));
  for (const r of located.region) if (r >= 0) counts[r] = (counts[r] ?? 0) + 1;
  return { unit: located.unit, counts };
}

/** `spatial_aggregate`. */
export function spatialAggregate(ctx: Ctx, q: LoadedQuery): ResultTable {
  const loc = first(q, 'locations');
  if (loc === undefined) return redactedCounts(ctx.pop, q.unit ?? 'admin3', new Float64Array(0));
  const { unit, counts } = countsOf(ctx, loc);
  return redactedCounts(ctx.pop, unit, counts);
}

/** `joined_spatial_aggregate`: the metric's statistic (or `distr` shares) over each region's located subscribers. */
export function joinedSpatialAggregate(ctx: Ctx, q: LoadedQuery): ResultTable {
  const loc = first(q, 'locations');
  const metricQuery = first(q, 'metric');
  const unit = loc?.unit ?? q.unit ?? 'admin3';
  if (loc === undefined || metricQuery === undefined) return redactedCounts(ctx.pop, unit, new Float64Array(0));
  const located = locate(ctx, loc);
  const { counts } = countsOf(ctx, loc);
  const metric = metricOf(ctx, metricQuery);
  const method = String(q.values['method']);
  const n = regionCount(ctx.pop, unit);
  if (metric.kind === 'categorical') {
    const k = metric.categories.length;
    const tally = new Float64Array(n * k);
    located.region.forEach((r, s) => {
      const c = metric.values[s] ?? -1;
      if (r >= 0 && c >= 0) tally[r * k + c] = (tally[r * k + c] ?? 0) + 1;
    });
    const rows: unknown[][] = [];
    const regions: number[] = [];
    for (let r = 0; r < n; r++) {
      if ((counts[r] ?? 0) <= REDACTION_THRESHOLD) continue;
      let total = 0;
      for (let c = 0; c < k; c++) total += tally[r * k + c] ?? 0;
      if (total === 0) continue;
      for (let c = 0; c < k; c++) {
        const share = (tally[r * k + c] ?? 0) / total;
        if (share === 0) continue;
        rows.push([...regionValues(ctx.pop, unit, r), 'value', metric.categories[c], share]);
        regions.push(r);
      }
    }
    return { columns: [...regionColumns(unit), 'metric', 'key', 'value'], rows, unit, rowRegion: Int32Array.from(regions) };
  }
  const perRegion: number[][] = Array.from({ length: n }, () => []);
  located.region.forEach((r, s) => {
    const x = metric.values[s] ?? Number.NaN;
    if (r >= 0 && !Number.isNaN(x)) perRegion[r]?.push(x);
  });
  const entries: [number, unknown[]][] = [];
  perRegion.forEach((xs, r) => {
    if ((counts[r] ?? 0) > REDACTION_THRESHOLD && xs.length > 0) entries.push([r, [round(statistic(method, xs))]]);
  });
  return regionTable(ctx.pop, unit, ['value'], entries);
}

/** `histogram_aggregate`: counts of the metric's values per bin (the last bin includes its upper edge). */
export function histogramAggregate(ctx: Ctx, q: LoadedQuery): ResultTable {
  const metricQuery = first(q, 'metric');
  const metric = metricQuery === undefined ? undefined : metricOf(ctx, metricQuery);
  const xs: number[] = [];
  if (metric?.kind === 'numeric') for (const x of metric.values) if (!Number.isNaN(x)) xs.push(x);
  const bins = q.values['bins'] as Record<string, unknown> | undefined;
  const range = q.values['range'] as Record<string, unknown> | null | undefined;
  let edges: number[];
  if (Array.isArray(bins?.['bin_list'])) edges = (bins['bin_list'] as number[]).map(Number);
  else {
    const count = Math.max(0, Math.min(1000, Number(bins?.['n_bins'] ?? 0)));
    const lo = range ? Number(range['lower_bound']) : xs.reduce((a, b) => Math.min(a, b), Infinity);
    const hi = range ? Number(range['upper_bound']) : xs.reduce((a, b) => Math.max(a, b), -Infinity);
    edges = count === 0 || !Number.isFinite(lo) || !Number.isFinite(hi) ? [] : Array.from({ length: count + 1 }, (_, i) => round(lo + ((hi - lo) * i) / count));
  }
  const rows = edges.slice(1).map((upper, i) => {
    const lower = edges[i] ?? 0;
    const last = i === edges.length - 2;
    const value = xs.reduce((n, x) => n + (x >= lower && (x < upper || (last && x === upper)) ? 1 : 0), 0);
    return [value, lower, upper];
  });
  return { columns: ['value', 'lower_edge', 'upper_edge'], rows, unit: null, rowRegion: null };
}

/** `labelled_spatial_aggregate`: subscribers per region and mobility label; a region with any label of 15 or fewer is dropped. */
export function labelledSpatialAggregate(ctx: Ctx, q: LoadedQuery): ResultTable {
  const loc = first(q, 'locations');
  const labelsQuery = first(q, 'labels');
  const unit = loc?.unit ?? 'admin3';
  if (loc === undefined || labelsQuery === undefined) return redactedCounts(ctx.pop, unit, new Float64Array(0));
  const located = locate(ctx, loc);
  const labels = mobility(ctx, labelsQuery);
  const k = MOBILITY_LABELS.length;
  const n = regionCount(ctx.pop, unit);
  const tally = new Float64Array(n * k);
  located.region.forEach((r, s) => {
    if (r >= 0) tally[r * k + (labels[s] ?? 0)] = (tally[r * k + (labels[s] ?? 0)] ?? 0) + 1;
  });
  const rows: unknown[][] = [];
  const regions: number[] = [];
  for (let r = 0; r < n; r++) {
    const present = MOBILITY_LABELS.map((_, c) => tally[r * k + c] ?? 0).filter((x) => x > 0);
    if (present.length === 0 || Math.min(...present) <= REDACTION_THRESHOLD) continue;
    MOBILITY_LABELS.forEach((label, c) => {
      const value = tally[r * k + c] ?? 0;
      if (value > 0) {
        rows.push([...regionValues(ctx.pop, unit, r), label, value]);
        regions.push(r);
      }
    });
  }
  return { columns: [...regionColumns(unit), 'value_label', 'value'], rows, unit, rowRegion: Int32Array.from(regions) };
}

/** Per region: subscribers whose unique locations include their reference location (unredacted). */
function activeAt(ctx: Ctx, q: LoadedQuery): { unit: string; counts: Float64Array } {
  const uq = first(q, 'unique_locations');
  const rq = first(q, 'reference_locations');
  const unit = rq?.unit ?? 'admin3';
  const counts = new Float64Array(regionCount(ctx.pop, unit));
  if (uq === undefined || rq === undefined) return { unit, counts };
  const unique = uniqueOf(ctx, uq);
  const ref = locate(ctx, rq);
  ref.region.forEach((r, s) => {
    if (r < 0) return;
    for (let k = unique.offsets[s] ?? 0; k < (unique.offsets[s + 1] ?? 0); k++) if (unique.regions[k] === r) counts[r] = (counts[r] ?? 0) + 1;
  });
  return { unit, counts };
}

/** `active_at_reference_location_counts`. */
export function activeAtReferenceLocationCounts(ctx: Ctx, q: LoadedQuery): ResultTable {
  const { unit, counts } = activeAt(ctx, q);
  return redactedCounts(ctx.pop, unit, counts);
}

/** `unique_visitor_counts`: unique subscribers of a region minus those active at it as their reference location. */
export function uniqueVisitorCounts(ctx: Ctx, q: LoadedQuery): ResultTable {
  const aq = first(q, 'active_at_reference_location_counts');
  const uq = first(q, 'unique_subscriber_counts');
  const unit = uq?.unit ?? 'admin3';
  if (aq === undefined || uq === undefined) return redactedCounts(ctx.pop, unit, new Float64Array(0));
  const active = activeAt(ctx, aq).counts;
  const all = uniqueSubscribersPerRegion(ctx, uq);
  return redactedCounts(ctx.pop, unit, all.map((x, r) => Math.max(0, x - (active[r] ?? 0))));
}

/** `unmoving_counts` and `unmoving_at_reference_location_counts`: subscribers seen in one region only (at their reference location). */
export function unmovingCounts(ctx: Ctx, q: LoadedQuery): ResultTable {
  const lq = first(q, 'locations');
  const rq = first(q, 'reference_locations');
  const unit = lq?.unit ?? 'admin3';
  const counts = new Float64Array(regionCount(ctx.pop, unit));
  if (lq !== undefined) {
    const unique = uniqueOf(ctx, lq);
    const ref = rq === undefined ? undefined : locate(ctx, rq);
    for (let s = 0; s < ctx.pop.subscribers.size; s++) {
      const from = unique.offsets[s] ?? 0;
      if ((unique.offsets[s + 1] ?? 0) - from !== 1) continue;
      const r = unique.regions[from] ?? -1;
      if (ref === undefined || ref.region[s] === r) counts[r] = (counts[r] ?? 0) + 1;
    }
  }
  return redactedCounts(ctx.pop, unit, counts);
}
