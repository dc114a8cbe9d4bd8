/**
 * A form generated from the spec builders' field descriptors (`BUILDERS`): pick a builder, fill
 * its fields (nested query slots recurse into another builder editor), and read back the built
 * spec, or the problems, each shown inline at its field.
 *
 * A field's errors appear once it was chosen or typed in (after a pause), or after a Run attempt,
 * and follow the input from then on.
 * @module
 */
import { buildersForKind, matchesFieldType, type BuilderEntry, type FieldDescriptor } from '../../src/forms.js';
import { isQuerySpecError } from '../../src/index.js';
import { h, notifyInput, replace } from './dom.js';
import { scalarEditor, type Editor, type EditorContext, type Reading } from './field-editors.js';
import { QueryListEditor } from './query-list-editor.js';

/** Shared by every editor of one form. */
export interface FormContext extends EditorContext {
  /** True after a Run attempt: every problem is shown, touched or not. */
  submitted: boolean;
}

/** Event a field sends when its errors should be shown (the form then reads itself again). */
export const REVALIDATE = 'revalidate';
/** Typed text is checked once typing pauses this long, in ms. */
const TYPING_PAUSE_MS = 700;

/** Deeper than this, nested queries are typed as JSON. */
const MAX_DEPTH = 6;
const JSON_CHOICE = '__json__';

/** `aggregationUnit` → `aggregation unit`. */
const words = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();


/** What the descriptor says about a value read from an input: a problem, or `null` when allowed. */
export function checkAgainst(field: FieldDescriptor, value: unknown): string | null {
  if (value === undefined) return field.required ? `Required: ${field.allowed}.` : null;
  if (value === null) return field.nullable ? null : `Expected ${field.allowed}.`;
  if (field.type.kind === 'query' || field.type.kind === 'queryList') return null; // built and checked by the nested editor
  return matchesFieldType(field.type, value) ? null : `Expected ${field.allowed}.`;
}

/** One field: label, input, hint, and its inline error. */
class FieldRow {
  readonly element: HTMLElement;
  readonly field: FieldDescriptor;
  readonly #editor: Editor;
  readonly #error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  readonly #ctx: FormContext;
  #touched = false;
  #buildError: string | null = null;

  constructor(field: FieldDescriptor, editor: Editor, path: string, ctx: FormContext) {
    this.field = field;
    this.#editor = editor;
    this.#ctx = ctx;
    const nested = field.type.kind === 'query' || field.type.kind === 'queryList';
    this.element = h(
      nested ? 'fieldset' : 'div',
      { class: `field${nested ? ' nested' : ''}`, 'data-field': path, title: `${field.description} (JSON key: ${field.key})` },
      h(nested ? 'legend' : 'label', { class: 'field-label' }, words(field.name), field.required ? null : h('span', { class: 'optional' }, ' optional')),
      editor.element,
      nested ? null : h('p', { class: 'hint' }, field.description),
      this.#error,
    );
    if (!nested) {
      const label = this.element.querySelector('label');
      const input = editor.element.matches('input, select, textarea') ? editor.element : editor.element.querySelector('input, select, textarea');
      if (label && input) {
        input.id = `f-${path.replace(/[^\w-]/g, '-')}`;
        label.htmlFor = input.id;
      }
    }
    // Choosing in a select marks the field at once; typed text after a pause. Not on blur: an
    // error appearing as the field is left would shift the Run button under a pressing mouse.
    this.element.addEventListener('change', (event) => {
      if (event.target instanceof HTMLSelectElement || (event.target instanceof HTMLInputElement && event.target.type === 'checkbox')) this.#touched = true;
    });
    let pause: ReturnType<typeof setTimeout> | undefined;
    this.element.addEventListener('input', (event) => {
      if (nested || event.target instanceof HTMLSelectElement) return;
      clearTimeout(pause);
      pause = setTimeout(() => {
        this.#touched = true;
        this.element.dispatchEvent(new Event(REVALIDATE, { bubbles: true }));
      }, TYPING_PAUSE_MS);
    });
  }

