import { isQuerySpecError, QuerySpecError } from '../../src/errors.js';
import { BUILDERS, BUILDER_NAMES, type FieldDescriptor, type FieldType } from '../../src/forms.js';
import { daily, thrown, VALID_OPTIONS } from './fixtures.js';

/** A spec of a kind no nested slot accepts. */
const wrongKind = () => ({ query_kind: 'spatial_aggregate', locations: daily() });

/** Values FlowAPI rejects for a field type (each must fail the check). */
function badValues(type: FieldType): readonly unknown[] {
  switch (type.kind) {
    case 'date':
      return type.withTime
        ? ['2016-02-30', '2015-02-29', '2016-13-01', '2016-1-1', '01/02/2016', '2016-01-01T24:00', 20160101]
        : ['2016-02-30', '2016-01-01T00:00:00', '2016-1-1'];
    case 'enum':
      return ['not-a-value', '', 42];
    case 'enumList':
      return [[], ['calls', 'faxes'], 'calls'];
    case 'hours':
      return [[0, 25], [-1, 3], [1.5, 3], [3], [3, 4, 5], 'night'];
    case 'integer':
      return type.min === undefined ? [1.5, 'ten', true] : [type.min - 1, 1.5, 'ten'];
    case 'number':
      return [
        'abc',
        Number.NaN,
        Number.POSITIVE_INFINITY,
        ...(type.min === undefined ? [] : [type.exclusive ? type.min : type.min - 0.01]),
        ...(type.max === undefined ? [] : [type.exclusive ? type.max : type.max + 0.01]),
      ];
    case 'boolean':
      return ['yes', 1];
    case 'string':
      return [42, ['a']];
    case 'subscriberSubset':
      return [42, '', {}, { query_kind: 'daily_location', date: '2016-01-02' }];
    case 'query':
      return [wrongKind(), 'daily_location', [daily()]];
    case 'queryList':
      return [[], [wrongKind()], daily()];
    case 'numberList':
      return [Array.from({ length: type.length - 1 }, () => 0), [...Array.from({ length: type.length - 1 }, () => 0), type.max + 0.5], 'scores'];
    case 'numberMap':
      return [{ funday: 0 }, { Monday: 0 }, { [type.keys[0] ?? 'x']: type.min - 0.5 }, [0]];
    case 'geometryMap':
      return [{ evening: 'polygon' }, ['evening']];
    case 'bins':
      return ['five', 2.5, [1, 'x'], 0, -1, [], [3, 1]];
    case 'range':
      return [[5, 1], [1, 1], [1], 'wide'];
  }
}

function expectRejected(builder: string, field: FieldDescriptor, value: unknown): void {
  const error = thrown(() => BUILDERS[builder as keyof typeof BUILDERS].build({ ...VALID_OPTIONS[builder as keyof typeof VALID_OPTIONS](), [field.name]: value }));
  expect(isQuerySpecError(error)).withContext(`${builder}.${field.name} = ${JSON.stringify(value)}`).toBeTrue();
  const e = error as QuerySpecError;
  expect(e.builder).toBe(builder);
  expect(e.field).toBe(field.name);
  expect(e.value).toEqual(value);
  expect(e.allowed).toBe(field.allowed);
  expect(e.message).toContain(builder);
  expect(e.message).toContain(field.name);
  expect(e.message).toContain(field.allowed);
  if (field.type.kind === 'enum' || field.type.kind === 'enumList') for (const v of field.type.values) expect(e.message).toContain(`'${v}'`);
}

