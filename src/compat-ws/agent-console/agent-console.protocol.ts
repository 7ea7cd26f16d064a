import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode, badInput, isAppError, notFound } from '../../core/errors.js';
import type { AgentPresenceEvent, MessageAddedEvent, NoteAddedEvent, SessionChangedEvent } from '../../core/events/event-bus.js';
import { NoteAuthorKind, type SessionNote } from '../../entities/helpdesk/session-note.entity.js';
import { isNote } from '../../services/helpdesk/note.service.js';
import { containsNul } from '../../core/nul-guard.js';
import type { RequestContext } from '../../core/context.js';
import type { Logger } from '../../core/logger.js';
import { AgentStatus } from '../../entities/agent/agent.entity.js';
import { SenderType } from '../../entities/session/message.entity.js';
import type { ContactView, MessageView } from '../../services/session/event-facts.js';
import { SessionStatus, type Session } from '../../entities/session/session.entity.js';
import type { Services } from '../../services/index.js';
import type { AgentHub, AgentSocket } from '../agents/agent-hub.js';
import type { ConsoleRegistry } from '../agents/console-registry.js';
import type { EventView } from '../../services/session/event-views.js';
import type { TimerWheel } from '../../core/ws/timer-wheel.js';
import { fromConsoleItem, toConsoleItem } from '../agents/legacy-message.js';

/** Who wrote a note, as the console's record and push show it. */
const noteAuthor = (n: SessionNote) => (n.authorKind === NoteAuthorKind.AGENT ? { author_type: 'agent', customer_id: n.authorId } : { author_type: 'merchant', customer_id: null });

/** The agent-console seed's codes, and ours for the cases it leaves open (DESIGN.md). */
const codeOf: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.InvalidJson]: 400,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Unauthenticated]: 440,
};

export interface ConsoleTransport {
  send(value: unknown): void;
  sendRaw(text: string): void;
  close(code: number, reason: string): void;
}

export interface ConsoleTiming {
  /** Ticks every connection once per beat (AGENT_WS_BEAT_MS): three unanswered beats, or no login within three beats, close it. */
  beats: TimerWheel<AgentConsoleConnection>;
}

type Reply = Record<string, unknown>;
type Handler = (conn: AgentConsoleConnection, msg: Record<string, unknown>, ctx: RequestContext) => Promise<Reply>;

const now = () => Math.floor(Date.now() / 1000);

/**
 * One agent-console connection (`/ws/kf`): the method-based protocol of the
 * agent-console seed. Frames in, one service call each, frames out; pushes
 * are renderings of the domain events the hub hands over. Ours beyond the seed
 * (docs/protocols.md, "Resuming"): `since` in `login`, `event_seq` on the pushes
 * of session changes and messages (and in a login reply without `since`), and
 * `resync_push {event_seq}` when what was missed cannot be replayed.
 */
export class AgentConsoleConnection implements AgentSocket {
  readonly clientId = randomUUID();
  agentId = 0;
  tokenId = 0;
  merchantId = 0;
  staffIds: Set<number> = new Set();
  private token: string | null = null;
  private missedBeats = 0;
  private beatAnswered = true;
  private beatsBeforeLogin = 0;
  private readonly beats: TimerWheel<AgentConsoleConnection>;
  private closed = false;

  constructor(
    private readonly deps: { services: Services; hub: AgentHub; registry: ConsoleRegistry; log: Logger },
    private readonly transport: ConsoleTransport,
    private readonly meta: { ip: string; requestId: string },
    timing: ConsoleTiming,
  ) {
    // Beats start when the socket opens; three unanswered ones, or no login within as long, end it.
    this.beats = timing.beats;
    this.beats.add(this);
  }

