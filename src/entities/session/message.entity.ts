import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { ChannelType } from '../contact/contact.entity.js';
import { Session } from './session.entity.js';

export enum SenderType {
  CONTACT = 'contact',
  AI = 'ai',
  AGENT = 'agent',
  SYSTEM = 'system',
}

export enum MessageType {
  TEXT = 'text',
  PICTURE = 'picture',
  VIDEO = 'video',
  VOICE = 'voice',
  FILE = 'file',
}

/**
 * One message in a session. `seq` orders it within the session (clients
 * catch up with `after: seq`); `channelMsgId` de-duplicates a channel's retries per channel account;
 * `clientMsgId` makes a client's resend idempotent.
 */
@Entity({ tableName: 'message' })
@Unique({ properties: ['session', 'seq'] })
@Unique({ properties: ['session', 'clientMsgId'] })
@Unique({
  name: 'message_channel_msg_id_unique',
  // A null account (web chat, or a row from before accounts were recorded) is one account, not a wildcard.
  expression:
    'create unique index "message_channel_msg_id_unique" on "message" ("merchant_id", "channel", "channel_account_id", "channel_msg_id") nulls not distinct where "channel_msg_id" is not null',
})
@Index({ properties: ['merchantId', 'createdAt'] })
export class Message {
  @Property({ type: 'integer', primary: true, autoincrement: true })
  id!: number;

  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  session: Rel<Session>;

  /** Denormalised tenant, so tenant checks never need a join. */
  @Property({ type: 'integer' })
  merchantId: number;

  @Property({ type: 'integer' })
  seq: number;

  @Enum({ items: () => SenderType, type: 'string' })
  senderType: SenderType;

  @Property({ type: 'string', length: 128 })
  senderId: string;

  @Enum({ items: () => MessageType, type: 'string' })
  msgType: MessageType;

  /** The text, or for media a caption; `payload` holds the rest (url, duration, name, size). */
  @Property({ type: 'text' })
  content: string;

  @Property({ type: 'json', nullable: true })
  payload: Record<string, unknown> | null;

  @Enum({ items: () => ChannelType, type: 'string' })
  channel: ChannelType;

  @Property({ type: 'string', length: 128, nullable: true })
  channelMsgId: string | null;

  /** The channel account (Channel id) a channel message with a message id came in on; null otherwise. */
  @Property({ type: 'integer', nullable: true })
  channelAccountId: number | null;

  @Property({ type: 'string', length: 128, nullable: true })
  clientMsgId: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(init: {
    session: Session;
    merchantId: number;
    seq: number;
    senderType: SenderType;
    senderId: string;
    msgType: MessageType;
    content: string;
    payload?: Record<string, unknown> | null;
    channel: ChannelType;
    channelMsgId?: string | null;
    channelAccountId?: number | null;
    clientMsgId?: string | null;
  }) {
    this.session = init.session;
    this.merchantId = init.merchantId;
    this.seq = init.seq;
    this.senderType = init.senderType;
    this.senderId = init.senderId;
    this.msgType = init.msgType;
    this.content = init.content;
    this.payload = init.payload ?? null;
    this.channel = init.channel;
    this.channelMsgId = init.channelMsgId ?? null;
    this.channelAccountId = init.channelAccountId ?? null;
    this.clientMsgId = init.clientMsgId ?? null;
  }
}
