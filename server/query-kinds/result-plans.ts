/**
 * What each top-level kind's result looks like in FlowKit: its axes (columns that enumerate
 * regions, dates, labels...) and its value columns, with plausible synthetic values.
 */
import { dateAxis, periodAxis, regionAxis, valueAxis, type Axis } from './axes.js';
import { geographyProperties } from './geography.js';
import { randInt, type Rand } from './prng.js';
import type { LoadedQuery } from './schema.js';
import { CATEGORICAL_METRICS } from './slots.js';
import { isLoadedQuery, queriesIn } from './units.js';

/** How to generate a kind's rows: the product of `axes`, each row completed by `value`. */
export interface RowPlan {
  /** Dimensions, outermost first. */
  readonly axes: readonly Axis[];
  /** The value columns of one row. */
  value(rand: Rand): Record<string, unknown>;
}

/** A redacted count (FlowKit drops counts of 15 or fewer). */
const count = (rand: Rand): Record<string, unknown> => ({ value: randInt(rand, 16, 5000) });
/** A continuous statistic. */
const measure = (rand: Rand): Record<string, unknown> => ({ value: Math.round(rand() * 1e6) / 1e3 });
/** A proportion in [0, 1]. */
const share = (rand: Rand): Record<string, unknown> => ({ value: Math.round(rand() * 1e4) / 1e4 });

/** Labels `mobility_classification` assigns. */
const MOBILITY_LABELS = ['unlocated', 'irregular', 'not_always_resident', 'mobile', 'stable'];

/** Categories per handset characteristic (for `joined_spatial_aggregate` with `distr`). */
const HANDSET_KEYS: Readonly<Record<string, readonly string[]>> = {
  hnd_type: ['Feature', 'Smart'],
  brand: ['Apple', 'Huawei', 'Nokia', 'Samsung'],
  model: ['3310', 'Galaxy A10', 'P30', 'iPhone 8'],
  software_os_name: ['Android', 'KaiOS', 'iOS'],
  software_os_vendor: ['Apple', 'Google', 'KaiOS Technologies'],
};

const v = (q: LoadedQuery, field: string): unknown => q.values[field];
const od = (q: LoadedQuery): Axis[] => [regionAxis(q.unit, '_from'), regionAxis(q.unit, '_to')];
const perRegion = (value: RowPlan['value']) => (q: LoadedQuery): RowPlan => ({ axes: [regionAxis(q.unit)], value });

/** The rows of `geography`: FlowKit's `admin<n>pcod` / `admin<n>name` (or `lon`/`lat`) per region. */
function geographyAxis(unit: string | null): Axis {
  const regions = regionAxis(unit);
  const at = (i: number) => geographyProperties(unit ?? '', regions.region?.(i) ?? { pcod: '', name: '', box: [0, 0, 0, 0], centroid: [0, 0] });
  return { ...regions, columns: Object.keys(at(0)), values: (i) => Object.values(at(i)) };
}

function eventCounts(q: LoadedQuery): RowPlan {
  const interval = v(q, 'interval');
  const axes = [dateAxis('date', v(q, 'start_date'), v(q, 'end_date'))];
  if (interval === 'hour' || interval === 'min') axes.push(valueAxis('hour', Array.from({ length: 24 }, (_, h) => h)));
  if (interval === 'min') axes.push(valueAxis('min', Array.from({ length: 60 }, (_, m) => m)));
  return { axes: [...axes, regionAxis(q.unit)], value: count };
}

function joined(q: LoadedQuery): RowPlan {
  const [metric] = queriesIn(v(q, 'metric'));
  if (metric === undefined || !CATEGORICAL_METRICS.includes(metric.kind)) return { axes: [regionAxis(q.unit)], value: measure };
  const keys = HANDSET_KEYS[String(metric.values['characteristic'])] ?? HANDSET_KEYS['hnd_type'] ?? [];
  return { axes: [regionAxis(q.unit), valueAxis('metric', ['value']), valueAxis('key', keys)], value: share };
}

