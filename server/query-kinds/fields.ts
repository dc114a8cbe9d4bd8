/**
 * Field validators with marshmallow 3's deserialisation rules and messages: strings, enums,
 * integers, floats, booleans, dates, lists and mappings.
 */
import { MSG, oneOfMessage, rangeError, type Messages, type RangeSpec } from './messages.js';
import type { Field, FieldResult, FieldTag, LoadContext } from './schema.js';
import { isObject, record } from './schema.js';

/** Presence options shared by every field factory. */
export interface FieldOptions {
  /** Key must be present. */
  required?: boolean;
  /** `null` accepted. */
  allowNone?: boolean;
  /** Value when absent. */
  default?: unknown;
  /** Analysis tag. */
  tag?: FieldTag;
}

/** Options of an optional field whose default is `None` (marshmallow then allows `null`). */
export const OPTIONAL: FieldOptions = { allowNone: true, default: null };
/** Options of a required field. */
export const REQUIRED: FieldOptions = { required: true };

const ok = (value: unknown): FieldResult => ({ ok: true, value });
const fail = (...messages: string[]): FieldResult => ({ ok: false, error: messages });

/** Build a field from a loader and its options. */
export function makeField(load: Field['load'], options: FieldOptions = {}, kinds?: readonly string[]): Field {
  return kinds === undefined ? { ...options, load } : { ...options, kinds, load };
}

/** `fields.String`, optionally with a `OneOf(choices)` validator. */
export function string(options: FieldOptions = {}, choices?: readonly string[]): Field {
  return makeField((value) => {
    if (typeof value !== 'string') return fail(MSG.string);
    if (choices !== undefined && !choices.includes(value)) return fail(oneOfMessage(choices));
    return ok(value);
  }, options);
}

/** `fields.String(validate=OneOf(choices))`. */
export function oneOf(choices: readonly string[], options: FieldOptions = {}): Field {
  return string(options, choices);
}

const INT_TEXT = /^\s*[+-]?\d+\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
const SPECIAL_TEXT = /^\s*[+-]?(nan|inf|infinity)\s*$/i;

/** Python `int(value)` as marshmallow's non-strict `Integer` applies it, or `undefined`. */
export function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value === 'string' && INT_TEXT.test(value)) return Number.parseInt(value.trim(), 10);
  return undefined;
}

/** `fields.Integer` (non-strict: numeric strings and floats truncate), with an optional `Range`. */
export function integer(options: FieldOptions = {}, range?: RangeSpec): Field {
  return makeField((value) => {
    const n = toInteger(value);
    if (n === undefined) return fail(MSG.integer);
    const outside = range === undefined ? undefined : rangeError(n, range);
    return outside === undefined ? ok(n) : fail(outside);
  }, options);
}

/** Python `float(value)` as marshmallow's `Float` applies it: a number, `'special'` or `undefined`. */
export function toFloat(value: unknown): number | 'special' | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  if (SPECIAL_TEXT.test(value)) return 'special';
  return FLOAT_TEXT.test(value) ? Number.parseFloat(value.trim()) : undefined;
}

/** `fields.Float` (no NaN/infinity), with an optional `Range`. */
export function float(options: FieldOptions = {}, range?: RangeSpec): Field {
  return makeField((value) => {
    const n = toFloat(value);
    if (n === undefined) return fail(MSG.number);
    if (n === 'special') return fail(MSG.special);
    const outside = range === undefined ? undefined : rangeError(n, { floatBounds: true, ...range });
    return outside === undefined ? ok(n) : fail(outside);
  }, options);
}

const TRUTHY = new Set<unknown>(['t', 'T', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'y', 'Y', 'yes', 'Yes', 'YES', '1', 1, true]);
const FALSY = new Set<unknown>(['f', 'F', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF', 'n', 'N', 'no', 'No', 'NO', '0', 0, false]);

/** `fields.Boolean` with marshmallow's truthy/falsy sets. */
export function boolean(options: FieldOptions = {}): Field {
  return makeField((value) => {
    if (TRUTHY.has(value)) return ok(true);
    if (FALSY.has(value)) return ok(false);
    return fail(MSG.boolean);
  }, options);
}

const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{3}|\d{6}))?)?)?(?:[+-]\d{2}:\d{2}(?::\d{2}(?:\.\d{6})?)?)?)?$/;

