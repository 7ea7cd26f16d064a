import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus, EventFacts, MessageAddedEvent, MessageFacts, SessionChangeKind, SessionChangedEvent } from '../../core/events/event-bus.js';
import type { EventLog } from '../../core/events/event-log.js';
import type { Logger } from '../../core/logger.js';
import { queueWait } from '../../core/metrics/metrics.js';
import { conversationTraceId } from '../../core/trace.js';
import type { ChannelType } from '../../entities/contact/contact.entity.js';
import { Contact } from '../../entities/contact/contact.entity.js';
import { Message, MessageType, type SenderType } from '../../entities/session/message.entity.js';
import type { Session, SessionStatus } from '../../entities/session/session.entity.js';
import type { Staff } from '../../entities/staff/staff.entity.js';
import { contactFacts, messageFacts, sessionFacts } from './event-facts.js';
import type { AppendedRow, AppendTarget, ShortAppends } from './open-session-append.js';

export interface ContactProfile {
  nickname?: string;
  avatarUrl?: string;
}

/** An event to publish once its transaction has committed. */
export type Publish = () => void;

export interface NewMessage {
  senderType: SenderType;
  senderId: string;
  msgType: MessageType;
  content: string;
  payload?: Record<string, unknown> | null;
  channelMsgId?: string | null;
  channelAccountId?: number | null;
  clientMsgId?: string | null;
}

/**
 * What reaches a contact on a channel we do not hold a socket for (WeCom, the gateways): called inside
 * the transaction that stores the message, so a reply is never stored without being queued for delivery.
 */
export interface ContactOutbox {
  enqueueMessage(tx: EntityManager, session: Session, message: Message): unknown;
  enqueueNotice(tx: EntityManager, session: Session, text: string): unknown;
}

/**
 * What merchants are told about conversations (their webhooks): called inside the transaction of
 * each change, so the report is queued exactly when the change commits.
 */
export interface ConversationChangeLog {
  sessionChanged(tx: EntityManager, s: Session, kind: SessionChangeKind, previousStatus: SessionStatus | null, previousAgentId: number | null): Promise<void>;
  messageAdded(tx: EntityManager, c: MessageChange): Promise<void>;
}

/** A stored message with the session facts a report of it names. */
export interface MessageChange {
  merchantId: number;
  staffId: number;
  contactId: number;
  channel: ChannelType;
  message: MessageFacts;
}

const preview = (m: { msgType: MessageType; content: string }) =>
  m.msgType === MessageType.TEXT ? m.content.slice(0, 500) : `[${m.msgType}]${m.content ? ` ${m.content.slice(0, 200)}` : ''}`;

/**
 * The writes every conversation use case shares: appending a message with the next seq, the locks
 * that serialise a contact and a tenant, and the events published after commit. Intake, agent desk
 * and routing all write through it, so a message or a transition looks the same whoever made it.
 */
