import { Enum, Property } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';

export enum DeliveryState {
  PENDING = 'pending',
  DELIVERED = 'delivered',
  FAILED = 'failed',
}

export type DeliveryDefaulted = 'state' | 'attempts' | 'lastError' | 'deliveredAt' | 'nextAttemptAt';

/**
 * What every durable delivery row has (channel replies, merchant webhooks): its state and
 * its retries. The delivery worker (src/services/delivery) moves rows through these states
 * the same way whatever they carry.
 */
export abstract class DeliveryRecord<Optional = never> extends BaseEntity<DeliveryDefaulted | Optional> {
  @Enum({ items: () => DeliveryState, type: 'string' })
  state: DeliveryState = DeliveryState.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;

  delivered(now: Date): void {
    this.state = DeliveryState.DELIVERED;
    this.deliveredAt = now;
    this.lastError = null;
  }

  /** A refused attempt: retried at `retryAt`, or failed for good when that is past the deadline. */
  refused(error: string, retryAt: Date, deadline: Date): void {
    this.lastError = error.slice(0, 2000);
    if (retryAt.getTime() > deadline.getTime()) this.state = DeliveryState.FAILED;
    else this.nextAttemptAt = retryAt;
  }

  /** Where the give-up deadline counts from: when the row was queued. */
  retriesFrom(): Date {
    return this.createdAt;
  }

  failed(error: string): void {
    this.state = DeliveryState.FAILED;
    this.lastError = error.slice(0, 2000);
  }
}
