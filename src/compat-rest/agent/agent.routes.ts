import { formatSeedTime } from '../../core/time.js';
import { AgentStatus, type Agent } from '../../entities/agent/agent.entity.js';
import type { Services } from '../../services/index.js';
import { badInput } from '../../core/errors.js';
import type { LegacyBody } from '../legacy-body.js';
import { z } from 'zod';
import { bool, createdTime, flagField, idData, int, intField, pageFields, seedTime, str, strField, updatedTime } from '../fields.js';
import { emptyData, legacyRoute, listData, ok, okList, type LegacyRoute } from '../route.js';

const agentItem = z
  .strictObject({
    id: int('坐席ID'),
    customer_id: int('归属商户ID'),
    user_name: str('坐席登录名'),
    name: str('坐席显示名'),
    avatar_url: str('头像URL'),
    staff_ids: z.array(z.int()).meta({ description: '坐席服务的AI员工ID列表' }),
    max_sessions: int('同时接待的会话上限'),
    auto_accept: bool('是否自动接入排队的会话'),
    status: z.enum(AgentStatus).meta({ description: '在线状态' }),
    created_time: createdTime,
    updated_time: updatedTime,
  })
  .meta({ id: 'Agent' });

const agentBody = {
  user_name: strField('坐席登录名'),
  password: strField('密码 (MD5 hex)'),
  name: strField('坐席显示名'),
  staff_ids: z.array(intField('AI员工ID')).meta({ description: '坐席服务的AI员工ID列表' }),
  max_sessions: intField('同时接待的会话上限 (default 5)'),
  avatar_url: strField('头像URL'),
  auto_accept: flagField('是否自动接入排队的会话'),
};

function presentAgent(a: Agent, s: Services): z.input<typeof agentItem> {
  return {
    id: a.id,
    customer_id: a.merchant.id,
    user_name: a.userName,
    name: a.name,
    avatar_url: a.avatarUrl,
    staff_ids: a.staffs.getItems().map((st) => st.id),
    max_sessions: a.maxSessions,
    auto_accept: a.autoAccept,
    status: a.status,
    created_time: formatSeedTime(a.createdAt, s.config.timezone),
    updated_time: formatSeedTime(a.updatedAt, s.config.timezone),
  };
}

function staffIds(b: LegacyBody): number[] | undefined {
  const raw = b.raw('staff_ids');
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw badInput('staff_ids: must be a list of staff ids');
  return raw.map((v, i) => {
    const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw badInput(`staff_ids.${i}: must be a whole number`);
    return n;
  });
}

function agentFields(b: LegacyBody) {
  return {
    userName: b.str('user_name'),
    password: b.str('password'),
    name: b.str('name'),
    staffIds: staffIds(b),
    maxSessions: b.int('max_sessions'),
    avatarUrl: b.str('avatar_url'),
    autoAccept: b.bool('auto_accept'),
  };
}

export const agentRoutes: LegacyRoute[] = [
  legacyRoute({
    path: '/api/v1/agent/login',
    auth: 'public',
    summary: '坐席登录: a human agent’s token for the REST, GraphQL and console surfaces',
    body: z.object({ user_name: agentBody.user_name, password: agentBody.password }),
    data: z.strictObject({ token: str('登录令牌'), expires_time: seedTime('令牌过期时间'), id: int('坐席ID'), customer_id: int('归属商户ID'), name: str('坐席显示名') }),
    async handle(ctx, b, s) {
      const { token, expiresAt, agent } = await s.agents.login(ctx, { userName: b.str('user_name') ?? '', password: b.str('password') ?? '' });
      return ok({ token, expires_time: formatSeedTime(expiresAt, s.config.timezone), id: agent.id, customer_id: agent.merchant.id, name: agent.name });
    },
  }),
  legacyRoute({
    path: '/api/v1/agent/logout',
    auth: 'authenticated',
    summary: '坐席退出: revokes the token sent',
    body: z.object({}),
    data: emptyData,
    async handle(ctx, _b, s) {
      await s.accounts.logout(ctx);
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/create/agent',
    auth: 'merchant',
    summary: '创建坐席',
    body: z.object({ ...agentBody, staff_ids: agentBody.staff_ids.optional(), max_sessions: agentBody.max_sessions.optional(), avatar_url: agentBody.avatar_url.optional(), auto_accept: agentBody.auto_accept.optional() }),
    data: idData('坐席ID'),
    async handle(ctx, b, s) {
      const f = agentFields(b);
      const agent = await s.agents.create(ctx, { ...f, userName: f.userName ?? '', password: f.password ?? '', name: f.name ?? '' });
      return ok({ id: agent.id });
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/list/agent',
    auth: 'merchant',
    summary: '坐席列表',
    body: z.object({ id: intField('按坐席ID查询 (0: all)').optional(), staff_id: intField('按AI员工ID查询 (0: all)').optional(), ...pageFields }),
    data: listData(agentItem),
    async handle(ctx, b, s) {
      const page = await s.agents.list(ctx, { id: b.intFilter('id'), staffId: b.intFilter('staff_id') }, b.page());
      return okList(page.items.map((a: Agent) => presentAgent(a, s)), page.total);
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/edit/agent',
    auth: 'merchant',
    summary: '编辑坐席: only the fields sent change',
    body: z.object({ id: intField('坐席ID (必填)'), ...z.object(agentBody).partial().shape }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.agents.update(ctx, b.int('id') ?? 0, agentFields(b));
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/delete/agent',
    auth: 'merchant',
    summary: '删除坐席',
    body: z.object({ id: intField('坐席ID (必填)') }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.agents.delete(ctx, b.int('id') ?? 0);
      return ok();
    },
  }),
];
