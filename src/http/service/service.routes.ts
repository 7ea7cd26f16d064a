import { Router } from 'express';
import { z } from 'zod';
import { mountOperations, type Operation } from '../openapi/operation.js';

const status = z.strictObject({ status: z.enum(['ready', 'draining', 'database unavailable', 'redis unavailable']) });

export const serviceOperations = {
  health: {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    surface: 'service',
    summary: 'Liveness: the process answers',
    security: [],
    responses: { 200: { description: '`{status:"ok"}`', content: { 'application/json': z.strictObject({ status: z.literal('ok') }) } } },
  },
  ready: {
    method: 'get',
    path: '/readyz',
    operationId: 'ready',
    surface: 'service',
    summary: 'Readiness: the database (and Redis, when configured) answer and the instance is not draining',
    security: [],
    responses: {
      200: { description: 'Ready.', content: { 'application/json': status } },
      503: { description: 'Not ready, or shutting down.', content: { 'application/json': status } },
    },
  },
} satisfies Record<string, Operation>;

/** `/healthz` and `/readyz`, before the request context (they need no database session). */
export function serviceRouter(readiness: () => Promise<{ ready: boolean; status: z.infer<typeof status>['status'] }>): Router {
  return mountOperations(Router(), serviceOperations, {
    health: (_req, res) => void res.json({ status: 'ok' }),
    ready: async (_req, res) => {
      const { ready, status } = await readiness();
      res.status(ready ? 200 : 503).json({ status });
    },
  });
}
