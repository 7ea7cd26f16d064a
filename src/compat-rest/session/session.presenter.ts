import { MessageType, SenderType, type Message } from '../../entities/session/message.entity.js';
import type { Session } from '../../entities/session/session.entity.js';

/** The multichannel seed's names for senders. */
const senderTypes: Record<SenderType, string> = {
  [SenderType.CONTACT]: 'customer',
  [SenderType.AI]: 'ai',
  [SenderType.AGENT]: 'manual',
  [SenderType.SYSTEM]: 'system',
};

export function presentSessionInfo(s: Session) {
  return {
    sessionId: String(s.id),
    customerId: s.contact.externalId,
    kfId: String(s.staff.id),
    channelType: s.channel,
    status: s.status,
    manualCsId: s.agent ? String(s.agent.id) : null,
    lastMessage: s.lastMessage,
    lastMessageTime: s.lastMessageAt?.toISOString() ?? null,
    messageCount: s.messageCount,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function presentMessageInfo(m: Message) {
  return {
    msgId: String(m.id),
    sessionId: String(m.session.id),
    seq: m.seq,
    senderType: senderTypes[m.senderType],
    senderId: m.senderId,
    content: m.content,
    msgType: m.msgType,
    /** `{url, mimeType, size, name, duration}` for picture, voice, video and file; null for text. */
    media: m.msgType === MessageType.TEXT ? null : m.payload,
    createdAt: m.createdAt.toISOString(),
  };
}
