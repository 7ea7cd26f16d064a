import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Credential, Operation, Surface } from './operation.js';

const securitySchemes = {
  authToken: { type: 'apiKey', in: 'header', name: 'Auth-Token', description: 'A login token (merchant, admin or agent login).' },
  bearer: { type: 'http', scheme: 'bearer', description: 'The same login token as `Authorization: Bearer <token>`.' },
  staffKeys: { type: 'http', scheme: 'basic', description: 'A staff’s `api_key` and `secret_key` as HTTP Basic user and password.' },
} as const;

const credentialSchemes: Record<Credential, string[]> = {
  token: ['authToken', 'bearer'],
  staffKeys: ['staffKeys'],
  // Checked inside the operation (a signature over the body), not an HTTP scheme.
  signature: [],
};

const surfaces: Record<Surface, string> = {
  'ai-staff: accounts': 'The ai-staff seed’s accounts: merchants and admins (`{header,data}` envelope).',
  'ai-staff: staff': 'AI staff (§2.1–2.5, 2.14).',
  'ai-staff: trades': 'Plans paid for a staff (§2.6, 2.7, 2.15).',
  'ai-staff: knowledge': 'Training documents of a staff (§2.8, 2.10–2.13).',
  'ai-staff: products': 'Products (plans) sold to merchants (§3).',
  'ai-staff: agents': 'Human agents of a merchant.',
  'ai-staff: channels': 'Channels (WeCom, gateways) connected to a staff.',
  'ai-staff: webhooks': 'Merchant webhooks: endpoints, the delivery log and a test send (docs/webhooks.md).',
  sessions: 'The multichannel seed’s workbench REST (`{code,message,data}` envelope).',
  'agent console': 'The agent-console seed’s HTTP API (`{code,msg,data}` envelope).',
  'channel callbacks': 'WeCom and the channel gateways calling in (docs/channels.md).',
  payments: 'Payment provider notifications and the payer’s pages.',
  'web chat': 'The chat page and its picture uploads.',
  files: 'Stored files and voice replies.',
  service: 'Health, readiness and this document.',
};

/**
 * The OpenAPI 3.1 document of `operations`: every path, parameter, body and answer comes from the
 * operations the routers mount, so the document describes exactly what is served.
 */
export function buildOpenApiDocument(operations: readonly Operation[], info: { version: string; serverUrl: string }) {
  const registry = new OpenAPIRegistry();
  for (const op of operations) registry.registerPath(routeConfig(op));
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Customer-service platform REST API',
      version: info.version,
      description:
        'Every REST surface of the platform, generated from the route table that serves it. GraphQL (`/graphql`) has its own SDL; the WebSocket protocols are in docs/protocols.md.',
    },
    servers: [{ url: info.serverUrl }],
    tags: Object.entries(surfaces).map(([name, description]) => ({ name, description })),
  });
  doc.components = { ...doc.components, securitySchemes: securitySchemes as never };
  return doc;
}

function routeConfig(op: Operation): RouteConfig {
  const schemes = op.security.flatMap((c) => credentialSchemes[c]);
  const roles = op.roles ? `\n\nRoles: ${op.roles.join(', ')}.` : '';
  return {
    method: op.method,
    path: op.path,
    operationId: op.operationId,
    tags: [op.surface],
    summary: op.summary,
    description: `${op.description ?? ''}${roles}`.trim() || undefined,
    security: schemes.map((name) => ({ [name]: [] })),
    request: {
      params: op.params,
      query: op.query,
      headers: op.headers,
      body: op.body && {
        description: op.body.description,
        required: op.body.required ?? true,
        content: Object.fromEntries(Object.entries(op.body.content).map(([type, schema]) => [type, { schema }])),
      },
    },
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          content: r.content && Object.fromEntries(Object.entries(r.content).map(([type, schema]) => [type, { schema }])),
        },
      ]),
    ),
  };
}
