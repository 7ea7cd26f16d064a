import { MessageType, SenderType, type Message } from '../../entities/session/message.entity.js';
import { NoteAuthorKind, SessionNote } from '../../entities/helpdesk/session-note.entity.js';
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

/**
 * An internal note in the history: shaped like a message with `senderType` "note", so a workbench lists it in
 * place; `msgId` is "note-{id}" (notes are numbered apart from messages) and `seq` that of the message before it.
 */
export function presentNoteInfo(n: SessionNote) {
  return {
    msgId: `note-${n.id}`,
    sessionId: String(n.session.id),
    seq: n.afterSeq,
    senderType: 'note',
    senderId: n.authorKind === NoteAuthorKind.AGENT ? String(n.authorId) : `merchant-${n.authorId}`,
    content: n.content,
    msgType: MessageType.TEXT,
    media: null,
    createdAt: n.createdAt.toISOString(),
  };
}

export const presentHistoryItem = (item: Message | SessionNote) => (item instanceof SessionNote ? presentNoteInfo(item) : presentMessageInfo(item));
