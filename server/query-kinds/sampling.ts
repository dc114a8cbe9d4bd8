/**
 * The `sampling` field (FlowMachine's `RandomSampleSchema`): a one-of schema on `sampling_method`
 * (`system`, `bernoulli`, `random_ids`) with exactly one of `size` / `fraction`.
 */
import { boolean, float, integer, makeField, OPTIONAL } from './fields.js';
import { MSG } from './messages.js';
import { pyStr } from './python-json.js';
import { isObject, loadObject, type Field, type ObjectSchema, type SchemaCheck } from './schema.js';

/** Sampling methods FlowMachine accepts. */
export const SAMPLING_METHODS: readonly string[] = ['system', 'bernoulli', 'random_ids'];

const exactlyOne: SchemaCheck = (values) => {
  const hasSize = values['size'] !== undefined && values['size'] !== null;
  const hasFraction = values['fraction'] !== undefined && values['fraction'] !== null;
  return hasSize === hasFraction
    ? { message: "Must provide exactly one of 'size' or 'fraction' for a random sample." }
    : undefined;
};

function samplerSchema(seed: Field): ObjectSchema {
  return {
    fields: {
      size: integer({ allowNone: true }, { min: 1 }),
      fraction: float({ allowNone: true }, { min: 0, max: 1, minInclusive: false, maxInclusive: false }),
      estimate_count: boolean({ default: true }),
      seed,
    },
    checks: [exactlyOne],
  };
}

const SCHEMAS: Readonly<Record<string, ObjectSchema>> = {
  system: samplerSchema(float({ required: true })),
  bernoulli: samplerSchema(float({ required: true })),
  random_ids: samplerSchema(float({ required: true }, { min: -1, max: 1 })),
};

/** The optional `sampling` field of kinds that may be randomly sampled. */
export const sampling: Field = makeField((value, ctx) => {
  if (!isObject(value)) return { ok: false, error: { _schema: `Invalid data type: ${pyStr(value)}` } };
  const method = value['sampling_method'];
  if (method === undefined || method === null || method === '' || method === false || method === 0) {
    return { ok: false, error: { sampling_method: [MSG.required] } };
  }
  if (typeof method === 'object') return { ok: false, error: { sampling_method: [`Invalid value: ${pyStr(method)}`] } };
  const schema = typeof method === 'string' ? SCHEMAS[method] : undefined;
  if (schema === undefined) return { ok: false, error: { sampling_method: [`Unsupported value: ${pyStr(method)}`] } };
  const rest = Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'sampling_method'));
  const loaded = loadObject(rest, schema, ctx);
  return loaded.ok ? { ok: true, value: { sampling_method: method, ...loaded.values } } : loaded;
}, OPTIONAL);
