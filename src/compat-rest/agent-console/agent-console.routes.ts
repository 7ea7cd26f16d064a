import express, { Router, type Request, type Response } from 'express';
import { AppError, ErrorCode, badInput, forbidden, isAppError, notFound } from '../../core/errors.js';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import { Agent, AgentStatus } from '../../entities/agent/agent.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import type { Services } from '../../services/index.js';
import { basicCredentials } from '../../core/auth/basic-auth.js';
import { parseJsonObject } from '../json-body.js';

/** Who called: a staff by its Basic keys (that staff only) or a merchant by token (its whole tenant). */
interface Caller {
  merchantId: number;
  staffId: number | null;
}

const statusOf: Partial<Record<ErrorCode, number>> = { [ErrorCode.Unauthenticated]: 401, [ErrorCode.Forbidden]: 403, [ErrorCode.NotFound]: 404 };

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

  async function caller(req: Request): Promise<Caller> {
    if (/^Basic\s/i.test(req.headers.authorization ?? '')) {
      const creds = basicCredentials(req.headers.authorization);
      const staff = creds ? await services.staff.authenticateKeys(contextOf(req).em, creds[0], creds[1]) : null;
      if (!staff || staff.isDeleted) throw new AppError(ErrorCode.Unauthenticated, 'Wrong api_key or secret_key');
      return { merchantId: staff.merchant.id, staffId: staff.id };
    }
    const ctx = contextOf(req);
    if (ctx.actor.kind !== 'merchant') throw new AppError(ErrorCode.Unauthenticated, "Send the staff's keys as HTTP Basic credentials, or a merchant token");
    return { merchantId: ctx.actor.merchantId, staffId: null };
  }

  /** A staff the caller may address: its own when called by keys. */
  async function staffFor(req: Request, c: Caller, bid: number): Promise<Staff> {
    if (c.staffId !== null && c.staffId !== bid) throw forbidden('These keys belong to another staff');
    const staff = await contextOf(req).em.findOne(Staff, { id: bid, merchant: c.merchantId, isDeleted: false });
    if (!staff) throw notFound(`Staff ${bid}`);
    return staff;
  }

  /** An agent the caller may address: of the tenant, and for keys, assigned to that staff. */
  async function agentFor(req: Request, c: Caller, agentId: number): Promise<Agent> {
    const agent = await contextOf(req).em.findOne(Agent, { id: agentId, merchant: c.merchantId, isDeleted: false }, { populate: ['staffs'] });
    if (!agent || (c.staffId !== null && !agent.staffs.getItems().some((s) => s.id === c.staffId))) throw notFound(`Agent ${agentId}`);
    return agent;
  }

  const handle = (fn: (req: Request, body: Record<string, unknown>, c: Caller) => Promise<unknown>) => async (req: Request, res: Response) => {
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

  router.post(
    '/api/chat/send_to_group',
    handle(async (req, body, c) => {
      const staff = await staffFor(req, c, intField(body, 'bid'));
      const exclude = body.exclude_client_id ?? [];
      if (!Array.isArray(exclude) || !exclude.every((x) => typeof x === 'string')) throw badInput('exclude_client_id: must be a list of client ids');
      services.bus.publish('CONSOLE_PUSH', { merchantId: c.merchantId, staffId: staff.id, agentId: null, excludeClientIds: exclude as string[], data: dataOf(body) });
      return {};
    }),
  );
  router.post(
    '/api/chat/send_to_customer',
    handle(async (req, body, c) => {
      const agent = await agentFor(req, c, intField(body, 'customer_id'));
      services.bus.publish('CONSOLE_PUSH', { merchantId: c.merchantId, staffId: null, agentId: agent.id, excludeClientIds: [], data: dataOf(body) });
      return {};
    }),
  );
  router.post(
    '/api/customer/list',
    handle(async (req, body, c) => {
      const staff = await staffFor(req, c, intField(body, 'bid'));
      const agents = await contextOf(req).em.find(Agent, { merchant: c.merchantId, isDeleted: false, staffs: staff.id, status: { $ne: AgentStatus.OFFLINE } }, { orderBy: { id: 'asc' } });
      return agents.map((a) => ({ customer_id: a.id, customer_name: a.name, status: a.status }));
    }),
  );
  router.post(
    '/api/customer/info',
    handle(async (req, body, c) => {
      const agent = await agentFor(req, c, intField(body, 'customer_id'));
      const bid = c.staffId ?? agent.staffs.getItems()[0]?.id ?? null;
      return {
        bid: bid === null ? '' : String(bid),
        customer_name: agent.name,
        customer_id: agent.id,
        status: agent.status,
        connecting_user: await services.agents.connectingContacts(contextOf(req).em, agent.id, c.staffId),
      };
    }),
  );
  router.post(
    '/api/customer/is_online',
    handle(async (req, body, c) => {
      const agent = await agentFor(req, c, intField(body, 'customer_id'));
      return { is_online: agent.status === AgentStatus.OFFLINE ? 0 : 1 };
    }),
  );
  return router;
}
