import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { contextOf } from '../core/http/request-context.js';
import { AppError, ErrorCode, badInput, isAppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Services } from '../services/index.js';
import { accountRoutes } from './account/account.routes.js';
import { errorEnvelope } from './envelope.js';
import { documentRoutes } from './knowledge/document.routes.js';
import { uploadOperations, uploadRouter } from './knowledge/upload.routes.js';
import { parseJsonObject } from './json-body.js';
import { LegacyBody } from './legacy-body.js';
import { productRoutes } from './product/product.routes.js';
import { authorize, legacyOperation, type LegacyRoute } from './route.js';
import type { Operation, Surface } from '../http/openapi/operation.js';
import { staffRoutes } from './staff/staff.routes.js';
import { tradeRoutes } from './trade/trade.routes.js';
import { agentRoutes } from './agent/agent.routes.js';
import { channelRoutes } from './channel/channel.routes.js';
import { webhookRoutes } from './webhook/webhook.routes.js';

const groups: [Surface, LegacyRoute[]][] = [
  ['ai-staff: accounts', accountRoutes],
  ['ai-staff: staff', staffRoutes],
  ['ai-staff: products', productRoutes],
  ['ai-staff: trades', tradeRoutes],
  ['ai-staff: knowledge', documentRoutes],
  ['ai-staff: agents', agentRoutes],
  ['ai-staff: channels', channelRoutes],
  ['ai-staff: webhooks', webhookRoutes],
];
const routes = groups.flatMap(([, list]) => list);

/** What compatRestRouter mounts, for the OpenAPI document. */
export const compatRestOperations: Operation[] = [
  ...Object.values(uploadOperations),
  ...groups.flatMap(([surface, list]) => list.map((route) => legacyOperation(route, surface))),
];

/** The ai-staff seed's REST surface: translate, authorize, call one service method, render the envelope. */
export function compatRestRouter(services: Services, log: Logger): Router {
  const router = Router();
  // Multipart, so before the raw-JSON parser below.
  router.use(uploadRouter(services, log));
  router.use('/api', express.raw({ type: () => true, limit: '1mb' }));
  for (const route of routes) {
    const declared = new Set(Object.keys(route.body.shape));
    router.post(route.path, async (req, res) => {
      const ctx = contextOf(req);
      try {
        authorize(ctx, route.auth);
        res.json(await route.handle(ctx, new LegacyBody(parseJsonObject(req.body), declared), services, req));
      } catch (err) {
        send(res, err, log);
      }
    });
  }
  router.all('/api/*path', (req, res) => {
    send(res, new AppError(ErrorCode.NotFound, `No such API: ${req.method} ${req.path}`), log, 404);
  });
  router.use('/api', (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    send(res, bodyError(err), log);
  });
  return router;
}

function bodyError(err: unknown): unknown {
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large') return new AppError(ErrorCode.PayloadTooLarge, 'Request body is too large');
  if (type) return badInput('Request body could not be read');
  return err;
}

function send(res: Response, err: unknown, log: Logger, status?: number): void {
  const appErr = isAppError(err) ? err : new AppError(ErrorCode.Internal, 'Internal server error');
  if (!isAppError(err)) log.error({ err }, 'unhandled error in REST handler');
  const rendered = errorEnvelope(appErr);
  res.status(status ?? rendered.status).json(rendered.body);
}
