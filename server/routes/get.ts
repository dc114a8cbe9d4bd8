/**
 * `GET /api/0/get/{id}[.{json|geojson|csv}]`: the result stream of a completed query, 202 `{}` while
 * it runs, and FlowAPI's mapping of the other states. On a 1.3 server a suffix is part of the id.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { geographyAccess, refusal } from '../access.js';
import type { ServerContext } from '../context.js';
import type { StoredQuery } from '../query-store.js';
import { json, send, type Answer } from '../responses.js';
import { csvPieces, jsonPieces, streamResult, type ResultStream } from '../stream.js';
import type { QueryState } from '../types.js';
import { knownQuery } from './known-query.js';

/** Split `<id>.<filetype>` as werkzeug matches `/get/<query_id>.<filetype>` (at the last dot). */
export function splitFiletype(segment: string): { id: string; filetype: string } {
  const dot = segment.lastIndexOf('.');
  if (dot <= 0 || dot === segment.length - 1) return { id: segment, filetype: 'json' };
  return { id: segment.slice(0, dot), filetype: segment.slice(dot + 1) };
}

/** FlowAPI's answer for a query that is not completed. */
function notReady(id: string, state: QueryState): Answer {
  if (state === 'queued' || state === 'executing') return json(202, {});
  if (state === 'errored') return json(403, { status: 'Error', msg: `Query with id '${id}' finished with an error.` });
  if (state === 'known') return json(404, { status: 'Error', msg: `Query with id '${id}' is known, but has not yet been run.` });
  return json(500, { status: 'Error', msg: `Unexpected query state: ${state}` });
}

function resultStream(ctx: ServerContext, query: StoredQuery, filetype: string): ResultStream | null {
  const filename = `${query.id}.${filetype}`;
  if (filetype === 'json') {
    const rows = ctx.kinds.resultRows(query.spec, query.id, ctx.resultRows);
    return { filename, contentType: 'application/json', pieces: jsonPieces({ query_id: query.id }, 'query_result', rows) };
  }
  if (filetype === 'csv') {
    return { filename, contentType: 'text/csv', pieces: csvPieces(ctx.kinds.resultRows(query.spec, query.id, ctx.resultRows)) };
  }
  if (filetype === 'geojson') {
    const features = ctx.kinds.resultFeatures(query.spec, query.id, ctx.resultRows);
    return {
      filename,
      contentType: 'application/geo+json',
      pieces: jsonPieces({ type: 'FeatureCollection' }, 'features', features),
    };
  }
  return null;
}

async function get(ctx: ServerContext, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Promise<unknown> {
  const segment = request.params.id;
  const { id, filetype } = ctx.version === '1.3' ? { id: segment, filetype: 'json' } : splitFiletype(segment);
  const known = await knownQuery(ctx, request, reply, id, 'get_result');
  if (!known) return reply;
  const { principal, query } = known;
  const state = ctx.store.state(query);
  if (state !== 'completed') return send(reply, notReady(id, state));
  if (filetype === 'geojson') {
    const unit = query.query.resultUnit;
    if (unit === null) {
      return send(reply, json(403, { status: 'Error', msg: `Query with id '${id}' has no geojson compatible representation.` }));
    }
    const denied = refusal(geographyAccess(principal, unit));
    if (denied) return send(reply, denied);
  }
  const result = resultStream(ctx, query, filetype);
  if (!result) return send(reply, json(400, { status: 'error', msg: 'Invalid file format' }));
  await streamResult(reply, result, ctx.faults.takeCut());
  return reply;
}

/** Register the get route (with and without a file type). */
export function registerGet(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { id: string } }>('/api/0/get/:id', (request, reply) => get(ctx, request, reply));
}
