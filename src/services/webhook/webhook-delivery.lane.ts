import type { EntityManager } from '@mikro-orm/postgresql';
import { Webhook } from 'standardwebhooks';
import { WebhookDelivery } from '../../entities/webhook/webhook-delivery.entity.js';
import type { SecretBox } from '../channel/secret-box.js';
import { PermanentFailure, type DeliveryLane } from '../delivery/delivery.worker.js';
import { postJson, type OutboundPolicy } from '../delivery/outbound-http.js';

export const LOG_RETENTION_DAYS = 30;

/**
 * Merchant webhooks as a lane of the delivery worker: each due delivery is POSTed to its
 * endpoint, signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`). The timestamp is the
 * attempt's, so a receiver's replay window holds for retries too; the id stays the same.
 * Only a 2xx answer counts as delivered. Deliveries are not ordered: each retries on its own.
 */
export class WebhookDeliveryLane implements DeliveryLane<WebhookDelivery> {
  readonly name = 'webhook';

  constructor(
    private readonly box: SecretBox,
    private readonly outbound: OutboundPolicy,
  ) {}

  async claim(tx: EntityManager, id?: number): Promise<WebhookDelivery | null> {
    const rows: { id: number }[] = await tx.getConnection().execute(
      `select id from webhook_delivery
        where state = 'pending' and ${id === undefined ? 'next_attempt_at <= now()' : 'id = ?'}
        order by next_attempt_at, id limit 1
        for update skip locked`,
      id === undefined ? [] : [id],
      'all',
      tx.getTransactionContext(),
    );
    if (!rows.length) return null;
    return tx.findOneOrFail(WebhookDelivery, rows[0]!.id, { populate: ['endpoint'] });
  }

  async send(_tx: EntityManager, d: WebhookDelivery): Promise<void> {
    d.lastStatus = null;
    const endpoint = d.endpoint;
    if (!endpoint.enabled) throw new PermanentFailure('The endpoint is disabled');
    const body = JSON.stringify(d.payload);
    const now = new Date();
    // For a day after a rotation the replaced secrets sign too, space-separated, as Standard Webhooks allows.
    const signature = endpoint
      .signingSecrets(now)
      .map((sealed) => new Webhook(this.box.open(sealed)).sign(d.msgId, now, body))
      .join(' ');
    const headers = { 'webhook-id': d.msgId, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature };
    const res = await postJson(endpoint.url, body, headers, this.outbound);
    d.lastStatus = res.status;
    if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}${res.body ? `: ${res.body.slice(0, 200)}` : ''}`);
  }

  /** The delivery log keeps LOG_RETENTION_DAYS of finished deliveries; pending ones stay until they finish. */
  async sweep(em: EntityManager): Promise<void> {
    await em
      .getConnection()
      .execute(`delete from webhook_delivery where state <> 'pending' and created_at < now() - (? * interval '1 day')`, [LOG_RETENTION_DAYS], 'run');
  }

  describe(d: WebhookDelivery): Record<string, unknown> {
    return { webhookDeliveryId: d.id, endpointId: d.endpoint.id, eventType: d.eventType };
  }
}