describe('spec builder checks: a bad value of every checked field of every builder', () => {
  it('covers all 42 builders', () => {
    expect(BUILDER_NAMES.length).toBe(42);
    expect(Object.keys(VALID_OPTIONS).sort()).toEqual([...BUILDER_NAMES].sort());
  });

  for (const name of BUILDER_NAMES) {
    const { fields } = BUILDERS[name];
    describe(name, () => {
      it('builds from its minimal valid options', () => {
        expect(() => BUILDERS[name].build(VALID_OPTIONS[name]())).not.toThrow();
      });

      for (const field of fields) {
        it(`rejects bad ${field.name} values, naming builder, field, value and what is allowed`, () => {
          for (const value of badValues(field.type)) expectRejected(name, field, value);
          if (!field.nullable) expectRejected(name, field, null);
        });

        if (field.required) {
          it(`rejects a missing ${field.name}`, () => {
            const options = VALID_OPTIONS[name]();
            delete options[field.name];
            const error = thrown(() => BUILDERS[name].build(options));
            expect(error).toEqual(jasmine.objectContaining({ name: 'QuerySpecError', builder: name, field: field.name, value: undefined }));
            expect((error as Error).message).toContain('(missing)');
          });
        }
      }

      it('rejects an unknown option, as flowclient rejects an unknown keyword', () => {
        const error = thrown(() => BUILDERS[name].build({ ...VALID_OPTIONS[name](), aggregation_unitt: 'admin3' }));
        expect(error).toEqual(jasmine.objectContaining({ builder: name, field: 'aggregation_unitt', value: 'admin3' }));
      });

      it('rejects options that are not an object', () => {
        for (const options of [null, 'admin3', [1]]) {
          expect(thrown(() => BUILDERS[name].build(options as never))).toEqual(jasmine.objectContaining({ builder: name, field: 'options' }));
        }
      });
    });
  }
});

