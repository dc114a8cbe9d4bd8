/**
 * The OpenAPI 3.0.1 document FlowAPI serves at `/api/0/spec/openapi.json`: title `FlowAPI`, the
 * routes, a schema per top-level query kind, and the `token` security scheme whose
 * `x-security-scopes` (every scope, sorted) and `x-audience` FlowAuth and the JWT generator read.
 */
import type { FlowapiVersion } from './types.js';

/** What the document is built from. */
export interface OpenApiInput {
  /** FlowAPI version the server reproduces. */
  readonly version: FlowapiVersion;
  /** Audience tokens must carry. */
  readonly audience: string;
  /** Every query scope `<unit>:<top-level kind>:<kind>`. */
  readonly queryScopes: readonly string[];
  /** Every scope (query and action scopes), sorted. */
  readonly allScopes: readonly string[];
}

/** Full version string advertised for a contract version. */
export const FULL_VERSION: Record<FlowapiVersion, string> = { '1.18': '1.18.1', '1.3': '1.3.1' };

type Schema = Record<string, unknown>;

const jsonContent = (schema: Schema): Schema => ({ 'application/json': { schema } });
const pathParam = (name: string, extra: Schema = {}): Schema => ({
  in: 'path',
  name,
  required: true,
  schema: { type: 'string', ...extra },
});
const progress: Schema = {
  type: 'object',
  properties: { eligible: { type: 'integer' }, queued: { type: 'integer' }, running: { type: 'integer' } },
};
const common = {
  '401': { description: 'Unauthorized.' },
  '500': { description: 'Server error.' },
};
const forbidden = { '403': { description: 'Token does not grant access.', content: jsonContent({ type: 'object' }) } };
const CDR_TYPES = ['calls', 'sms', 'mds', 'topups', 'forwards', 'cell_info'];

function op(operationId: string, summary: string, responses: Schema, extra: Schema = {}): Schema {
  return { ...extra, operationId, summary, responses: { ...responses, ...common }, security: [{ token: [] }] };
}

