import { formatSeedTime } from '../../core/time.js';
import type { Agent } from '../../entities/agent/agent.entity.js';
import type { Services } from '../../services/index.js';
import { badInput } from '../../core/errors.js';
import type { LegacyBody } from '../legacy-body.js';
import { ok, okList, type LegacyRoute } from '../route.js';

function presentAgent(a: Agent, s: Services) {
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
  const raw = b.raw.staff_ids;
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
  {
    path: '/api/v1/agent/login',
    auth: 'public',
    async handle(ctx, b, s) {
      const { token, expiresAt, agent } = await s.agents.login(ctx, { userName: b.str('user_name') ?? '', password: b.str('password') ?? '' });
      return ok({ token, expires_time: formatSeedTime(expiresAt, s.config.timezone), id: agent.id, customer_id: agent.merchant.id, name: agent.name });
    },
  },
  {
    path: '/api/v1/agent/logout',
    auth: 'authenticated',
    async handle(ctx, _b, s) {
      await s.accounts.logout(ctx);
      return ok();
    },
  },
  {
    path: '/api/v1/customer/create/agent',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const f = agentFields(b);
      const agent = await s.agents.create(ctx, { ...f, userName: f.userName ?? '', password: f.password ?? '', name: f.name ?? '' });
      return ok({ id: agent.id });
    },
  },
  {
    path: '/api/v1/customer/list/agent',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const page = await s.agents.list(ctx, { id: b.intFilter('id'), staffId: b.intFilter('staff_id') }, b.page());
      return okList(page.items.map((a: Agent) => presentAgent(a, s)), page.total);
    },
  },
  {
    path: '/api/v1/customer/edit/agent',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.agents.update(ctx, b.int('id') ?? 0, agentFields(b));
      return ok();
    },
  },
  {
    path: '/api/v1/customer/delete/agent',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.agents.delete(ctx, b.int('id') ?? 0);
      return ok();
    },
  },
];