/** A real calendar date as `YYYY-MM-DD`, or `undefined`. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const limit = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (year < 1 || limit === undefined || day < 1 || day > limit) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Date part (`YYYY-MM-DD`) of what Python's `datetime.fromisoformat` accepts, or `undefined`. */
export function isoDateTimeDay(value: string): string | undefined {
  const m = ISO_RE.exec(value);
  if (m === null) return undefined;
  const [hour, minute, second] = [m[4], m[5], m[6]].map((s) => (s === undefined ? 0 : Number(s)));
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return undefined;
  return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** FlowMachine's `ISODateTime` (start/end dates); loads to the `YYYY-MM-DD` day it names. */
export function isoDateTime(options: FieldOptions = REQUIRED): Field {
  return makeField((value) => {
    const day = typeof value === 'string' ? isoDateTimeDay(value) : undefined;
    return day === undefined ? fail(MSG.datetime) : ok(day);
  }, { tag: 'date', ...options });
}

/** marshmallow `fields.Date` (ISO `YYYY-MM-DD`); loads to the zero-padded date. */
export function date(options: FieldOptions = REQUIRED): Field {
  return makeField((value) => {
    const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
    const day = m === null ? undefined : calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return day === undefined ? fail(MSG.date) : ok(day);
  }, { tag: 'date', ...options });
}

/** Extra rules of a list field. */
export interface ListRules {
  /** `Length(min=...)`: `Shorter than minimum length N.` */
  minLength?: number;
  /** `Length(equal=...)`: `Length must be N.` */
  length?: number;
}

/** Check a list's length against `rules`, returning the marshmallow message if it fails. */
export function lengthError(size: number, rules: ListRules): string | undefined {
  if (rules.length !== undefined && size !== rules.length) return `Length must be ${rules.length}.`;
  if (rules.minLength !== undefined && size < rules.minLength) return `Shorter than minimum length ${rules.minLength}.`;
  return undefined;
}

/** `fields.List(inner)`: item errors keyed by index, then the length validator. */
export function list(inner: Field, options: FieldOptions = {}, rules: ListRules = {}): Field {
  return makeField(
    (value, ctx: LoadContext) => {
      if (!Array.isArray(value)) return fail(MSG.list);
      const errors = record<Messages>();
      const out: unknown[] = [];
      value.forEach((item: unknown, index) => {
        const loaded = item === null && !inner.allowNone ? fail(MSG.null) : inner.load(item, ctx);
        if (loaded.ok) out.push(loaded.value);
        else errors[String(index)] = loaded.error;
      });
      if (Object.keys(errors).length > 0) return { ok: false, error: errors };
      const short = lengthError(out.length, rules);
      return short === undefined ? ok(out) : fail(short);
    },
    options,
    inner.kinds,
  );
}

/** `fields.Dict(keys=..., values=...)`: errors per key as `{key: {"key": [...], "value": [...]}}`. */
export function dict(keys: Field | undefined, values: Field | undefined, options: FieldOptions = {}): Field {
  return makeField((value, ctx: LoadContext) => {
    if (!isObject(value)) return fail(MSG.mapping);
    const errors = record<Messages>();
    const out = record<unknown>();
    for (const [key, item] of Object.entries(value)) {
      const entry = record<Messages>();
      const k = keys === undefined ? ok(key) : keys.load(key, ctx);
      if (!k.ok) entry['key'] = k.error;
      const v = values === undefined ? ok(item) : item === null ? fail(MSG.null) : values.load(item, ctx);
      if (!v.ok) entry['value'] = v.error;
      if (Object.keys(entry).length > 0) errors[key] = entry;
      else out[key] = v.ok ? v.value : item;
    }
    return Object.keys(errors).length > 0 ? { ok: false, error: errors } : ok(out);
  }, options);
}