function paths(version: FlowapiVersion): Schema {
  const getResult = op(
    'query.get_query_result.get',
    'Get the output of query',
    {
      '200': {
        description: 'Results returning.',
        content: {
          'application/json': { schema: { type: 'object' } },
          ...(version === '1.3' ? {} : { 'application/geo+json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } }),
        },
      },
      '202': { description: 'Request accepted.', content: jsonContent({ type: 'object' }) },
      '404': { description: 'Unknown ID' },
      ...forbidden,
    },
    { parameters: [pathParam('query_id')] },
  );
  const result: Schema = {
    '/api/0/run': {
      post: op(
        'query.run_query.post',
        'Run a query',
        {
          '202': {
            description: 'Request accepted.',
            headers: { Location: { description: 'URL to poll for status', schema: { type: 'string', format: 'url' } } },
            content: jsonContent({ type: 'object', properties: { query_id: { type: 'string' }, progress } }),
          },
          '400': { description: 'Query spec could not be run..', content: jsonContent({ type: 'object' }) },
          ...forbidden,
        },
        {
          requestBody: {
            required: true,
            content: jsonContent({ $ref: '#/components/schemas/FlowmachineQuerySchema' }),
          },
        },
      ),
    },
    '/api/0/poll/{query_id}': {
      get: op(
        'query.poll_query.get',
        'Get the status of a query',
        {
          '202': {
            description: 'Request accepted.',
            content: jsonContent({
              type: 'object',
              properties: {
                msg: { type: 'string' },
                status: { type: 'string', enum: ['executing', 'queued'] },
                progress,
              },
            }),
          },
          '303': {
            description: 'Data ready.',
            headers: { Location: { description: 'URL to download data', schema: { type: 'string', format: 'url' } } },
          },
          '404': { description: 'Unknown ID' },
          ...forbidden,
        },
        { parameters: [pathParam('query_id')] },
      ),
    },
    '/api/0/get/{query_id}': { get: getResult },
    '/api/0/available_dates': {
      get: op('query.get_available_dates.get', 'Get the dates available to query over.', {
        '200': {
          description: 'Dates available for each event type.',
          content: jsonContent({
            type: 'object',
            properties: Object.fromEntries(
              ['calls', 'sms', 'mds', 'topups'].map((t) => [t, { type: 'array', items: { type: 'string', format: 'date' } }]),
            ),
          }),
        },
        ...forbidden,
      }),
    },
    '/api/0/geography/{aggregation_unit}': {
      get: op(
        'geography.get_geography.get',
        'Get geojson for an aggregation unit',
        { '200': { description: 'Downloading.', content: { 'application/geo+json': { schema: { type: 'object' } } } }, ...forbidden },
        { parameters: [pathParam('aggregation_unit')] },
      ),
    },
  };
  if (version === '1.3') return result;
  const qaParams = [pathParam('cdr_type', { enum: CDR_TYPES }), pathParam('check_id')];
  return {
    ...result,
    '/api/0/get/{query_id}.{filetype}': {
      get: { ...getResult, parameters: [pathParam('query_id'), pathParam('filetype', { enum: ['json', 'geojson', 'csv'] })] },
    },
    '/api/0/qa/': {
      get: op('qa.list_qa_checks.get', 'Returns the available types of QA checks for all datatypes', {
        '200': {
          description: 'Types of QA checks for all datatypes.',
          content: jsonContent({
            type: 'array',
            items: {
              type: 'object',
              properties: { cdr_type: { enum: CDR_TYPES }, type_of_query_or_check: { type: 'string' } },
            },
          }),
        },
      }),
    },
    '/api/0/qa/{cdr_type}/{check_id}': {
      get: op(
        'qa.get_qa_date_range.get',
        'Get QA outcomes for a given check on a datatype between two dates',
        {
          '200': { description: 'QA outcomes.', content: jsonContent({ type: 'array', items: { type: 'object' } }) },
          '400': { description: 'Bad request' },
          '404': { description: 'No QA checks of type specified found on date' },
        },
        {
          parameters: [
            ...qaParams,
            { name: 'start_date', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
            { name: 'end_date', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
          ],
        },
      ),
    },
    '/api/0/qa/{cdr_type}/{check_id}/{check_date}': {
      get: op(
        'qa.get_qa_on_date.get',
        'Get QA check outcome for a check on one date of a datatype.',
        {
          '200': { description: 'QA check outcome.', content: { 'text/html': { schema: { type: 'string' } } } },
          '400': { description: 'Bad request' },
          '404': { description: 'No QA checks of type specified found on date' },
        },
        { parameters: [...qaParams, pathParam('check_date', { format: 'date' })] },
      ),
    },
  };
}

function querySchemas(queryScopes: readonly string[]): Schema {
  const kinds = new Map<string, { units: Set<string>; nested: Set<string> }>();
  for (const scope of queryScopes) {
    const [unit = '', topLevel = '', kind = ''] = scope.split(':');
    const entry = kinds.get(topLevel) ?? { units: new Set<string>(), nested: new Set<string>() };
    if (unit !== 'nonspatial') entry.units.add(unit);
    if (kind !== topLevel) entry.nested.add(kind);
    kinds.set(topLevel, entry);
  }
  const names = [...kinds.keys()].sort();
  const schemas: Schema = {
    FlowmachineQuerySchema: {
      oneOf: names.map((name) => ({ $ref: `#/components/schemas/${name}` })),
      discriminator: {
        propertyName: 'query_kind',
        mapping: Object.fromEntries(names.map((name) => [name, `#/components/schemas/${name}`])),
      },
    },
  };
  for (const name of names) {
    const entry = kinds.get(name);
    const properties: Schema = { query_kind: { type: 'string', enum: [name] } };
    if (entry && entry.units.size > 0) properties['aggregation_unit'] = { type: 'string', enum: [...entry.units].sort() };
    schemas[name] = {
      type: 'object',
      required: ['query_kind'],
      properties,
      ...(entry && entry.nested.size > 0 ? { 'x-sub-query-kinds': [...entry.nested].sort() } : {}),
    };
  }
  return schemas;
}

/** Build the OpenAPI document. */
export function openApiDocument(input: OpenApiInput): Record<string, unknown> {
  return {
    paths: paths(input.version),
    info: {
      title: 'FlowAPI',
      version: FULL_VERSION[input.version],
      description: 'FlowKit Analytical API',
      license: { name: 'MPLv2', url: 'https://www.mozilla.org/en-US/MPL/2.0/' },
      contact: { email: 'flowkit@flowminder.org' },
    },
    openapi: '3.0.1',
    components: {
      schemas: querySchemas(input.queryScopes),
      securitySchemes: {
        token: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          'x-security-scopes': [...input.allScopes],
          'x-audience': input.audience,
        },
      },
    },
  };
}

/** The ReDoc page FlowAPI serves at `/api/0/spec/redoc`. */
export function redocPage(version: FlowapiVersion): string {
  return `<!DOCTYPE html>
<html>
  <head>
    <title>FlowAPI ${FULL_VERSION[version]} API Specification</title>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>
      body {
        margin: 0;
        padding: 0;
      }
    </style>
  </head>
  <body>
    <redoc spec-url="openapi.json"></redoc>
    <script src="https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"></script>
  </body>
</html>
`;
}
