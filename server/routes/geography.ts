/**
 * `GET /api/0/geography/{unit}`: needs `get_result` + `<unit>:geography:geography`; streams the
 * unit's features as GeoJSON (`<unit>.geojson`). A unit FlowMachine does not know gives 500.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { geographyAccess, refusal, requireToken } from '../access.js';
import type { ServerContext } from '../context.js';
import { json, send } from '../responses.js';
import { jsonPieces, streamResult } from '../stream.js';

async function geography(
  ctx: ServerContext,
  request: FastifyRequest<{ Params: { unit: string } }>,
  reply: FastifyReply,
): Promise<unknown> {
  const principal = await requireToken(ctx, request, reply);
  if (!principal) return reply;
  const unit = request.params.unit;
  const denied = refusal(geographyAccess(principal, unit));
  if (denied) return send(reply, denied);
  const features = ctx.kinds.geographyFeatures(unit);
  if (features === null) return send(reply, json(500, { status: 'Error', msg: 'Parameter validation failed.' }));
  const pieces = jsonPieces({ type: 'FeatureCollection' }, 'features', features);
  await streamResult(reply, { filename: `${unit}.geojson`, contentType: 'application/geo+json', pieces }, ctx.faults.takeCut());
  return reply;
}

/** Register the geography route. */
export function registerGeography(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { unit: string } }>('/api/0/geography/:unit', (request, reply) => geography(ctx, request, reply));
}
