import { SCHEMAS, TOP_LEVEL_KINDS, validateQuerySpec } from '../../../server/query-kinds/index.js';
import { isObject } from '../../../server/query-kinds/schema.js';
import { at, errorsOf, withValue } from './helpers.js';
import { activeAt, coalesced, daily, METRICS, mobility, tno, uniqueLocations, VALID } from './fixtures.js';

type Spec = Record<string, unknown>;
const validate = (spec: Spec) => validateQuerySpec(spec as Spec & { query_kind: unknown });

/** Every (path to a query object, its kind) inside a spec. */
function queryObjects(spec: unknown, path: string[] = []): Array<[string[], Spec]> {
  if (Array.isArray(spec)) return spec.flatMap((item, i) => queryObjects(item, [...path, String(i)]));
  if (!isObject(spec)) return [];
  const own: Array<[string[], Spec]> = typeof spec['query_kind'] === 'string' ? [[path, spec]] : [];
  return [...own, ...Object.entries(spec).flatMap(([k, v]) => queryObjects(v, [...path, k]))];
}

describe('query-kinds: valid specs (flowclient builder output)', () => {
  for (const [name, spec, expected] of VALID) {
    it(`accepts ${name} with its unit, kinds and parts`, () => {
      const result = validate(spec);
      if (!result.ok) fail(result.message);
      else {
        expect(result.query.unit).toBe(expected.unit);
        expect(result.query.kinds).toEqual(expected.kinds);
        expect(result.query.parts).toBe(expected.parts);
        expect(result.query.resultUnit).toBe(expected.resultUnit === undefined ? expected.unit : expected.resultUnit);
      }
    });
  }

  it('covers all 40 flowclient kinds and every top-level kind', () => {
    const seen = new Set(VALID.flatMap(([, spec]) => queryObjects(spec).map(([, q]) => q['query_kind'])));
    for (const kind of [...SCHEMAS.keys(), ...TOP_LEVEL_KINDS]) expect(seen.has(kind)).withContext(kind).toBeTrue();
    expect(TOP_LEVEL_KINDS.length).toBe(25);
  });

  it('accepts random_sample sampling objects and subscriber_subset ids on per-subscriber kinds', () => {
    for (const sampling of [
      { seed: 0.5, sampling_method: 'random_ids', size: 10, fraction: null, estimate_count: true },
      { seed: 99, sampling_method: 'system', size: null, fraction: 0.3, estimate_count: false },
      { seed: -3, sampling_method: 'bernoulli', fraction: 0.5 },
    ]) {
      const result = validate({ query_kind: 'spatial_aggregate', locations: { ...daily(), sampling, subscriber_subset: 'a1b2c3' } });
      expect(result.ok).withContext(JSON.stringify(sampling)).toBeTrue();
    }
  });

  it('accepts a subscriber_subset id only when the server knows the query (FlowMachine\'s NoneOrQuery)', () => {
    const spec = { query_kind: 'spatial_aggregate', locations: { ...daily(), subscriber_subset: 'a1b2c3' } } as Spec & { query_kind: unknown };
    expect(validateQuerySpec(spec, (id) => id === 'a1b2c3').ok).toBeTrue();
    const refused = validateQuerySpec(spec, () => false);
    expect(refused.ok).toBeFalse();
    if (!refused.ok) {
      const errors = refused.message.slice(refused.message.indexOf('Validation error messages:'));
      expect(errors.replace(/\s+/g, ' ')).toContain('{ "locations": { "subscriber_subset": [ "Must be None or a valid query id." ] } }');
    }
    const none = { query_kind: 'spatial_aggregate', locations: { ...daily(), subscriber_subset: null } } as Spec & { query_kind: unknown };
    expect(validateQuerySpec(none, () => false).ok).toBeTrue();
  });

  it('collects dates and event types from the whole tree', () => {
    const result = validate({
      query_kind: 'flows', join_type: 'inner',
      from_location: { ...daily('2016-01-03'), event_types: ['sms', 'calls'] },
      to_location: { ...uniqueLocations(), event_types: ['calls', 'mds'] },
    });
    expect(result.ok && result.query.dates).toEqual(['2016-01-01', '2016-01-03']);
    expect(result.ok && result.query.eventTypes).toEqual(['sms', 'calls', 'mds']);
    const open = validate({ query_kind: 'spatial_aggregate', locations: daily() });
    expect(open.ok && open.query.eventTypes).toBeNull();
  });

  it('counts parts like FlowMachine: identical sub-queries are stored once', () => {
    const same = validate({ query_kind: 'flows', from_location: daily(), to_location: daily(), join_type: 'inner' });
    expect(same.ok && same.query.parts).toBe(2);
    const modal3 = validate({
      query_kind: 'spatial_aggregate',
      locations: { query_kind: 'modal_location', locations: [daily('2016-01-01'), daily('2016-01-02'), { ...daily('2016-01-01'), hours: null }] },
    });
    expect(modal3.ok && modal3.query.parts).toBe(4);
    const daily1 = validate({ query_kind: 'geography', aggregation_unit: 'admin0' });
    expect(daily1.ok && daily1.query.parts).toBe(1);
  });
});

