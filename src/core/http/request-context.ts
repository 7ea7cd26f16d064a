import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import type { Services } from '../../services/index.js';
import { tokenFromHeaders } from '../auth/actor.js';
import { RequestContext } from '../context.js';
import { clientIp } from './client-address.js';
import type { Logger } from '../logger.js';

const contexts = new WeakMap<IncomingMessage, RequestContext>();

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = Array.isArray(given) ? given[0] : given;
  return id && /^[\w.-]{1,64}$/.test(id) ? id : randomUUID();
}

/** Builds a RequestContext for a token presented on any surface. */
export async function createContext(
  orm: MikroORM,
  services: Services,
  log: Logger,
  token: string | undefined,
  meta: { requestId: string; ip: string },
): Promise<RequestContext> {
  const em = orm.em.fork();
  const actor = await services.tokens.authenticate(em, token);
  return new RequestContext(em, actor, log.child({ requestId: meta.requestId }), meta);
}

/** Express middleware: one context per request, with its request id echoed back and a log line at the end. */
export function requestContextMiddleware(orm: MikroORM, services: Services, log: Logger) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    try {
      const ctx = await createContext(orm, services, log, tokenFromHeaders(req.headers), { requestId, ip: clientIp(req, services.config.trustProxy) });
      contexts.set(req, ctx);
      res.on('finish', () => {
        ctx.log.info(
          { method: req.method, path: req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
          'request',
        );
      });
      next();
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
