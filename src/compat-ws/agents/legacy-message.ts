import { badInput } from '../../core/errors.js';
import { MessageType, type Message } from '../../entities/session/message.entity.js';

/** The agent-console seed's message item: `{type, value: {text}}`, media as `{type, value: {url, …}}`. */
export interface ConsoleMessageItem {
  type: string;
  value: Record<string, unknown>;
}

export function toConsoleItem(m: Pick<Message, 'msgType' | 'content' | 'payload'>): ConsoleMessageItem {
  if (m.msgType === MessageType.TEXT) return { type: 'text', value: { text: m.content } };
  return { type: m.msgType, value: { ...(m.payload ?? {}), url: (m.payload?.url as string | undefined) ?? m.content } };
}

/** Reads one item a console sends; text needs `value.text`, media `value.url`. */
export function fromConsoleItem(item: unknown, index: number): { msgType: MessageType; content: string; payload: Record<string, unknown> | null } {
  const it = item as { type?: unknown; value?: unknown };
  const types = Object.values(MessageType) as string[];
  if (!it || typeof it !== 'object' || typeof it.type !== 'string' || !types.includes(it.type)) {
    throw badInput(`message.${index}.type: must be one of ${types.join(', ')}`);
  }
  const value = (it.value && typeof it.value === 'object' ? it.value : {}) as Record<string, unknown>;
  if (it.type === MessageType.TEXT) {
    if (typeof value.text !== 'string' || !value.text.trim()) throw badInput(`message.${index}.value.text: must be a non-empty string`);
    return { msgType: MessageType.TEXT, content: value.text, payload: null };
  }
  if (typeof value.url !== 'string' || !value.url) throw badInput(`message.${index}.value.url: must be the media URL`);
  return { msgType: it.type as MessageType, content: typeof value.text === 'string' ? value.text : '', payload: value };
}
