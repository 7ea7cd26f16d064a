import type { Readable } from 'node:stream';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { ConversationConfig } from '../../core/conversation/conversation-config.js';
import { badInput } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { RateLimiter } from '../../core/rate-limit.js';
import { conversationTraceId, runInTraceScope, traceConversation } from '../../core/trace.js';
import { parseInput } from '../../core/validation.js';
import { mediaMessage, type MediaPayload } from '../../entities/session/media-payload.js';
import { ChannelType } from '../../entities/contact/contact.entity.js';
import { Message, MessageType, SenderType } from '../../entities/session/message.entity.js';
import { queuePositions } from '../../entities/session/session-queue.js';
import { Session, SessionStatus } from '../../entities/session/session.entity.js';
import { formatOpening, isOpenAt, nextOpening } from '../../entities/staff/business-hours.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import { replyLanguage, type ReplyLanguage } from '../answer/reply-phrases.js';
import type { FileService } from '../knowledge/file.service.js';
import type { Answerer } from '../session/answerer.js';
import { asksForHuman, needsHuman } from '../session/handoff-rules.js';
import type { RoutingService } from '../session/routing.service.js';
import { isOutsideChannel, type Publish, type SessionJournal } from '../session/session-journal.js';
import type { CsatService } from '../session/csat.service.js';
import type { StaffDirectory } from '../staff/staff-directory.js';
import type { StaffService } from '../staff/staff.service.js';
import { contactNotices } from './contact-notices.js';
import type { AnswerEnd, AnswerStream, InboundMessage, IntakeOutcome } from './intake-outcome.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

const inboundSchema = z.object({
  content: z.string('content must be a string').max(20_000, 'content must be at most 20000 characters'),
  msgType: z.enum(MessageType, `msgType must be one of: ${Object.values(MessageType).join(', ')}`).default(MessageType.TEXT),
  payload: z.record(z.string(), z.unknown()).nullable().optional(),
  externalId: z.string().trim().min(1, 'contact id is required').max(128, 'contact id must be at most 128 characters'),
  channelMsgId: z.string().trim().min(1).max(128, 'message id must be at most 128 characters').nullable().optional(),
  clientMsgId: z.string().trim().min(1).max(128, 'client message id must be at most 128 characters').nullable().optional(),
});

const PICTURE_NAME = /\.(png|jpe?g|gif|webp)$/i;

/** Where a stored message went, as the rest of the intake needs it. */
interface StoreResult {
  sessionId: number;
  contactId: number;
  merchantId: number;
  channel: ChannelType;
  messageId: number;
  status: SessionStatus;
  offlineMessage: boolean;
  duplicate: boolean;
  /** This message handed the session off. */
  handedOff: boolean;
}

const stored = (s: Session, m: Message, duplicate: boolean, handedOff = false): StoreResult => ({
  sessionId: s.id,
  contactId: s.contact.id,
  merchantId: s.merchant.id,
  channel: s.channel,
  messageId: m.id,
  status: s.status,
  offlineMessage: s.offlineMessage,
  duplicate,
  handedOff,
});

/**
 * The one way a contact's message enters a conversation, whatever surface it came from: the staff's
 * refusal, rate limits, idempotent storing, the handoff rules, the AI answer, routing and the notices
 * the contact gets. Transports parse and render; the rules are here (docs/architecture.md).
 */
