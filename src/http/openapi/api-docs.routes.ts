import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { buildOpenApiDocument } from './document.js';
import { mountOperations, type Operation } from './operation.js';

const require = createRequire(import.meta.url);
/** swagger-ui-dist's files, served from node_modules: the page loads nothing from elsewhere. */
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const VERSION = (require('../../../package.json') as { version: string }).version;

export const apiDocsOperations = {
  document: {
    method: 'get',
    path: '/openapi.json',
    operationId: 'openApiDocument',
    surface: 'service',
    summary: 'This OpenAPI 3.1 document',
    security: [],
    responses: { 200: { description: 'The document.', content: { 'application/json': z.looseObject({ openapi: z.literal('3.1.0') }) } } },
  },
  page: {
    method: 'get',
    path: '/docs',
    operationId: 'apiReference',
    surface: 'service',
    summary: 'The API reference page (Swagger UI, served offline)',
    security: [],
    responses: { 200: { description: 'The page.', content: { 'text/html': z.string() } } },
  },
} satisfies Record<string, Operation>;

// No inline script: the page's policy allows only this origin's scripts.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Customer-service platform REST API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>`;

// validatorUrl null: Swagger UI would otherwise send the document to validator.swagger.io for a badge.
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', validatorUrl: null, deepLinking: true, presets: [SwaggerUIBundle.presets.apis] });`;

const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:";

/** `/openapi.json` (the document of `operations`, generated once) and the `/docs` reference page. */
export function apiDocsRouter(operations: () => readonly Operation[], serverUrl: string): Router {
  let document: unknown;
  const router = Router();
  router.get('/docs/init.js', (_req, res) => void res.type('js').set('Content-Security-Policy', CSP).send(INIT));
  // Only the two files the page loads: the package's own index.html would fetch the petstore example.
  for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
    router.get(`/docs/assets/${file}`, (_req, res) => void res.sendFile(path.join(SWAGGER_UI_DIR, file), { maxAge: '1d' }));
  }
  return mountOperations(router, apiDocsOperations, {
    document: (_req, res) => void res.json((document ??= buildOpenApiDocument(operations(), { version: VERSION, serverUrl }))),
    page: (_req, res) => void res.type('html').set({ 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' }).send(PAGE),
  });
}
