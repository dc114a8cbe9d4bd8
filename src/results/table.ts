/**
 * Reshaping result rows without a data-frame library: the few pandas lines ported notebooks
 * used (`df['value']`, `df.set_index('pcod')`, `a.merge(b, on=…)`, `df.groupby(…)[col].sum()`
 * and `.mean()`) as typed functions over arrays of row objects. Column names are checked at
 * compile time against the rows' type, so with a wrapper's typed `getResult()` a misspelt
 * column does not compile.
 * @module
 */
import { DuplicateKeyError } from './duplicate-key-error.js';

/** Flattens an intersection into one object type (distributing over unions), so that hovers read as rows. */
type Simplify<T> = T extends unknown ? { [K in keyof T]: T[K] } : never;

/** Columns of `R` whose values are numbers (or `null`, which the aggregates skip). */
export type NumericColumn<R> = { [K in keyof R]-?: R[K] extends number | null | undefined ? K : never }[keyof R];

/** `Pick` over each member of a union of row types. */
type PickEach<R, K extends keyof R> = R extends unknown ? Pick<R, K> : never;

/** One group of {@link sumBy} / {@link meanBy}: its key columns and the aggregated column. */
export type GroupRow<R, K extends keyof R, C extends PropertyKey> = Simplify<PickEach<R, K> & { [P in C]: number }>;

/** Options of {@link join}. */
export interface JoinOptions<SA extends string, SB extends string> {
  /**
   * Added to the names of the columns both sides have (other than the keys): to the left's, then
   * the right's, as pandas' `merge(suffixes=…)`.
   * @defaultValue ['_x', '_y']
   */
  readonly suffixes?: readonly [left: SA, right: SB];
}

/** A row of `join(a, b, on)`: the keys, the left's other columns, then the right's; shared names suffixed. */
export type JoinedRow<A, B, K extends PropertyKey, SA extends string, SB extends string> = A extends unknown
  ? B extends unknown
    ? Simplify<
        { [P in keyof A as P extends K ? P : P extends keyof B ? `${P & string}${SA}` : P]: A[P] } & {
          [P in keyof B as P extends K ? never : P extends keyof A ? `${P & string}${SB}` : P]: B[P];
        }
      >
    : never
  : never;

const keysOf = <K>(on: K | readonly K[]): readonly K[] => (Array.isArray(on) ? (on as readonly K[]) : [on as K]);

/** One string per combination of key values (a JSON array of them), so that `1` and `'1'` stay apart. */
const keyOf = <R extends object>(row: R, keys: readonly (keyof R)[]): string => JSON.stringify(keys.map((k) => row[k] ?? null));

/** The rows by their values in `keys` (see {@link keyOf}), the groups in the order each first appears. */
function groups<R extends object>(rows: readonly R[], keys: readonly (keyof R)[]): Map<string, R[]> {
  const byKey = new Map<string, R[]>();
  for (const row of rows) {
    const k = keyOf(row, keys);
    const group = byKey.get(k);
    if (group) group.push(row);
    else byKey.set(k, [row]);
  }
  return byKey;
}

function columnsOf(rows: readonly object[]): Set<string> {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  return names;
}

/**
 * The values of one column, in row order. Replaces pandas' `df['value']` (or `df.value.tolist()`).
 * @example `column(rows, 'value')` → `number[]` for a spatial aggregate's rows
 */
export function column<R extends object, K extends keyof R>(rows: readonly R[], name: K): R[K][] {
  return rows.map((row) => row[name]);
}

/**
 * The rows by the value of one column, as a `Map` (which keeps the values' types: a `null` or a
 * number key stays one). Replaces pandas' `df.set_index('pcod')` followed by `.loc[key]`.
 * @throws DuplicateKeyError when two rows have the same value in `key`.
 * @example `indexBy(rows, 'pcod').get('NPL.1.1')?.value`
 */
export function indexBy<R extends object, K extends keyof R>(rows: readonly R[], key: K): Map<R[K], R> {
  const index = new Map<R[K], R>();
  for (const row of rows) {
    const value = row[key];
    if (index.has(value)) throw new DuplicateKeyError('indexBy', String(key), value);
    index.set(value, row);
  }
  return index;
}