export class SessionJournal {
  private outbox: ContactOutbox | null = null;
  private changeLog: ConversationChangeLog | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly eventLog: EventLog,
    private readonly shortAppends: ShortAppends,
    /** Each published event is a step of its conversation's trace (src/core/trace.ts). */
    private readonly log?: Logger,
  ) {}

  /** The channel delivery service registers itself here (it is built after the conversation services). */
  useOutbox(outbox: ContactOutbox): void {
    this.outbox = outbox;
  }

  /** The merchant webhooks' outbox registers itself here. */
  useChangeLog(log: ConversationChangeLog): void {
    this.changeLog = log;
  }

  /** Appends a message; on an outside channel an AI's or agent's message is queued for delivery in the same transaction. */
  async append(tx: EntityManager, session: Session, m: NewMessage): Promise<Message> {
    session.lastSeq += 1;
    session.messageCount += 1;
    session.lastMessage = preview(m);
    session.lastMessageAt = new Date();
    const message = new Message({ session, merchantId: session.merchant.id, seq: session.lastSeq, channel: session.channel, ...m });
    tx.persist(message);
    if (this.outbox && isOutsideChannel(session.channel) && (m.senderType === 'ai' || m.senderType === 'agent')) {
      await this.outbox.enqueueMessage(tx, session, message);
    }
    return message;
  }

  /** A notice for the contact (queued, taken over, closed); web chat renders it from the event instead. */
  async notice(tx: EntityManager, session: Session, text: string): Promise<void> {
    if (this.outbox && isOutsideChannel(session.channel)) await this.outbox.enqueueNotice(tx, session, text);
  }

  /** Creates the contact on first contact and locks its row, which serialises one contact's messages. */
  async lockContact(tx: EntityManager, staff: Staff, channel: ChannelType, externalId: string, profile?: ContactProfile): Promise<Contact> {
    await tx.getConnection().execute(
      `insert into contact (merchant_id, staff_id, channel, external_id, nickname, avatar_url) values (?, ?, ?, ?, ?, ?) on conflict (staff_id, channel, external_id) do nothing`,
      [staff.merchant.id, staff.id, channel, externalId, profile?.nickname?.slice(0, 100) ?? '', profile?.avatarUrl?.slice(0, 1024) ?? ''],
      'run',
      tx.getTransactionContext(),
    );
    const contact = await tx.findOneOrFail(Contact, { staff, channel, externalId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (profile?.nickname) contact.nickname = profile.nickname.slice(0, 100);
    if (profile?.avatarUrl) contact.avatarUrl = profile.avatarUrl.slice(0, 1024);
    return contact;
  }

  /** Serialises routing and the transitions that compete with it within one tenant. */
  async lockTenant(tx: EntityManager, merchantId: number): Promise<void> {
    await tx.getConnection().execute('select pg_advisory_xact_lock(?, ?)', [7_301, merchantId], 'all', tx.getTransactionContext());
  }

  /**
   * Recorded in the event log with `tx` (numbered at its commit) and in the change log (merchants' webhooks);
   * the returned function publishes it after commit.
   */
  async sessionEvent(tx: EntityManager, s: Session, kind: SessionChangeKind, previousStatus: SessionStatus | null, previousAgentId: number | null): Promise<Publish> {
    await this.changeLog?.sessionChanged(tx, s, kind, previousStatus, previousAgentId);
    const event: SessionChangedEvent = {
      merchantId: s.merchant.id,
      staffId: s.staff.id,
      sessionId: s.id,
      contactId: s.contact.id,
      kind,
      status: s.status,
      previousStatus,
      agentId: s.agent?.id ?? null,
      previousAgentId,
      lastSeq: s.lastSeq,
      eventSeq: 0,
      facts: sessionFacts(s),
    };
    this.eventLog.record(tx, 'SESSION_CHANGED', event);
    const waited = kind === 'accepted' && previousStatus === 'pending' && s.queuedAt && s.acceptedAt ? (s.acceptedAt.getTime() - s.queuedAt.getTime()) / 1000 : null;
    return () => {
      this.bus.publish('SESSION_CHANGED', event);
      if (waited !== null) queueWait.observe({ staff_id: String(event.staffId) }, Math.max(0, waited));
      this.log?.info({ traceId: conversationTraceId(event.sessionId), ...event }, `session ${kind}`);
    };
  }

  /** Like `sessionEvent`, for a stored message (after the flush that gave it its id). */
  async messageEvent(tx: EntityManager, s: Session, m: Message, status: SessionStatus = s.status): Promise<Publish> {
    const message = messageFacts(m);
    await this.changeLog?.messageAdded(tx, { merchantId: s.merchant.id, staffId: s.staff.id, contactId: s.contact.id, channel: s.channel, message });
    const event = messageAdded({ merchantId: s.merchant.id, staffId: s.staff.id, sessionId: s.id, contactId: s.contact.id, status, agentId: s.agent?.id ?? null }, message, sessionFacts(s));
    this.eventLog.record(tx, 'MESSAGE_ADDED', event);
    return () => this.publishMessage(event);
  }

  /**
   * The short path of a message that changes nothing but the session's counters (a contact writing to a
   * session in the queue or with an agent, the AI answering its own): the message, its event and its
   * webhooks in one statement (open-session-append.ts), no transaction around it. Null when the session
   * is not open in one of `statuses` (or, with `orOffline`, waiting as an offline message): nothing was
   * written, and the caller takes the full path.
   */
  async appendWhileOpen(
    target: AppendTarget,
    m: NewMessage & { payload: Record<string, unknown> | null },
    statuses: SessionStatus[],
    orOffline = false,
  ): Promise<{ row: AppendedRow; publish: Publish } | null> {
    const row = await this.shortAppends.append(target, { statuses, orOffline, preview: preview(m), ...m });
    if (!row) return null;
    const message: MessageFacts = {
      id: row.messageId,
      sessionId: row.sessionId,
      seq: row.seq,
      senderType: m.senderType,
      senderId: m.senderId,
      msgType: m.msgType,
      content: m.content,
      payload: m.payload,
      clientMsgId: null,
      createdAt: new Date(row.createdAt).toISOString(),
    };
    const contact = contactFacts({ id: row.contactId, externalId: row.externalId, nickname: row.nickname, avatarUrl: row.avatarUrl });
    const at = { merchantId: target.merchantId, staffId: row.staffId, sessionId: row.sessionId, contactId: row.contactId, status: row.status, agentId: row.agentId };
    const event = messageAdded(at, message, { contact, agentName: row.agentName }, Number(row.eventSeq));
    return { row, publish: () => this.publishMessage(event) };
  }

  private publishMessage(event: MessageAddedEvent): void {
    this.bus.publish('MESSAGE_ADDED', event);
    this.log?.info({ traceId: conversationTraceId(event.sessionId), sessionId: event.sessionId, messageId: event.messageId, seq: event.seq, senderType: event.senderType, status: event.status }, 'message stored');
  }
}

/**
 * The MESSAGE_ADDED event of a stored message, whichever path stored it (the full path numbers it at commit,
 * eventSeq 0 until then; the short path's statement numbered it already).
 */
function messageAdded(
  at: Pick<MessageAddedEvent, 'merchantId' | 'staffId' | 'sessionId' | 'contactId' | 'status' | 'agentId'>,
  message: MessageFacts,
  facts: Omit<EventFacts, 'message'>,
  eventSeq = 0,
): MessageAddedEvent {
  return { ...at, messageId: message.id, seq: message.seq, senderType: message.senderType, eventSeq, facts: { ...facts, message } };
}

/** Channels whose contacts we reach by calling out (WeCom, the gateways), not over our own socket. */
export const isOutsideChannel = (channel: ChannelType) => channel !== 'web';
