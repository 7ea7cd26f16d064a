import { LockMode, QueryOrder, type FilterQuery, type ObjectQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import type { EventBus, SessionChangeKind } from '../../core/events/event-bus.js';
import type { Logger } from '../../core/logger.js';
import { parseInput } from '../../core/validation.js';
import { Agent, AgentStatus } from '../../entities/agent/agent.entity.js';
import { ChannelType, Contact } from '../../entities/contact/contact.entity.js';
import { Message, MessageType, SenderType } from '../../entities/session/message.entity.js';
import { queuePositions } from '../../entities/session/session-queue.js';
import { Session, SessionStatus } from '../../entities/session/session.entity.js';
import type { Staff } from '../../entities/staff/staff.entity.js';
import { OutboxService } from '../channel/outbox.service.js';
import type { Answerer } from './answerer.js';
import { asksForHuman, needsHuman } from './handoff-rules.js';

export interface ContactProfile {
  nickname?: string;
  avatarUrl?: string;
}

export interface ContactMessageInput {
  channel: ChannelType;
  externalId: string;
  msgType?: MessageType;
  content: string;
  payload?: Record<string, unknown> | null;
  channelMsgId?: string | null;
  clientMsgId?: string | null;
  profile?: ContactProfile;
}

export interface ContactMessageResult {
  session: Session;
  message: Message;
  /** A channel retry or client resend: already stored, nothing else happens. */
  duplicate: boolean;
  /** Whether the AI should answer this message now. */
  aiShouldAnswer: boolean;
}

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
  /** `activity` (default): latest message first; `queue`: waiting order. */
  order?: 'activity' | 'queue';
}

type Pending = () => void;

const contentSchema = z.object({
  content: z.string().max(20_000, 'content must be at most 20000 characters'),
  msgType: z.enum(MessageType, `msgType must be one of: ${Object.values(MessageType).join(', ')}`).default(MessageType.TEXT),
  payload: z.record(z.string(), z.unknown()).nullable().optional(),
  clientMsgId: z.string().trim().min(1).max(128).nullable().optional(),
});

const preview = (m: { msgType: MessageType; content: string }) =>
  m.msgType === MessageType.TEXT ? m.content.slice(0, 500) : `[${m.msgType}]${m.content ? ` ${m.content.slice(0, 200)}` : ''}`;

/**
 * The conversation lifecycle of DESIGN.md. Every transition is one method,
 * validated by the Session entity, committed, then published as one event that
 * GraphQL, /ws/cs and the agent console each render.
 */
export class SessionService {
  constructor(
    private readonly bus: EventBus,
    private readonly answerer: Answerer,
    private readonly log: Logger,
    private readonly outbox: OutboxService,
  ) {}

  // ---------- contacts' side ----------

