/**
 * `flowclient-rx spec <kind> --param value ...`: which builder a kind names, and its options from
 * the `--param value` words. Names may be kebab-case, snake_case, camelCase or the JSON key
 * (`--aggregation-unit`, `--aggregation_unit`, `--interval` for `countInterval`). Values are read
 * by the field's type: text fields (strings, enums, dates) stay text; others are JSON when they
 * parse (numbers, booleans, lists, objects, nested specs; a subscriber subset stays text unless it is
 * an object, which the builder then refuses with its reason), else text, and list fields also take
 * comma-separated items (`--event-types calls,sms`, `--hours 20,4`). `null` is null everywhere.
 * @module
 */
import { BUILDERS, type BuilderEntry, type FieldDescriptor, type FieldType } from '../src/forms.js';
import { UsageError } from './errors.js';

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** `aggregation-unit`, `aggregation_unit`, `aggregationUnit` → `aggregationUnit`. */
export function camelCase(name: string): string {
  return name.replace(/[-_]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/[-_]+$/, '');
}

/**
 * The name a builder is listed under: its `query_kind` when its name says the same, else its
 * name in snake_case (`random_sample`, `modal_location_from_dates`, which makes a `modal_location`).
 */
export function kindName(entry: BuilderEntry): string {
  const name = entry.builder.replace(/Spec$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return entry.queryKind !== null && squash(entry.queryKind) === squash(name) ? entry.queryKind : name;
}

/**
 * The builder `kind` names: a builder name with or without `Spec` (`dailyLocationSpec`,
 * `daily-location`, `modal_location_from_dates`), else a `query_kind` with a single builder.
 * @throws {@link UsageError} for an unknown kind.
 */
export function resolveBuilder(kind: string): BuilderEntry {
  const wanted = squash(kind);
  const entries = Object.values(BUILDERS);
  const byName = entries.find((e) => squash(e.builder) === wanted || squash(e.builder.replace(/Spec$/, '')) === wanted);
  if (byName) return byName;
  const byKind = entries.filter((e) => e.queryKind !== null && squash(e.queryKind) === wanted);
  if (byKind.length === 1 && byKind[0] !== undefined) return byKind[0];
  throw new UsageError(`unknown kind '${kind}'; see flowclient-rx spec --list`);
}

/** The field an option name means for this builder: by its name first, then by its JSON key. */
function fieldFor(entry: BuilderEntry, name: string): FieldDescriptor | undefined {
  return entry.fields.find((f) => f.name === name) ?? entry.fields.find((f) => camelCase(f.key) === name);
}

const TEXT_KINDS: ReadonlySet<FieldType['kind']> = new Set(['string', 'enum', 'date']);
const LIST_KINDS: ReadonlySet<FieldType['kind']> = new Set(['enumList', 'hours', 'numberList', 'range', 'bins']);

function json(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** A value word read for `field` (see the module comment). */
export function parseValue(raw: string, field: FieldDescriptor | undefined): unknown {
  if (raw === 'null') return null;
  const kind = field?.type.kind;
  if (kind !== undefined && TEXT_KINDS.has(kind)) return raw;
  const parsed = json(raw);
  if (kind === 'subscriberSubset') return typeof parsed?.value === 'object' ? parsed.value : raw;
  if (parsed !== undefined) return parsed.value;
  if (kind !== undefined && LIST_KINDS.has(kind) && (raw.includes(',') || kind === 'enumList')) {
    return raw.split(',').map((item) => {
      const text = item.trim();
      return json(text)?.value ?? text;
    });
  }
  return raw;
}

/** The `spec` words split: the kind (if any), the `--param value` options, and the flags `--help` / `--list`. */
export interface SpecWords {
  /** The first word that is not an option. */
  readonly kind: string | undefined;
  /** `[name, value]` pairs in order, the value `undefined` for a bare flag. */
  readonly params: ReadonlyArray<readonly [name: string, value: string | undefined]>;
  /** `--help` or `-h` was given. */
  readonly help: boolean;
  /** `--list` was given. */
  readonly list: boolean;
}

const isOption = (word: string): boolean => word.startsWith('--') && word.length > 2;

/** Split the words after `spec`. @throws {@link UsageError} for a stray word. */
export function splitSpecWords(words: readonly string[]): SpecWords {
  let kind: string | undefined;
  let help = false;
  let list = false;
  const params: Array<readonly [string, string | undefined]> = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--help' || word === '-h') help = true;
    else if (word === '--list') list = true;
    else if (isOption(word)) {
      const eq = word.indexOf('=');
      if (eq > 0) params.push([word.slice(2, eq), word.slice(eq + 1)]);
      else {
        const next = words[i + 1];
        const hasValue = next !== undefined && !isOption(next);
        params.push([word.slice(2), hasValue ? next : undefined]);
        if (hasValue) i++;
      }
    } else if (kind === undefined) kind = word;
    else throw new UsageError(`unexpected argument '${word}'; options are given as --name value`);
  }
  return { kind, params, help, list };
}

/**
 * The builder's options object from `--param value` pairs (a bare flag is `true`).
 * @throws {@link UsageError} for an option given twice. Unknown options are left to the
 * builder, whose `QuerySpecError` names them and lists the known ones.
 */
export function builderOptions(entry: BuilderEntry, params: SpecWords['params']): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [given, raw] of params) {
    const camel = camelCase(given);
    const field = fieldFor(entry, camel);
    const name = field?.name ?? camel;
    if (name in options) throw new UsageError(`--${given} is given twice`);
    options[name] = raw === undefined ? true : parseValue(raw, field);
  }
  return options;
}
