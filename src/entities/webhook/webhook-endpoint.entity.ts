import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';

type Defaulted = 'description' | 'enabled' | 'previousSecrets';

/** How long the secret a rotation replaced still signs too, so a receiver can switch keys without missing events. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;
/** Replaced secrets that may sign at once: four signatures on a request at most. */
export const MAX_REPLACED_SECRETS = 3;

/** A secret a rotation replaced, sealed, and when it stops signing (ISO time). */
export interface ReplacedSecret {
  enc: string;
  until: string;
}

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

  /** Secrets replaced by rotations in the last SECRET_OVERLAP_MS, newest first: they still sign, beside the current one. */
  @Property({ type: 'json', default: '[]' })
  previousSecrets: ReplacedSecret[] = [];

  constructor(init: { merchant: Merchant; url: string; eventTypes: string[]; secretEnc: string }) {
    super();
    this.merchant = init.merchant;
    this.url = init.url;
    this.eventTypes = init.eventTypes;
    this.secretEnc = init.secretEnc;
  }

  /**
   * A new secret; the one it replaces keeps signing for SECRET_OVERLAP_MS, as do those replaced before it
   * that have time left, so no receiver on any of them is cut off. Answers false, changing nothing, when
   * MAX_REPLACED_SECRETS still sign.
   */
  rotateSecret(secretEnc: string, now: Date): boolean {
    const live = this.replacedSigning(now);
    if (live.length >= MAX_REPLACED_SECRETS) return false;
    this.previousSecrets = [{ enc: this.secretEnc, until: new Date(now.getTime() + SECRET_OVERLAP_MS).toISOString() }, ...live];
    this.secretEnc = secretEnc;
    return true;
  }

  /** When the oldest replaced secret that still signs stops, or null when none does. */
  nextSecretExpiry(now: Date): Date | null {
    const live = this.replacedSigning(now);
    return live.length ? new Date(live[live.length - 1]!.until) : null;
  }

  /** The sealed secrets a request made at `now` is signed with: the current one first. */
  signingSecrets(now: Date): string[] {
    return [this.secretEnc, ...this.replacedSigning(now).map((s) => s.enc)];
  }

  private replacedSigning(now: Date): ReplacedSecret[] {
    return this.previousSecrets.filter((s) => new Date(s.until) > now);
  }
}
