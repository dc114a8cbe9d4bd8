/**
 * Build-time checks of builder options, driven by the field descriptors of `fields.ts`, and the
 * one shared helper that turns the common option groups into their JSON keys. A failure throws
 * `QuerySpecError(builder, field, value, allowed)` before anything is sent. Checks follow what
 * FlowAPI accepts (numbers may also be numeric strings, as FlowAPI's schema coerces them), so a
 * check never rejects a value the server would take.
 * @module
 */
import { QuerySpecError } from '../errors.js';
import type { BuilderChecks, CommonOptions, EventFilterOptions, FieldCheck, FieldType, GeoOptions } from './fields.js';
import type { CommonJson, EventFilterJson, GeoJson, HoursJson, HoursRange } from './types.js';

/** Throw the `QuerySpecError` of a rejected option. */
export function fail(builder: string, field: string, value: unknown, allowed: string): never {
  throw new QuerySpecError(builder, field, value, allowed);
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The number a JSON number or numeric string stands for, if finite (FlowAPI's float fields accept both). */
export function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The integer a JSON number or integer string stands for, if it is one (FlowAPI's integer fields accept both). */
export function toInteger(value: unknown): number | undefined {
  if (typeof value === 'string' && !/^\s*[+-]?\d+\s*$/.test(value)) return undefined;
  const n = toNumber(value);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

const inBounds = (n: number | undefined, min?: number, max?: number, exclusive = false): boolean =>
  n !== undefined &&
  (min === undefined || (exclusive ? n > min : n >= min)) &&
  (max === undefined || (exclusive ? n < max : n <= max));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether `value` is a real calendar date `YYYY-MM-DD`, optionally followed by a valid ISO time when `withTime`. */
export function isIsoDate(value: unknown, withTime: boolean): value is string {
  if (typeof value !== 'string') return false;
  const m = (withTime ? DATE_TIME : DATE).exec(value);
  if (!m) return false;
  const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1);
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
}

/** Bin edges as numpy takes them: at least one, every one a number, each not below the one before. */
const isEdgeList = (edges: readonly (number | undefined)[]): boolean =>
  edges.length > 0 && edges.every((e, i) => e !== undefined && (i === 0 || e >= (edges[i - 1] ?? e)));

const hasKindIn = (value: unknown, kinds: readonly string[]): boolean =>
  isRecord(value) && typeof value['query_kind'] === 'string' && kinds.includes(value['query_kind']);

/** Whether `value` is a value of `type` (not null: nullability is the descriptor's business). */
export function matchesFieldType(type: FieldType, value: unknown): boolean {
  switch (type.kind) {
    case 'date':
      return isIsoDate(value, type.withTime);
    case 'enum':
      return typeof value === 'string' && type.values.includes(value);
    case 'enumList':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && type.values.includes(v));
    case 'hours':
      return Array.isArray(value) && value.length === 2 && value.every((h) => inBounds(toInteger(h), type.min, type.max));
    case 'integer':
      return inBounds(toInteger(value), type.min);
    case 'number':
      return inBounds(toNumber(value), type.min, type.max, type.exclusive);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'subscriberSubset':
      return typeof value === 'string' && value.length > 0;
    case 'query':
      return hasKindIn(value, type.queryKinds);
    case 'queryList':
      return Array.isArray(value) && value.length > 0 && value.every((v) => hasKindIn(v, type.queryKinds));
    case 'numberList':
      return Array.isArray(value) && value.length === type.length && value.every((v) => inBounds(toNumber(v), type.min, type.max));
    case 'numberMap':
      return isRecord(value) && Object.entries(value).every(([k, v]) => type.keys.includes(k) && inBounds(toNumber(v), type.min, type.max));
    case 'geometryMap':
      return isRecord(value) && Object.values(value).every(isRecord);
    case 'bins':
      return Array.isArray(value) ? isEdgeList(value.map(toNumber)) : inBounds(toInteger(value), 1);
    case 'range': {
      if (!Array.isArray(value) || value.length !== 2) return false;
      const [lower, upper] = value.map(toNumber);
      return lower !== undefined && upper !== undefined && lower < upper;
    }
  }
}

/** Check one option against its descriptor; throws `QuerySpecError` naming the builder, field, value and what is allowed. */
export function checkField(builder: string, field: FieldCheck, value: unknown): void {
  if (value === undefined) {
    if (field.required) fail(builder, field.name, value, field.allowed);
    return;
  }
  if (value === null ? !field.nullable : !matchesFieldType(field.type, value)) fail(builder, field.name, value, field.allowed);
}

/**
 * Check a builder's options object: it is an object, has no unknown options, and every option
 * matches its descriptor. Throws the first `QuerySpecError` found.
 */
export function checkOptions(descriptor: BuilderChecks, options: unknown): void {
  const { builder, fields } = descriptor;
  if (!isRecord(options)) fail(builder, 'options', options, 'an options object');
  const known = new Set(fields.map((f) => f.name));
  for (const [name, value] of Object.entries(options)) {
    if (!known.has(name) && value !== undefined) fail(builder, name, value, `no such option; options are ${[...known].join(', ')}`);
  }
  for (const f of fields) checkField(builder, f, options[f.name]);
  checkPeriods(descriptor, options);
}

/** The instant a checked date stands for, in ms: a date alone is its midnight, a time without zone is taken as UTC. */
function instantOf(date: string): number {
  const m = DATE_TIME.exec(date);
  if (!m) return NaN;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = m.slice(1).map((part) => Number(part ?? 0));
  const zone = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(date.slice(10));
  const offsetMinutes = zone?.[2] === undefined ? 0 : (zone[2] === '-' ? -1 : 1) * (Number(zone[3]) * 60 + Number(zone[4]));
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
}

/**
 * Check every period of a builder: each date option `start<X>` with an `end<X>` (`startDate`/`endDate`,
 * `startDateA`/`endDateA`…) must not end before it starts. Runs after the field checks, so both are real dates.
 * @throws QuerySpecError naming the end option, its value and the start option's.
 */
export function checkPeriods(descriptor: BuilderChecks, options: Readonly<Record<string, unknown>>): void {
  for (const start of descriptor.fields) {
    const suffix = /^start(.*)$/.exec(start.name)?.[1];
    const end = suffix === undefined ? undefined : descriptor.fields.find((f) => f.name === `end${suffix}`);
    if (end === undefined || start.type.kind !== 'date' || end.type.kind !== 'date') continue;
    const [from, to] = [options[start.name], options[end.name]];
    if (typeof from !== 'string' || typeof to !== 'string' || !(instantOf(to) < instantOf(from))) continue;
    fail(descriptor.builder, end.name, to, `a date not before ${start.name} (${from}): the period runs from ${start.name}, inclusive, to ${end.name}, exclusive`);
  }
}

/** `hours: [start, end]` as sent: `{start_hour, end_hour}`, or `null` when unset. */
export function hoursJson(hours: HoursRange | null | undefined): HoursJson | null {
  return hours == null ? null : { start_hour: hours[0], end_hour: hours[1] };
}

/** `event_types` and `subscriber_subset` as sent (`null` when unset). */
export function eventFilterJson(options: EventFilterOptions): EventFilterJson {
  return { event_types: options.eventTypes ?? null, subscriber_subset: options.subscriberSubset ?? null };
}

/** flowclient's common optional group as sent: `event_types`, `subscriber_subset`, `hours`. */
export function commonJson(options: CommonOptions): CommonJson {
  return { ...eventFilterJson(options), hours: hoursJson(options.hours) };
}

/** flowclient's geo optional group as sent: `mapping_table`, `geom_table`, `geom_table_join_column`. */
export function geoJson(options: GeoOptions): GeoJson {
  return {
    mapping_table: options.mappingTable ?? null,
    geom_table: options.geomTable ?? null,
    geom_table_join_column: options.geomTableJoinColumn ?? null,
  };
}
