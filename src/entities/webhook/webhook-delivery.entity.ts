import { Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { DeliveryRecord, DeliveryState } from '../delivery/delivery-record.js';
import { Merchant } from '../merchant/merchant.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/** The body POSTed, fixed when queued: every retry sends the same bytes' content. */
export interface WebhookPayload {
  type: string;
  /** ISO time of the change. */
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * One event on its way to one endpoint, queued in the transaction of the change it reports
 * (src/services/webhook/webhook-outbox.ts), sent by the delivery worker. `msgId` is the
 * `webhook-id` header: the same on every attempt and for every endpoint of one event, so a
 * receiver drops repeats.
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ properties: ['endpoint', 'msgId'] })
@Index({ properties: ['state', 'nextAttemptAt'] })
@Index({ properties: ['endpoint', 'createdAt'] })
export class WebhookDelivery extends DeliveryRecord<'lastStatus' | 'redeliveredAt'> {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @ManyToOne(() => WebhookEndpoint, { deleteRule: 'cascade' })
  endpoint: Rel<WebhookEndpoint>;

  @Property({ type: 'string', length: 64 })
  msgId: string;

  @Property({ type: 'string', length: 64 })
  eventType: string;

  @Property({ type: 'json' })
  payload: WebhookPayload;

  /** The HTTP status of the last answer; null before the first, or when none came (timeout, refused). */
  @Property({ type: 'integer', nullable: true })
  lastStatus: number | null = null;

  /** When the merchant last asked for it again; its retries count from then (`createdAt` stays the event's queueing). */
  @Property({ type: 'datetime', nullable: true })
  redeliveredAt: Date | null = null;

  constructor(init: { merchant: Merchant; endpoint: WebhookEndpoint; msgId: string; payload: WebhookPayload }) {
    super();
    this.merchant = init.merchant;
    this.endpoint = init.endpoint;
    this.msgId = init.msgId;
    this.eventType = init.payload.type;
    this.payload = init.payload;
  }

  override retriesFrom(): Date {
    return this.redeliveredAt ?? this.createdAt;
  }

  /**
   * Queued again on the merchant's request: the same event (payload and `webhook-id`, so a receiver that
   * has it drops the repeat), its attempts and retry window counted from now.
   */
  redeliver(now: Date, firstAttemptAt: Date): void {
    this.state = DeliveryState.PENDING;
    this.attempts = 0;
    this.lastError = null;
    this.lastStatus = null;
    this.deliveredAt = null;
    this.redeliveredAt = now;
    this.nextAttemptAt = firstAttemptAt;
  }
}
