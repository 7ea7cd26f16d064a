import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { AppError, ErrorCode, alreadyExists, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { LoginThrottle } from '../../core/auth/login-throttle.js';
import { hashPassword, verifyPasswordOrDummy } from '../../core/auth/password.js';
import { definedOnly } from '../../core/objects.js';
import { pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { parseInput } from '../../core/validation.js';
import { Agent, AgentStatus } from '../../entities/agent/agent.entity.js';
import { TokenRole } from '../../entities/auth/auth-token.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import type { IssuedToken, TokenService } from '../auth/token.service.js';
import type { RoutingService } from '../session/routing.service.js';
import type { SessionService } from '../session/session.service.js';

const fields = {
  userName: z.string().trim().min(1, 'is required').max(64),
  password: z.string().min(6, 'must be at least 6 characters').max(128),
  name: z.string().trim().min(1, 'is required').max(64),
  staffIds: z.array(z.number().int().positive()).max(200),
  maxSessions: z.number().int().min(1, 'must be at least 1').max(100),
  avatarUrl: z.string().trim().max(1024).refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'must be an http(s) URL or empty'),
  autoAccept: z.boolean(),
};
const createSchema = z.object(fields).partial({ staffIds: true, maxSessions: true, avatarUrl: true, autoAccept: true });
const updateSchema = z.object(fields).partial();
const loginSchema = z.object({ userName: z.string().trim().min(1, 'must not be empty').max(64), password: z.string().min(1).max(128) });

export type AgentCreateInput = z.input<typeof createSchema>;
export type AgentUpdateInput = z.input<typeof updateSchema>;

/** A merchant's human agents: management, login, presence and the auto-accept switch. */
export class AgentService {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly routing: RoutingService,
    private readonly bus: EventBus,
    private readonly throttle: LoginThrottle,
    /** This process (app_instance.id): a console here makes its agent present "on" it. */
    private readonly instanceId: string,
  ) {}

  async create(ctx: RequestContext, input: AgentCreateInput): Promise<Agent> {
    const { merchantId } = ctx.requireMerchant();
    const data = parseInput(createSchema, input);
    const agent = new Agent({ merchant: ctx.em.getReference(Merchant, merchantId), userName: data.userName, passwordHash: await hashPassword(data.password), name: data.name });
    ctx.em.assign(agent, definedOnly({ maxSessions: data.maxSessions, avatarUrl: data.avatarUrl, autoAccept: data.autoAccept }));
    agent.staffs.set(await this.ownStaff(ctx.em, data.staffIds ?? []));
    ctx.em.persist(agent);
    await this.flushUnique(ctx.em);
    return agent;
  }

  async list(ctx: RequestContext, filter: { id?: number; staffId?: number } = {}, page: PageInput = {}): Promise<PageResult<Agent>> {
    ctx.requireTenant();
    const p = parseInput(pageSchema, page);
    const where: Record<string, unknown> = { isDeleted: false };
    if (filter.id) where.id = filter.id;
    if (filter.staffId) where.staffs = filter.staffId;
    const [items, total] = await ctx.em.findAndCount(Agent, where, { orderBy: { id: 'asc' }, limit: p.pageSize, offset: p.pageNo * p.pageSize, populate: ['staffs'] });
    return { items, total, ...p };
  }

  async get(ctx: RequestContext, id: number): Promise<Agent> {
    ctx.requireTenant();
    const agentId = parseInput(z.number().int().positive('id must be a positive whole number'), id);
    const agent = await ctx.em.findOne(Agent, { id: agentId, isDeleted: false }, { populate: ['staffs'] });
    if (!agent) throw notFound(`Agent ${agentId}`);
    return agent;
  }

  async update(ctx: RequestContext, id: number, input: AgentUpdateInput): Promise<Agent> {
    const { merchantId } = ctx.requireMerchant();
    const data = parseInput(updateSchema, input);
    const agent = await this.get(ctx, id);
    const before = agent.staffs.getItems().map((s) => s.id);
    const staffs = data.staffIds ? await this.ownStaff(ctx.em, data.staffIds) : null;
    const passwordHash = data.password ? await hashPassword(data.password) : null;
    // One transaction: the new fields and, with a new password, the old tokens' revocation stand or fall together.
    // What follows the commit (requeueing, routing) is repaired by the maintenance sweep should it not run.
    const announce = await this.uniqueUserName(() =>
      ctx.em.transactional(async (tx) => {
        tx.assign(agent, definedOnly({ userName: data.userName, name: data.name, maxSessions: data.maxSessions, avatarUrl: data.avatarUrl, autoAccept: data.autoAccept }));
        if (staffs) agent.staffs.set(staffs);
        if (passwordHash) agent.passwordHash = passwordHash;
        await tx.flush();
        return passwordHash ? this.tokens.revokeAllWithin(tx, TokenRole.Agent, [agent.id]) : () => {};
      }),
    );
    announce();
    if (data.staffIds) {
      const now = agent.staffs.getItems().map((s) => s.id);
      this.bus.publish('AGENT_STAFF_CHANGED', { agentId: agent.id, staffIds: now });
      // Sessions of a staff taken away from the agent go back to the queue: it can no longer see them.
      const removed = before.filter((id) => !now.includes(id));
      if (removed.length) await this.sessions.releaseAgent(ctx.em, merchantId, agent.id, removed);
    }
    if (data.autoAccept || data.maxSessions || data.staffIds) await this.routing.route(ctx.em, merchantId);
    return agent;
  }

  /** Soft delete: its tokens stop working and the sessions it held go back to the queue. */
  async delete(ctx: RequestContext, id: number): Promise<void> {
    const { merchantId } = ctx.requireMerchant();
    const agent = await this.get(ctx, id);
    // Deleted and its tokens revoked in one transaction. Its sessions are requeued right after; should that not
    // happen (a crash), the maintenance sweep requeues sessions held by a deleted agent.
    const announce = await ctx.em.transactional(async (tx) => {
      agent.isDeleted = true;
      agent.status = AgentStatus.OFFLINE;
      agent.presenceInstance = null;
      agent.userName = `${agent.userName}#deleted-${agent.id}`.slice(0, 64);
      await tx.flush();
      return this.tokens.revokeAllWithin(tx, TokenRole.Agent, [agent.id]);
    });
    announce();
    await this.sessions.releaseAgent(ctx.em, merchantId, agent.id);
  }

  async login(ctx: RequestContext, input: z.input<typeof loginSchema>): Promise<IssuedToken & { agent: Agent }> {
    const data = parseInput(loginSchema, input);
    const agent = await this.throttle.attempt('agent', data.userName, ctx.meta.ip, async () => {
      const found = await ctx.crossTenantEm.findOne(Agent, { userName: data.userName, isDeleted: false }, { populate: ['merchant'] });
      return (await verifyPasswordOrDummy(data.password, found?.passwordHash)) ? found : null;
    });
    if (!agent) throw new AppError(ErrorCode.InvalidCredentials, 'Invalid user name or password');
    if (agent.merchant.isFrozen) throw new AppError(ErrorCode.AccountFrozen, "This agent's merchant account is frozen");
    return { ...(await this.tokens.issue(ctx.em, TokenRole.Agent, agent.id, agent.merchant.id)), agent };
  }

  async me(ctx: RequestContext): Promise<Agent> {
    const { agentId } = ctx.requireAgent();
    return this.get(ctx, agentId);
  }

  /** Presence: published to the merchant's other agents; coming online picks up waiting sessions. */
  async setStatus(ctx: RequestContext, status: AgentStatus, kind: 'login' | 'logout' | 'status' = 'status', connectionId: string | null = null): Promise<Agent> {
    const { agentId, merchantId } = ctx.requireAgent();
    const valid = parseInput(z.enum(AgentStatus, 'status must be 0 (offline), 1 (online), 2 (busy) or 3 (away)'), status);
    const agent = await this.get(ctx, agentId);
    agent.status = valid;
    agent.lastSeenAt = new Date();
    // A console's presence lives as long as its instance; a status set without one keeps what it had.
    if (valid === AgentStatus.OFFLINE) agent.presenceInstance = null;
    else if (connectionId) agent.presenceInstance = this.instanceId;
    await ctx.em.flush();
    this.bus.publish('AGENT_PRESENCE', {
      merchantId,
      agentId,
      name: agent.name,
      status: valid,
      kind,
      staffIds: agent.staffs.getItems().map((s) => s.id),
      connectionId,
    });
    if (valid === AgentStatus.ONLINE) await this.routing.route(ctx.em, merchantId);
    return agent;
  }

  async setAutoAccept(ctx: RequestContext, on: boolean): Promise<Agent> {
    const { agentId, merchantId } = ctx.requireAgent();
    const agent = await this.get(ctx, agentId);
    agent.autoAccept = parseInput(z.boolean('status must be 0 or 1'), on);
    await ctx.em.flush();
    if (agent.autoAccept) await this.routing.route(ctx.em, merchantId);
    return agent;
  }

  /** A console went away: the agent goes offline, needing no token (it may have been revoked meanwhile). */
  async markOffline(em: EntityManager, agentId: number): Promise<void> {
    const agent = await em.findOne(Agent, agentId, { populate: ['staffs', 'merchant'] });
    if (!agent || agent.status === AgentStatus.OFFLINE) return;
    agent.status = AgentStatus.OFFLINE;
    agent.presenceInstance = null;
    agent.lastSeenAt = new Date();
    await em.flush();
    this.announceOffline(agent);
  }

  /**
   * At start: an agent shown present whose console slot nobody holds (its process died) is offline,
   * so routing never gives sessions to someone who is not there.
   */
  async reconcilePresence(em: EntityManager, holder: (agentId: number) => Promise<string | null>): Promise<number> {
    const present = await em.find(Agent, { status: { $ne: AgentStatus.OFFLINE }, isDeleted: false }, { fields: ['id'] });
    let fixed = 0;
    for (const a of present) {
      if (await holder(a.id)) continue;
      await this.markOffline(em, a.id);
      fixed++;
    }
    return fixed;
  }

  /**
   * Agents made present by a console on an instance that stopped heartbeating (`liveInstanceIds` are those still
   * beating): offline, announced, and no longer routed to. Answers how many.
   */
  async releaseDeadInstances(em: EntityManager, liveInstanceIds: string[]): Promise<number> {
    const stranded = await em.find(Agent, { status: { $ne: AgentStatus.OFFLINE }, presenceInstance: { $ne: null, $nin: liveInstanceIds } }, { populate: ['staffs', 'merchant'] });
    let offline = 0;
    for (const a of stranded) {
      // Only while the presence is still the dead instance's: the agent may have logged in on a live one since.
      const changed = await em.nativeUpdate(
        Agent,
        { id: a.id, presenceInstance: a.presenceInstance, status: { $ne: AgentStatus.OFFLINE } },
        { status: AgentStatus.OFFLINE, presenceInstance: null, lastSeenAt: new Date() },
      );
      if (!changed) continue;
      this.announceOffline(a);
      offline++;
    }
    return offline;
  }

  private announceOffline(agent: Agent): void {
    this.bus.publish('AGENT_PRESENCE', {
      merchantId: agent.merchant.id,
      agentId: agent.id,
      name: agent.name,
      status: AgentStatus.OFFLINE,
      kind: 'logout',
      staffIds: agent.staffs.getItems().map((s) => s.id),
      connectionId: null,
    });
  }

  /** Contacts' ids an agent is talking with now (agent-console §18.2). */
  async connectingContacts(em: EntityManager, agentId: number, staffId: number | null = null): Promise<string[]> {
    const rows: { external_id: string }[] = await em
      .getConnection()
      .execute(
        `select c.external_id from session s join contact c on c.id = s.contact_id where s.agent_id = ? and s.status = 'manual'${staffId === null ? '' : ' and s.staff_id = ?'} order by s.accepted_at`,
        staffId === null ? [agentId] : [agentId, staffId],
      );
    return rows.map((r) => r.external_id);
  }

  private async ownStaff(em: EntityManager, ids: number[]): Promise<Staff[]> {
    const unique = [...new Set(ids)];
    const staff = await em.find(Staff, { id: { $in: unique }, isDeleted: false });
    const missing = unique.filter((id) => !staff.some((s) => s.id === id));
    if (missing.length) throw notFound(`Staff ${missing.join(', ')}`);
    return staff;
  }

  private async flushUnique(em: EntityManager): Promise<void> {
    await this.uniqueUserName(() => em.flush());
  }

  private async uniqueUserName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw alreadyExists('This agent user name is taken');
      throw err;
    }
  }
}
