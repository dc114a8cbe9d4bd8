/**
 * The new-query form: pick one of the kinds FlowAPI runs, fill its fields (generated from the
 * spec builders), watch the spec JSON take shape, and run it. Problems are shown inline and
 * nothing is sent until the builders accept the spec. It starts filled with a runnable query
 * (see `starter-query.ts`).
 * @module
 */
import { take, type Observable } from 'rxjs';
import { BUILDERS, type BuilderEntry } from '../../src/forms.js';
import { WRAPPER_NAMES, type QuerySpec } from '../../src/index.js';
import { BuilderEditor, REVALIDATE, type FormContext } from './builder-editor.js';
import { h } from './dom.js';
import { STARTER_DATE_FIELD, STARTER_FIELDS, fillEmptyFields } from './starter-query.js';

/** Options of {@link queryForm}. */
export interface QueryFormOptions {
  /** Id of the `<datalist>` of dates with data. */
  readonly datesListId: string;
  /** Called with each spec the builders accepted when Run is pressed. */
  readonly onRun: (spec: QuerySpec) => void;
  /**
   * The first date with data: the starter query (daily locations at admin3, `last`) takes it
   * when it comes, unless a date was typed by then. Without it the date starts empty.
   */
  readonly firstDate$?: Observable<string>;
}

/** The builders of the kinds FlowAPI runs at the top level (flowclient's aggregates), `spatial_aggregate` first. */
function runnableBuilders(): BuilderEntry[] {
  const wrappers = new Set<string>(WRAPPER_NAMES);
  const runnable = Object.values(BUILDERS).filter((entry) => wrappers.has(entry.builder.replace(/Spec$/, '')));
  return runnable.sort((a, b) => Number(b.queryKind === 'spatial_aggregate') - Number(a.queryKind === 'spatial_aggregate'));
}

/** The form, in a card. */
export function queryForm(options: QueryFormOptions): HTMLElement {
  const ctx: FormContext = { datesListId: options.datesListId, submitted: false };
  const editor = new BuilderEditor({ candidates: runnableBuilders(), allowJson: false, label: 'Query kind', path: '', depth: 0, ctx });
  const preview = h('pre', { class: 'spec-json', 'data-testid': 'spec-json' });
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'form-status' });
  const run = h('button', { type: 'submit', class: 'primary' }, 'Run query');

  const refresh = (): QuerySpec | undefined => {
    const reading = editor.read();
    if ('value' in reading) {
      preview.textContent = JSON.stringify(reading.value, null, 2);
      preview.classList.remove('incomplete');
      return reading.value as QuerySpec;
    }
    preview.textContent = '— no spec yet: some fields are missing or not allowed —';
    preview.classList.add('incomplete');
    return undefined;
  };

  const form = h(
    'form',
    { novalidate: true, autocomplete: 'off' },
    editor.element,
    // Run above the preview: the preview grows as the spec completes, and must not move the button.
    h('div', { class: 'actions' }, run, status),
    h('details', { class: 'spec-preview', open: true }, h('summary', {}, 'Spec JSON (what Run sends)'), preview),
  );
  form.addEventListener(REVALIDATE, () => refresh());
  form.addEventListener('input', () => {
    refresh();
    status.textContent = '';
  });
  form.addEventListener('change', () => refresh());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.submitted = true;
    const spec = refresh();
    if (spec === undefined) {
      status.textContent = 'Fix the fields marked in red — nothing was sent.';
      status.className = 'form-status error';
      form.querySelector<HTMLElement>('.invalid input, .invalid select, .invalid textarea')?.focus();
      return;
    }
    ctx.submitted = false;
    status.textContent = `Sent ${spec.query_kind}.`;
    status.className = 'form-status ok';
    options.onRun(spec);
  });
  fillEmptyFields(form, STARTER_FIELDS);
  options.firstDate$?.pipe(take(1)).subscribe((date) => {
    if (fillEmptyFields(form, { [STARTER_DATE_FIELD]: date })) refresh();
  });
  refresh();
  return h('section', { class: 'card', id: 'new-query', 'aria-labelledby': 'new-query-title' }, h('h2', { id: 'new-query-title' }, 'New query'), form);
}