  /** The methods after login, one service call each; shared by every connection (a table per socket would cost memory per idle console). */
  private static readonly methods: Record<string, Handler> = {
    logout: async (c, _m, ctx) => {
      await c.goOffline(ctx, 'logout');
      setImmediate(() => c.close(1000, 'logout'));
      return { code: 0, msg: 'ok' };
    },
    set_customer_status: async (c, m, ctx) => {
      const status = c.int(m, 'status');
      await c.deps.services.agents.setStatus(ctx, status as AgentStatus, 'status', c.clientId);
      return { code: 0, msg: 'ok' };
    },
    set_auto_connect_status: async (c, m, ctx) => {
      const status = c.int(m, 'status');
      if (status !== 0 && status !== 1) throw badInput('status: must be 1 (auto-accept) or 0');
      await c.deps.services.agents.setAutoAccept(ctx, status === 1);
      return { code: 0, msg: 'ok' };
    },
    get_user_info: async (c, m, ctx) => {
      const contact = await c.deps.services.sessions.contactOf(ctx, c.str(m, 'userid'));
      return {
        code: 0,
        msg: 'ok',
        data: {
          active_time: contact.lastActiveAt ? Math.floor(contact.lastActiveAt.getTime() / 1000) : 0,
          att_time: Math.floor(contact.createdAt.getTime() / 1000),
          bid: contact.staff.id,
          city: contact.city,
          country: contact.country,
          head_img: contact.avatarUrl,
          mobile: contact.mobile,
          nickname: contact.nickname,
          openid: contact.externalId,
          province: contact.province,
          realname: contact.realname,
          sex: contact.sex,
          wid: contact.staff.id,
        },
      };
    },
    connect: async (c, m, ctx) => {
      const session = await c.openSession(ctx, c.str(m, 'userid'));
      await c.deps.services.sessions.accept(ctx, session.id);
      return { code: 0, msg: 'ok' };
    },
    disconnect: async (c, m, ctx) => {
      const userid = c.str(m, 'userid');
      const session = await c.openSession(ctx, userid);
      await c.deps.services.sessions.close(ctx, session.id);
      return { code: 0, msg: 'ok', userid };
    },
    transform: async (c, m, ctx) => {
      const session = await c.openSession(ctx, c.str(m, 'userid'));
      const target = m.customer_id === undefined || m.customer_id === null || m.customer_id === '' ? null : c.int(m, 'customer_id');
      await c.deps.services.sessions.transfer(ctx, session.id, target);
      return { code: 0, msg: 'ok' };
    },
    send_to_user: async (c, m, ctx) => {
      const session = await c.openSession(ctx, c.str(m, 'userid'));
      if (!Array.isArray(m.message) || m.message.length === 0) throw badInput('message: must be a non-empty list');
      let success = 0;
      let failure = 0;
      for (const [i, item] of m.message.entries()) {
        try {
          await c.deps.services.sessions.sendAsAgent(ctx, session.id, fromConsoleItem(item, i));
          success++;
        } catch (err) {
          // A wrong state fails every item alike: report it as the reply's error, not as counts.
          if (isAppError(err) && err.code !== ErrorCode.BadUserInput) throw err;
          failure++;
        }
      }
      return { code: 0, data: { failure, success } };
    },
    get_wait_user_list: async (c, m, ctx) => ({
      code: 0,
      data: { user_list: await c.userList(ctx, { status: SessionStatus.PENDING }, c.optionalBid(m)) },
    }),
    get_current_session_list: async (c, m, ctx) => ({
      code: 0,
      data: { user_list: await c.userList(ctx, { status: SessionStatus.MANUAL, agentId: c.agentId }, c.optionalBid(m)) },
    }),
    get_chat_record: async (c, m, ctx) => {
      const contact = await c.deps.services.sessions.contactOf(ctx, c.str(m, 'userid'), c.optionalBid(m));
      const page = m.page === undefined ? 1 : c.int(m, 'page');
      const size = m.pagesize === undefined ? 10 : c.int(m, 'pagesize');
      if (page < 1) throw badInput('page: starts at 1');
      if (size < 1 || size > 100) throw badInput('pagesize: must be 1 to 100');
      // Internal notes are in the record too, marked `is_note: 1` and `sender_type: "note"`.
      const rows = await c.deps.services.notes.contactHistoryPage(ctx, contact.id, page, size);
      return {
        code: 0,
        data: {
          list_chat: rows.map((r) =>
            isNote(r)
              ? { create_time: Math.floor(r.createdAt.getTime() / 1000), is_robot: 0, is_note: 1, sender_type: 'note', ...noteAuthor(r), message: { type: 'text', value: { text: r.content } } }
              : { create_time: Math.floor(r.createdAt.getTime() / 1000), is_robot: r.senderType === SenderType.AI ? 1 : 0, is_note: 0, sender_type: r.senderType, message: toConsoleItem(r) },
          ),
        },
      };
    },
    get_answer_from_ai: async (c, m, ctx) => {
      const bid = c.optionalBid(m);
      const query = Array.isArray(m.user_query) ? m.user_query : [];
      const question = query
        .map((q, i) => fromConsoleItem(q, i))
        .filter((q) => q.msgType === 'text')
        .map((q) => q.content)
        .join('\n');
      if (!question.trim()) throw badInput('user_query: needs at least one text item');
      const staffId = bid ?? (await c.deps.services.sessions.contactOf(ctx, c.str(m, 'userid'))).staff.id;
      const text = await c.deps.services.agentAssist.answerFor(ctx, staffId, question);
      return { code: 0, data: { message_list: [{ type: 'text', value: { text } }] } };
    },
  };