describe('query-kinds: every field of every kind is checked', () => {
  for (const [name, spec] of VALID) {
    for (const [path, query] of queryObjects(spec)) {
      const kind = String(query['query_kind']);
      const fields = Object.keys(SCHEMAS.get(kind)?.fields ?? {}).filter((f) => f !== 'query_kind' && f in query);
      it(`rejects a wrong-typed value of each field of ${kind} (in ${name}) naming the field`, () => {
        for (const field of fields) {
          const errors = errorsOf(withValue(spec, [...path, field], { bogus: true }));
          expect(at(errors, [...path, field])).withContext(`${kind}.${field}`).toBeDefined();
        }
      });
      it(`rejects a missing required field and an unknown field of ${kind} (in ${name})`, () => {
        const schema = SCHEMAS.get(kind);
        for (const [field, def] of Object.entries(schema?.fields ?? {})) {
          if (!def.required || field === 'query_kind') continue;
          const errors = errorsOf(withValue(spec, [...path, field], undefined));
          expect(at(errors, [...path, field])).withContext(`${kind}.${field}`).toEqual(['Missing data for required field.']);
        }
        const errors = errorsOf(withValue(spec, [...path, 'colour'], 'blue'));
        expect(at(errors, [...path, 'colour'])).toEqual(['Unknown field.']);
      });
    }
  }
});

const JSA = (metric: Spec, method = 'avg'): Spec => ({ query_kind: 'joined_spatial_aggregate', method, locations: daily(), metric });
const LEC: Spec = {
  query_kind: 'location_event_counts', start_date: '2016-01-01', end_date: '2016-01-02', interval: 'day', aggregation_unit: 'admin3',
  direction: 'both', event_types: null, subscriber_subset: null, mapping_table: null, geom_table: null, geom_table_join_column: null, hours: null,
};
const SA = { query_kind: 'spatial_aggregate', locations: daily() };
const MLA = (VALID.find(([n]) => n === 'meaningful_locations_aggregate')?.[1] ?? {}) as Spec;
const HIST: Spec = { query_kind: 'histogram_aggregate', metric: METRICS['event_count'], bins: { n_bins: 5 } };
const SAMPLED = (sampling: unknown): Spec => ({ query_kind: 'spatial_aggregate', locations: { ...daily(), sampling } });

