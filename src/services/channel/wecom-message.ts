import { MessageType } from '../../entities/session/message.entity.js';

/** A decrypted WeCom app message, by what it needs before it can be stored. */
export type WecomInbound =
  | { kind: 'message'; fromUser: string; msgId: string | null; msgType: MessageType; content: string; payload: Record<string, unknown> | null }
  | { kind: 'media'; fromUser: string; msgId: string | null; msgType: MessageType; mediaId: string; fileName: string; payload: Record<string, unknown> }
  | { kind: 'event'; fromUser: string; event: string; eventKey: string }
  | { kind: 'unsupported'; fromUser: string; msgType: string };

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const MEDIA: Record<string, { type: MessageType; ext: string }> = {
  image: { type: MessageType.PICTURE, ext: 'jpg' },
  voice: { type: MessageType.VOICE, ext: 'amr' },
  video: { type: MessageType.VIDEO, ext: 'mp4' },
  file: { type: MessageType.FILE, ext: 'bin' },
};

/** Reads the fields of WeCom's "接收消息与事件" XML (already parsed) into what the conversation stores. */
export function readWecomMessage(x: Record<string, unknown>): WecomInbound {
  const fromUser = str(x.FromUserName);
  const msgType = str(x.MsgType);
  const msgId = str(x.MsgId) || null;
  if (msgType === 'text') return { kind: 'message', fromUser, msgId, msgType: MessageType.TEXT, content: str(x.Content), payload: null };
  const media = MEDIA[msgType];
  if (media && str(x.MediaId)) {
    const format = str(x.Format).toLowerCase();
    const ext = /^[a-z0-9]{1,8}$/.test(format) ? format : media.ext;
    const fileName = str(x.FileName) || str(x.Title) || `${msgType}-${msgId ?? str(x.MediaId).slice(0, 16)}.${ext}`;
    const payload: Record<string, unknown> = { mediaId: str(x.MediaId) };
    if (str(x.PicUrl)) payload.picUrl = str(x.PicUrl);
    if (str(x.ThumbMediaId)) payload.thumbMediaId = str(x.ThumbMediaId);
    if (format) payload.format = format;
    return { kind: 'media', fromUser, msgId, msgType: media.type, mediaId: str(x.MediaId), fileName, payload };
  }
  if (msgType === 'location') {
    const latitude = Number(str(x.Location_X));
    const longitude = Number(str(x.Location_Y));
    const label = str(x.Label);
    return { kind: 'message', fromUser, msgId, msgType: MessageType.TEXT, content: `[location] ${label} (${latitude}, ${longitude})`.replace('  ', ' '), payload: { kind: 'location', latitude, longitude, label, scale: Number(str(x.Scale)) || null } };
  }
  if (msgType === 'link') {
    const url = str(x.Url);
    const title = str(x.Title);
    return { kind: 'message', fromUser, msgId, msgType: MessageType.TEXT, content: title ? `${title}\n${url}` : url, payload: { kind: 'link', url, title, description: str(x.Description), picUrl: str(x.PicUrl) } };
  }
  if (msgType === 'event') return { kind: 'event', fromUser, event: str(x.Event), eventKey: str(x.EventKey) };
  return { kind: 'unsupported', fromUser, msgType };
}
