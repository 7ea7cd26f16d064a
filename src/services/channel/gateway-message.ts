import { z } from 'zod';
import { MessageType } from '../../entities/session/message.entity.js';
import type { ChannelInboundInput } from './channel-inbound.service.js';

const httpUrl = z.string().trim().max(2048).regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL');
const id = z.union([z.string().trim().min(1).max(128), z.number().int().nonnegative()]).transform(String);

const media = z.union([
  httpUrl.transform((url) => ({ url })),
  z.object({
    url: httpUrl,
    name: z.string().max(255).optional(),
    size: z.number().int().nonnegative().optional(),
    mime_type: z.string().max(127).optional(),
    duration: z.number().nonnegative().optional(),
  }),
]);

/** The normalized message of DESIGN.md "Channels"; `content` by `msg_type` as docs/channels.md describes. */
export const gatewayMessageSchema = z.object({
  account_id: z.string('is required').trim().min(1, 'is required').max(128),
  msg_id: id,
  user_id: z.union([z.string().trim().min(1, 'is required').max(128), z.number().int().nonnegative()], 'is required').transform(String),
  nickname: z.string().max(100).nullish(),
  avatar: z.union([httpUrl, z.literal('')]).nullish(),
  msg_type: z.enum(['text', 'image', 'voice', 'video', 'file', 'location', 'link'], 'must be one of: text, image, voice, video, file, location, link'),
  content: z.unknown(),
  timestamp: z.number().int().nonnegative().optional(),
});

export type GatewayMessage = z.output<typeof gatewayMessageSchema>;

const location = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), label: z.string().max(500).optional() });
const link = z.union([
  httpUrl.transform((url) => ({ url, title: undefined, description: undefined })),
  z.object({ url: httpUrl, title: z.string().max(500).optional(), description: z.string().max(2000).optional() }),
]);

const MEDIA_TYPES: Record<string, MessageType> = { image: MessageType.PICTURE, voice: MessageType.VOICE, video: MessageType.VIDEO, file: MessageType.FILE };

/** The message as the conversation stores it; a `content` that does not fit its type is an error message. */
export function fromGatewayMessage(m: GatewayMessage): ChannelInboundInput | string {
  const base = {
    externalId: m.user_id,
    channelMsgId: m.msg_id,
    profile: { nickname: m.nickname ?? undefined, avatarUrl: m.avatar || undefined },
  };
  if (m.msg_type === 'text') {
    if (typeof m.content !== 'string' || !m.content.trim()) return 'content: a text message needs its text';
    return { ...base, msgType: MessageType.TEXT, content: m.content, payload: null };
  }
  const mediaType = MEDIA_TYPES[m.msg_type];
  if (mediaType) {
    const parsed = media.safeParse(m.content);
    if (!parsed.success) return `content: a ${m.msg_type} message needs its URL, or an object {url, name, size, mime_type, duration}`;
    const p = parsed.data as { url: string; name?: string; size?: number; mime_type?: string; duration?: number };
    const payload = { url: p.url, name: p.name ?? null, size: p.size ?? null, mimeType: p.mime_type ?? null, ...(p.duration === undefined ? {} : { duration: p.duration }) };
    return { ...base, msgType: mediaType, content: p.url, payload };
  }
  if (m.msg_type === 'location') {
    const parsed = location.safeParse(m.content);
    if (!parsed.success) return 'content: a location message needs {latitude, longitude, label}';
    const l = parsed.data;
    return { ...base, msgType: MessageType.TEXT, content: `[location] ${l.label ?? ''} (${l.latitude}, ${l.longitude})`.replace('  ', ' '), payload: { kind: 'location', ...l } };
  }
  const parsed = link.safeParse(m.content);
  if (!parsed.success) return 'content: a link message needs its URL, or {url, title, description}';
  const l = parsed.data;
  return { ...base, msgType: MessageType.TEXT, content: l.title ? `${l.title}\n${l.url}` : l.url, payload: { kind: 'link', ...l } };
}