/** [what, spec, path of the error, expected messages (exact) or a substring]. */
const BAD: ReadonlyArray<readonly [string, Spec, string[], string[] | string]> = [
  ['unknown unit', withValue(LEC, ['aggregation_unit'], 'admin9'), ['aggregation_unit'], ['Must be one of: admin0, admin1, admin2, admin3, lon-lat.']],
  ['numeric unit', withValue(LEC, ['aggregation_unit'], 3), ['aggregation_unit'], ['Not a valid string.']],
  ['impossible date', withValue(SA, ['locations', 'date'], '2016-02-30'), ['locations', 'date'], ['Not a valid date.']],
  ['US-style date', withValue(LEC, ['start_date'], '01/01/2016'), ['start_date'], ['Not a valid datetime.']],
  ['interval minute (flowclient docstring value)', withValue(LEC, ['interval'], 'minute'), ['interval'], ['Must be one of: day, hour, min.']],
  ['direction', withValue(LEC, ['direction'], 'sideways'), ['direction'], ['Must be one of: in, out, both.']],
  ['empty event_types', withValue(LEC, ['event_types'], []), ['event_types'], ['Shorter than minimum length 1.']],
  ['unknown event type', withValue(LEC, ['event_types'], ['calls', 'faxes']), ['event_types', '1'], ['Must be one of: calls, sms, mds, topups.']],
  ['hour 25', withValue(LEC, ['hours'], { start_hour: 0, end_hour: 25 }), ['hours', 'end_hour'], ['Must be greater than or equal to 0 and less than or equal to 24.']],
  ['fractional hour text', withValue(LEC, ['hours'], { start_hour: 'x', end_hour: 3 }), ['hours', 'start_hour'], ['Not a valid integer.']],
  ['missing end_hour', withValue(LEC, ['hours'], { start_hour: 1 }), ['hours', 'end_hour'], ['Missing data for required field.']],
  ['method', withValue(SA, ['locations', 'method'], 'first'), ['locations', 'method'], ['Must be one of: last, most-common.']],
  ['proportion 1.5', JSA(withValue(METRICS['pareto_interactions'] ?? {}, ['proportion'], 1.5)), ['metric', 'proportion'], ['Must be greater than or equal to 0.0 and less than or equal to 1.0.']],
  ['statistic', JSA(withValue(METRICS['topup_balance'] ?? {}, ['statistic'], 'mean')), ['metric', 'statistic'], 'Must be one of: '],
  ['characteristic', JSA(withValue(METRICS['handset'] ?? {}, ['characteristic'], 'colour'), 'distr'), ['metric', 'characteristic'], 'Must be one of: hnd_type'],
  ['JSA method', JSA(METRICS['event_count'] ?? {}, 'total'), ['method'], ['Must be one of: avg, max, min, median, mode, stddev, variance, distr.']],
  ['distr for a continuous metric', JSA(METRICS['event_count'] ?? {}, 'distr'), ['_schema'], 'Must be one of: count, sum, avg'],
  ['avg for handset', JSA(METRICS['handset'] ?? {}, 'avg'), ['_schema'], ['Must be one of: distr.']],
  ['total_periods 0', JSA(withValue(METRICS['total_active_periods'] ?? {}, ['total_periods'], 0)), ['metric', 'total_periods'], ['Must be greater than or equal to 1.']],
  ['period_unit', JSA(withValue(METRICS['total_active_periods'] ?? {}, ['period_unit'], 'weeks')), ['metric', 'period_unit'], ['Must be one of: days, hours, minutes.']],
  ['night hour -1', JSA(withValue(METRICS['nocturnal_events'] ?? {}, ['night_hours', 'start_hour'], -1)), ['metric', 'night_hours', 'start_hour'], 'greater than or equal to 0'],
  ['total_by', withValue(tno(), ['total_by'], 'week'), ['total_by'], ['Must be one of: second, minute, hour, day, month, year.']],
  ['aggregate_by', { query_kind: 'aggregate_network_objects', total_network_objects: tno(), statistic: 'avg', aggregate_by: 'decade' }, ['aggregate_by'], 'century.'],
  ['join_type', { query_kind: 'flows', from_location: daily(), to_location: daily(), join_type: 'outer' }, ['join_type'], 'Must be one of: inner, full outer'],
  ['flows endpoints in different units', { query_kind: 'flows', from_location: daily(), to_location: daily('2016-01-01', 'admin2'), join_type: 'inner' },
    ['_schema'], ["'from_location' and 'to_location' parameters must have the same aggregation unit"]],
  ['a metric where a location is required', { query_kind: 'spatial_aggregate', locations: METRICS['event_count'] }, ['locations', 'query_kind'], ['Unsupported value: event_count']],
  ['a location where a metric is required', JSA(daily()), ['metric', 'query_kind'], ['Unsupported value: daily_location']],
  ['handset in a histogram', withValue(HIST, ['metric'], METRICS['handset']), ['metric', 'query_kind'], ['Unsupported value: handset']],
  ['modal_location of modal locations', withValue(SA, ['locations'], { query_kind: 'modal_location', locations: [{ query_kind: 'modal_location', locations: [daily()] }] }),
    ['locations', 'locations', '0', 'query_kind'], ['Unsupported value: modal_location']],
  ['modal_location of mixed units', withValue(SA, ['locations'], { query_kind: 'modal_location', locations: [daily(), daily('2016-01-02', 'admin1')] }),
    ['locations', 'locations'], ['All locations must have the same aggregation unit']],
  ['empty modal_location', withValue(SA, ['locations'], { query_kind: 'modal_location', locations: [] }), ['locations', 'locations'], ['Shorter than minimum length 1.']],
  ['wrong nested kind in a plain slot', { query_kind: 'unmoving_counts', locations: daily() }, ['locations'], 'Unknown field.'],
  ['sampling size and fraction', SAMPLED({ sampling_method: 'system', seed: 1, size: 5, fraction: 0.5 }), ['locations', 'sampling', '_schema'],
    ["Must provide exactly one of 'size' or 'fraction' for a random sample."]],
  ['sampling neither size nor fraction', SAMPLED({ sampling_method: 'system', seed: 1, size: null, fraction: null }), ['locations', 'sampling', '_schema'], 'exactly one of'],
  ['sampling fraction 1', SAMPLED({ sampling_method: 'bernoulli', seed: 1, fraction: 1 }), ['locations', 'sampling', 'fraction'], ['Must be greater than 0.0 and less than 1.0.']],
  ['sampling size 0', SAMPLED({ sampling_method: 'bernoulli', seed: 1, size: 0 }), ['locations', 'sampling', 'size'], ['Must be greater than or equal to 1.']],
  ['random_ids seed 2', SAMPLED({ sampling_method: 'random_ids', seed: 2, size: 3 }), ['locations', 'sampling', 'seed'], ['Must be greater than or equal to -1.0 and less than or equal to 1.0.']],
  ['sampling method', SAMPLED({ sampling_method: 'cluster', seed: 0, size: 3 }), ['locations', 'sampling', 'sampling_method'], ['Unsupported value: cluster']],
  ['sampling on an aggregate', { ...SA, sampling: { sampling_method: 'system', seed: 0, size: 3 } }, ['sampling'], ['Unknown field.']],
  ['subscriber_subset object', withValue(LEC, ['subscriber_subset'], { query_kind: 'daily_location' }), ['subscriber_subset'], ['Not a valid string.']],
  ['23 hour-of-day scores', withValue(MLA, ['tower_hour_of_day_scores'], new Array(23).fill(0)), ['tower_hour_of_day_scores'], ['Length must be 24.']],
  ['hour-of-day score 1.5', withValue(MLA, ['tower_hour_of_day_scores', '3'], 1.5), ['tower_hour_of_day_scores', '3'], ['Must be greater than or equal to -1.0 and less than or equal to 1.0.']],
  ['day-of-week name', withValue(MLA, ['tower_day_of_week_scores', 'funday'], 0), ['tower_day_of_week_scores', 'funday', 'key'], 'Must be one of: monday'],
  ['day-of-week score', withValue(MLA, ['tower_day_of_week_scores', 'monday'], -2), ['tower_day_of_week_scores', 'monday', 'value'], 'greater than or equal to -1.0'],
  ['label geometry not an object', withValue(MLA, ['labels', 'evening'], 'polygon'), ['labels', 'evening', 'value'], ['Not a valid mapping type.']],
  ['bins with both', withValue(HIST, ['bins'], { n_bins: 3, bin_list: [1, 2] }), ['bins', '_schema'], ['Only one of n_bins or bin_list may be provided.']],
  ['bins with neither', withValue(HIST, ['bins'], {}), ['bins', '_schema'], ['One of n_bins or bin_list must be provided.']],
  ['bin_list of text', withValue(HIST, ['bins'], { bin_list: [1, 'x'] }), ['bins', 'bin_list', '1'], ['Not a valid number.']],
  ['range as a list (flowclient sends one; FlowMachine wants Bounds)', { ...HIST, range: [0, 10] }, ['range', '_schema'], ['Invalid input type.']],
  ['range upside down', { ...HIST, range: { lower_bound: 5, upper_bound: 1 } }, ['range', '_schema'], ['lower_bound should be less than upper_bound']],
  ['dfs lon-lat', { query_kind: 'dfs_metric_total_amount', metric: 'fee', start_date: '2016-01-01', end_date: '2016-01-02', aggregation_unit: 'lon-lat' },
    ['aggregation_unit'], ['Must be one of: admin0, admin1, admin2, admin3.']],
  ['unit on a read-only-unit kind', { ...SA, aggregation_unit: 'admin3' }, ['aggregation_unit'], ['Unknown field.']],
  ['null required field', withValue(SA, ['locations', 'date'], null), ['locations', 'date'], ['Field may not be null.']],
  ['null defaulted field', withValue(LEC, ['direction'], null), ['direction'], ['Field may not be null.']],
  ['reference kinds of different units', withValue(activeAt(), ['reference_locations'], daily('2016-01-01', 'admin1')), ['_schema'], 'same aggregation unit'],
  ['mobility_classification as locations', { query_kind: 'labelled_spatial_aggregate', locations: mobility(), labels: mobility() }, ['locations', 'query_kind'], ['Unsupported value: mobility_classification']],
  ['coalesced_location as labels', { query_kind: 'labelled_spatial_aggregate', locations: coalesced(), labels: coalesced() }, ['labels', 'query_kind'], ['Unsupported value: coalesced_location']],
];