function histogram(q: LoadedQuery): RowPlan {
  const bins = v(q, 'bins') as Record<string, unknown> | undefined;
  const range = v(q, 'range') as Record<string, unknown> | undefined;
  let edges: number[];
  if (Array.isArray(bins?.['bin_list'])) edges = (bins['bin_list'] as number[]).slice();
  else {
    const n = Math.max(0, Math.min(1000, Number(bins?.['n_bins'] ?? 0)));
    const lo = Number(range?.['lower_bound'] ?? 0);
    const hi = Number(range?.['upper_bound'] ?? 100);
    edges = n === 0 ? [] : Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);
  }
  const binEdges = edges.slice(1).map((upper, i) => [edges[i], upper]);
  return {
    axes: [{ columns: ['lower_edge', 'upper_edge'], size: binEdges.length, values: (i) => binEdges[i] ?? [] }],
    value: (rand) => ({ value: randInt(rand, 0, 5000) }),
  };
}

function networkAggregate(q: LoadedQuery): RowPlan {
  const tno = v(q, 'total_network_objects');
  const inner = isLoadedQuery(tno) ? tno.values : {};
  const period = periodAxis('datetime', inner['start_date'], inner['end_date'], v(q, 'aggregate_by'));
  return { axes: [regionAxis(q.unit), period], value: measure };
}

const meaningful = (from: string, to: string) => (q: LoadedQuery): RowPlan => ({
  axes: [valueAxis('label_from', [v(q, from)]), valueAxis('label_to', [v(q, to)]), ...od(q)],
  value: count,
});

/** Row plan of every top-level kind. */
export const ROW_PLANS: Readonly<Record<string, (q: LoadedQuery) => RowPlan>> = {
  dummy_query: () => ({ axes: [], value: count }),
  geography: (q) => ({ axes: [geographyAxis(q.unit)], value: () => ({}) }),
  flows: (q) => ({ axes: od(q), value: count }),
  inflows: (q) => ({ axes: [regionAxis(q.unit, '_to')], value: count }),
  outflows: (q) => ({ axes: [regionAxis(q.unit, '_from')], value: count }),
  labelled_flows: (q) => ({ axes: [...od(q), valueAxis('label_value', MOBILITY_LABELS)], value: count }),
  consecutive_trips_od_matrix: (q) => ({ axes: od(q), value: count }),
  trips_od_matrix: (q) => ({ axes: od(q), value: count }),
  meaningful_locations_aggregate: (q) => ({ axes: [valueAxis('label', [v(q, 'label')]), regionAxis(q.unit)], value: count }),
  meaningful_locations_between_label_od_matrix: meaningful('label_a', 'label_b'),
  meaningful_locations_between_dates_od_matrix: meaningful('label', 'label'),
  location_event_counts: eventCounts,
  unique_subscriber_counts: perRegion(count),
  location_introversion: perRegion(share),
  total_network_objects: (q) => ({
    axes: [regionAxis(q.unit), periodAxis('datetime', v(q, 'start_date'), v(q, 'end_date'), v(q, 'total_by'))],
    value: count,
  }),
  aggregate_network_objects: networkAggregate,
  dfs_metric_total_amount: (q) => ({
    axes: [dateAxis('date', v(q, 'start_date'), v(q, 'end_date')), regionAxis(q.unit)],
    value: measure,
  }),
  spatial_aggregate: perRegion(count),
  joined_spatial_aggregate: joined,
  histogram_aggregate: histogram,
  labelled_spatial_aggregate: (q) => ({ axes: [regionAxis(q.unit), valueAxis('label_value', MOBILITY_LABELS)], value: count }),
  active_at_reference_location_counts: perRegion(count),
  unique_visitor_counts: perRegion(count),
  unmoving_counts: perRegion(count),
  unmoving_at_reference_location_counts: perRegion(count),
};

/** Kinds whose results carry no geography (no `.geojson`), whatever their unit. */
export const NON_GEOGRAPHIC_KINDS: readonly string[] = ['dummy_query', 'histogram_aggregate'];
