/** Bad result bodies: truncated, invalid JSON, JSON without a result, HTML where rows should be. */
import { getGeography } from '../../../../src/client/metadata.js';
import { getGeojsonResultByQueryId, getResultByQueryId } from '../../../../src/client/results.js';
import { ResultDecodeError } from '../../../../src/errors.js';
import { HTML_PAGE, burst, withFields, type BadInput, type BadInputContext } from './table.js';

const rows = (t: BadInputContext) => getResultByQueryId({ connection: t.conn, queryId: t.completedId });
const NOT_JSON = (t: BadInputContext) => `The result at get/${t.completedId} is not valid JSON (truncated or malformed).`;
const NO_RESULT = (t: BadInputContext) => `The result at get/${t.completedId} has no result in it.`;
const json = (route: string, body: string) => burst(route, 200, body, 'application/json');

/** Result bodies that must never pass for rows. */
export const RESULT_BODIES: readonly BadInput[] = withFields({ status: 200 }, [
  { input: 'a result truncated mid-row', faults: json('get', '{"query_id":"x", "query_result":[{"pcod":"A","value":1}, {"pcod":"B","va'), act: rows, error: ResultDecodeError, message: NOT_JSON },
  { input: 'a result truncated before its closing brackets', faults: json('get', '{"query_id":"x", "query_result":[{"pcod":"A","value":1}'), act: rows, error: ResultDecodeError, message: NOT_JSON },
  { input: 'a result with NaN in it (not JSON)', faults: json('get', '{"query_id":"x", "query_result":[{"pcod":"A","value":NaN}]}'), act: rows, error: ResultDecodeError, message: NOT_JSON },
  { input: 'a result with a trailing comma (not JSON)', faults: json('get', '{"query_id":"x", "query_result":[{"pcod":"A","value":1},]}'), act: rows, error: ResultDecodeError, message: NOT_JSON },
  { input: 'an empty result body', faults: json('get', ''), act: rows, error: ResultDecodeError, message: NOT_JSON },
  { input: 'an HTML page with status 200 as the result', faults: burst('get', 200, HTML_PAGE(200, 'Maintenance')), act: rows, error: ResultDecodeError, message: NOT_JSON },
  { input: 'a JSON result without query_result', faults: json('get', '{"query_id":"x"}'), act: rows, error: ResultDecodeError, message: NO_RESULT },
  { input: 'a JSON result whose query_result is not a list', faults: json('get', '{"query_id":"x", "query_result":{"pcod":"A"}}'), act: rows, error: ResultDecodeError, message: NO_RESULT },
  { input: 'a JSON null as the result', faults: json('get', 'null'), act: rows, error: ResultDecodeError, message: NO_RESULT },
  {
    input: 'a GeoJSON result truncated mid-feature',
    faults: json('get', '{"type":"FeatureCollection", "features":[{"type":"Feature","geometry":{"type":"Poly'),
    act: (t) => getGeojsonResultByQueryId({ connection: t.conn, queryId: t.completedId }),
    error: ResultDecodeError,
    message: (t) => `The result at get/${t.completedId}.geojson is not valid JSON (truncated or malformed).`,
  },
  {
    input: 'a geography reply truncated mid-feature',
    faults: json('geography', '{"type":"FeatureCollection", "features":[{"type":"Feat'),
    act: (t) => getGeography({ connection: t.conn, aggregationUnit: 'admin3' }),
    error: ResultDecodeError,
    message: 'The result at geography/admin3 is not valid JSON (truncated or malformed).',
  },
  {
    input: 'a geography reply without a features array',
    faults: json('geography', '{"type":"FeatureCollection","feature":[]}'),
    act: (t) => getGeography({ connection: t.conn, aggregationUnit: 'admin3' }),
    error: ResultDecodeError,
    message: 'The result at geography/admin3 is not a GeoJSON FeatureCollection: no `features` array.',
    fields: { route: 'geography/admin3' },
  },
  {
    input: 'a geography reply that is a JSON list',
    faults: json('geography', '[{"type":"Feature"}]'),
    act: (t) => getGeography({ connection: t.conn, aggregationUnit: 'admin3' }),
    error: ResultDecodeError,
    message: 'The result at geography/admin3 is not a GeoJSON FeatureCollection: not a JSON object (an array).',
  },
  {
    input: 'a GeoJSON result that is a single Feature',
    faults: json('get', '{"type":"Feature","features":[],"geometry":null,"properties":{}}'),
    act: (t) => getGeojsonResultByQueryId({ connection: t.conn, queryId: t.completedId }),
    error: ResultDecodeError,
    message: (t) => `The result at get/${t.completedId}.geojson is not a GeoJSON FeatureCollection: its \`type\` is "Feature", not "FeatureCollection".`,
  },
]);
