/**
 * Spec routes (no token): `spec/openapi.json`, `spec/openapi.yaml` (served as `text/html`, as
 * FlowAPI's `content_type` header slip makes it) and `spec/redoc`.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { openApiDocument, redocPage } from '../openapi.js';
import { html, json, send } from '../responses.js';
import { toYaml } from '../yaml.js';

/** Register the spec routes. */
export function registerSpec(app: FastifyInstance, ctx: ServerContext): void {
  const document = (): Record<string, unknown> =>
    openApiDocument({
      version: ctx.version,
      audience: ctx.verifier.audience,
      queryScopes: ctx.queryScopes,
      allScopes: ctx.allScopes,
    });
  app.get('/api/0/spec/openapi.json', (_request, reply) => send(reply, json(200, document())));
  app.get('/api/0/spec/openapi.yaml', (_request, reply) =>
    send(reply, html(200, toYaml(document()), { content_type: 'application/x-yaml' })),
  );
  app.get('/api/0/spec/redoc', (_request, reply) => send(reply, html(200, redocPage(ctx.version))));
}
