/**
 * Option fields as data: what each builder option is, its JSON key, whether it is required, its
 * default and what values it allows. The checks walk these tables, and `BUILDERS` exposes
 * them to form generators with their descriptions added, so both read the same tables. Also the option groups most builders share
 * (the shared fields themselves are in `common-fields.ts`).
 * @module
 */
import type { HoursRange, JsonValue, QuerySpec, SubscriberSubset } from './types.js';
import type { EventType } from './values.js';

/** What values an option allows, as data. `kind` says how to read the rest. */
export type FieldType =
  | { readonly kind: 'date'; readonly withTime: boolean }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'enumList'; readonly values: readonly string[] }
  | { readonly kind: 'hours'; readonly min: number; readonly max: number }
  | { readonly kind: 'integer'; readonly min?: number }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly exclusive?: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string' }
  | { readonly kind: 'subscriberSubset' }
  | { readonly kind: 'query'; readonly queryKinds: readonly string[] }
  | { readonly kind: 'queryList'; readonly queryKinds: readonly string[] }
  | { readonly kind: 'numberList'; readonly length: number; readonly min: number; readonly max: number }
  | { readonly kind: 'numberMap'; readonly keys: readonly string[]; readonly min: number; readonly max: number }
  | { readonly kind: 'geometryMap' }
  | { readonly kind: 'bins' }
  | { readonly kind: 'range' };

/** One option of a builder. */
export interface FieldDescriptor {
  /** Option name, camelCase, e.g. `aggregationUnit`. */
  readonly name: string;
  /** JSON key it is sent as, e.g. `aggregation_unit` (`interval` for `countInterval`). */
  readonly key: string;
  /** Whether the option must be given. */
  readonly required: boolean;
  /** Whether `null` is accepted (meaning "unset"). */
  readonly nullable: boolean;
  /** Value sent when the option is left out; absent for required options and omitted keys. */
  readonly default?: JsonValue;
  /** The values allowed, as data. */
  readonly type: FieldType;
  /** The values allowed, in words (the `allowed` of a `QuerySpecError`). */
  readonly allowed: string;
  /** What the option is, its unit and convention. */
  readonly description: string;
}

/** A builder's name, kind and option fields (in the order of the JSON keys it sends). */
export interface BuilderDescriptor {
  /** Builder function name, e.g. `dailyLocationSpec`. */
  readonly builder: string;
  /** `query_kind` of the spec it returns; `null` for `randomSampleSpec`, which keeps its query's kind. */
  readonly queryKind: string | null;
  /** What the spec computes. */
  readonly description: string;
  /** Its options. */
  readonly fields: readonly FieldDescriptor[];
}

/** A builder in the `BUILDERS` registry: its descriptor plus a `build` that takes any options object. */
export interface BuilderEntry extends BuilderDescriptor {
  /** Check `options` and build the spec (e.g. from values a form collected); throws `QuerySpecError`. */
  readonly build: (options: object) => QuerySpec;
}

/**
 * A field as the checks read it: a {@link FieldDescriptor} without its description. The words
 * for people are in `descriptions.ts`, which only `flowclient-rx/forms` bundles.
 */
export type FieldCheck = Omit<FieldDescriptor, 'description'>;

/** A builder as its checks read it: name, kind and {@link FieldCheck}s, in JSON key order. */
export interface BuilderChecks {
  /** Builder function name, e.g. `dailyLocationSpec`. */
  readonly builder: string;
  /** `query_kind` of the spec it returns; `null` for `randomSampleSpec`. */
  readonly queryKind: string | null;
  /** Its options. */
  readonly fields: readonly FieldCheck[];
}

/** {@link BuilderChecks} with the builder as a `build` over any options object (a registry entry before its descriptions). */
export interface CheckedEntry extends BuilderChecks {
  /** Check `options` and build the spec. */
  readonly build: (options: object) => QuerySpec;
}

/** Pair a builder's checks with its function, for the registry. */
export function entry(checks: BuilderChecks, builder: (options: never) => QuerySpec): CheckedEntry {
  return { ...checks, build: (options: object) => (builder as (options: object) => QuerySpec)(options) };
}

const quote = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
const kindList = (kinds: readonly string[]): string =>
  kinds.length === 1 ? `${kinds[0]}` : `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`;

function bounds(min: number | undefined, max: number | undefined, exclusive: boolean | undefined): string {
  if (min !== undefined && max !== undefined) return exclusive ? ` > ${min} and < ${max}` : ` from ${min} to ${max}`;
  if (min !== undefined) return exclusive ? ` > ${min}` : ` >= ${min}`;
  if (max !== undefined) return exclusive ? ` < ${max}` : ` <= ${max}`;
  return '';
}

