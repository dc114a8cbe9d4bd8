/**
 * `spec <kind> --param value`: kinds to builders, option names to the builders' options, and
 * values read by the field's type (in-process, no server).
 */
import { BUILDERS } from '../../src/forms.js';
import { UsageError } from '../../cli/errors.js';
import { builderOptions, camelCase, kindName, parseValue, resolveBuilder, splitSpecWords } from '../../cli/spec-params.js';

const field = (builder: keyof typeof BUILDERS, name: string) => BUILDERS[builder].fields.find((f) => f.name === name);

describe('flowclient-rx CLI · spec parameters', () => {
  const kinds: Array<[string, string]> = [
    ['daily_location', 'dailyLocationSpec'],
    ['daily-location', 'dailyLocationSpec'],
    ['dailyLocationSpec', 'dailyLocationSpec'],
    ['dailyLocation', 'dailyLocationSpec'],
    ['modal_location', 'modalLocationSpec'],
    ['modal_location_from_dates', 'modalLocationFromDatesSpec'],
    ['random_sample', 'randomSampleSpec'],
    ['meaningful_locations_between_label_od_matrix', 'meaningfulLocationsBetweenLabelOdMatrixSpec'],
  ];
  for (const [kind, builder] of kinds) {
    it(`resolves the kind '${kind}' to ${builder}`, () => expect(resolveBuilder(kind).builder).toBe(builder));
  }

  it('refuses an unknown kind with a UsageError', () => {
    expect(() => resolveBuilder('daily')).toThrowMatching((e: unknown) => e instanceof UsageError && /unknown kind 'daily'/.test(e.message));
  });

  it('names every builder by a distinct kind that resolves back to it', () => {
    const entries = Object.values(BUILDERS);
    expect(new Set(entries.map(kindName)).size).toBe(entries.length);
    for (const entry of entries) expect(resolveBuilder(kindName(entry)).builder).withContext(kindName(entry)).toBe(entry.builder);
  });

  it('camel-cases kebab and snake names', () => {
    expect(['aggregation-unit', 'aggregation_unit', 'aggregationUnit'].map(camelCase)).toEqual(Array(3).fill('aggregationUnit'));
    expect(camelCase('end-date-a')).toBe('endDateA');
  });

  const values: Array<[string, string, ReturnType<typeof field>, unknown]> = [
    ['a date as text', '2016-01-01', field('dailyLocationSpec', 'date'), '2016-01-01'],
    ['a text field as text even when it is a number', '2016', field('dailyLocationSpec', 'mappingTable'), '2016'],
    ['null as null', 'null', field('dailyLocationSpec', 'mappingTable'), null],
    ['an integer', '10', field('randomSampleSpec', 'size'), 10],
    ['a negative number', '-0.5', field('randomSampleSpec', 'seed'), -0.5],
    ['a boolean', 'false', field('randomSampleSpec', 'estimateCount'), false],
    ['a JSON list', '["calls","sms"]', field('dailyLocationSpec', 'eventTypes'), ['calls', 'sms']],
    ['a comma list of words', 'calls,sms', field('dailyLocationSpec', 'eventTypes'), ['calls', 'sms']],
    ['one word of a list field as a list', 'calls', field('dailyLocationSpec', 'eventTypes'), ['calls']],
    ['a comma list of numbers', '20, 4', field('dailyLocationSpec', 'hours'), [20, 4]],
    ['a nested spec', '{"query_kind":"daily_location"}', field('spatialAggregateSpec', 'locations'), { query_kind: 'daily_location' }],
    ['a subscriber subset id as text', '123', field('dailyLocationSpec', 'subscriberSubset'), '123'],
    ['an unknown option as JSON when it parses', '1.5', undefined, 1.5],
    ['an unknown option as text otherwise', 'red', undefined, 'red'],
  ];
  for (const [what, raw, f, expected] of values) {
    it(`reads ${what}`, () => expect(parseValue(raw, f)).toEqual(expected));
  }

  it('splits the words into kind, options, --name=value, bare flags, --help and --list', () => {
    expect(splitSpecWords(['daily_location', '--date=2016-01-01', '--method', 'last', '--flag', '--help'])).toEqual({
      kind: 'daily_location',
      params: [['date', '2016-01-01'], ['method', 'last'], ['flag', undefined]],
      help: true,
      list: false,
    });
    expect(splitSpecWords(['--list'])).toEqual({ kind: undefined, params: [], help: false, list: true });
  });

  it('refuses a stray word after the kind', () => {
    expect(() => splitSpecWords(['daily_location', 'admin3'])).toThrowError(UsageError, /unexpected argument 'admin3'/);
  });

  it("maps names to the builder's options, by option name or JSON key, and refuses one given twice", () => {
    const entry = BUILDERS.locationEventCountsSpec;
    expect(builderOptions(entry, [['start_date', '2016-01-01'], ['interval', 'hour'], ['aggregation-unit', 'admin3'], ['flag', undefined]])).toEqual({
      startDate: '2016-01-01',
      countInterval: 'hour',
      aggregationUnit: 'admin3',
      flag: true,
    });
    expect(() => builderOptions(entry, [['start-date', 'a'], ['start_date', 'b']])).toThrowError(UsageError, /--start_date is given twice/);
  });
});
