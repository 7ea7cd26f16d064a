import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';

type Defaulted = 'description' | 'enabled';

/**
 * A merchant's URL that receives the events it subscribed to, signed with its secret
 * (Standard Webhooks). The secret is stored encrypted (services/channel/secret-box.ts)
 * and shown once, when the endpoint is made.
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

  constructor(init: { merchant: Merchant; url: string; eventTypes: string[]; secretEnc: string }) {
    super();
    this.merchant = init.merchant;
    this.url = init.url;
    this.eventTypes = init.eventTypes;
    this.secretEnc = init.secretEnc;
  }
}
