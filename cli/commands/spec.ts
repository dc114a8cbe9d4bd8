/**
 * `flowclient-rx spec <kind> --param value ...`: print the spec a builder makes, as JSON, so it
 * can be saved, edited, nested into another spec or piped into `run -`. `spec --list` lists the
 * kinds; `spec <kind> --help` lists a kind's options.
 * @module
 */
import { BUILDERS, type BuilderEntry, type FieldDescriptor } from '../../src/forms.js';
import { UsageError } from '../errors.js';
import { formatValue, writeOutput, type CommandIo } from '../io.js';
import { builderOptions, kindName, resolveBuilder, splitSpecWords } from '../spec-params.js';

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** ` (a modal_location spec)` for a builder listed under another name than the kind it makes. */
const makes = (entry: BuilderEntry): string =>
  entry.queryKind === null || entry.queryKind === kindName(entry) ? '' : ` (a ${entry.queryKind} spec)`;

const optionOf = (field: FieldDescriptor): string => `--${kebab(field.name)} <value>`;

function describeField(field: FieldDescriptor, width: number): string {
  const when = field.required ? 'required' : `default ${JSON.stringify(field.default ?? null)}`;
  return `  ${optionOf(field).padEnd(width)}  (${when}) ${field.description}\n  ${''.padEnd(width)}  ${field.allowed}\n`;
}

/** Help text of one builder: what it computes, its usage line and its options. */
export function builderHelp(entry: BuilderEntry): string {
  const required = entry.fields.filter((f) => f.required).map(optionOf);
  const optional = entry.fields.some((f) => !f.required) ? ' [options]' : '';
  const width = Math.max(...entry.fields.map((f) => optionOf(f).length));
  return [
    `${kindName(entry)} (${entry.builder}): ${entry.description}${makes(entry)}\n`,
    `\nUsage: flowclient-rx spec ${kindName(entry)} ${required.join(' ')}${optional}\n`,
    '\nText options (dates, names) are taken as written; the others as JSON when it parses (numbers,\n',
    'lists, nested specs), else as text; lists also as a,b,c. Names also in snake_case.\n',
    '\nOptions:\n',
    ...entry.fields.map((f) => describeField(f, width)),
  ].join('');
}

/** Every kind with its builder and description, one per line. */
export function kindList(): string {
  const entries = Object.values(BUILDERS);
  const width = Math.max(...entries.map((e) => kindName(e).length));
  return entries.map((e) => `${kindName(e).padEnd(width)}  ${e.description}${makes(e)}\n`).join('');
}

/** Run `spec` with the words after it. */
export async function specCommand(words: readonly string[], io: CommandIo): Promise<void> {
  const { kind, params, help, list } = splitSpecWords(words);
  if (list) return writeOutput(kindList(), undefined, io);
  if (kind === undefined) {
    if (help) return writeOutput('Usage: flowclient-rx spec <kind> --param value ...\n       flowclient-rx spec --list\n       flowclient-rx spec <kind> --help\n', undefined, io);
    throw new UsageError('missing kind; see flowclient-rx spec --list');
  }
  const entry = resolveBuilder(kind);
  if (help) return writeOutput(builderHelp(entry), undefined, io);
  return writeOutput(formatValue(entry.build(builderOptions(entry, params))), undefined, io);
}
