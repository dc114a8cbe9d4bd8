import { BUILDERS, BUILDER_NAMES, buildersForKind, type FieldDescriptor } from '../../src/forms.js';
import { AGGREGATION_UNITS, EVENT_TYPES, QUERY_KINDS, STATISTICS } from '../../src/specs/index.js';
import { VALID_OPTIONS } from './fixtures.js';

/** Builders whose JSON keys are not their fields' keys: one expands to daily locations, one keeps its query's keys. */
const RESHAPING = new Set(['modalLocationFromDatesSpec', 'randomSampleSpec']);

describe('BUILDERS registry', () => {
  it('lists the 42 builders under their own names, covering the 40 query kinds', () => {
    expect(BUILDER_NAMES.length).toBe(42);
    for (const name of BUILDER_NAMES) expect(BUILDERS[name].builder).toBe(name);
    const kinds = new Set(BUILDER_NAMES.map((name) => BUILDERS[name].queryKind).filter((kind) => kind !== null));
    expect([...kinds].sort()).toEqual([...QUERY_KINDS].sort());
    expect(BUILDERS.randomSampleSpec.queryKind).toBeNull();
    expect(buildersForKind('modal_location').map((entry) => entry.builder)).toEqual(['modalLocationSpec', 'modalLocationFromDatesSpec']);
    expect(buildersForKind('flows').map((entry) => entry.builder)).toEqual(['flowsSpec']);
  });

  it('describes every field with a name, JSON key, requiredness, allowed values and a description', () => {
    for (const name of BUILDER_NAMES) {
      const names = BUILDERS[name].fields.map((f) => f.name);
      expect(new Set(names).size).withContext(name).toBe(names.length);
      for (const field of BUILDERS[name].fields) {
        expect(field.name).toMatch(/^[a-z][A-Za-z]*$/);
        expect(field.key).toMatch(/^[a-z_]+$/);
        expect(typeof field.required).toBe('boolean');
        expect(field.allowed.length).withContext(`${name}.${field.name}`).toBeGreaterThan(5);
        expect(field.description.length).withContext(`${name}.${field.name}`).toBeGreaterThan(5);
        if (field.required) expect('default' in field).toBeFalse();
      }
    }
  });

  it('lists the fields in the order of the JSON keys each builder sends', () => {
    for (const name of BUILDER_NAMES.filter((n) => !RESHAPING.has(n))) {
      const options = VALID_OPTIONS[name]() as Record<string, unknown>;
      const spec = BUILDERS[name].build(options) as object;
      const sentKeys = BUILDERS[name].fields.filter((f) => f.required || 'default' in f || options[f.name] != null).map((f) => f.key);
      expect(Object.keys(spec)).withContext(name).toEqual(['query_kind', ...sentKeys]);
    }
  });

  it('sends each default its descriptor declares when the option is left out', () => {
    for (const name of BUILDER_NAMES.filter((n) => !RESHAPING.has(n))) {
      const spec = BUILDERS[name].build(VALID_OPTIONS[name]()) as unknown as Record<string, unknown>;
      for (const field of BUILDERS[name].fields.filter((f: FieldDescriptor) => !f.required && 'default' in f)) {
        expect(spec[field.key]).withContext(`${name}.${field.name}`).toEqual(field.default);
      }
    }
  });

  it('reads its allowed values from the exported tables the checks use', () => {
    const field = (builder: keyof typeof BUILDERS, name: string) => BUILDERS[builder].fields.find((f) => f.name === name)?.type;
    expect(field('dailyLocationSpec', 'aggregationUnit')).toEqual({ kind: 'enum', values: AGGREGATION_UNITS });
    expect((field('dailyLocationSpec', 'aggregationUnit') as { values: unknown }).values).toBe(AGGREGATION_UNITS);
    expect((field('uniqueLocationsSpec', 'eventTypes') as { values: unknown }).values).toBe(EVENT_TYPES);
    expect((field('topupBalanceSpec', 'statistic') as { values: unknown }).values).toBe(STATISTICS);
  });

  it('builds through build() with the same checks as the builder', () => {
    expect(() => BUILDERS.dailyLocationSpec.build({ date: '2016-01-01', aggregationUnit: 'admin9', method: 'last' })).toThrowMatching(
      (e: unknown) => (e as { field?: string }).field === 'aggregationUnit',
    );
  });
});