  /** One beat of the shared wheel (agent-console.socket.ts), in place of a timer per connection. */
  beat(): void {
    if (!this.agentId && ++this.beatsBeforeLogin >= 3) return this.close(4002, 'not logged in');
    if (!this.beatAnswered) this.missedBeats++;
    if (this.missedBeats >= 3) return this.close(4001, 'no heartbeat');
    this.beatAnswered = false;
    this.transport.sendRaw('beat');
    if (this.agentId) void this.deps.registry.touch(this.agentId, this.clientId);
  }

  /** One frame from the console. Never throws: every problem is a reply. */
  async handle(raw: string): Promise<void> {
    if (raw.trim() === 'beat') {
      this.beatAnswered = true;
      this.missedBeats = 0;
      return;
    }
    let msg: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || containsNul(parsed)) throw new Error('not an object');
      msg = parsed as Record<string, unknown>;
    } catch {
      return this.transport.send({ code: 400, msg: 'The frame is not a JSON object' });
    }
    const method = typeof msg.method === 'string' ? msg.method : '';
    if (method === 'beat') {
      this.beatAnswered = true;
      this.missedBeats = 0;
      return;
    }
    // A failure inside login (database, Redis) still answers, so the console is not left waiting.
    if (method === 'login') return this.login(msg).catch((err) => this.transport.send({ method: 'login', ...this.errorReply(err) }));
    const handler = Object.hasOwn(AgentConsoleConnection.methods, method) ? AgentConsoleConnection.methods[method] : undefined;
    if (!handler) return this.transport.send({ code: 400, msg: method ? `Unknown method: ${method}` : 'method is required', method });
    if (!this.token) return this.transport.send({ code: 440, msg: 'Log in first', method });
    try {
      const ctx = await this.context();
      const reply = await handler(this, msg, ctx);
      this.transport.send({ method, ...reply });
    } catch (err) {
      this.transport.send({ method, ...this.errorReply(err) });
    }
  }

  close(code = 1000, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.beats.delete(this);
    this.deps.hub.remove(this);
    this.transport.close(code, reason);
  }

  /** The socket went away: the agent goes offline unless another login took over. */
  async onClosed(): Promise<void> {
    this.closed = true;
    this.beats.delete(this);
    this.deps.hub.remove(this);
    if (!this.agentId) return;
    const agentId = this.agentId;
    try {
      // Inside the try: with Redis the registry can fail, and nothing awaits this call.
      if ((await this.deps.registry.holder(agentId)) !== this.clientId) return;
      await this.deps.registry.release(agentId, this.clientId);
      // No token needed: it may have been revoked, which is why the socket closed.
      await this.deps.services.agents.markOffline(this.deps.services.contexts.internal('agent-console-close').em, agentId);
    } catch (err) {
      this.deps.log.warn({ err }, 'agent console offline on close failed');
    }
  }

  // ---------- pushes (renderings of domain events) ----------

  async onSessionChanged(e: SessionChangedEvent, view: EventView): Promise<void> {
    if (!this.agentId || !this.staffIds.has(e.staffId)) return;
    const session = await view.session();
    if (!session) return;
    const userid = session.contact.externalId;
    const event_seq = e.eventSeq;
    if (e.kind === 'accepted') {
      if (e.agentId === this.agentId) {
        // Given to this agent (by routing, a merchant, or another console of it): it joins the current list.
        await this.pushContactMessage('connect_list_push', session, view, event_seq);
      } else {
        this.transport.send({ code: 0, method: 'connect_push', userid, event_seq });
      }
    } else if (e.kind === 'transferred') {
      if (e.previousAgentId !== this.agentId) this.transport.send({ code: 0, method: 'transfer_push', userid, event_seq });
      if (e.agentId === this.agentId) await this.pushContactMessage('connect_list_push', session, view, event_seq);
    } else if (e.kind === 'handoff') {
      await this.pushContactMessage('wait_list_push', session, view, event_seq);
    }
  }

  async onMessageAdded(e: MessageAddedEvent, view: EventView): Promise<void> {
    if (!this.agentId || !this.staffIds.has(e.staffId) || e.senderType !== SenderType.CONTACT) return;
    if (e.status === SessionStatus.PENDING) await this.push('wait_list_push', view, e.eventSeq);
    else if (e.status === SessionStatus.MANUAL && e.agentId === this.agentId) await this.push('connect_list_push', view, e.eventSeq);
  }

  /** A note on a session of this agent's staff, written by someone else: `note_push`. */
  onNoteAdded(e: NoteAddedEvent, note: SessionNote): void {
    if (!this.agentId || !this.staffIds.has(e.staffId) || e.authorAgentId === this.agentId) return;
    this.transport.send({
      code: 0,
      method: 'note_push',
      bid: e.staffId,
      session_id: e.sessionId,
      userid: note.session.contact.externalId,
      note: { note_id: note.id, content: note.content, ...noteAuthor(note), create_time: Math.floor(note.createdAt.getTime() / 1000) },
    });
  }

  onPresence(e: AgentPresenceEvent): void {
    if (!this.agentId || e.agentId === this.agentId) return;
    const base = { code: 0, customer_id: e.agentId, customer_name: e.name, timestamp: now() };
    if (e.kind === 'login') this.transport.send({ ...base, method: 'login_push' });
    else if (e.kind === 'logout') this.transport.send({ ...base, method: 'logout_push' });
    else this.transport.send({ code: 0, method: 'set_customer_status_push', customer_id: String(e.agentId), customer_name: e.name, status: e.status });
  }

  onRevoked(): void {
    this.transport.send({ code: 440, msg: 'Invalid token', method: 'login' });
    this.close(4004, 'token revoked');
  }

  onStaffChanged(staffIds: number[]): void {
    this.staffIds = new Set(staffIds);
  }

  onKicked(): void {
    this.transport.send({ code: 492, msg: '该账号已在别处登录，你已被强制下线', method: 'login' });
    this.agentId = 0;
    this.close(4003, 'logged in elsewhere');
  }

  onConsolePush(data: Record<string, unknown>): void {
    this.transport.send(data);
  }

  onResync(head: number): void {
    this.transport.send({ code: 0, method: 'resync_push', event_seq: head });
  }

  // ---------- internals ----------

  private async login(msg: Record<string, unknown>): Promise<void> {
    const token = typeof msg.token === 'string' ? msg.token : '';
    // The cursor of a console that reconnects: the last event_seq it saw (docs/protocols.md, "Resuming").
    const since = msg.since === undefined || msg.since === null || msg.since === '' ? undefined : this.int(msg, 'since');
    if (since !== undefined && since < 0) throw badInput('since: must be an event_seq (0 or more)');
    const ctx = await this.deps.services.contexts.forToken(token || undefined, this.meta);
    if (ctx.actor.kind !== 'agent') return this.transport.send({ code: 440, msg: 'Invalid token', method: 'login' });
    const actor = ctx.actor;
    const force = msg.force_online === 1 || msg.force_online === '1' || msg.force_online === true;
    if (!(await this.deps.registry.claim(actor.agentId, this.clientId, force))) {
      return this.transport.send({ code: 490, msg: '该账号已在别处登录', method: 'login' });
    }
    if (force) this.deps.services.bus.publish('AGENT_KICKED', { agentId: actor.agentId, keepConnectionId: this.clientId });
    this.token = token;
    this.tokenId = actor.tokenId;
    this.agentId = actor.agentId;
    this.merchantId = actor.merchantId;
    this.staffIds = new Set(await this.deps.services.sessions.staffIdsOfCaller(ctx));
    // Live events from here on; with a cursor they wait for the replay, which follows the login reply.
    this.deps.hub.add(this, since);
    const { head, agent, colleagues } = await this.loginState(ctx, since).catch((err: unknown) => {
      // A failed login gets no pushes (and keeps none waiting).
      this.deps.hub.remove(this);
      throw err;
    });
    this.transport.send({
      code: 0,
      msg: 'ok',
      method: 'login',
      client_id: this.clientId,
      customer_id: agent.id,
      customer_name: agent.name,
      head_img: agent.avatarUrl,
      timestamp: now(),
      customer_list: colleagues.map((a) => ({ customer_id: a.id, customer_name: a.name, head_img: a.avatarUrl, status: a.status })),
      ...(head === null ? {} : { event_seq: head }),
    });
    if (since !== undefined) await this.deps.hub.resume(this, since, () => this.deps.services.eventReplay.since(ctx, since));
  }

  private async loginState(ctx: RequestContext, since: number | undefined) {
    const head = since === undefined ? await this.deps.services.eventReplay.head(ctx) : null;
    const agent = await this.deps.services.agents.setStatus(ctx, AgentStatus.ONLINE, 'login', this.clientId);
    const colleagues = await this.deps.services.agentAssist.colleaguesPresent(ctx);
    return { head, agent, colleagues };
  }

  private async goOffline(ctx: RequestContext, kind: 'logout'): Promise<void> {
    await this.deps.services.agents.setStatus(ctx, AgentStatus.OFFLINE, kind, this.clientId);
    await this.deps.registry.release(this.agentId, this.clientId);
  }

  private async context(): Promise<RequestContext> {
    const ctx = await this.deps.services.contexts.forToken(this.token ?? undefined, { ...this.meta, requestId: randomUUID() });
    // The token was revoked, or the agent deleted, since login.
    if (ctx.actor.kind !== 'agent' || ctx.actor.agentId !== this.agentId) throw new AppError(ErrorCode.Unauthenticated, 'Invalid token');
    return ctx;
  }

  private async openSession(ctx: RequestContext, userid: string): Promise<Session> {
    const contact = await this.deps.services.sessions.contactOf(ctx, userid);
    return this.deps.services.sessions.openSessionOfContact(ctx, contact);
  }

  private async userList(ctx: RequestContext, filter: { status: SessionStatus; agentId?: number }, bid: number | undefined) {
    if (bid !== undefined && !this.staffIds.has(bid)) throw notFound(`Staff ${bid}`);
    // The wait list in waiting order; the current list by latest activity.
    const ordered = await this.deps.services.sessions.list(ctx, { ...filter, staffId: bid, order: filter.status === SessionStatus.PENDING ? 'queue' : 'activity' });
    const last = await this.deps.services.sessions.lastContactMessages(ctx, ordered.map((x) => x.id));
    const summaries = await Promise.all(ordered.map((x) => this.deps.services.handoffAssist.summaryOfSession(ctx, x, { generate: false })));
    return ordered.map((x, i) => {
      const m = last.get(x.id);
      return { userid: x.contact.externalId, head_img: x.contact.avatarUrl, nickname: x.contact.nickname, last_message: m ? [toConsoleItem(m)] : [], handoff_summary: summaries[i]?.text ?? null };
    });
  }

  /** A contact's message as a wait-list or current-list push. */
  private async push(method: 'wait_list_push' | 'connect_list_push', view: EventView, eventSeq: number): Promise<void> {
    const [contact, message] = await Promise.all([view.contact(), view.message()]);
    if (contact && message) this.sendUserPush(method, contact, message, eventSeq);
  }

  /** A session that joined a list, shown with the contact's latest message. */
  private async pushContactMessage(method: 'wait_list_push' | 'connect_list_push', session: Session, view: EventView, eventSeq: number): Promise<void> {
    const [message, summary] = await Promise.all([view.lastContactMessage(), this.summaryFor(session)]);
    this.sendUserPush(method, session.contact, message, eventSeq, summary);
  }

  /** The handoff summary for a push (never waiting for an LLM); a push goes out without it should that fail. */
  private async summaryFor(session: Session): Promise<string | null> {
    try {
      return (await this.deps.services.handoffAssist.summaryOf(await this.context(), session.id, { generate: false }))?.text ?? null;
    } catch (err) {
      this.deps.log.warn({ err, sessionId: session.id }, 'handoff summary for a console push failed');
      return null;
    }
  }

  private sendUserPush(method: 'wait_list_push' | 'connect_list_push', contact: ContactView, message: MessageView | null, eventSeq: number, summary?: string | null): void {
    this.transport.send({
      code: 0,
      method,
      userid: contact.externalId,
      head_img: contact.avatarUrl,
      nickname: contact.nickname,
      timestamp: message ? Math.floor(message.createdAt.getTime() / 1000) : now(),
      user_query: message ? [toConsoleItem(message)] : [],
      event_seq: eventSeq,
      // Only on the push that brings a session into a list (handoff, accept, transfer).
      ...(summary === undefined ? {} : { handoff_summary: summary }),
    });
  }

  private errorReply(err: unknown): Reply {
    if (isAppError(err)) return { code: codeOf[err.code] ?? 500, msg: err.message };
    this.deps.log.error({ err }, 'agent console method failed');
    return { code: 500, msg: 'Internal server error' };
  }

  private str(m: Record<string, unknown>, key: string): string {
    const v = m[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
    throw badInput(`${key}: is required`);
  }

  private int(m: Record<string, unknown>, key: string): number {
    const v = m[key];
    const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw badInput(`${key}: must be a whole number`);
    return n;
  }

  private optionalBid(m: Record<string, unknown>): number | undefined {
    return m.bid === undefined || m.bid === null || m.bid === '' ? undefined : this.int(m, 'bid');
  }
}
