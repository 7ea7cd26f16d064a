import type { ChannelType } from '../../entities/contact/contact.entity.js';
import type { MessageType } from '../../entities/session/message.entity.js';
import type { ContactProfile } from '../session/session-journal.js';

/** A contact's message as any surface received it (web chat, the chat page, WeCom, a gateway). */
export interface InboundMessage {
  staffId: number;
  channel: ChannelType;
  /** The contact's id on its channel (web chat: the id the client keeps). */
  externalId: string;
  msgType?: MessageType | `${MessageType}`;
  /** The text, or a media message's caption. */
  content: string;
  /** Media: `{url, mimeType, size, name, duration}` (docs/architecture.md, "Messages"). */
  payload?: Record<string, unknown> | null;
  /** The channel's id of the message (WeCom MsgId, a gateway's msg_id): a retry is stored once. */
  channelMsgId?: string | null;
  /** The channel account it came in on: message ids are unique per account, not across a merchant's accounts. */
  channelAccountId?: number | null;
  /** A client's own id of the message: a resend is stored once. */
  clientMsgId?: string | null;
  profile?: ContactProfile;
  /**
   * The channel was already told the message arrived and will not send it again (WeCom is answered before
   * the message is handled): over a rate limit it is then stored unanswered instead of refused.
   */
  keepOverLimit?: boolean;
}

/** How an AI answer ended. */
export interface AnswerEnd {
  /** The stored AI message, or null when an agent took the session over while it was being written. */
  messageId: number | null;
  text: string;
  handedOff: boolean;
  /** What to tell the contact after the answer (the queue notice after a handoff), or null. */
  notice: string | null;
}

export type AnswerStream = AsyncGenerator<string, AnswerEnd, void>;

interface Stored {
  sessionId: number;
  messageId: number;
  contactId: number;
}

/**
 * What became of an inbound message, for each transport to render in its own shape
 * (docs/architecture.md, "The conversation intake").
 */
export type IntakeOutcome =
  /**
   * The staff cannot take conversations (deleted, frozen, expired, not activated). Nothing is stored
   * from web chat, which shows the refusal; a channel's message is stored unanswered (its ids are set),
   * since the channel was told it arrived.
   */
  | ({ kind: 'refused'; reason: string } & Partial<Stored>)
  /**
   * Too many messages from this contact or to this staff: nothing was stored, or, for a message the channel
   * will not send again (`keepOverLimit`), it was stored unanswered (its ids are set).
   */
  | ({ kind: 'rate_limited'; reason: string } & Partial<Stored>)
  /** Already stored earlier (a channel retry or a client resend); nothing else happens. */
  | ({ kind: 'duplicate' } & Stored)
  /** The AI answers: the stream yields text, then ends with how it ended (stored, handed off). */
  | ({ kind: 'answer'; answer: AnswerStream } & Stored)
  /** Waiting for a person; `notice` says so, with the place in the queue. */
  | ({ kind: 'queued'; position: number | null; notice: string; offline?: boolean } & Stored)
  /**
   * A channel contact's bare "1".."5" soon after its session closed, taken as its rating of that session
   * (the thank-you notice is queued for delivery); nothing else is stored.
   */
  | { kind: 'rated'; sessionId: number; contactId: number; messageId?: undefined }
  /** An agent owns the conversation: its reply comes when it comes. */
  | ({ kind: 'with_agent' } & Stored)
  /** Stored, and nothing is said now (a media message while the AI answers, which it cannot read). */
  | ({ kind: 'stored' } & Stored);