describe('query-kinds: bad values are rejected like FlowMachine', () => {
  for (const [what, spec, path, expected] of BAD) {
    it(`rejects ${what}`, () => {
      const found = at(errorsOf(spec), path);
      if (typeof expected === 'string') expect(JSON.stringify(found)).toContain(expected);
      else expect(found).toEqual(expected);
    });
  }

  it('rejects unknown and nested-only kinds at the top level', () => {
    expect(errorsOf({ query_kind: 'nosuchquery' })).toEqual({ query_kind: ['Unsupported value: nosuchquery'] });
    expect(errorsOf(daily())).toEqual({ query_kind: ['Unsupported value: daily_location'] });
    expect(errorsOf({ query_kind: '' })).toEqual({ query_kind: ['Missing data for required field.'] });
    expect(errorsOf({ query_kind: ['flows'] })).toEqual({ query_kind: ["Invalid value: ['flows']"] });
  });

  it("writes FlowMachine's message text byte for byte", () => {
    const result = validate({ query_kind: 'geography', aggregation_unit: 'admin9' });
    expect(result.ok).toBeFalse();
    if (!result.ok) {
      expect(result.message).toBe(
        'Parameter validation failed.\n\nThe action parameters were:\n   {\n     "query_kind": "geography",\n' +
          '     "aggregation_unit": "admin9"\n   }.\n\nValidation error messages:\n   {\n     "aggregation_unit": [\n' +
          '       "Must be one of: admin0, admin1, admin2, admin3, lon-lat."\n     ]\n   }.\n\n',
      );
    }
  });

  it('accepts what marshmallow coerces: numeric strings, ISO datetimes, unpadded dates', () => {
    expect(validate(JSA(withValue(METRICS['pareto_interactions'] ?? {}, ['proportion'], '0.8'))).ok).toBeTrue();
    expect(validate(withValue(LEC, ['hours'], { start_hour: '4', end_hour: 24 })).ok).toBeTrue();
    expect(validate(withValue(LEC, ['end_date'], '2016-01-02T00:00:00')).ok).toBeTrue();
    expect(validate(withValue(SA, ['locations', 'date'], '2016-1-5')).ok).toBeTrue();
  });
});
