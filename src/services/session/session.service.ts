import { LockMode, QueryOrder, type FilterQuery, type ObjectQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import { pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { parseInput } from '../../core/validation.js';
import { Agent } from '../../entities/agent/agent.entity.js';
import { ChannelType, Contact } from '../../entities/contact/contact.entity.js';
import { mediaMessage } from '../../entities/session/media-payload.js';
import { Message, MessageType, SenderType } from '../../entities/session/message.entity.js';
import { Session, SessionStatus } from '../../entities/session/session.entity.js';
import { contactNotices } from '../conversation/contact-notices.js';
import type { RoutingService } from './routing.service.js';
import { lastContactMessages, visibleMessages, type MessageRow } from './session-reads.js';
import type { Publish, SessionJournal } from './session-journal.js';
import { traceConversation } from '../../core/trace.js';

export interface AgentMessageInput {
  content: string;
  /** One of MessageType's values; checked here, since legacy clients send any string. */
  msgType?: string;
  payload?: Record<string, unknown> | null;
  clientMsgId?: string | null;
}

export interface SessionFilter {
  status?: SessionStatus;
  agentId?: number;
  channel?: ChannelType;
  staffId?: number;
  /** One contact's sessions (its earlier conversations). */
  contactId?: number;
  /** Sessions carrying this label (by id, or by name). */
  labelId?: number;
  label?: string;
  /** `activity` (default): latest message first; `queue`: waiting order. */
  order?: 'activity' | 'queue';
}

const sessionIdSchema = z.number().int().positive('session id must be a positive whole number');

const contentSchema = z.object({
  content: z.string().max(20_000, 'content must be at most 20000 characters'),
  msgType: z.enum(MessageType, `msgType must be one of: ${Object.values(MessageType).join(', ')}`).default(MessageType.TEXT),
  payload: z.record(z.string(), z.unknown()).nullable().optional(),
  clientMsgId: z.string().trim().min(1).max(128).nullable().optional(),
});

/**
 * The agents' side of the lifecycle of DESIGN.md, and the reads every agent surface shares. Every
 * transition is one method, validated by the Session entity, committed, then published as one event
 * that GraphQL, /ws/cs and the agent console each render. The contacts' side is the conversation
 * intake (src/services/conversation); routing is RoutingService.
 */
export class SessionService {
  constructor(
    private readonly journal: SessionJournal,
    private readonly routing: RoutingService,
    /** The rating window the closed notice names (CSAT_REPLY_WINDOW_MINUTES). */
    private readonly csatWindowMinutes = 30,
  ) {}

  // ---------- agents' side ----------

  async accept(ctx: RequestContext, sessionId: number, agentId?: number): Promise<Session> {
    traceConversation(sessionId);
    const { merchantId } = ctx.requireTenant();
    const after: Publish[] = [];
    const session = await ctx.em.transactional(async (tx) => {
      await this.journal.lockTenant(tx, merchantId);
      const s = await this.lockVisible(ctx, tx, sessionId);
      const agent = await this.actingAgent(ctx, tx, agentId, s.staff.id);
      const previous = s.status;
      s.accept(agent, new Date());
      await this.journal.notice(tx, s, contactNotices.accepted(s.staff, agent.name));
      await tx.flush();
      after.push(await this.journal.sessionEvent(tx, s, 'accepted', previous, null));
      return s;
    });
    after.forEach((p) => p());
    return session;
  }

  /** Back to the queue (no `toAgentId`), or straight to a named agent of the same staff. */
  async transfer(ctx: RequestContext, sessionId: number, toAgentId?: number | null): Promise<Session> {
    traceConversation(sessionId);
    const { merchantId } = ctx.requireTenant();
    const after: Publish[] = [];
    let excluded: number | null = null;
    const session = await ctx.em.transactional(async (tx) => {
      await this.journal.lockTenant(tx, merchantId);
      const s = await this.lockVisible(ctx, tx, sessionId);
      if (ctx.actor.kind === 'agent' && s.agent?.id !== ctx.actor.agentId) throw forbidden('Only the agent who owns this session can transfer it');
      const previous = s.status;
      const previousAgentId = s.agent?.id ?? null;
      if (toAgentId) {
        const target = await this.agentForStaff(tx, toAgentId, s.staff.id);
        s.reassign(target, new Date());
        await this.journal.notice(tx, s, contactNotices.accepted(s.staff, target.name));
      } else {
        s.requeue(new Date());
        excluded = previousAgentId;
      }
      await tx.flush();
      after.push(await this.journal.sessionEvent(tx, s, 'transferred', previous, previousAgentId));
      return s;
    });
    after.forEach((p) => p());
    if (session.status === SessionStatus.PENDING) await this.routing.route(ctx.em, merchantId, { sessionId, excludeAgentId: excluded });
    else await this.routing.route(ctx.em, merchantId);
    return session;
  }

  async close(ctx: RequestContext, sessionId: number): Promise<Session> {
    traceConversation(sessionId);
    const { merchantId } = ctx.requireTenant();
    const after: Publish[] = [];
    const session = await ctx.em.transactional(async (tx) => {
      // The tenant lock keeps routing from giving this session to an agent while it closes.
      await this.journal.lockTenant(tx, merchantId);
      const s = await this.lockVisible(ctx, tx, sessionId);
      if (ctx.actor.kind === 'agent' && s.status === SessionStatus.MANUAL && s.agent?.id !== ctx.actor.agentId) {
        throw forbidden("Only the agent who owns this session can close it");
      }
      const previous = s.status;
      s.close(new Date());
      // On a channel the closed notice also asks for the rating; web chat sends its own prompt (the csat frame).
      await this.journal.notice(tx, s, `${contactNotices.closed(s.staff)} ${contactNotices.ratePrompt(s.staff, this.csatWindowMinutes)}`);
      await tx.flush();
      after.push(await this.journal.sessionEvent(tx, s, 'closed', previous, s.agent?.id ?? null));
      return s;
    });
    after.forEach((p) => p());
    // The agent has room for the next one waiting.
    await this.routing.route(ctx.em, merchantId);
    return session;
  }

  /** An agent's reply; the session must be manual, and an agent must own it. */
  async sendAsAgent(ctx: RequestContext, sessionId: number, input: AgentMessageInput): Promise<Message> {
    traceConversation(sessionId);
    ctx.requireTenant();
    const body = parseInput(contentSchema, input);
    if (body.msgType === MessageType.TEXT && !body.content.trim()) throw badInput('content must not be empty');
    const media = body.msgType === MessageType.TEXT ? { content: body.content, payload: body.payload ?? null } : mediaMessage(body.content, body.payload);
    const after: Publish[] = [];
    const message = await ctx.em.transactional(async (tx) => {
      const s = await this.lockVisible(ctx, tx, sessionId);
      if (s.status !== SessionStatus.MANUAL || !s.agent) {
        throw conflict(`Session ${s.id} is ${s.status}; only a session an agent has accepted takes agent messages`);
      }
      if (ctx.actor.kind === 'agent' && s.agent.id !== ctx.actor.agentId) throw forbidden('Only the agent who owns this session can send in it');
      if (body.clientMsgId) {
        const seen = await tx.findOne(Message, { session: s, clientMsgId: body.clientMsgId });
        if (seen) return seen;
      }
      const m = await this.journal.append(tx, s, {
        senderType: SenderType.AGENT,
        senderId: String(s.agent.id),
        msgType: body.msgType,
        ...media,
        clientMsgId: body.clientMsgId ?? null,
      });
      await tx.flush();
      after.push(await this.journal.messageEvent(tx, s, m));
      return m;
    });
    after.forEach((p) => p());
    return message;
  }

  /** Requeues the sessions an agent holds (all, or those of some staff): it was deleted, or lost those staff. */
  async releaseAgent(em: EntityManager, merchantId: number, agentId: number, staffIds?: number[]): Promise<void> {
    const after: Publish[] = [];
    await em.transactional(async (tx) => {
      await this.journal.lockTenant(tx, merchantId);
      const held = await tx.find(Session, { agent: agentId, status: SessionStatus.MANUAL, ...(staffIds ? { staff: { $in: staffIds } } : {}) }, { populate: ['staff', 'contact'] });
      const now = new Date();
      for (const s of held) {
        s.requeue(now);
        after.push(await this.journal.sessionEvent(tx, s, 'transferred', SessionStatus.MANUAL, agentId));
      }
      await tx.flush();
    });
    after.forEach((p) => p());
    await this.routing.route(em, merchantId);
  }

  // ---------- reads ----------

  /** Every visible session matching the filter; with `page`, one page of them and the total. */
  async list(ctx: RequestContext, filter?: SessionFilter): Promise<Session[]>;
  async list(ctx: RequestContext, filter: SessionFilter, page: PageInput): Promise<PageResult<Session>>;
  async list(ctx: RequestContext, filter: SessionFilter = {}, page?: PageInput): Promise<Session[] | PageResult<Session>> {
    const wanted: ObjectQuery<Session> = {};
    if (filter.status) wanted.status = filter.status;
    if (filter.channel) wanted.channel = filter.channel;
    if (filter.agentId) wanted.agent = filter.agentId;
    if (filter.staffId) wanted.staff = filter.staffId;
    if (filter.contactId) wanted.contact = filter.contactId;
    if (filter.labelId) wanted.labels = filter.labelId;
    else if (filter.label) wanted.labels = { name: filter.label };
    // Both: a staffId filter narrows an agent's staff, never replaces them.
    const where: FilterQuery<Session> = { $and: [await this.visibleWhere(ctx), wanted] };
    const orderBy: QueryOrderMap<Session> =
      filter.order === 'queue' ? { queuedAt: QueryOrder.ASC_NULLS_LAST, id: QueryOrder.ASC } : { lastMessageAt: QueryOrder.DESC_NULLS_LAST, id: QueryOrder.DESC };
    if (!page) return ctx.em.find(Session, where, { orderBy, populate: ['contact'] });
    const p = parseInput(pageSchema, page);
    const [items, total] = await ctx.em.findAndCount(Session, where, { orderBy, populate: ['contact'], limit: p.pageSize, offset: p.pageNo * p.pageSize });
    return { items, total, ...p };
  }

  /** A session the caller may see; anything else is "not found". */
  async get(ctx: RequestContext, sessionId: number): Promise<Session> {
    const id = parseInput(sessionIdSchema, sessionId);
    const where = await this.visibleWhere(ctx);
    const s = await ctx.em.findOne(Session, { ...where, id }, { populate: ['contact'] });
    if (!s) throw notFound(`Session ${id}`);
    return s;
  }

  /** Messages oldest first; `afterSeq` gives exactly what a reconnecting client missed. */
  async messages(ctx: RequestContext, sessionId: number, opts: { afterSeq?: number; limit?: number } = {}): Promise<Message[]> {
    const s = await this.get(ctx, sessionId);
    const limit = Math.min(Math.max(opts.limit ?? 1000, 1), 1000);
    return ctx.em.find(Message, { session: s, seq: { $gt: opts.afterSeq ?? 0 } }, { orderBy: { seq: 'asc' }, limit });
  }

  /**
   * `messages` for a reader that only shows them (the GraphQL history query): plain rows in one
   * statement, the visibility check included. Only an empty answer asks whether the session is visible.
   */
  async history(ctx: RequestContext, sessionId: number, opts: { afterSeq?: number; limit?: number } = {}): Promise<MessageRow[]> {
    const id = parseInput(sessionIdSchema, sessionId);
    const limit = Math.min(Math.max(opts.limit ?? 1000, 1), 1000);
    const rows = await visibleMessages(ctx.em, ctx.requireTenant(), id, opts.afterSeq ?? 0, limit);
    if (!rows.length) await this.get(ctx, id);
    return rows;
  }

  /**
   * Every message of a session, oldest first, in batches read by `seq` (the contract is unpaged): a long
   * conversation is streamed, never held whole in memory. The first batch is checked like `get`.
   */
  async *messageBatches(ctx: RequestContext, sessionId: number, batchSize = 500): AsyncGenerator<Message[], void, void> {
    const s = await this.get(ctx, sessionId);
    const em = ctx.em.fork();
    for (let after = 0; ; ) {
      const batch = await em.find(Message, { session: s.id, seq: { $gt: after } }, { orderBy: { seq: 'asc' }, limit: batchSize });
      if (batch.length) yield batch;
      if (batch.length < batchSize) return;
      after = batch[batch.length - 1]!.seq;
      em.clear();
    }
  }

  /** A page of a contact's history, newest page first, each page oldest first (agent-console paging). */
  async historyPage(ctx: RequestContext, contactId: number, page: number, pageSize: number): Promise<Message[]> {
    const where = await this.visibleWhere(ctx);
    const sessions = await ctx.em.find(Session, { ...where, contact: contactId }, { fields: ['id'] });
    if (!sessions.length) return [];
    const rows = await ctx.em.find(
      Message,
      { session: { $in: sessions.map((s) => s.id) } },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize },
    );
    return rows.reverse();
  }

  /** The ids of a contact's sessions the caller may see (its history, notes included, is read by them). */
  async visibleSessionIdsOfContact(ctx: RequestContext, contactId: number): Promise<number[]> {
    const where = await this.visibleWhere(ctx);
    return (await ctx.em.find(Session, { ...where, contact: contactId }, { fields: ['id'] })).map((s) => s.id);
  }

  /** The newest message the contact sent in each session (wait and current lists show it). */
  async lastContactMessages(ctx: RequestContext, sessionIds: number[]): Promise<Map<number, Message>> {
    return lastContactMessages(ctx.em, sessionIds);
  }

  /** A contact (by its channel id, the agent console's `userid`) of a staff the caller may see. */
  async contactOf(ctx: RequestContext, externalId: string, staffId?: number): Promise<Contact> {
    const actor = ctx.requireTenant();
    const where: FilterQuery<Contact> = { externalId };
    if (actor.kind === 'agent') {
      const mine = await this.staffIdsOfAgent(ctx.em, actor.agentId);
      where.staff = { $in: staffId === undefined ? mine : mine.filter((id) => id === staffId) };
    } else if (staffId !== undefined) {
      where.staff = staffId;
    }
    const contact = await ctx.em.findOne(Contact, where, { orderBy: { lastActiveAt: 'desc nulls last' } });
    if (!contact) throw notFound(`User ${externalId}`);
    return contact;
  }

  /** The contact's open session that the caller may see. */
  async openSessionOfContact(ctx: RequestContext, contact: Contact): Promise<Session> {
    const where = await this.visibleWhere(ctx);
    const s = await ctx.em.findOne(Session, { ...where, contact, status: { $ne: SessionStatus.CLOSED } }, { populate: ['contact'] });
    if (!s) throw notFound(`Open session of user ${contact.externalId}`);
    return s;
  }

  // ---------- internals ----------

  /** Row filter for what the caller may see: the merchant's sessions (the tenant filter), or for an agent those of its staff. */
  private async visibleWhere(ctx: RequestContext, em: EntityManager = ctx.em): Promise<ObjectQuery<Session>> {
    const actor = ctx.requireTenant();
    if (actor.kind === 'merchant') return {};
    return { staff: { $in: await this.staffIdsOfAgent(em, actor.agentId) } };
  }

  /** The staff an agent caller is assigned to (its sockets and subscriptions follow them). */
  async staffIdsOfCaller(ctx: RequestContext): Promise<number[]> {
    return this.staffIdsOfAgent(ctx.em, ctx.requireAgent().agentId);
  }

  private async staffIdsOfAgent(em: EntityManager, agentId: number): Promise<number[]> {
    const rows: { staff_id: number }[] = await em.getConnection().execute('select staff_id from agent_staff where agent_id = ?', [agentId], 'all', em.getTransactionContext());
    return rows.map((r) => r.staff_id);
  }

  private async lockVisible(ctx: RequestContext, tx: EntityManager, sessionId: number): Promise<Session> {
    const id = parseInput(z.number().int().positive('session id must be a positive whole number'), sessionId);
    // Read on the transaction's own connection: a second one from the pool while this one is held can deadlock
    // the pool when many replies wait on one session's lock.
    const where = await this.visibleWhere(ctx, tx);
    const s = await tx.findOne(Session, { ...where, id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!s) throw notFound(`Session ${id}`);
    await tx.populate(s, ['staff', 'contact', 'agent']);
    return s;
  }

  /** The agent an accept acts for: the caller itself, or for a merchant the named agent. */
  private async actingAgent(ctx: RequestContext, tx: EntityManager, agentId: number | undefined, staffId: number): Promise<Agent> {
    const actor = ctx.requireTenant();
    if (actor.kind === 'agent') {
      if (agentId !== undefined && agentId !== actor.agentId) throw forbidden('An agent can only accept sessions for itself');
      return this.agentForStaff(tx, actor.agentId, staffId);
    }
    if (agentId === undefined) throw badInput('csId (the agent to accept for) is required');
    return this.agentForStaff(tx, agentId, staffId);
  }

  private async agentForStaff(tx: EntityManager, agentId: number, staffId: number): Promise<Agent> {
    const agent = await tx.findOne(Agent, { id: agentId, isDeleted: false }, { populate: ['staffs'] });
    if (!agent) throw notFound(`Agent ${agentId}`);
    if (!agent.staffs.getItems().some((s) => s.id === staffId)) throw forbidden(`Agent ${agentId} is not assigned to this session's staff`);
    return agent;
  }
}