export class ConversationIntake {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: SessionJournal,
    private readonly routing: RoutingService,
    private readonly staffService: StaffService,
    private readonly answerer: Answerer,
    private readonly files: FileService,
    private readonly limiter: RateLimiter,
    private readonly config: ConversationConfig,
    private readonly log: Logger,
    private readonly csat: CsatService,
    private readonly directory: StaffDirectory,
  ) {}

  /** Takes one inbound message. Bad input throws BAD_USER_INPUT; every other result is an outcome. */
  async receive(input: InboundMessage): Promise<IntakeOutcome> {
    const body = parseInput(inboundSchema, input);
    if (body.msgType === MessageType.TEXT && !body.content.trim()) throw badInput('content must not be empty');
    const media = body.msgType === MessageType.TEXT ? { content: body.content, payload: body.payload ?? null } : mediaMessage(body.content, body.payload);
    const staff = await this.directory.get(input.staffId);
    const refusal = staff ? this.staffService.refusalOf(staff) : 'This AI staff has been deleted';
    const limited = staff ? await this.rateLimit(staff.id, input.channel, body.externalId) : null;
    if (limited) {
      if (!staff || !input.keepOverLimit) return { kind: 'rate_limited', reason: limited };
      return { kind: 'rate_limited', reason: limited, ...(await this.keepUnanswered(staff.id, input, { ...body, ...media }, limited)) };
    }
    if (!staff || refusal) {
      const reason = refusal ?? 'This AI staff has been deleted';
      if (!staff || !isOutsideChannel(input.channel)) return { kind: 'refused', reason };
      return { kind: 'refused', reason, ...(await this.keepUnanswered(staff.id, input, { ...body, ...media }, reason)) };
    }
    if (input.channel === ChannelType.WEB && media.payload && body.msgType !== MessageType.TEXT) {
      // A web contact shows only what it uploaded to us, never a link of its choosing to the agents.
      const own = await this.files.mediaOf(crossTenantEm(this.orm), staff.merchant.id, media.payload.url as string);
      if (!own) throw badInput('Upload the picture first (POST …/upload) and send the url it answers');
      media.payload = own;
    }

    // A channel contact answers the rating prompt with a bare digit (src/services/session/csat.service.ts).
    if (isOutsideChannel(input.channel) && body.msgType === MessageType.TEXT) {
      const rated = await this.csat.rateFromText(staff, input.channel, body.externalId, body.content);
      if (rated) return { kind: 'rated', ...rated };
    }
    const kept = await this.store(staff, input, { ...body, ...media });
    traceConversation(kept.sessionId);
    const ids = { sessionId: kept.sessionId, messageId: kept.messageId, contactId: kept.contactId };
    if (kept.duplicate) return { kind: 'duplicate', ...ids };

    if (kept.status === SessionStatus.PENDING) {
      // Routing runs on every change that can free an agent (and in the sweep): a session already waiting
      // is routed again by those, not by each message its contact writes.
      if (kept.handedOff && (await this.routing.route(crossTenantEm(this.orm), kept.merchantId)).has(kept.sessionId)) return { kind: 'with_agent', ...ids };
      // Left while the agents are away: told once, then the AI keeps answering until an agent takes it.
      if (kept.offlineMessage && !kept.handedOff && body.msgType === MessageType.TEXT) return { kind: 'answer', answer: this.answer(staff, kept, body.content), ...ids };
      // The agents' pushes of this message go out before the query for the contact's notice is sent.
      await new Promise(setImmediate);
      // The contact is told in the language it writes in.
      const language = replyLanguage(body.content, staff);
      const position = await this.queued(kept.merchantId, kept.sessionId);
      return { kind: 'queued', position, offline: kept.offlineMessage, notice: this.handoffNotice(language, kept.offlineMessage, staff, position), ...ids };
    }
    if (kept.status === SessionStatus.MANUAL) return { kind: 'with_agent', ...ids };
    if (body.msgType !== MessageType.TEXT) return { kind: 'stored', ...ids };
    return { kind: 'answer', answer: traced(conversationTraceId(kept.sessionId), this.answer(staff, kept, body.content)), ...ids };
  }

  /** Like `receive`, for surfaces that deliver the answer as one message (channels): the answer is awaited. */
  async receiveWhole(input: InboundMessage): Promise<{ outcome: IntakeOutcome; answer: AnswerEnd | null }> {
    const outcome = await this.receive(input);
    if (outcome.kind !== 'answer') return { outcome, answer: null };
    for (let step = await outcome.answer.next(); ; step = await outcome.answer.next()) {
      if (step.done) return { outcome, answer: step.value };
    }
  }

  /**
   * A picture a chat contact sends (upload, then a message with its URL): stored for the staff's
   * merchant, under the same refusal and limits as messages.
   */
  async uploadPicture(staffId: number, input: { fileName: string; data: Readable; externalId: string }): Promise<{ kind: 'stored'; media: MediaPayload } | { kind: 'refused' | 'rate_limited'; reason: string }> {
    const em = crossTenantEm(this.orm);
    const staff = await em.findOne(Staff, staffId, { populate: ['merchant'] });
    const refusal = staff ? this.staffService.refusalOf(staff) : 'This AI staff has been deleted';
    if (!staff || refusal) return { kind: 'refused', reason: refusal ?? 'This AI staff has been deleted' };
    if (!PICTURE_NAME.test(input.fileName)) throw badInput('Only pictures can be sent: .png, .jpg, .jpeg, .gif or .webp');
    const limited = await this.rateLimit(staff.id, ChannelType.WEB, input.externalId);
    if (limited) return { kind: 'rate_limited', reason: limited };
    const file = await this.files.storeFor(em, staff.merchant.id, { fileName: input.fileName, data: input.data });
    return { kind: 'stored', media: (await this.files.mediaOf(em, staff.merchant.id, this.files.fileUrl(file.filePath)))! };
  }

  /** The contact's row id when it already has a conversation with the staff (a resumed web-chat connection). */
  async knownContact(staffId: number, channel: InboundMessage['channel'], externalId: string): Promise<number | null> {
    const s = await crossTenantEm(this.orm).findOne(Session, { staff: staffId, contact: { channel, externalId } }, { fields: ['contact'] });
    return s?.contact.id ?? null;
  }

  /** The web-chat contact of one of the staff's sessions (`/ws?session_id=`), or null. */
  async contactOfSession(staffId: number, sessionId: number): Promise<string | null> {
    const s = await crossTenantEm(this.orm).findOne(Session, { id: sessionId, staff: staffId }, { populate: ['contact'] });
    return s ? s.contact.externalId : null;
  }

  /** The staff for a public serial number, or null. */
  async staffBySerial(serialNo: string): Promise<Staff | null> {
    return crossTenantEm(this.orm).findOne(Staff, { serialNo, isDeleted: false });
  }

  /** The staff whose api_key and secret_key these are, or null. */
  async staffByKeys(apiKey: string, secretKey: string): Promise<Staff | null> {
    return this.staffService.authenticateKeys(crossTenantEm(this.orm), apiKey, secretKey);
  }

  /** The staff as it is now (its reply language for notices), or null once deleted. */
  async staffNow(staffId: number): Promise<Staff | null> {
    return crossTenantEm(this.orm).findOne(Staff, { id: staffId, isDeleted: false });
  }

  /**
   * Per contact, then per staff. Both counters are hit at once (their two commands wait for one round trip on
   * every message's path, not two in turn); a message the contact's limit refuses gives the staff its hit
   * back, so one flooding contact does not use up the budget of the staff's other contacts (while a refused
   * message is in flight its hit counts: a contact's messages are taken one at a time per connection, so
   * that is a message or two). Through a Redis outage the limiter counts in memory; should it fail all the
   * same, the message goes through unmetered: conversations go on rather than stop.
   */
  private async rateLimit(staffId: number, channel: string, externalId: string): Promise<string | null> {
    const minute = 60_000;
    const staffKey = `chat:staff:${staffId}`;
    let hits: [boolean, boolean];
    try {
      hits = await Promise.all([
        this.limiter.hitEager(`chat:contact:${staffId}:${channel}:${externalId}`, this.config.messagesPerContactPerMinute, minute),
        this.limiter.hitEager(staffKey, this.config.messagesPerStaffPerMinute, minute),
      ]);
    } catch (err) {
      this.log.warn({ err, staffId }, 'chat rate limiter unavailable; message not metered');
      return null;
    }
    const [contactOk, staffOk] = hits;
    if (!contactOk) {
      // Refused whatever happens to the give-back: a failure there only leaves the staff's count one high.
      this.limiter.release(staffKey, minute).catch((err: unknown) => this.log.warn({ err, staffId }, 'staff rate limit hit not given back'));
      return `Too many messages: at most ${this.config.messagesPerContactPerMinute} a minute`;
    }
    if (!staffOk) return 'This AI staff is receiving too many messages; try again in a minute';
    return null;
  }

  /**
   * Stores the message. A web contact's message to a session that only grows by it (waiting, with an agent,
   * or with the AI when this message does not hand it off) takes the short path: one statement and the
   * events (session-journal.ts `appendWhileOpen`). Anything else, or a session that changed meanwhile,
   * takes the full path.
   */
  private async store(staff: Staff, input: InboundMessage, body: z.output<typeof inboundSchema>): Promise<StoreResult> {
    const short = input.channel === ChannelType.WEB && !body.channelMsgId && !body.clientMsgId && !input.profile;
    if (short) {
      const handsOff = staff.humanFirst || asksForHuman(body.content, staff.handoffPhrases);
      const statuses = handsOff ? [SessionStatus.PENDING, SessionStatus.MANUAL] : [SessionStatus.AI, SessionStatus.PENDING, SessionStatus.MANUAL];
      const message = { senderType: SenderType.CONTACT, senderId: body.externalId, msgType: body.msgType, content: body.content, payload: body.payload ?? null };
      const target = { kind: 'contact' as const, merchantId: staff.merchant.id, staffId: staff.id, channel: input.channel, externalId: body.externalId };
      const appended = await this.journal.appendWhileOpen(target, message, statuses);
      if (appended) {
        appended.publish();
        const { row } = appended;
        return { sessionId: row.sessionId, contactId: row.contactId, merchantId: staff.merchant.id, channel: row.channel, messageId: row.messageId, status: row.status, offlineMessage: row.offlineMessage, duplicate: false, handedOff: false };
      }
    }
    return this.storeFully(staff.id, input, body);
  }

  /** A channel's message that the AI does not answer, stored so that agents see it and nothing the channel sent is lost. */
  private async keepUnanswered(staffId: number, input: InboundMessage, body: z.output<typeof inboundSchema>, reason: string): Promise<{ sessionId: number; messageId: number; contactId: number }> {
    const kept = await this.storeFully(staffId, input, body, { handoffRules: false });
    traceConversation(kept.sessionId);
    this.log.info({ staffId, sessionId: kept.sessionId, reason }, 'channel message stored, not answered');
    return { sessionId: kept.sessionId, messageId: kept.messageId, contactId: kept.contactId };
  }

  /** Stores the message in one transaction: de-duplicated, in the contact's open session, handed off if asked. */
  private async storeFully(staffId: number, input: InboundMessage, body: z.output<typeof inboundSchema>, opts = { handoffRules: true }): Promise<StoreResult> {
    const em = crossTenantEm(this.orm);
    // Its own copy: the directory's is a shared, read-only snapshot.
    const staff = await em.findOneOrFail(Staff, staffId, { populate: ['merchant'] });
    const after: Publish[] = [];
    const result = await em.transactional(async (tx): Promise<StoreResult> => {
      // Under the contact's lock, so the same message arriving twice at once is stored once.
      const contact = await this.journal.lockContact(tx, staff, input.channel, body.externalId, input.profile);
      if (body.channelMsgId) {
        // Rows stored before accounts were recorded have none: a retry of one of theirs is still a retry.
        const account = input.channelAccountId ? [input.channelAccountId, null] : [null];
        const where = { merchantId: staff.merchant.id, channel: input.channel, channelMsgId: body.channelMsgId, $or: account.map((channelAccountId) => ({ channelAccountId })) };
        const seen = await tx.findOne(Message, where, { populate: ['session', 'session.contact'] });
        if (seen) return stored(seen.session, seen, true);
      }
      let session = await tx.findOne(Session, { contact, status: { $ne: SessionStatus.CLOSED } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!session) {
        session = new Session({ merchant: staff.merchant, staff, contact, channel: input.channel });
        tx.persist(session);
        await tx.flush();
        after.push(await this.journal.sessionEvent(tx, session, 'opened', null, null));
      } else if (body.clientMsgId) {
        const seen = await tx.findOne(Message, { session, clientMsgId: body.clientMsgId });
        if (seen) return stored(session, seen, true);
      }
      const message = await this.journal.append(tx, session, {
        senderType: SenderType.CONTACT,
        senderId: contact.externalId,
        msgType: body.msgType,
        content: body.content,
        payload: body.payload ?? null,
        channelMsgId: body.channelMsgId ?? null,
        channelAccountId: body.channelMsgId ? (input.channelAccountId ?? null) : null,
        clientMsgId: body.clientMsgId ?? null,
      });
      contact.lastActiveAt = new Date();
      let handedOff = false;
      if (opts.handoffRules && session.status === SessionStatus.AI) {
        const reason = staff.humanFirst ? 'human_first' : asksForHuman(body.content, staff.handoffPhrases) ? 'requested' : null;
        if (reason) {
          session.handOff(reason, new Date());
          session.offlineMessage = !isOpenAt(staff.businessHours, new Date());
          handedOff = true;
        }
      }
      await tx.flush();
      if (opts.handoffRules && session.status === SessionStatus.PENDING) await this.noticeQueued(tx, session, replyLanguage(body.content, staff), staff);
      // A message that caused the handoff is announced as said in the AI's session; the handoff event brings it to the queue.
      after.push(await this.journal.messageEvent(tx, session, message, handedOff ? SessionStatus.AI : undefined));
      if (handedOff) after.push(await this.journal.sessionEvent(tx, session, 'handoff', SessionStatus.AI, null));
      return stored(session, message, false, handedOff);
    });
    after.forEach((publish) => publish());
    return result;
  }

  /**
   * The AI's answer, streamed; stored when it ends. An ungrounded or unsure answer hands the session
   * to a person. Nothing is stored if an agent took the session over meanwhile.
   */
  private async *answer(staff: Staff, kept: StoreResult, question: string): AnswerStream {
    const { sessionId } = kept;
    const stream = this.answerer.answer(crossTenantEm(this.orm), staff, question);
    let text = '';
    for await (const piece of stream) {
      text += piece;
      yield piece;
    }
    const outcome = await stream.result;
    // On a channel the answer is also queued for delivery, and a handoff changes the session: the full path.
    const quick = !needsHuman(outcome) && !isOutsideChannel(kept.channel);
    if (quick) {
      // Stored only while the AI still answers the session (an agent may have taken it meanwhile).
      const message = { senderType: SenderType.AI, senderId: String(staff.id), msgType: MessageType.TEXT, content: text, payload: null };
      const appended = await this.journal.appendWhileOpen({ kind: 'session', merchantId: kept.merchantId, sessionId }, message, [SessionStatus.AI], true);
      appended?.publish();
      return { messageId: appended?.row.messageId ?? null, text, handedOff: false, notice: null };
    }
    const after: Publish[] = [];
    const em = crossTenantEm(this.orm);
    const result = await em.transactional(async (tx) => {
      // Only the session row is locked: a joined populate would lock the shared staff and merchant rows too, and
      // concurrent answers of one staff would deadlock.
      const s = await tx.findOneOrFail(Session, sessionId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await tx.populate(s, ['staff', 'contact', 'merchant']);
      if (!answersNow(s)) return { s, messageId: null, handedOff: false };
      const message = await this.journal.append(tx, s, { senderType: SenderType.AI, senderId: String(s.staff.id), msgType: MessageType.TEXT, content: text });
      // A session waiting as an offline message is already with the agents' queue.
      const handedOff = s.status === SessionStatus.AI && needsHuman(outcome);
      if (handedOff) {
        s.handOff('low_confidence', new Date());
        s.offlineMessage = !isOpenAt(s.staff.businessHours, new Date());
      }
      await tx.flush();
      if (handedOff) await this.noticeQueued(tx, s, outcome.language, s.staff);
      after.push(await this.journal.messageEvent(tx, s, message));
      if (handedOff) after.push(await this.journal.sessionEvent(tx, s, 'handoff', SessionStatus.AI, null));
      return { s, messageId: message.id, handedOff };
    });
    after.forEach((publish) => publish());
    if (!result.handedOff) return { messageId: result.messageId, text, handedOff: false, notice: null };
    const assigned = await this.routing.route(em, kept.merchantId);
    if (assigned.has(sessionId)) return { messageId: result.messageId, text, handedOff: true, notice: null };
    // The queue notice speaks the answer's language.
    const position = await this.queued(kept.merchantId, sessionId);
    return { messageId: result.messageId, text, handedOff: true, notice: this.handoffNotice(outcome.language, result.s.offlineMessage, result.s.staff, position) };
  }

  /** Queued with its place, or, outside business hours, when the agents return and that a message may be left. */
  private handoffNotice(language: ReplyLanguage, offlineMessage: boolean, staff: Staff, position: number | null): string {
    const hours = staff.businessHours;
    if (!offlineMessage || !hours) return contactNotices.queued(language, position);
    const back = nextOpening(hours, new Date());
    return contactNotices.offline(language, back ? formatOpening(back, hours, language) : null);
  }

  /** The session's place in the queue, for the notice a surface shows. */
  private async queued(merchantId: number, sessionId: number): Promise<number | null> {
    return (await queuePositions(crossTenantEm(this.orm), merchantId, [sessionId])).get(sessionId) ?? null;
  }

  /**
   * On an outside channel the contact is told it waits in a delivered notice, queued in the transaction
   * that put it in the queue, so no crash can store the handoff without it.
   */
  private async noticeQueued(tx: EntityManager, session: Session, language: ReplyLanguage, staff: Staff): Promise<void> {
    if (!isOutsideChannel(session.channel)) return;
    const position = (await queuePositions(tx, session.merchant.id, [session.id])).get(session.id) ?? null;
    await this.journal.notice(tx, session, this.handoffNotice(language, session.offlineMessage, staff, position));
  }
}

/** The AI answers its own sessions, and keeps answering one left as an offline message while it waits. */
const answersNow = (s: Session) => s.status === SessionStatus.AI || (s.status === SessionStatus.PENDING && s.offlineMessage);
/**
 * The answer runs when its surface pulls it (a socket, a background task), outside the request that started it:
 * each step runs in the conversation's trace scope, so retrieval and the answerer log with its trace id.
 */
async function* traced(traceId: string, answer: AnswerStream): AnswerStream {
  const scope = { traceId };
  let done = false;
  try {
    for (;;) {
      const step = await runInTraceScope(scope, () => answer.next());
      if (step.done) {
        done = true;
        return step.value;
      }
      yield step.value;
    }
  } finally {
    // The surface stopped reading (the contact left): the answer is ended too.
    if (!done) await runInTraceScope(scope, () => answer.return(undefined as never));
  }
}
