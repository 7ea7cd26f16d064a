import { wrap } from '@mikro-orm/core';
import type { ContactFacts, MessageFacts } from '../../core/events/event-bus.js';
import type { Contact } from '../../entities/contact/contact.entity.js';
import type { Message, MessageType, SenderType } from '../../entities/session/message.entity.js';
import type { Session } from '../../entities/session/session.entity.js';

/** A message as renderers read it: the entity, or the facts a live event carried. */
export interface MessageView {
  id: number;
  session: { id: number };
  seq: number;
  senderType: SenderType;
  senderId: string;
  msgType: MessageType;
  content: string;
  payload: Record<string, unknown> | null;
  clientMsgId: string | null;
  createdAt: Date;
}

export type ContactView = Pick<Contact, 'id' | 'externalId' | 'nickname' | 'avatarUrl'>;

export const messageFacts = (m: Message): MessageFacts => ({
  id: m.id,
  sessionId: m.session.id,
  seq: m.seq,
  senderType: m.senderType,
  senderId: m.senderId,
  msgType: m.msgType,
  content: m.content,
  payload: m.payload ?? null,
  clientMsgId: m.clientMsgId ?? null,
  createdAt: m.createdAt.toISOString(),
});

export const messageOfFacts = (f: MessageFacts): MessageView => ({
  id: f.id,
  session: { id: f.sessionId },
  seq: f.seq,
  senderType: f.senderType as SenderType,
  senderId: f.senderId,
  msgType: f.msgType as MessageType,
  content: f.content,
  payload: f.payload,
  clientMsgId: f.clientMsgId,
  createdAt: new Date(f.createdAt),
});

export const contactFacts = (c: ContactView): ContactFacts => ({ id: c.id, externalId: c.externalId, nickname: c.nickname, avatarUrl: c.avatarUrl });

/** The contact and agent of a session as facts, where the writer has them loaded (a bare reference has no name). */
export function sessionFacts(s: Session): { contact?: ContactFacts; agentName?: string | null } {
  const contact = wrap(s.contact).isInitialized() ? contactFacts(s.contact) : undefined;
  const agentName = s.agent === null || s.agent === undefined ? null : wrap(s.agent).isInitialized() ? s.agent.name : undefined;
  return { contact, ...(agentName === undefined ? {} : { agentName }) };
}