/** The values a field type allows, in words. */
export function describeFieldType(type: FieldType): string {
  switch (type.kind) {
    case 'date':
      return type.withTime ? 'a real date as YYYY-MM-DD (optionally followed by a time, e.g. 2016-01-01T06:00:00)' : 'a real date as YYYY-MM-DD';
    case 'enum':
      return `one of ${quote(type.values)}`;
    case 'enumList':
      return `a non-empty list of ${quote(type.values)}`;
    case 'hours':
      return `a pair [startHour, endHour] of integers from ${type.min} to ${type.max}`;
    case 'integer':
      return `an integer${bounds(type.min, undefined, false)}`;
    case 'number':
      return `a number${bounds(type.min, type.max, type.exclusive)}`;
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a string';
    case 'subscriberSubset':
      return 'the id of a query already run (FlowMachine takes no nested spec here: run the subset query first and pass its id)';
    case 'query':
      return `a ${kindList(type.queryKinds)} spec`;
    case 'queryList':
      return `a non-empty list of ${kindList(type.queryKinds)} specs`;
    case 'numberList':
      return `a list of exactly ${type.length} numbers from ${type.min} to ${type.max}`;
    case 'numberMap':
      return `an object mapping ${quote(type.keys)} to numbers from ${type.min} to ${type.max}`;
    case 'geometryMap':
      return 'an object mapping label names to GeoJSON geometry objects';
    case 'bins':
      return 'an integer number of bins (at least 1), or a non-empty list of bin edges (numbers in increasing order)';
    case 'range':
      return 'a pair [lower, upper] of numbers with lower < upper';
  }
}

/** Arguments of {@link field} besides name, key and type. */
export interface FieldOptions {
  /** Whether the option must be given. @defaultValue false */
  readonly required?: boolean;
  /** Whether `null` is accepted. @defaultValue true for optional fields without another default */
  readonly nullable?: boolean;
  /** Value sent when left out. @defaultValue null for nullable optional fields */
  readonly default?: JsonValue;
  /** Leave the key out of the JSON when unset (only `histogram_aggregate.range`). */
  readonly omitWhenUnset?: boolean;
}

/** Make a field's checks (its description is added by the registry). @example `field('seed', 'seed', {kind: 'number'}, {required: true})` */
export function field(name: string, key: string, type: FieldType, options: FieldOptions = {}): FieldCheck {
  const required = options.required ?? false;
  const nullable = options.nullable ?? (!required && options.default === undefined);
  const base = describeFieldType(type);
  const allowed = nullable ? `${base}, or null` : base;
  const withDefault = required || options.omitWhenUnset ? {} : { default: options.default ?? null };
  return { name, key, required, nullable, ...withDefault, type, allowed };
}

/** Options shared by every builder over a period: first day inclusive, last day exclusive. */
export interface DateRangeOptions {
  /** First day of the period, inclusive (ISO date). @example `'2016-01-01'` */
  readonly startDate: string;
  /** Day after the last day of the period: exclusive (ISO date). @example `'2016-01-08'` */
  readonly endDate: string;
}

/** The event-type and subscriber filters most builders take. */
export interface EventFilterOptions {
  /** Event types to include, a non-empty list; `null` includes all. @defaultValue null @example `['calls', 'sms']` */
  readonly eventTypes?: readonly EventType[] | null | undefined;
  /** Subscribers to include: `null` for all, a query id, or a query spec. @defaultValue null */
  readonly subscriberSubset?: SubscriberSubset | undefined;
}

/** flowclient's "common optional" group: event types, subscriber subset, hours. */
export interface CommonOptions extends EventFilterOptions {
  /** Hours of the day to include, `[startHour, endHour]`, integers 0–24, both inclusive; `null` for all. @defaultValue null @example `[20, 4]` */
  readonly hours?: HoursRange | null | undefined;
}

/** flowclient's "geo optional" group: where the aggregation unit's geometry comes from. */
export interface GeoOptions {
  /** Table mapping cells to the aggregation unit. @defaultValue null */
  readonly mappingTable?: string | null | undefined;
  /** Geometry table to aggregate to. @defaultValue null */
  readonly geomTable?: string | null | undefined;
  /** Column of `geomTable` to join on. @defaultValue null */
  readonly geomTableJoinColumn?: string | null | undefined;
}
