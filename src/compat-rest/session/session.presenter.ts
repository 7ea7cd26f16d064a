import { z } from 'zod';
import { ChannelType } from '../../entities/contact/contact.entity.js';
import { MessageType, SenderType, type Message } from '../../entities/session/message.entity.js';
import { NoteAuthorKind, SessionNote } from '../../entities/helpdesk/session-note.entity.js';
import { SessionStatus, type Session } from '../../entities/session/session.entity.js';
import type { MessageView } from '../../services/session/event-facts.js';

/** The multichannel seed's names for senders. */
const senderTypes = {
  [SenderType.CONTACT]: 'customer',
  [SenderType.AI]: 'ai',
  [SenderType.AGENT]: 'manual',
  [SenderType.SYSTEM]: 'system',
} as const satisfies Record<SenderType, string>;

const isoTime = (description: string) => z.iso.datetime().meta({ description });

export const sessionInfo = z
  .strictObject({
    sessionId: z.string().meta({ description: '会话ID' }),
    customerId: z.string().meta({ description: '客户ID (the channel’s id of the contact)' }),
    kfId: z.string().meta({ description: '客服账号ID (the AI staff)' }),
    channelType: z.enum(ChannelType).meta({ description: '渠道类型' }),
    status: z.enum(SessionStatus).meta({ description: '会话状态' }),
    manualCsId: z.string().nullable().meta({ description: '接待客服ID (null while no agent holds it)' }),
    lastMessage: z.string().nullable().meta({ description: '最后一条消息' }),
    lastMessageTime: isoTime('最后消息时间').nullable(),
    messageCount: z.int().meta({ description: '消息数量' }),
    createdAt: isoTime('创建时间'),
    updatedAt: isoTime('更新时间'),
  })
  .meta({ id: 'SessionInfo' });

export const mediaInfo = z
  .looseObject({
    url: z.string(),
    mimeType: z.string().optional(),
    size: z.int().optional().meta({ description: 'bytes' }),
    name: z.string().optional(),
    duration: z.number().optional().meta({ description: 'seconds, for voice and video' }),
  })
  .meta({ id: 'MediaPayload', description: 'A picture, voice, video or file message’s media; channel-specific extras may follow.' });

export const messageInfo = z
  .strictObject({
    msgId: z.string().meta({ description: '消息ID' }),
    sessionId: z.string().meta({ description: '会话ID' }),
    seq: z.int().meta({ description: 'the message’s place in its session, from 1' }),
    senderType: z.enum([...Object.values(senderTypes), 'note']).meta({ description: '发送者类型; "note" for an internal note (history only, never sent to the contact)' }),
    senderId: z.string().meta({ description: '发送者ID' }),
    content: z.string().meta({ description: '消息内容 (for media, a caption)' }),
    msgType: z.enum(MessageType).meta({ description: '消息类型' }),
    media: mediaInfo.nullable().meta({ description: '`{url, mimeType, size, name, duration}` for picture, voice, video and file; null for text' }),
    createdAt: isoTime('创建时间'),
  })
  .meta({ id: 'MessageInfo' });

export function presentSessionInfo(s: Session): z.input<typeof sessionInfo> {
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

export function presentMessageInfo(m: MessageView): z.input<typeof messageInfo> {
  return {
    msgId: String(m.id),
    sessionId: String(m.session.id),
    seq: m.seq,
    senderType: senderTypes[m.senderType],
    senderId: m.senderId,
    content: m.content,
    msgType: m.msgType,
    media: m.msgType === MessageType.TEXT ? null : (m.payload as z.input<typeof mediaInfo>),
    createdAt: m.createdAt.toISOString(),
  };
}

/**
 * An internal note in the history: shaped like a message with `senderType` "note", so a workbench lists it in
 * place; `msgId` is "note-{id}" (notes are numbered apart from messages) and `seq` that of the message before it.
 */
export function presentNoteInfo(n: SessionNote): z.input<typeof messageInfo> {
  return {
    msgId: `note-${n.id}`,
    sessionId: String(n.session.id),
    seq: n.afterSeq,
    senderType: 'note' as const,
    senderId: n.authorKind === NoteAuthorKind.AGENT ? String(n.authorId) : `merchant-${n.authorId}`,
    content: n.content,
    msgType: MessageType.TEXT,
    media: null,
    createdAt: n.createdAt.toISOString(),
  };
}

export const presentHistoryItem = (item: Message | SessionNote) => (item instanceof SessionNote ? presentNoteInfo(item) : presentMessageInfo(item));