describe('spec builder checks: boundaries FlowAPI accepts and rejects', () => {
  const build = (name: keyof typeof BUILDERS, extra: Record<string, unknown>) => () => BUILDERS[name].build({ ...VALID_OPTIONS[name](), ...extra });
  const rejects = (name: keyof typeof BUILDERS, extra: Record<string, unknown>, field: string) =>
    expect(thrown(build(name, extra))).withContext(JSON.stringify(extra)).toEqual(jasmine.objectContaining({ builder: name, field }));
  const accepts = (name: keyof typeof BUILDERS, extra: Record<string, unknown>) => expect(build(name, extra)).withContext(JSON.stringify(extra)).not.toThrow();

  it('hours are integers from 0 to 24, both ends included', () => {
    for (const hours of [[0, 24], [24, 0], [20, 4], [5, 5], ['3', '4']]) accepts('dailyLocationSpec', { hours });
    for (const hours of [[0, 24.5], [-0.5, 3], [25, 1]]) rejects('dailyLocationSpec', { hours }, 'hours');
    accepts('nocturnalEventsSpec', { hours: [0, 24] });
    rejects('nocturnalEventsSpec', { hours: null }, 'hours');
  });

  it('dates are real YYYY-MM-DD dates, optionally with the time FlowAPI also accepts', () => {
    for (const startDate of ['2016-02-29', '2016-01-01T06:00:00', '2016-01-01 06:00', '2016-01-01T06', '2016-01-01T06:00:00.123Z', '2016-01-01T23:59:59+01:00']) {
      accepts('radiusOfGyrationSpec', { startDate, endDate: '2016-03-01' }); // a period that does not end before it starts
    }
    for (const startDate of ['2015-02-29', '2016-04-31', '2016-00-10', '2016-01-01T06:60', '2016-01-01X06:00', ' 2016-01-01']) {
      rejects('radiusOfGyrationSpec', { startDate }, 'startDate');
    }
  });

  it('proportion is from 0 to 1 inclusive; numeric strings pass, as FlowAPI coerces them', () => {
    for (const proportion of [0, 1, 0.5, '0.8']) accepts('paretoInteractionsSpec', { proportion });
    for (const proportion of [-0.01, 1.01, '80%']) rejects('paretoInteractionsSpec', { proportion }, 'proportion');
  });

  it('random samples need exactly one of size and fraction, fraction strictly inside (0, 1)', () => {
    accepts('randomSampleSpec', { size: null, fraction: 0.1 });
    accepts('randomSampleSpec', { size: 1, fraction: undefined });
    rejects('randomSampleSpec', { size: 10, fraction: 0.5 }, 'size');
    rejects('randomSampleSpec', { size: null }, 'size');
    for (const fraction of [0, 1]) rejects('randomSampleSpec', { size: null, fraction }, 'fraction');
  });

  it('the random_ids seed is in [-1, 1]; other methods take any seed', () => {
    for (const seed of [-1, 1, 0]) accepts('randomSampleSpec', { seed });
    for (const seed of [1.5, -2]) rejects('randomSampleSpec', { seed }, 'seed');
    accepts('randomSampleSpec', { seed: 42, samplingMethod: 'system' });
    accepts('randomSampleSpec', { seed: -42, samplingMethod: 'bernoulli' });
  });

  it('only subscriber-level kinds whose schema takes sampling can be sampled', () => {
    rejects('randomSampleSpec', { query: BUILDERS.totalActivePeriodsSpec.build(VALID_OPTIONS.totalActivePeriodsSpec()) }, 'query');
    rejects('randomSampleSpec', { query: BUILDERS.flowsSpec.build(VALID_OPTIONS.flowsSpec()) }, 'query');
  });

  it('24 hour-of-day scores in [-1, 1], day-of-week scores keyed by lower-case day names', () => {
    const scores = (last: unknown) => [...Array.from({ length: 23 }, () => 0.25), last];
    for (const last of [-1, 1, '0.5']) accepts('meaningfulLocationsAggregateSpec', { towerHourOfDayScores: scores(last) });
    for (const last of [1.01, -1.5, null]) rejects('meaningfulLocationsAggregateSpec', { towerHourOfDayScores: scores(last) }, 'towerHourOfDayScores');
    accepts('meaningfulLocationsAggregateSpec', { towerDayOfWeekScores: { sunday: -1 } });
    rejects('meaningfulLocationsAggregateSpec', { towerDayOfWeekScores: { sunday: -1.01 } }, 'towerDayOfWeekScores');
  });

  it('bins are at least 1, or bin edges in increasing order', () => {
    for (const bins of [1, '3', [0], [0, 1, 1, 5], ['0', 2.5]]) accepts('histogramAggregateSpec', { bins });
    for (const bins of [0, -1, [], [5, 1], [0, 2, 1]]) rejects('histogramAggregateSpec', { bins }, 'bins');
  });

  // Every builder over a period, found by its options: each start<X> date with an end<X>.
  const periods = BUILDER_NAMES.flatMap((name) =>
    BUILDERS[name].fields
      .filter((f) => f.type.kind === 'date' && f.name.startsWith('start'))
      .map((f) => [name, f.name, f.name.replace(/^start/, 'end'), f.type.kind === 'date' && f.type.withTime] as const)
      .filter(([, , end]) => BUILDERS[name].fields.some((f) => f.name === end)),
  );
  it(`covers the ${periods.length} periods of the builders`, () => {
    expect(periods.length).toBe(23); // 21 builders with startDate/endDate, and both periods of the dates OD matrix
  });
  for (const [name, start, end, withTime] of periods) {
    it(`${name} refuses ${end} before ${start}, naming both`, () => {
      const error = thrown(build(name, { [start]: '2016-01-03', [end]: '2016-01-02' }));
      expect(error).toEqual(jasmine.objectContaining({ name: 'QuerySpecError', builder: name, field: end, value: '2016-01-02' }));
      expect((error as Error).message).toBe(
        `${name}: invalid ${end} "2016-01-02"; expected a date not before ${start} (2016-01-03): the period runs from ${start}, inclusive, to ${end}, exclusive.`,
      );
      if (!withTime) return;
      rejects(name, { [start]: '2016-01-01T12:00:00', [end]: '2016-01-01T06:00' }, end);
      accepts(name, { [start]: '2016-01-01T23:30:00+01:00', [end]: '2016-01-01T23:00:00Z' }); // 22:30 UTC, before 23:00
    });
  }

  it('accepts every value FlowAPI lists, including those flowclient does not document', () => {
    for (const statistic of ['avg', 'max', 'min', 'median', 'mode', 'stddev', 'variance', 'count', 'sum']) accepts('topupBalanceSpec', { statistic });
    for (const countInterval of ['day', 'hour', 'min', 'minute']) accepts('locationEventCountsSpec', { countInterval });
    for (const joinType of ['inner', 'full outer', 'left', 'right', 'left outer', 'right outer']) accepts('flowsSpec', { joinType });
    for (const aggregationUnit of ['admin0', 'admin1', 'admin2', 'admin3', 'lon-lat']) accepts('uniqueLocationsSpec', { aggregationUnit });
    accepts('uniqueLocationsSpec', { eventTypes: ['calls', 'calls', 'topups'] });
    accepts('spatialAggregateSpec', { locations: { query_kind: 'visited_most_days', start_date: '2016-01-01' } });
    accepts('dailyLocationSpec', { subscriberSubset: 'a1b2c3' });
  });
});
