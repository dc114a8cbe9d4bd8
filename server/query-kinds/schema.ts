/**
 * The declarative schema model (a small marshmallow): fields, object schemas, query-kind schemas,
 * and the loaders that check a JSON value against them and collect marshmallow-shaped errors.
 */
import { MSG, type Messages } from './messages.js';
import { pyStr } from './python-json.js';

/** Outcome of loading one field value. */
export type FieldResult = { ok: true; value: unknown } | { ok: false; error: Messages };

/** What a field's value means to the analysis of a spec (dates read, event types...). */
export type FieldTag = 'date' | 'event_types';

/** Lookup of kind schemas by name, handed down while loading nested queries. */
export interface LoadContext {
  /** The schema of a query kind, or `undefined` for an unknown kind. */
  lookup(kind: string): KindSchema | undefined;
  /** Whether a query id names a query the server knows (for `subscriber_subset`); absent: any id passes. */
  readonly knownQueryId?: (id: string) => boolean;
}

/** One field of a schema: its presence rules and its deserialiser/validator. */
export interface Field {
  /** A missing key is an error (`Missing data for required field.`). @defaultValue false */
  readonly required?: boolean;
  /** `null` is accepted (marshmallow `allow_none`). @defaultValue false */
  readonly allowNone?: boolean;
  /** Value used when the key is absent (marshmallow `load_default`). */
  readonly default?: unknown;
  /** Marks values the spec analysis collects. */
  readonly tag?: FieldTag;
  /** For nested-query slots: the query kinds accepted there. */
  readonly kinds?: readonly string[];
  /** Deserialise and validate a present, non-null value. */
  load(value: unknown, ctx: LoadContext): FieldResult;
}

/** A schema-level validator's complaint; without `field` it lands under `_schema`. */
export interface CheckError {
  /** Field the error is filed under. */
  readonly field?: string;
  /** The message. */
  readonly message: string;
}

/** A schema-level validator (marshmallow `validates_schema`, run only when every field loaded). */
export type SchemaCheck = (values: Readonly<Record<string, unknown>>) => CheckError | undefined;

/** An object schema: its fields (declaration order = error order) and schema-level checks. */
export interface ObjectSchema {
  /** Fields by JSON key; any other key is an `Unknown field.` (marshmallow `RAISE`). */
  readonly fields: Readonly<Record<string, Field>>;
  /** Validators run after all fields loaded without error. */
  readonly checks?: readonly SchemaCheck[];
}

/** A query kind's schema: an object schema whose first field is `query_kind`. */
export interface KindSchema extends ObjectSchema {
  /** The `query_kind` value. */
  readonly kind: string;
  /** Aggregation unit of a loaded query; default: its `aggregation_unit` value, else `null`. */
  readonly unit?: (values: Readonly<Record<string, unknown>>) => string | null;
  /** Units listed for it in the scope list when top-level; default: derived from its fields. */
  readonly scopeUnits?: readonly string[];
}

/** A query object that passed its schema. */
export interface LoadedQuery {
  /** Its `query_kind`. */
  readonly kind: string;
  /** Its aggregation unit, `null` for non-spatial queries. */
  readonly unit: string | null;
  /** The submitted JSON object. */
  readonly spec: Readonly<Record<string, unknown>>;
  /** Loaded values per field (nested queries as `LoadedQuery` / `LoadedQuery[]`). */
  readonly values: Readonly<Record<string, unknown>>;
  /** The schema it was loaded with. */
  readonly schema: KindSchema;
}

/** Outcome of loading an object. */
export type ObjectResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; error: Messages };

/** Outcome of loading a query object. */
export type QueryResult = { ok: true; query: LoadedQuery } | { ok: false; error: Messages };

/** Whether a JSON value is a plain object (not `null`, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An empty record without a prototype (so a submitted `__proto__` key is kept as data). */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Load `value` against `schema` as marshmallow's `Schema.load` does (unknown = RAISE). */
export function loadObject(value: unknown, schema: ObjectSchema, ctx: LoadContext): ObjectResult {
  if (!isObject(value)) return { ok: false, error: { _schema: [MSG.nestedType] } };
  const errors = record<Messages>();
  const values = record<unknown>();
  for (const [name, field] of Object.entries(schema.fields)) {
    if (!Object.hasOwn(value, name)) {
      if (field.required) errors[name] = [MSG.required];
      else if ('default' in field) values[name] = field.default;
      continue;
    }
    const raw = value[name];
    if (raw === null) {
      if (field.allowNone) values[name] = null;
      else errors[name] = [MSG.null];
      continue;
    }
    const loaded = field.load(raw, ctx);
    if (loaded.ok) values[name] = loaded.value;
    else errors[name] = loaded.error;
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(schema.fields, key)) errors[key] = [MSG.unknown];
  }
  if (Object.keys(errors).length === 0) {
    for (const check of schema.checks ?? []) {
      const problem = check(values);
      if (problem === undefined) continue;
      const key = problem.field ?? '_schema';
      const previous = errors[key];
      errors[key] = Array.isArray(previous) ? [...previous, problem.message] : [problem.message];
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, values } : { ok: false, error: errors };
}

/** Load `value` with one kind's schema (a plain marshmallow `Nested`). */
export function loadKind(value: unknown, schema: KindSchema, ctx: LoadContext): QueryResult {
  const loaded = loadObject(value, schema, ctx);
  if (!loaded.ok) return loaded;
  const values = loaded.values;
  const own = values['aggregation_unit'];
  const unit = schema.unit ? schema.unit(values) : typeof own === 'string' ? own : null;
  const spec = value as Record<string, unknown>;
  return { ok: true, query: { kind: schema.kind, unit, spec, values, schema } };
}

/** A value Python would find falsy (`not data_type` in marshmallow-oneofschema). */
function pyFalsy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

/**
 * Load `value` as one of `allowed` kinds, dispatching on `query_kind` exactly as FlowMachine's
 * `OneOfQuerySchema` (marshmallow-oneofschema) does, with its error texts.
 */
export function loadOneOf(value: unknown, allowed: readonly string[], ctx: LoadContext): QueryResult {
  if (!isObject(value)) return { ok: false, error: { _schema: `Invalid data type: ${pyStr(value)}` } };
  const kind = value['query_kind'];
  if (pyFalsy(kind)) return { ok: false, error: { query_kind: [MSG.required] } };
  if (typeof kind === 'object') return { ok: false, error: { query_kind: [`Invalid value: ${pyStr(kind)}`] } };
  const schema = typeof kind === 'string' && allowed.includes(kind) ? ctx.lookup(kind) : undefined;
  if (schema === undefined) return { ok: false, error: { query_kind: [`Unsupported value: ${pyStr(kind)}`] } };
  return loadKind(value, schema, ctx);
}
