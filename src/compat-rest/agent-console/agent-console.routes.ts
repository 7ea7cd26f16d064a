import express, { Router, type Request, type Response } from 'express';
import { AppError, ErrorCode, badInput, isAppError } from '../../core/errors.js';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import type { ConsoleScope } from '../../services/agent/agent-console.service.js';
import type { Services } from '../../services/index.js';
import { basicCredentials } from '../../core/auth/basic-auth.js';
import { parseJsonObject } from '../json-body.js';
import { z } from 'zod';
import { AgentStatus } from '../../entities/agent/agent.entity.js';
import { consoleResponses, intEnum } from '../../http/openapi/envelopes.js';
import { mountOperations, type Operation } from '../../http/openapi/operation.js';

const id = (description: string) => z.union([z.int().positive(), z.string().regex(/^\s*\d+\s*$/)]).meta({ description });
const pushData = z.record(z.string(), z.unknown()).meta({ description: '发送的内容: the JSON object pushed to the consoles as it is' });
const agentStatus = z.enum(AgentStatus).meta({ description: '客服状态：0 离线，1 在线，2 忙碌，3 离开' });
const op = (path: string, operationId: string, summary: string, body: z.ZodObject, data: z.ZodType): Operation => ({
  method: 'post',
  path,
  operationId,
  surface: 'agent console',
  summary,
  description: 'A merchant token may be sent instead of the keys: it reaches every staff of the merchant.',
  security: ['staffKeys', 'token'],
  body: { required: true, content: { 'application/json': body } },
  responses: consoleResponses(data),
});

/** The agent-console seed's HTTP endpoints, as mounted and documented. */
export const agentConsoleOperations = {
  sendToGroup: op(
    '/api/chat/send_to_group',
    'consoleSendToGroup',
    '推送给员工的所有坐席 (§17): a raw push to every console of the staff',
    z.object({ bid: id('机器人ID (the AI staff)'), exclude_client_id: z.array(z.string()).meta({ description: '不需要发送的客户端ID' }).optional(), data: pushData }),
    z.strictObject({}),
  ),
  sendToCustomer: op(
    '/api/chat/send_to_customer',
    'consoleSendToCustomer',
    '推送给一个坐席 (§17): a raw push to one agent’s console',
    z.object({ customer_id: id('发送的客服ID'), data: pushData }),
    z.strictObject({}),
  ),
  list: op(
    '/api/customer/list',
    'consoleAgentList',
    '在线坐席列表 (§18): the staff’s agents with a console open',
    z.object({ bid: id('机器人ID (the AI staff)') }),
    z.array(z.strictObject({ customer_id: z.int().meta({ description: '客服ID' }), customer_name: z.string().meta({ description: '客服名称' }), status: agentStatus })),
  ),
  info: op(
    '/api/customer/info',
    'consoleAgentInfo',
    '坐席信息 (§18)',
    z.object({ customer_id: id('客服ID') }),
    z.strictObject({
      bid: z.string().meta({ description: '机器人ID: the AI staff of the keys, "" for a merchant token' }),
      customer_name: z.string().meta({ description: '客服名称' }),
      customer_id: z.int().meta({ description: '客服ID' }),
      status: agentStatus,
      connecting_user: z.array(z.string()).meta({ description: '正在对话的用户列表' }),
    }),
  ),
  isOnline: op(
    '/api/customer/is_online',
    'consoleAgentIsOnline',
    '坐席是否在线 (§18)',
    z.object({ customer_id: id('客服ID') }),
    z.strictObject({ is_online: intEnum([0, 1]).meta({ description: '在线状态：0 不在线，1 在线' }) }),
  ),
} satisfies Record<string, Operation>;


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
  const paths = Object.values(agentConsoleOperations).map((o) => o.path);
  router.use(paths, express.raw({ type: () => true, limit: '1mb' }));

  async function caller(req: Request): Promise<ConsoleScope> {
    if (/^Basic\s/i.test(req.headers.authorization ?? '')) {
      const creds = basicCredentials(req.headers.authorization);
      if (!creds) throw new AppError(ErrorCode.Unauthenticated, 'Wrong api_key or secret_key');
      return services.agentConsole.scopeOfKeys(contextOf(req).crossTenantEm, creds[0], creds[1]);
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
  return mountOperations(router, agentConsoleOperations, {
    sendToGroup: handle(async (req, body, c) => {
      const exclude = body.exclude_client_id ?? [];
      if (!Array.isArray(exclude) || !exclude.every((x) => typeof x === 'string')) throw badInput('exclude_client_id: must be a list of client ids');
      await consoles.pushToStaff(contextOf(req).crossTenantEm, c, intField(body, 'bid'), exclude as string[], dataOf(body));
      return {};
    }),
    sendToCustomer: handle(async (req, body, c) => {
      await consoles.pushToAgent(contextOf(req).crossTenantEm, c, intField(body, 'customer_id'), dataOf(body));
      return {};
    }),
    list: handle(async (req, body, c) => {
      const agents = await consoles.presentAgents(contextOf(req).crossTenantEm, c, intField(body, 'bid'));
      return agents.map((a) => ({ customer_id: a.id, customer_name: a.name, status: a.status }));
    }),
    info: handle(async (req, body, c) => {
      const info = await consoles.agentInfo(contextOf(req).crossTenantEm, c, intField(body, 'customer_id'));
      return {
        bid: info.staffId === null ? '' : String(info.staffId),
        customer_name: info.agent.name,
        customer_id: info.agent.id,
        status: info.agent.status,
        connecting_user: info.connectingContacts,
      };
    }),
    isOnline: handle(async (req, body, c) => ({ is_online: (await consoles.isOnline(contextOf(req).crossTenantEm, c, intField(body, 'customer_id'))) ? 1 : 0 })),
  });
}
