import { randomUUID } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { SessionChangeKind } from '../../core/events/event-bus.js';
import type { Session, SessionStatus } from '../../entities/session/session.entity.js';
import type { WebhookPayload } from '../../entities/webhook/webhook-delivery.entity.js';
import type { ConversationChangeLog, MessageChange } from '../session/session-journal.js';
import { SESSION_EVENT_TYPES, messageData, sessionData, type WebhookEventType } from './webhook-events.js';

/** A MikroORM transaction or a Knex one (the document indexer writes through Knex). */
export type Tx = EntityManager | Knex.Transaction;

/** The `webhook-id` of one event: the same for every endpoint and every attempt. */
export const newMsgId = () => `msg_${randomUUID().replaceAll('-', '')}`;

export const payloadOf = (type: string, data: Record<string, unknown>, at = new Date()): WebhookPayload => ({ type, timestamp: at.toISOString(), data });

/**
 * The outbox of merchant webhooks. `enqueue` runs inside the caller's transaction: one row per
 * enabled endpoint of the merchant subscribed to the type, in one statement (none when there are
 * none), so an event is queued exactly when its change commits. The delivery worker sends them.
 */
export class WebhookOutbox implements ConversationChangeLog {
  async enqueue(tx: Tx, merchantId: number, type: WebhookEventType, data: Record<string, unknown>): Promise<void> {
    const sql = `insert into webhook_delivery (merchant_id, endpoint_id, msg_id, event_type, payload)
      select merchant_id, id, ?, ?, ?::jsonb from webhook_endpoint where merchant_id = ? and enabled and event_types @> ?::jsonb`;
    const params = [newMsgId(), type, JSON.stringify(payloadOf(type, data)), merchantId, JSON.stringify([type])];
    if ('getConnection' in tx) await tx.getConnection().execute(sql, params, 'run', tx.getTransactionContext());
    else await tx.raw(sql, params);
  }

  sessionChanged(tx: EntityManager, s: Session, kind: SessionChangeKind, previousStatus: SessionStatus | null, previousAgentId: number | null): Promise<void> {
    return this.enqueue(tx, s.merchant.id, SESSION_EVENT_TYPES[kind], sessionData(s, previousStatus, previousAgentId));
  }

  messageAdded(tx: EntityManager, c: MessageChange): Promise<void> {
    return this.enqueue(tx, c.merchantId, 'message.created', messageData(c));
  }
}
