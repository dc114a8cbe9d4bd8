/**
 * `defineKind`: turns a compact kind definition into a {@link KindSchema} (adds `query_kind`,
 * the optional `sampling` field, unit derivation and the units listed in scopes).
 */
import { oneOf, REQUIRED } from './fields.js';
import { sampling } from './sampling.js';
import type { Field, KindSchema, SchemaCheck } from './schema.js';
import { AGGREGATION_UNITS, NONSPATIAL, unitFrom } from './units.js';

/** A query kind as the kind tables write it. */
export interface KindDefinition {
  /** The `query_kind`. */
  kind: string;
  /** Its fields, in FlowMachine's declaration order (without `query_kind`). */
  fields: Readonly<Record<string, Field>>;
  /** Schema-level validators. */
  checks?: readonly SchemaCheck[];
  /**
   * Where its aggregation unit comes from: `'own'` (its `aggregation_unit` field), `'none'`, or the
   * name of the nested-query field it is read from. @defaultValue `'own'` if it has an
   * `aggregation_unit` field, else `'none'`
   */
  unit?: string;
  /** Whether it accepts a `sampling` object (FlowMachine's `BaseQueryWithSamplingSchema`). */
  sampling?: boolean;
  /** Units listed for it in scopes. @defaultValue every aggregation unit, or `nonspatial` */
  scopeUnits?: readonly string[];
}

/** Build the schema of a query kind from its definition. */
export function defineKind(def: KindDefinition): KindSchema {
  const fields: Record<string, Field> = { query_kind: oneOf([def.kind], REQUIRED), ...def.fields };
  if (def.sampling) fields['sampling'] = sampling;
  const source = def.unit ?? ('aggregation_unit' in def.fields ? 'own' : 'none');
  const spatial = source !== 'none';
  const schema: KindSchema = {
    kind: def.kind,
    fields,
    checks: def.checks ?? [],
    scopeUnits: def.scopeUnits ?? (spatial ? AGGREGATION_UNITS : [NONSPATIAL]),
  };
  if (source === 'none') return { ...schema, unit: () => null };
  if (source === 'own') return schema;
  return { ...schema, unit: unitFrom(source) };
}

/** Index kind schemas by `query_kind`. */
export function byKind(schemas: readonly KindSchema[]): Map<string, KindSchema> {
  return new Map(schemas.map((s) => [s.kind, s]));
}
