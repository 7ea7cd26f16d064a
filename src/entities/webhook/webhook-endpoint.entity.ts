import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';

type Defaulted = 'description' | 'enabled' | 'previousSecretEnc' | 'previousSecretUntil';

/** How long the secret a rotation replaced still signs too, so a receiver can switch keys without missing events. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

/**
 * A merchant's URL that receives the events it subscribed to, signed with its secret
 * (Standard Webhooks). The secret is stored encrypted (services/channel/secret-box.ts)
 * and shown once, when the endpoint is made or its secret rotated.
 */
@Entity({ tableName: 'webhook_endpoint' })
@Index({ properties: ['merchant'] })
export class WebhookEndpoint extends BaseEntity<Defaulted> {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @Property({ type: 'string', length: 1024 })
  url: string;

  @Property({ type: 'string', length: 255, default: '' })
  description = '';

  /** Event type names (`session.opened`, …); a JSON array so the outbox can match it in SQL (`@>`). */
  @Property({ type: 'json' })
  eventTypes: string[];

  @Property({ type: 'boolean', default: true })
  enabled = true;

  @Property({ type: 'text' })
  secretEnc: string;

  /** The secret before the last rotation, until `previousSecretUntil`: requests carry both signatures meanwhile. */
  @Property({ type: 'text', nullable: true })
  previousSecretEnc: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  previousSecretUntil: Date | null = null;

  constructor(init: { merchant: Merchant; url: string; eventTypes: string[]; secretEnc: string }) {
    super();
    this.merchant = init.merchant;
    this.url = init.url;
    this.eventTypes = init.eventTypes;
    this.secretEnc = init.secretEnc;
  }

  /** A new secret; the old one keeps signing for SECRET_OVERLAP_MS. */
  rotateSecret(secretEnc: string, now: Date): void {
    this.previousSecretEnc = this.secretEnc;
    this.previousSecretUntil = new Date(now.getTime() + SECRET_OVERLAP_MS);
    this.secretEnc = secretEnc;
  }

  /** The sealed secrets a request made at `now` is signed with: the current one first. */
  signingSecrets(now: Date): string[] {
    const previous = this.previousSecretEnc && this.previousSecretUntil && this.previousSecretUntil > now ? [this.previousSecretEnc] : [];
    return [this.secretEnc, ...previous];
  }
}