  /** The value, or its problem, shown inline when the field was touched or Run was tried. */
  read(): Reading {
    const reading = this.#editor.read();
    const problem = 'problem' in reading ? reading.problem : (checkAgainst(this.field, reading.value) ?? this.#buildError);
    const shown = problem !== null && problem !== '' && (this.#touched || this.#ctx.submitted);
    this.#error.hidden = !shown;
    this.#error.textContent = shown ? problem : '';
    this.element.classList.toggle('invalid', shown);
    const input = this.#editor.element.matches('input, select, textarea') ? this.#editor.element : null;
    input?.setAttribute('aria-invalid', String(shown));
    return problem === null ? reading : { problem };
  }

  /** A problem the builder found with this field's value (across fields), until the next build. */
  setBuildError(message: string | null): void {
    this.#buildError = message;
  }
}

/** Options of {@link BuilderEditor}. */
export interface BuilderEditorOptions {
  /** The builders to choose from (the first is chosen at first). */
  readonly candidates: readonly BuilderEntry[];
  /** Offer "JSON" as a choice, for kinds without a builder (e.g. `visited_most_days`). */
  readonly allowJson: boolean;
  /** Label of the builder choice. */
  readonly label: string;
  /** Dotted path of this editor's fields in the form, e.g. `locations`; `''` at the top. */
  readonly path: string;
  /** Nesting depth (0 at the top). */
  readonly depth: number;
  /** Shared form settings. */
  readonly ctx: FormContext;
}

/** Pick a builder and fill its fields; {@link read} builds the spec. */
export class BuilderEditor implements Editor {
  readonly element: HTMLElement;
  readonly #options: BuilderEditorOptions;
  readonly #choice: HTMLSelectElement;
  readonly #description = h('p', { class: 'description' });
  readonly #fields = h('div', { class: 'fields' });
  readonly #error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  #rows: FieldRow[] = [];
  #json: Editor | undefined;

  constructor(options: BuilderEditorOptions) {
    this.#options = options;
    // The kind names the choice; the builder's name only tells apart two builders of one kind.
    const shared = (c: BuilderEntry): boolean => options.candidates.filter((o) => o.queryKind === c.queryKind).length > 1;
    const choices = options.candidates.map((c) => h('option', { value: c.builder }, c.queryKind ?? c.builder, c.queryKind && shared(c) ? ` (${c.builder})` : ''));
    if (options.allowJson) choices.push(h('option', { value: JSON_CHOICE }, 'JSON spec…'));
    this.#choice = h('select', { class: 'builder-choice', 'data-builder-choice': options.path, 'aria-label': options.label }, ...choices);
    this.#choice.addEventListener('change', () => {
      this.#render();
      notifyInput(this.element);
    });
    const pick = choices.length > 1 ? h('label', { class: 'builder-label' }, h('span', {}, options.label), this.#choice) : null;
    this.element = h('div', { class: `builder depth-${options.depth}` }, pick, this.#description, this.#fields, this.#error);
    this.#render();
  }

  /** The chosen builder (`undefined` for JSON). */
  get chosen(): BuilderEntry | undefined {
    return this.#options.candidates.find((c) => c.builder === this.#choice.value);
  }

  /** Choose a builder by name (as the select does). */
  choose(builder: string): void {
    this.#choice.value = builder;
    this.#render();
  }

  /** The built spec, or `{problem: ''}` with every problem shown at its field. */
  read(): Reading {
    const entry = this.chosen;
    if (entry === undefined) return this.#json?.read() ?? { problem: 'Choose a kind.' };
    for (const row of this.#rows) row.setBuildError(null);
    const readings = this.#rows.map((row) => [row, row.read()] as const);
    this.#showError(null);
    if (readings.some(([, r]) => 'problem' in r)) return { problem: '' };
    const options = Object.fromEntries(readings.flatMap(([row, r]) => ('value' in r && r.value !== undefined ? [[row.field.name, r.value]] : [])));
    try {
      return { value: entry.build(options) };
    } catch (error) {
      // A rule across fields (e.g. distr only for handset): show it at the field it names.
      const message = error instanceof Error ? error.message : String(error);
      const row = isQuerySpecError(error) ? this.#rows.find((r) => r.field.name === error.field) : undefined;
      if (row && isQuerySpecError(error)) {
        row.setBuildError(`Expected ${error.allowed}.`);
        row.read();
      } else this.#showError(message);
      return { problem: '' };
    }
  }

  #showError(message: string | null): void {
    const shown = message !== null && this.#options.ctx.submitted;
    this.#error.hidden = !shown;
    this.#error.textContent = shown ? message : '';
  }

  #render(): void {
    const entry = this.chosen;
    const { ctx, path, depth } = this.#options;
    this.#rows = [];
    this.#json = undefined;
    if (entry === undefined) {
      this.#description.textContent = 'A query spec written as JSON, with its query_kind.';
      const area = h('textarea', { rows: 4, spellcheck: 'false', placeholder: '{"query_kind": "…", …}', 'data-field': path });
      this.#json = {
        element: area,
        read: () => {
          try {
            const value: unknown = JSON.parse(area.value);
            return typeof value === 'object' && value !== null && 'query_kind' in value ? { value } : { problem: 'A JSON object with a query_kind is needed.' };
          } catch {
            return { problem: 'Not valid JSON.' };
          }
        },
      };
      replace(this.#fields, area);
      return;
    }
    this.#description.textContent = entry.description;
    const rows = entry.fields.map((field) => new FieldRow(field, this.#editorFor(field, join(path, field.name), depth), join(path, field.name), ctx));
    this.#rows = rows;
    const required = rows.filter((r) => r.field.required);
    const optional = rows.filter((r) => !r.field.required);
    replace(
      this.#fields,
      ...required.map((r) => r.element),
      optional.length === 0
        ? null
        : h(
            'details',
            { class: 'optional-fields' },
            h('summary', {}, `Optional: ${optional.map((r) => words(r.field.name)).join(', ')}`),
            ...optional.map((r) => r.element),
          ),
    );
  }

  #editorFor(field: FieldDescriptor, path: string, depth: number): Editor {
    const { ctx } = this.#options;
    const type = field.type;
    if (type.kind !== 'query' && type.kind !== 'queryList') return scalarEditor(field, type, ctx);
    const candidates = depth + 1 >= MAX_DEPTH ? [] : uniqueBuilders(type.queryKinds);
    const nested = (itemPath: string): BuilderEditor =>
      new BuilderEditor({ candidates, allowJson: true, label: 'kind', path: itemPath, depth: depth + 1, ctx });
    return type.kind === 'query' ? nested(path) : new QueryListEditor((index) => nested(join(path, String(index))));
  }
}

const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

/** The builders producing any of `kinds`, each once, in the kinds' order. */
function uniqueBuilders(kinds: readonly string[]): BuilderEntry[] {
  const seen = new Set<string>();
  return kinds.flatMap((kind) => buildersForKind(kind)).filter((b) => !seen.has(b.builder) && Boolean(seen.add(b.builder)));
}