  /** Stores a contact's message, opening a session when none is open, and hands off when asked. */
  async receiveFromContact(em: EntityManager, staff: Staff, input: ContactMessageInput): Promise<ContactMessageResult> {
    const body = parseInput(contentSchema, { content: input.content, msgType: input.msgType, payload: input.payload, clientMsgId: input.clientMsgId });
    if (body.msgType === MessageType.TEXT && !body.content.trim()) throw badInput('content must not be empty');
    const externalId = parseInput(z.string().trim().min(1, 'contact id is required').max(128), input.externalId);
    const after: Pending[] = [];
    const result = await em.transactional(async (tx) => {
      if (input.channelMsgId) {
        const seen = await tx.findOne(Message, { merchantId: staff.merchant.id, channel: input.channel, channelMsgId: input.channelMsgId }, { populate: ['session'] });
        if (seen) return { session: seen.session, message: seen, duplicate: true, aiShouldAnswer: false };
      }
      const contact = await this.lockContact(tx, staff, input.channel, externalId, input.profile);
      const now = new Date();
      let session = await tx.findOne(Session, { contact, status: { $ne: SessionStatus.CLOSED } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      let opened: Pending | null = null;
      if (!session) {
        session = new Session({ merchant: staff.merchant, staff, contact, channel: input.channel });
        tx.persist(session);
        await tx.flush();
        opened = this.sessionEvent(session, 'opened', null, null);
      } else if (body.clientMsgId) {
        const seen = await tx.findOne(Message, { session, clientMsgId: body.clientMsgId });
        if (seen) return { session, message: seen, duplicate: true, aiShouldAnswer: false };
      }
      const message = this.append(tx, session, {
        senderType: SenderType.CONTACT,
        senderId: contact.externalId,
        msgType: body.msgType,
        content: body.content,
        payload: body.payload ?? null,
        channelMsgId: input.channelMsgId ?? null,
        clientMsgId: body.clientMsgId ?? null,
      });
      contact.lastActiveAt = now;
      let handoff: Pending | null = null;
      if (session.status === SessionStatus.AI) {
        const reason = staff.humanFirst ? 'human_first' : asksForHuman(body.content, staff.handoffPhrases) ? 'requested' : null;
        if (reason) {
          session.handOff(reason, now);
          handoff = this.sessionEvent(session, 'handoff', SessionStatus.AI, null);
        }
      }
      await tx.flush();
      // A message that caused the handoff is announced as said in the AI's session; the handoff event brings it to the queue.
      const messageEvent = this.messageEvent(session, message, handoff ? SessionStatus.AI : undefined);
      after.push(...[opened, messageEvent, handoff].filter((p): p is Pending => p !== null));
      return { session, message, duplicate: false, aiShouldAnswer: session.status === SessionStatus.AI && body.msgType === MessageType.TEXT };
    });
    after.forEach((publish) => publish());
    if (result.session.status === SessionStatus.PENDING && !result.duplicate) await this.route(em, result.session.merchant.id);
    return result;
  }

  /**
   * The AI's answer to a contact's question, streamed. The answer is stored when
   * it ends; an ungrounded or unsure one hands the session to a person. Nothing
   * is said if an agent took the session over meanwhile.
   */
  async *answerAsAi(em: EntityManager, sessionId: number, question: string): AsyncGenerator<string, { message: Message | null; handedOff: boolean }> {
    const readEm = em.fork();
    const session = await readEm.findOne(Session, sessionId, { populate: ['staff'] });
    if (!session || session.status !== SessionStatus.AI) return { message: null, handedOff: false };
    const stream = this.answerer.answer(readEm, session.staff, question);
    let text = '';
    for await (const piece of stream) {
      text += piece;
      yield piece;
    }
    const outcome = await stream.result;
    const after: Pending[] = [];
    const stored = await em.fork().transactional(async (tx) => {
      const s = await tx.findOneOrFail(Session, sessionId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['staff', 'contact'] });
      if (s.status !== SessionStatus.AI) return { message: null, handedOff: false, session: s };
      const message = this.append(tx, s, { senderType: SenderType.AI, senderId: String(s.staff.id), msgType: MessageType.TEXT, content: text });
      const handOff = needsHuman(outcome);
      if (handOff) s.handOff('low_confidence', new Date());
      await tx.flush();
      after.push(this.messageEvent(s, message));
      if (handOff) after.push(this.sessionEvent(s, 'handoff', SessionStatus.AI, null));
      return { message, handedOff: handOff, session: s };
    });
    after.forEach((publish) => publish());
    if (stored.handedOff) await this.route(em, stored.session.merchant.id);
    return { message: stored.message, handedOff: stored.handedOff };
  }

  // ---------- agents' side ----------

  async accept(ctx: RequestContext, sessionId: number, agentId?: number): Promise<Session> {
    const { merchantId } = ctx.requireTenant();
    const after: Pending[] = [];
    const session = await ctx.em.transactional(async (tx) => {
      await this.lockTenant(tx, merchantId);
      const s = await this.lockVisible(ctx, tx, sessionId);
      const agent = await this.actingAgent(ctx, tx, agentId, s.staff.id);
      const previous = s.status;
      s.accept(agent, new Date());
      await tx.flush();
      after.push(this.sessionEvent(s, 'accepted', previous, null));
      return s;
    });
    after.forEach((p) => p());
    return session;
  }

  /** Back to the queue (no `toAgentId`), or straight to a named agent of the same staff. */
  async transfer(ctx: RequestContext, sessionId: number, toAgentId?: number | null): Promise<Session> {
    const { merchantId } = ctx.requireTenant();
    const after: Pending[] = [];
    let excluded: number | null = null;
    const session = await ctx.em.transactional(async (tx) => {
      await this.lockTenant(tx, merchantId);
      const s = await this.lockVisible(ctx, tx, sessionId);
      if (ctx.actor.kind === 'agent' && s.agent?.id !== ctx.actor.agentId) throw forbidden('Only the agent who owns this session can transfer it');
      const previous = s.status;
      const previousAgentId = s.agent?.id ?? null;
      if (toAgentId) {
        const target = await this.agentForStaff(tx, merchantId, toAgentId, s.staff.id);
        s.reassign(target, new Date());
      } else {
        s.requeue(new Date());
        excluded = previousAgentId;
      }
      await tx.flush();
      after.push(this.sessionEvent(s, 'transferred', previous, previousAgentId));
      return s;
    });
    after.forEach((p) => p());
    if (session.status === SessionStatus.PENDING) await this.route(ctx.em, merchantId, { sessionId, excludeAgentId: excluded });
    else await this.route(ctx.em, merchantId);
    return session;
  }

  async close(ctx: RequestContext, sessionId: number): Promise<Session> {
    const { merchantId } = ctx.requireTenant();
    const after: Pending[] = [];
    const session = await ctx.em.transactional(async (tx) => {
      // The tenant lock keeps routing from giving this session to an agent while it closes.
      await this.lockTenant(tx, merchantId);
      const s = await this.lockVisible(ctx, tx, sessionId);
      if (ctx.actor.kind === 'agent' && s.status === SessionStatus.MANUAL && s.agent?.id !== ctx.actor.agentId) {
        throw forbidden("Only the agent who owns this session can close it");
      }
      const previous = s.status;
      s.close(new Date());
      await tx.flush();
      after.push(this.sessionEvent(s, 'closed', previous, s.agent?.id ?? null));
      return s;
    });
    after.forEach((p) => p());
    // The agent has room for the next one waiting.
    await this.route(ctx.em, merchantId);
    return session;
  }

  /** An agent's reply; the session must be manual, and an agent must own it. */
  async sendAsAgent(ctx: RequestContext, sessionId: number, input: AgentMessageInput): Promise<Message> {
    ctx.requireTenant();
    const body = parseInput(contentSchema, input);
    if (body.msgType === MessageType.TEXT && !body.content.trim()) throw badInput('content must not be empty');
    const after: Pending[] = [];
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
      const m = this.append(tx, s, {
        senderType: SenderType.AGENT,
        senderId: String(s.agent.id),
        msgType: body.msgType,
        content: body.content,
        payload: body.payload ?? null,
        clientMsgId: body.clientMsgId ?? null,
      });
      await tx.flush();
      after.push(this.messageEvent(s, m));
      return m;
    });
    after.forEach((p) => p());
    return message;
  }

  /** Requeues the sessions an agent holds (all, or those of some staff): it was deleted, or lost those staff. */
  async releaseAgent(em: EntityManager, merchantId: number, agentId: number, staffIds?: number[]): Promise<void> {
    const after: Pending[] = [];
    await em.transactional(async (tx) => {
      await this.lockTenant(tx, merchantId);
      const held = await tx.find(Session, { agent: agentId, status: SessionStatus.MANUAL, ...(staffIds ? { staff: { $in: staffIds } } : {}) }, { populate: ['staff', 'contact'] });
      const now = new Date();
      for (const s of held) {
        s.requeue(now);
        after.push(this.sessionEvent(s, 'transferred', SessionStatus.MANUAL, agentId));
      }
      await tx.flush();
    });
    after.forEach((p) => p());
    await this.route(em, merchantId);
  }

  // ---------- reads ----------

  async list(ctx: RequestContext, filter: SessionFilter = {}): Promise<Session[]> {
    const where = await this.visibleWhere(ctx);
    if (filter.status) where.status = filter.status;
    if (filter.channel) where.channel = filter.channel;
    if (filter.agentId) where.agent = filter.agentId;
    if (filter.staffId) where.staff = filter.staffId;
    const orderBy: QueryOrderMap<Session> =
      filter.order === 'queue' ? { queuedAt: QueryOrder.ASC_NULLS_LAST, id: QueryOrder.ASC } : { lastMessageAt: QueryOrder.DESC_NULLS_LAST, id: QueryOrder.DESC };
    return ctx.em.find(Session, where, { orderBy, populate: ['contact'] });
  }

  /** A session the caller may see; anything else is "not found". */
  async get(ctx: RequestContext, sessionId: number): Promise<Session> {
    const id = parseInput(z.number().int().positive('session id must be a positive whole number'), sessionId);
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

  /** The newest message the contact sent in each session (wait and current lists show it), in one query. */
  async lastContactMessages(em: EntityManager, sessionIds: number[]): Promise<Map<number, Message>> {
    if (!sessionIds.length) return new Map();
    const rows: { id: number }[] = await em
      .getConnection()
      .execute(
        `select distinct on (session_id) id from message where sender_type = 'contact' and session_id in (${sessionIds.map(() => '?').join(',')}) order by session_id, seq desc`,
        sessionIds,
        'all',
        em.getTransactionContext(),
      );
    const messages = rows.length ? await em.find(Message, { id: { $in: rows.map((r) => r.id) } }) : [];
    return new Map(messages.map((m) => [m.session.id, m]));
  }

  /** 1-based place in the staff's queue; null when not waiting. */
  async queuePosition(em: EntityManager, session: Session): Promise<number | null> {
    if (session.status !== SessionStatus.PENDING) return null;
    return (await queuePositions(em, session.merchant.id, [session.id])).get(session.id) ?? null;
  }

  /** A contact (by its channel id, the agent console's `userid`) of a staff the caller may see. */
  async contactOf(ctx: RequestContext, externalId: string, staffId?: number): Promise<Contact> {
    const actor = ctx.requireTenant();
    const where: FilterQuery<Contact> = { merchant: actor.merchantId, externalId };
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

  // ---------- routing ----------

  /**
   * Gives waiting sessions to auto-accept agents who are online and below
   * capacity, least loaded first, in waiting order. Serialised per tenant so
   * no agent is given more than its capacity.
   */
  async route(em: EntityManager, merchantId: number, opts: { sessionId?: number; excludeAgentId?: number | null } = {}): Promise<void> {
    const after: Pending[] = [];
    await em.fork().transactional(async (tx) => {
      await this.lockTenant(tx, merchantId);
      const waiting = await tx.find(
        Session,
        { merchant: merchantId, status: SessionStatus.PENDING },
        { orderBy: { queuedAt: 'asc', id: 'asc' }, populate: ['staff'], limit: 500 },
      );
      if (!waiting.length) return;
      const agents = await tx.find(Agent, { merchant: merchantId, isDeleted: false, autoAccept: true, status: AgentStatus.ONLINE }, { populate: ['staffs'] });
      if (!agents.length) return;
      const loads = await this.loads(tx, agents.map((a) => a.id));
      const now = new Date();
      for (const s of waiting) {
        const candidates = agents
          .filter((a) => a.staffs.getItems().some((st) => st.id === s.staff.id))
          .filter((a) => !(opts.sessionId === s.id && opts.excludeAgentId === a.id))
          .filter((a) => (loads.get(a.id) ?? 0) < a.maxSessions)
          .sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || a.id - b.id);
        const agent = candidates[0];
        if (!agent) continue;
        s.accept(agent, now);
        loads.set(agent.id, (loads.get(agent.id) ?? 0) + 1);
        after.push(this.sessionEvent(s, 'accepted', SessionStatus.PENDING, null));
      }
      await tx.flush();
    });
    after.forEach((p) => p());
  }

  /** Manual sessions each agent holds now. */
  async loads(em: EntityManager, agentIds: number[]): Promise<Map<number, number>> {
    if (!agentIds.length) return new Map();
    const rows: { agent_id: number; n: number }[] = await em
      .getConnection()
      .execute(
        `select agent_id, count(*)::int as n from session where status = 'manual' and agent_id in (${agentIds.map(() => '?').join(',')}) group by agent_id`,
        agentIds,
        'all',
        em.getTransactionContext(),
      );
    return new Map(rows.map((r) => [r.agent_id, r.n]));
  }

  // ---------- internals ----------

  private append(
    tx: EntityManager,
    session: Session,
    m: { senderType: SenderType; senderId: string; msgType: MessageType; content: string; payload?: Record<string, unknown> | null; channelMsgId?: string | null; clientMsgId?: string | null },
  ): Message {
    session.lastSeq += 1;
    session.messageCount += 1;
    session.lastMessage = preview(m);
    session.lastMessageAt = new Date();
    const message = new Message({ session, merchantId: session.merchant.id, seq: session.lastSeq, channel: session.channel, ...m });
    tx.persist(message);
    if (OutboxService.shouldSend(session, message)) this.outbox.enqueueMessage(tx, session, message);
    return message;
  }

  private async lockContact(tx: EntityManager, staff: Staff, channel: ChannelType, externalId: string, profile?: ContactProfile): Promise<Contact> {
    await tx.getConnection().execute(
      `insert into contact (merchant_id, staff_id, channel, external_id, nickname, avatar_url) values (?, ?, ?, ?, ?, ?) on conflict (staff_id, channel, external_id) do nothing`,
      [staff.merchant.id, staff.id, channel, externalId, profile?.nickname ?? '', profile?.avatarUrl ?? ''],
      'run',
      tx.getTransactionContext(),
    );
    // The row lock serialises one contact's messages, so a session opens once and seq numbers never clash.
    const contact = await tx.findOneOrFail(Contact, { staff, channel, externalId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (profile?.nickname) contact.nickname = profile.nickname.slice(0, 100);
    if (profile?.avatarUrl) contact.avatarUrl = profile.avatarUrl.slice(0, 1024);
    return contact;
  }

  private async lockTenant(tx: EntityManager, merchantId: number): Promise<void> {
    await tx.getConnection().execute('select pg_advisory_xact_lock(?, ?)', [7_301, merchantId], 'all', tx.getTransactionContext());
  }

  /** Row filter for what the caller may see: the merchant's sessions, or for an agent those of its staff. */
  private async visibleWhere(ctx: RequestContext): Promise<ObjectQuery<Session>> {
    const actor = ctx.requireTenant();
    if (actor.kind === 'merchant') return { merchant: actor.merchantId };
    return { merchant: actor.merchantId, staff: { $in: await this.staffIdsOfAgent(ctx.em, actor.agentId) } };
  }

  async staffIdsOfAgent(em: EntityManager, agentId: number): Promise<number[]> {
    const rows: { staff_id: number }[] = await em.getConnection().execute('select staff_id from agent_staff where agent_id = ?', [agentId], 'all', em.getTransactionContext());
    return rows.map((r) => r.staff_id);
  }

  private async lockVisible(ctx: RequestContext, tx: EntityManager, sessionId: number): Promise<Session> {
    const id = parseInput(z.number().int().positive('session id must be a positive whole number'), sessionId);
    const where = await this.visibleWhere(ctx);
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
      return this.agentForStaff(tx, actor.merchantId, actor.agentId, staffId);
    }
    if (agentId === undefined) throw badInput('csId (the agent to accept for) is required');
    return this.agentForStaff(tx, actor.merchantId, agentId, staffId);
  }

  private async agentForStaff(tx: EntityManager, merchantId: number, agentId: number, staffId: number): Promise<Agent> {
    const agent = await tx.findOne(Agent, { id: agentId, merchant: merchantId, isDeleted: false }, { populate: ['staffs'] });
    if (!agent) throw notFound(`Agent ${agentId}`);
    if (!agent.staffs.getItems().some((s) => s.id === staffId)) throw forbidden(`Agent ${agentId} is not assigned to this session's staff`);
    return agent;
  }

  private sessionEvent(s: Session, kind: SessionChangeKind, previousStatus: SessionStatus | null, previousAgentId: number | null): Pending {
    const event = {
      merchantId: s.merchant.id,
      staffId: s.staff.id,
      sessionId: s.id,
      contactId: s.contact.id,
      kind,
      status: s.status,
      previousStatus,
      agentId: s.agent?.id ?? null,
      previousAgentId,
    };
    return () => this.bus.publish('SESSION_CHANGED', event);
  }

  private messageEvent(s: Session, m: Message, status: SessionStatus = s.status): Pending {
    const event = {
      merchantId: s.merchant.id,
      staffId: s.staff.id,
      sessionId: s.id,
      contactId: s.contact.id,
      messageId: m.id,
      seq: m.seq,
      senderType: m.senderType,
      status,
      agentId: s.agent?.id ?? null,
    };
    return () => this.bus.publish('MESSAGE_ADDED', event);
  }
}
