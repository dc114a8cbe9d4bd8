/**
 * Inputs for builder option fields, one per `FieldType` kind (nested query slots are the builder
 * editor's business). Each editor turns what was typed into a value for the builder: `undefined`
 * when left empty (the builder's default applies), or a problem when it cannot be read at all;
 * whether the value is allowed is checked against the field's descriptor by the caller.
 * @module
 */
import type { FieldDescriptor, FieldType, JsonValue } from '../../src/index.js';
import { h } from './dom.js';

/** What an editor holds: a value (`undefined` = left out) or why it cannot be read. An empty problem is shown elsewhere. */
export type Reading = { readonly value: unknown } | { readonly problem: string };

/** An input for one value. */
export interface Editor {
  /** What to put in the page. */
  readonly element: HTMLElement;
  /** The value as typed so far. */
  read(): Reading;
}

/** Settings every editor can use. */
export interface EditorContext {
  /** Id of the `<datalist>` of dates with data, offered in date inputs. */
  readonly datesListId: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number from text, the text itself when it is not one (the check then says what is allowed), `undefined` when empty. */
function parseNumber(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  return NUMBER.test(t) ? Number(t) : t;
}

const parseNumbers = (text: string): unknown[] => text.split(/[\s,;]+/).filter(Boolean).map(parseNumber);

function textEditor(
  parse: (text: string) => Reading,
  attrs: Readonly<Record<string, string | undefined>> = {},
  initial = '',
): Editor {
  const input = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', value: initial, ...attrs });
  return { element: input, read: () => parse(input.value) };
}

function jsonEditor(placeholder: string, initial: JsonValue | undefined): Editor {
  const area = h('textarea', { rows: 3, spellcheck: 'false', placeholder }, initial === undefined ? '' : JSON.stringify(initial));
  return {
    element: area,
    read: () => {
      const t = area.value.trim();
      if (t === '') return { value: undefined };
      try {
        return { value: JSON.parse(t) as unknown };
      } catch {
        return { problem: 'Not valid JSON.' };
      }
    },
  };
}

function selectEditor(values: readonly string[], field: FieldDescriptor): Editor {
  const blank =
    field.default !== undefined && field.default !== null
      ? `default (${String(field.default)})`
      : field.required
        ? '— choose —'
        : 'default (none)';
  const select = h('select', {}, h('option', { value: '' }, blank), ...values.map((v) => h('option', { value: v }, v)));
  return { element: select, read: () => ({ value: select.value === '' ? undefined : select.value }) };
}

function booleanEditor(field: FieldDescriptor): Editor {
  const select = h(
    'select',
    {},
    h('option', { value: '' }, field.default === undefined || field.default === null ? '— choose —' : `default (${String(field.default)})`),
    h('option', { value: 'true' }, 'true'),
    h('option', { value: 'false' }, 'false'),
  );
  return { element: select, read: () => ({ value: select.value === '' ? undefined : select.value === 'true' }) };
}

function checkboxesEditor(values: readonly string[]): Editor {
  const boxes = values.map((v) => h('input', { type: 'checkbox', value: v }));
  const element = h('div', { class: 'checks' }, ...boxes.map((box, i) => h('label', {}, box, values[i])));
  return {
    element,
    read: () => {
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      return { value: chosen.length === 0 ? undefined : chosen };
    },
  };
}

/** Two numbers side by side: `[from, to]`; both empty → left out. */
function pairEditor(labels: readonly [string, string]): Editor {
  const inputs = labels.map((label) => h('input', { type: 'text', inputmode: 'decimal', class: 'short', placeholder: label, 'aria-label': label }));
  const [a, b] = inputs as [HTMLInputElement, HTMLInputElement];
  return {
    element: h('div', { class: 'pair' }, a, h('span', {}, '–'), b),
    read: () => {
      const first = parseNumber(a.value);
      const second = parseNumber(b.value);
      if (first === undefined && second === undefined) return { value: undefined };
      if (first === undefined || second === undefined) return { problem: `Give both ${labels[0]} and ${labels[1]}, or neither.` };
      return { value: [first, second] };
    },
  };
}

function numberMapEditor(keys: readonly string[]): Editor {
  const inputs = keys.map((key) => h('input', { type: 'text', inputmode: 'decimal', class: 'short', 'aria-label': key, placeholder: '0' }));
  return {
    element: h('div', { class: 'number-map' }, ...inputs.map((input, i) => h('label', {}, h('span', {}, keys[i]), input))),
    read: () => {
      const entries = inputs.map((input, i) => [keys[i], parseNumber(input.value)] as const).filter(([, v]) => v !== undefined);
      return { value: entries.length === 0 ? undefined : Object.fromEntries(entries) };
    },
  };
}

/** The editor of a field of any kind but `query` and `queryList`. */
export function scalarEditor(field: FieldDescriptor, type: FieldType, ctx: EditorContext): Editor {
  const value = (v: unknown): Reading => ({ value: v });
  switch (type.kind) {
    case 'date':
      return textEditor((t) => value(t.trim() === '' ? undefined : t.trim()), {
        list: ctx.datesListId,
        placeholder: type.withTime ? 'YYYY-MM-DD[THH:MM]' : 'YYYY-MM-DD',
        class: 'date',
      });
    case 'enum':
      return selectEditor(type.values, field);
    case 'enumList':
      return checkboxesEditor(type.values);
    case 'hours':
      return pairEditor(['from hour', 'to hour']);
    case 'range':
      return pairEditor(['lower', 'upper']);
    case 'integer':
    case 'number':
      return textEditor((t) => value(parseNumber(t)), {
        inputmode: 'decimal',
        class: 'short',
        placeholder: field.default === undefined || field.default === null ? '' : String(field.default),
      });
    case 'boolean':
      return booleanEditor(field);
    case 'string':
      return textEditor((t) => value(t.trim() === '' ? undefined : t.trim()));
    case 'subscriberSubset':
      return textEditor(
        (t) => {
          const s = t.trim();
          if (s === '') return value(undefined);
          if (s.startsWith('{')) return { problem: 'A subset is the id of a query already run: run the subset query first, then give its id.' };
          return value(s);
        },
        { placeholder: 'all subscribers (or the id of a query already run)' },
      );
    case 'numberList':
      return textEditor((t) => value(t.trim() === '' ? undefined : parseNumbers(t)), { placeholder: `${type.length} numbers, comma-separated` });
    case 'numberMap':
      return numberMapEditor(type.keys);
    case 'bins':
      return textEditor(
        (t) => {
          const parts = parseNumbers(t);
          return value(parts.length === 0 ? undefined : parts.length === 1 && !t.includes(',') ? parts[0] : parts);
        },
        { placeholder: 'a number of bins, or edges: 0, 10, 50' },
      );
    case 'geometryMap':
      return jsonEditor('{"home": {"type": "Polygon", "coordinates": [...]}}', field.default);
    default:
      return jsonEditor('JSON', field.default);
  }
}
