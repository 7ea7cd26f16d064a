import { Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { DeliveryRecord } from '../delivery/delivery-record.js';
import { Merchant } from '../merchant/merchant.entity.js';
import { Message } from '../session/message.entity.js';
import { Session } from '../session/session.entity.js';

/** What is sent, fixed when queued: every retry sends the same. */
export interface DeliveryBody {
  msgType: string;
  content: string;
  payload: Record<string, unknown> | null;
}

export { DeliveryState } from '../delivery/delivery-record.js';

type Defaulted = 'replyTo' | 'message';

/**
 * The outbox: one message (or contact-facing notice) to send to a channel,
 * written in the transaction that stored it. The channel is the session staff's
 * channel of the session's type, looked up at each attempt. Delivered in `id` order per session;
 * `msgId` is the same on every attempt, so the receiver can drop repeats.
 */
@Entity({ tableName: 'outbound_delivery' })
@Unique({ properties: ['msgId'] })
@Index({ properties: ['state', 'nextAttemptAt'] })
@Index({ properties: ['session', 'state'] })
@Index({ properties: ['message'] })
export class OutboundDelivery extends DeliveryRecord<Defaulted> {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  session: Rel<Session>;

  /** Null for notices, which are not stored messages. */
  @ManyToOne(() => Message, { nullable: true, deleteRule: 'cascade' })
  message: Rel<Message> | null = null;

  @Property({ type: 'string', length: 64 })
  msgId: string;

  /** The contact's channel message this answers, fixed at the first attempt. */
  @Property({ type: 'string', length: 128, nullable: true })
  replyTo: string | null = null;

  @Property({ type: 'json' })
  body: DeliveryBody;

  constructor(init: { merchant: Merchant; session: Session; message: Message | null; msgId: string; body: DeliveryBody }) {
    super();
    this.merchant = init.merchant;
    this.session = init.session;
    this.message = init.message;
    this.msgId = init.msgId;
    this.body = init.body;
  }
}