/**
 * The inner join of two results on one or more key columns: a row for each pair of rows whose
 * keys are equal (`null` equals `null`), in the left's order, then the right's. Columns both
 * sides have, other than the keys, get `suffixes`. Replaces pandas'
 * `a.merge(b, on='pcod', suffixes=('_x', '_y'))`.
 * @throws TypeError when the two suffixes are the same.
 * @example `join(population, visitors, 'pcod', { suffixes: ['_residents', '_visitors'] })`
 */
export function join<A extends object, B extends object, K extends keyof A & keyof B, SA extends string = '_x', SB extends string = '_y'>(
  a: readonly A[],
  b: readonly B[],
  on: K | readonly K[],
  options: JoinOptions<SA, SB> = {},
): JoinedRow<A, B, K, SA, SB>[] {
  const keys = keysOf(on);
  const [left, right] = options.suffixes ?? ['_x', '_y'];
  if (left === right) throw new TypeError(`join: the suffixes must differ; got '${left}' twice.`);
  const keyNames = new Set(keys.map(String));
  const leftColumns = columnsOf(a);
  const rightColumns = columnsOf(b);
  const shared = (name: string) => !keyNames.has(name) && leftColumns.has(name) && rightColumns.has(name);
  const byKey = groups(b, keys);
  const joined: Record<string, unknown>[] = [];
  for (const row of a) {
    for (const match of byKey.get(keyOf(row, keys)) ?? []) {
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(row)) out[shared(name) ? `${name}${left}` : name] = value;
      for (const [name, value] of Object.entries(match)) if (!keyNames.has(name)) out[shared(name) ? `${name}${right}` : name] = value;
      joined.push(out);
    }
  }
  return joined as JoinedRow<A, B, K, SA, SB>[];
}

/** The numbers of `col` in a group; `null` and missing values left out (as pandas skips NaN). */
function numbers<R extends object>(operation: string, group: readonly R[], col: keyof R): number[] {
  const found: number[] = [];
  for (const row of group) {
    const value = row[col];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number') throw new TypeError(`${operation}: column ${String(col)} holds ${JSON.stringify(value)}, not a number.`);
    found.push(value);
  }
  return found;
}

function aggregate<R extends object, K extends keyof R, C extends NumericColumn<R>>(
  operation: string,
  rows: readonly R[],
  by: K | readonly K[],
  col: C,
  of: (values: number[]) => number,
): GroupRow<R, K, C>[] {
  const keys = keysOf(by);
  return [...groups(rows, keys).values()].map((group) => {
    const first = group[0] as R;
    const out: Record<string, unknown> = {};
    for (const k of keys) out[String(k)] = first[k];
    out[String(col)] = of(numbers(operation, group, col));
    return out as GroupRow<R, K, C>;
  });
}

/**
 * The sum of a numeric column per group of rows with the same values in `by` (one column or
 * several): one row per group, in the order groups first appear, with the `by` columns and the
 * sum under the column's name. `null` values count as 0 (pandas skips NaN). Replaces pandas'
 * `df.groupby('pcod')['value'].sum().reset_index()` (pandas sorts the groups by key).
 * @throws TypeError when a value of `col` is neither a number nor `null`.
 * @example `sumBy(hourlyCounts, ['pcod', 'date'], 'value')` → `{ pcod, date, value }[]`
 */
export function sumBy<R extends object, K extends keyof R, C extends NumericColumn<R>>(rows: readonly R[], by: K | readonly K[], col: C): GroupRow<R, K, C>[] {
  return aggregate('sumBy', rows, by, col, (values) => values.reduce((sum, v) => sum + v, 0));
}

/**
 * The mean of a numeric column per group of rows with the same values in `by`, as {@link sumBy}
 * (one row per group, first-appearance order). `null` values are left out; a group with none
 * but `null`s has mean `NaN`, as in pandas. Replaces pandas' `df.groupby('pcod')['value'].mean().reset_index()`.
 * @throws TypeError when a value of `col` is neither a number nor `null`.
 * @example `meanBy(dailyCounts, 'pcod', 'value')` → `{ pcod, value }[]`
 */
export function meanBy<R extends object, K extends keyof R, C extends NumericColumn<R>>(rows: readonly R[], by: K | readonly K[], col: C): GroupRow<R, K, C>[] {
  return aggregate('meanBy', rows, by, col, (values) => (values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length));
}
