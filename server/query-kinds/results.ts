/**
 * Synthetic, deterministic query results: rows with FlowKit's columns per kind (lazily generated,
 * so huge results stream without buffering) and the same rows as GeoJSON features.
 */
import type { Axis } from './axes.js';
import { geometryOf } from './geography.js';
import { rowRand, seedOf } from './prng.js';
import { CONTEXT, TOP_LEVEL_KINDS } from './registry.js';
import { ROW_PLANS, type RowPlan } from './result-plans.js';
import { loadOneOf } from './schema.js';

/** The row plan of a valid top-level spec, or `undefined` when the spec does not validate. */
function planOf(spec: Record<string, unknown>): RowPlan | undefined {
  const loaded = loadOneOf(spec, TOP_LEVEL_KINDS, CONTEXT);
  return loaded.ok ? ROW_PLANS[loaded.query.kind]?.(loaded.query) : undefined;
}

/** Number of distinct rows of a plan (the product of its axes). */
export function combinations(plan: RowPlan): number {
  return plan.axes.reduce((n, axis) => n * axis.size, 1);
}

/** Item index on each axis of combination `combo` (last axis varies fastest). */
function indices(axes: readonly Axis[], combo: number): number[] {
  const out = new Array<number>(axes.length).fill(0);
  let rest = combo;
  for (let a = axes.length - 1; a >= 0; a--) {
    const size = axes[a]?.size ?? 1;
    out[a] = rest % size;
    rest = Math.floor(rest / size);
  }
  return out;
}

interface Produced {
  row: Record<string, unknown>;
  geometry: ReturnType<typeof geometryOf> | undefined;
}

function* produce(plan: RowPlan, queryId: string, rowCount: number | undefined): Generator<Produced> {
  const total = combinations(plan);
  if (total === 0) return;
  const count = rowCount === undefined ? total : Math.max(0, Math.floor(rowCount));
  const seed = seedOf(queryId);
  for (let i = 0; i < count; i++) {
    const at = indices(plan.axes, i % total);
    const row: Record<string, unknown> = {};
    let geometry: Produced['geometry'];
    plan.axes.forEach((axis, a) => {
      const item = at[a] ?? 0;
      const values = axis.values(item);
      axis.columns.forEach((column, c) => (row[column] = values[c]));
      if (geometry === undefined && axis.region) geometry = geometryOf(axis.region(item));
    });
    Object.assign(row, plan.value(rowRand(seed, i)));
    yield { row, geometry };
  }
}

/** A re-iterable view of `make()`'s items. */
function iterable<T>(make: () => Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: make };
}

/**
 * Result rows of a query, generated lazily and deterministically from `queryId`.
 * @param rowCount - rows wanted; default: one per distinct combination (region, date, label...);
 *   more than that cycles through the combinations with fresh values
 */
export function resultRows(spec: Record<string, unknown>, queryId: string, rowCount?: number): Iterable<Record<string, unknown>> {
  const plan = planOf(spec);
  if (plan === undefined) return [];
  return iterable(function* () {
    for (const { row } of produce(plan, queryId, rowCount)) yield row;
  });
}

/**
 * The result rows as GeoJSON Feature objects (geometry of the row's region, properties = the row);
 * rows without a region (histograms, dummy queries) give no features.
 */
export function resultFeatures(spec: Record<string, unknown>, queryId: string, rowCount?: number): Iterable<Record<string, unknown>> {
  const plan = planOf(spec);
  if (plan === undefined) return [];
  return iterable(function* () {
    for (const { row, geometry } of produce(plan, queryId, rowCount)) {
      if (geometry !== undefined) yield { type: 'Feature', geometry, properties: row };
    }
  });
}

/** Column names of a valid spec's result rows, or `undefined` for an invalid spec. */
export function resultColumns(spec: Record<string, unknown>): string[] | undefined {
  const plan = planOf(spec);
  if (plan === undefined) return undefined;
  const sample = plan.value(() => 0.5);
  return [...plan.axes.flatMap((a) => a.columns), ...Object.keys(sample)];
}
