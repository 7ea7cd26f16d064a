import express, { Router, type Request, type Response } from 'express';
import { AppError, ErrorCode, badInput, isAppError } from '../../core/errors.js';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import type { ConsoleScope } from '../../services/agent/agent-console.service.js';
import type { Services } from '../../services/index.js';
import { basicCredentials } from '../../core/auth/basic-auth.js';
import { parseJsonObject } from '../json-body.js';


const statusOf: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.StaffUnavailable]: 403,
  [ErrorCode.NotFound]: 404,
};

function intField(body: Record<string, unknown>, key: string): number {
  const v = body[key];
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) throw badInput(`${key}: must be a positive whole number`);
  return n;
}

/**
 * The agent-console seed's HTTP endpoints (§17 pushes to consoles, §18
 * queries about agents), `{code, msg, data}`.
 */
export function agentConsoleHttpRouter(services: Services, log: Logger): Router {
  const router = Router();
  const paths = ['/api/chat/send_to_group', '/api/chat/send_to_customer', '/api/customer/list', '/api/customer/info', '/api/customer/is_online'];
  router.use(paths, express.raw({ type: () => true, limit: '1mb' }));

  async function caller(req: Request): Promise<ConsoleScope> {
    if (/^Basic\s/i.test(req.headers.authorization ?? '')) {
      const creds = basicCredentials(req.headers.authorization);
      if (!creds) throw new AppError(ErrorCode.Unauthenticated, 'Wrong api_key or secret_key');
      return services.agentConsole.scopeOfKeys(contextOf(req).em, creds[0], creds[1]);
    }
    const ctx = contextOf(req);
    if (ctx.actor.kind !== 'merchant') throw new AppError(ErrorCode.Unauthenticated, "Send the staff's keys as HTTP Basic credentials, or a merchant token");
    return { merchantId: ctx.actor.merchantId, staffId: null };
  }

  const handle = (fn: (req: Request, body: Record<string, unknown>, c: ConsoleScope) => Promise<unknown>) => async (req: Request, res: Response) => {
    try {
      const c = await caller(req);
      const body = parseJsonObject(req.body);
      res.json({ code: 0, msg: 'ok', data: await fn(req, body, c) });
    } catch (err) {
      const e = isAppError(err) ? err : new AppError(ErrorCode.Internal, 'Internal server error');
      if (!isAppError(err)) log.error({ err }, 'agent-console HTTP failed');
      const code = statusOf[e.code] ?? (e.code === ErrorCode.Internal ? 500 : 400);
      res.status(code === 401 ? 401 : 200).json({ code, msg: e.message });
    }
  };

  const dataOf = (body: Record<string, unknown>) => {
    if (!body.data || typeof body.data !== 'object' || Array.isArray(body.data)) throw badInput('data: must be the JSON object to send');
    return body.data as Record<string, unknown>;
  };

  const consoles = services.agentConsole;
  router.post(
    '/api/chat/send_to_group',
    handle(async (req, body, c) => {
      const exclude = body.exclude_client_id ?? [];
      if (!Array.isArray(exclude) || !exclude.every((x) => typeof x === 'string')) throw badInput('exclude_client_id: must be a list of client ids');
      await consoles.pushToStaff(contextOf(req).em, c, intField(body, 'bid'), exclude as string[], dataOf(body));
      return {};
    }),
  );
  router.post(
    '/api/chat/send_to_customer',
    handle(async (req, body, c) => {
      await consoles.pushToAgent(contextOf(req).em, c, intField(body, 'customer_id'), dataOf(body));
      return {};
    }),
  );
  router.post(
    '/api/customer/list',
    handle(async (req, body, c) => {
      const agents = await consoles.presentAgents(contextOf(req).em, c, intField(body, 'bid'));
      return agents.map((a) => ({ customer_id: a.id, customer_name: a.name, status: a.status }));
    }),
  );
  router.post(
    '/api/customer/info',
    handle(async (req, body, c) => {
      const info = await consoles.agentInfo(contextOf(req).em, c, intField(body, 'customer_id'));
      return {
        bid: info.staffId === null ? '' : String(info.staffId),
        customer_name: info.agent.name,
        customer_id: info.agent.id,
        status: info.agent.status,
        connecting_user: info.connectingContacts,
      };
    }),
  );
  router.post(
    '/api/customer/is_online',
    handle(async (req, body, c) => ({ is_online: (await consoles.isOnline(contextOf(req).em, c, intField(body, 'customer_id'))) ? 1 : 0 })),
  );
  return router;
}
