import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { DeliveryState, OutboundDelivery } from '../../entities/channel/outbound-delivery.entity.js';
import type { ChannelType } from '../../entities/contact/contact.entity.js';
import { MessageType, type Message } from '../../entities/session/message.entity.js';
import type { Session } from '../../entities/session/session.entity.js';
import type { SessionService } from '../session/session.service.js';

/**
 * The outbox of replies to channels. Both enqueue calls run inside the caller's
 * transaction (they only persist), so a reply is queued exactly when its message
 * is stored; the session journal (src/services/session/session-journal.ts) decides
 * what goes out, and the delivery worker sends it.
 */
export class OutboxService {
  /** Queues a stored message for the session's channel (call before the transaction flushes). */
  enqueueMessage(tx: EntityManager, session: Session, message: Message): OutboundDelivery {
    const delivery = new OutboundDelivery({
      merchant: session.merchant,
      session,
      message,
      msgId: randomUUID(),
      body: { msgType: message.msgType, content: message.content, payload: message.payload },
    });
    tx.persist(delivery);
    return delivery;
  }

  /** Queues a contact-facing notice that is not a stored message ("queued, 3 ahead", "an agent joined"). */
  enqueueNotice(tx: EntityManager, session: Session, text: string): OutboundDelivery {
    const delivery = new OutboundDelivery({
      merchant: session.merchant,
      session,
      message: null,
      msgId: randomUUID(),
      body: { msgType: MessageType.TEXT, content: text, payload: null },
    });
    tx.persist(delivery);
    return delivery;
  }

  /** A session's deliveries, oldest first, for the merchant or an agent who may see the session. */
  async ofSession(ctx: RequestContext, sessions: SessionService, sessionId: number): Promise<OutboundDelivery[]> {
    const session = await sessions.get(ctx, sessionId);
    return ctx.em.find(OutboundDelivery, { session }, { orderBy: { id: 'asc' } });
  }

  /**
   * How the replies through one channel stand: a channel is its staff's only one of its type, so its replies are
   * those of that staff's sessions on that channel. Being retried, given up, and the newest (any state).
   */
  async stateOfChannel(ctx: RequestContext, staffId: number, channel: ChannelType): Promise<{ pending: number; failed: number; latest: OutboundDelivery | null }> {
    const { merchantId } = ctx.requireTenant();
    const where = { merchant: merchantId, session: { staff: staffId, channel } };
    const pending = await ctx.em.count(OutboundDelivery, { ...where, state: DeliveryState.PENDING });
    const failed = await ctx.em.count(OutboundDelivery, { ...where, state: DeliveryState.FAILED });
    const latest = await ctx.em.findOne(OutboundDelivery, where, { orderBy: { id: 'desc' } });
    return { pending, failed, latest };
  }

  /** A delivery an event names, as it is now; another tenant's is "not found". */
  async forEvent(ctx: RequestContext, deliveryId: number): Promise<OutboundDelivery> {
    ctx.requireTenant();
    const delivery = await ctx.em.findOne(OutboundDelivery, { id: deliveryId });
    if (!delivery) throw notFound(`Delivery ${deliveryId}`);
    return delivery;
  }

  /** The delivery of each message (messages the caller already may see), in one query. */
  async ofMessages(em: EntityManager, merchantId: number, messageIds: readonly number[]): Promise<Map<number, OutboundDelivery>> {
    if (!messageIds.length) return new Map();
    const rows = await em.find(OutboundDelivery, { merchant: merchantId, message: { $in: [...messageIds] } });
    return new Map(rows.map((d) => [d.message!.id, d]));
  }
}
