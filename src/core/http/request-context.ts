import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Services } from '../../services/index.js';
import { tokenFromHeaders } from '../auth/actor.js';
import type { RequestContext } from '../context.js';
import { runInTraceScope, type TraceScope } from '../trace.js';
import { clientIp } from './client-address.js';

const contexts = new WeakMap<IncomingMessage, RequestContext>();

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = Array.isArray(given) ? given[0] : given;
  return id && /^[\w.-]{1,64}$/.test(id) ? id : randomUUID();
}

/** Express middleware: one context per request, with its request id echoed back and a log line at the end. */
export function requestContextMiddleware(services: Services) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    try {
      const ctx = await services.contexts.forToken(tokenFromHeaders(req.headers), { requestId, ip: clientIp(req, services.config.trustProxy) });
      contexts.set(req, ctx);
      // Named by the service once it knows which conversation the request is about (src/core/trace.ts).
      const scope: TraceScope = {};
      res.on('finish', () => {
        ctx.log.info(
          { method: req.method, path: req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, ...(scope.traceId ? { traceId: scope.traceId } : {}) },
          'request',
        );
      });
      runInTraceScope(scope, next);
    } catch (err) {
      next(err);
    }
  };
}

export function contextOf(req: IncomingMessage): RequestContext {
  const ctx = contexts.get(req);
  if (!ctx) throw new Error('request context missing: requestContextMiddleware must run first');
  return ctx;
}
