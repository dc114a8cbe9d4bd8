/**
 * Invalid query specs: one bad value for every kind of checked option (date, enum, list, hours,
 * integer, number, boolean, string, subscriber subset, nested query, query list, number list,
 * number map, geometry map, bins, range), unknown and missing options, options that are not an
 * object, a wrapper given a bad spec, a spec only the server can refuse, and bad result options.
 */
import { firstValueFrom } from 'rxjs';
import { getResultByQueryId } from '../../../../src/client/results.js';
import { FlowclientConnectionError, QuerySpecError } from '../../../../src/errors.js';
import { BUILDERS, type BuilderName } from '../../../../src/forms.js';
import { dailyLocationSpec, spatialAggregate } from '../../../../src/specs/index.js';
import type { QuerySpec } from '../../../../src/specs/types.js';
import type { BadInput, BadInputContext } from './table.js';

const daily = () => dailyLocationSpec({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' });
const period = { startDate: '2016-01-01', endDate: '2016-01-02' };
const LABELS = { evening: { type: 'Polygon', coordinates: [[[1e-6, -1], [1e-6, 1], [1, 1], [1, -1]]] } };
const DAY_SCORES = { monday: 1, tuesday: 1, wednesday: 1, thursday: 0, friday: -1, saturday: -1, sunday: -1 };
const HOUR_SCORES = Array.from({ length: 24 }, (_, h) => (h < 7 || h > 21 ? -1 : 1));
const scoring = { ...period, aggregationUnit: 'admin3', label: 'evening', labels: LABELS, towerDayOfWeekScores: DAY_SCORES, towerHourOfDayScores: HOUR_SCORES };
const radius = () => BUILDERS.radiusOfGyrationSpec.build(period);

/** Minimal valid options of the builders the rows use. */
const VALID: Partial<Record<BuilderName, () => Record<string, unknown>>> = {
  dailyLocationSpec: () => ({ date: '2016-01-01', aggregationUnit: 'admin3', method: 'last' }),
  modalLocationSpec: () => ({ locations: [daily()] }),
  totalActivePeriodsSpec: () => ({ startDate: '2016-01-01', totalPeriods: 3 }),
  paretoInteractionsSpec: () => ({ ...period, proportion: 0.8 }),
  randomSampleSpec: () => ({ query: daily(), seed: 0.5, size: 10 }),
  spatialAggregateSpec: () => ({ locations: daily() }),
  meaningfulLocationsAggregateSpec: () => scoring,
  histogramAggregateSpec: () => ({ metric: radius(), bins: 5 }),
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What `builder` allows for `field`, in words. */
function allowed(builder: BuilderName, field: string): string {
  const descriptor = BUILDERS[builder].fields.find((f) => f.name === field);
  if (descriptor === undefined) throw new Error(`no option ${field} on ${builder}`);
  return descriptor.allowed;
}

/** The message of a refused option: builder, option, the value (long ones shortened), what is allowed. */
const refused = (builder: string, field: string, allowedText: string) =>
  new RegExp(`^${escape(`${builder}: invalid ${field} `)}.+${escape(`; expected ${allowedText}.`)}$`);

/** A row: `builder` given its valid options with `field` set to `value`. */
function badOption(kind: string, builder: BuilderName, field: string, value: unknown): BadInput {
  const text = JSON.stringify(value);
  return {
    input: `a bad ${kind} (${builder}.${field} = ${text.length > 40 ? `${text.slice(0, 37)}...` : text})`,
    act: () => BUILDERS[builder].build({ ...(VALID[builder]?.() ?? {}), [field]: value } as never),
    error: QuerySpecError,
    message: refused(builder, field, allowed(builder, field)),
    fields: { builder, field, value, allowed: allowed(builder, field) },
    sendsNothing: true,
  };
}

/** Specs refused by the client's checks (nothing sent), by the server, or result options refused. */
export const QUERY_SPECS: readonly BadInput[] = [
  badOption('date', 'dailyLocationSpec', 'date', '2016-02-30'),
  badOption('choice', 'dailyLocationSpec', 'aggregationUnit', 'admin9'),
  badOption('list of choices', 'dailyLocationSpec', 'eventTypes', ['calls', 'faxes']),
  badOption('hours range', 'dailyLocationSpec', 'hours', [0, 25]),
  badOption('string', 'dailyLocationSpec', 'mappingTable', 42),
  badOption('subscriber subset', 'dailyLocationSpec', 'subscriberSubset', ''),
  badOption('integer', 'totalActivePeriodsSpec', 'totalPeriods', 1.5),
  badOption('number', 'paretoInteractionsSpec', 'proportion', 'most'),
  badOption('boolean', 'randomSampleSpec', 'estimateCount', 'yes'),
  badOption('nested query of the wrong kind', 'spatialAggregateSpec', 'locations', { query_kind: 'spatial_aggregate', locations: daily() }),
  badOption('query list', 'modalLocationSpec', 'locations', []),
  badOption('number list', 'meaningfulLocationsAggregateSpec', 'towerHourOfDayScores', HOUR_SCORES.slice(1)),
  badOption('number map', 'meaningfulLocationsAggregateSpec', 'towerDayOfWeekScores', { funday: 0 }),
  badOption('geometry map', 'meaningfulLocationsAggregateSpec', 'labels', ['evening']),
  badOption('bins', 'histogramAggregateSpec', 'bins', 'five'),
  badOption('range', 'histogramAggregateSpec', 'range', [5, 1]),
  badOption('number of bins', 'histogramAggregateSpec', 'bins', -1),
  {
    input: 'a period that ends before it starts (locationEventCountsSpec)',
    act: () => BUILDERS.locationEventCountsSpec.build({ startDate: '2016-01-03', endDate: '2016-01-01', aggregationUnit: 'admin3', countInterval: 'day' }),
    error: QuerySpecError,
    message: 'locationEventCountsSpec: invalid endDate "2016-01-01"; expected a date not before startDate (2016-01-03): the period runs from startDate, inclusive, to endDate, exclusive.',
    fields: { builder: 'locationEventCountsSpec', field: 'endDate', value: '2016-01-01' },
    sendsNothing: true,
  },
  {
    input: 'flows between locations of different aggregation units (flowsSpec)',
    act: () => BUILDERS.flowsSpec.build({ fromLocation: daily(), toLocation: dailyLocationSpec({ date: '2016-01-02', aggregationUnit: 'admin2', method: 'last' }) }),
    error: QuerySpecError,
    message: /^flowsSpec: invalid toLocation \{"query_kind":"daily_location".*; expected toLocation at the aggregation unit of fromLocation \(admin3\), not admin2: FlowMachine refuses location queries of different aggregation units \("All locations must have the same aggregation unit"\)\.$/,
    fields: { builder: 'flowsSpec', field: 'toLocation' },
    sendsNothing: true,
  },
  {
    input: 'a modal location over daily locations of different aggregation units (modalLocationSpec, through a wrapper)',
    act: (t: BadInputContext) =>
      spatialAggregate({ connection: t.conn, locations: BUILDERS.modalLocationSpec.build({ locations: [daily(), dailyLocationSpec({ date: '2016-01-02', aggregationUnit: 'admin1', method: 'last' })] }) as never }),
    error: QuerySpecError,
    message: /^modalLocationSpec: invalid locations .*; expected locations\[1\] at the aggregation unit of locations\[0\] \(admin3\), not admin1: /,
    fields: { builder: 'modalLocationSpec', field: 'locations' },
    sendsNothing: true,
  },
  {
    input: 'an unknown option',
    act: () => BUILDERS.dailyLocationSpec.build({ ...VALID.dailyLocationSpec?.(), colour: 'red' } as never),
    error: QuerySpecError,
    message: /^dailyLocationSpec: invalid colour "red"; expected no such option; options are date, aggregationUnit, method, /,
    fields: { field: 'colour' },
    sendsNothing: true,
  },
  {
    input: 'a missing required option',
    act: () => dailyLocationSpec({ aggregationUnit: 'admin3', method: 'last' } as never),
    error: QuerySpecError,
    message: `dailyLocationSpec: invalid date (missing); expected ${allowed('dailyLocationSpec', 'date')}.`,
    fields: { field: 'date' },
    sendsNothing: true,
  },
  {
    input: 'options that are not an object',
    act: () => dailyLocationSpec(null as never),
    error: QuerySpecError,
    message: 'dailyLocationSpec: invalid options null; expected an options object.',
    sendsNothing: true,
  },
  {
    input: 'an aggregate wrapper given a bad spec',
    act: (t: BadInputContext) => spatialAggregate({ connection: t.conn, locations: 'daily_location' as never }),
    error: QuerySpecError,
    message: /^spatialAggregateSpec: invalid locations "daily_location"; expected /,
    sendsNothing: true,
  },
  {
    input: 'a hand-built spec of an unknown kind (refused by the server)',
    act: (t: BadInputContext) => firstValueFrom(t.conn.makeApiQuery({ query_kind: 'no_such_kind' } as unknown as QuerySpec).run()),
    error: FlowclientConnectionError,
    message: /^Something went wrong\. API returned with status code 400\. Error message: 'Parameter validation failed\./,
    fields: { status: 400, route: 'run' },
  },
  {
    input: 'an unknown result format',
    act: (t: BadInputContext) => t.conn.makeApiQuery(daily()).getResult({ format: 'xlsx' as never }),
    error: TypeError,
    message: "Invalid format: 'xlsx'. Expected one of 'json', 'geojson', 'csv'.",
    sendsNothing: true,
  },
  {
    input: 'a poll interval of zero',
    act: (t: BadInputContext) => getResultByQueryId({ connection: t.conn, queryId: t.completedId, pollInterval: 0 }),
    error: TypeError,
    message: "getResultByQueryId: pollInterval is in milliseconds and must be at least 100 (got 0; for flowclient's poll_interval=0 s write 0)",
    sendsNothing: true,
  },
  {
    input: 'a poll interval of one (a Python habit: seconds)',
    act: (t: BadInputContext) => t.conn.makeApiQuery({ query_kind: 'dummy_query' } as never).getResult({ pollInterval: 1 }),
    error: TypeError,
    message: "getResult: pollInterval is in milliseconds and must be at least 100 (got 1; for flowclient's poll_interval=1 s write 1000)",
    sendsNothing: true,
  },
  {
    input: 'an unknown poll strategy',
    act: (t: BadInputContext) => t.conn.makeApiQuery({ query_kind: 'dummy_query' } as never).watch({ pollStrategy: 'lazy' as never }),
    error: TypeError,
    message: "watch: pollStrategy must be 'predictive', 'eager' or a function (got \"lazy\")",
    sendsNothing: true,
  },
];
