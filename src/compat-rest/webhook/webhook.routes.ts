import { formatSeedTime } from '../../core/time.js';
import { DeliveryState } from '../../entities/delivery/delivery-record.js';
import type { WebhookDelivery } from '../../entities/webhook/webhook-delivery.entity.js';
import type { WebhookEndpoint } from '../../entities/webhook/webhook-endpoint.entity.js';
import type { Services } from '../../services/index.js';
import type { WebhookInput } from '../../services/webhook/webhook.service.js';
import type { LegacyBody } from '../legacy-body.js';
import { ok, okList, type LegacyRoute } from '../route.js';

function presentEndpoint(e: WebhookEndpoint, s: Services) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    event_types: e.eventTypes,
    enabled: e.enabled,
    created_time: formatSeedTime(e.createdAt, s.config.timezone),
    updated_time: formatSeedTime(e.updatedAt, s.config.timezone),
  };
}

function presentDelivery(d: WebhookDelivery, s: Services) {
  const time = (t: Date | null) => (t ? formatSeedTime(t, s.config.timezone) : '');
  return {
    id: d.id,
    webhook_id: d.endpoint.id,
    msg_id: d.msgId,
    event_type: d.eventType,
    payload: d.payload,
    state: d.state,
    attempts: d.attempts,
    last_status: d.lastStatus,
    last_error: d.lastError ?? '',
    next_attempt_time: d.state === DeliveryState.PENDING ? time(d.nextAttemptAt) : '',
    delivered_time: time(d.deliveredAt),
    created_time: time(d.createdAt),
  };
}

/** event_types is passed through as sent: the service says what is wrong with it. */
const fields = (b: LegacyBody): WebhookInput => ({
  url: b.str('url'),
  description: b.str('description'),
  eventTypes: b.raw.event_types as string[] | undefined,
  enabled: b.bool('enabled'),
});

/** Merchant webhooks (docs/webhooks.md), in the style of the seed's merchant paths. */
export const webhookRoutes: LegacyRoute[] = [
  {
    path: '/api/v1/customer/create/webhook',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const { endpoint, secret } = await s.webhooks.create(ctx, fields(b));
      return ok({ ...presentEndpoint(endpoint, s), secret });
    },
  },
  {
    path: '/api/v1/customer/list/webhook',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const page = await s.webhooks.list(ctx, b.page());
      return okList(page.items.map((e) => presentEndpoint(e, s)), page.total);
    },
  },
  {
    path: '/api/v1/customer/edit/webhook',
    auth: 'merchant',
    async handle(ctx, b, s) {
      return ok(presentEndpoint(await s.webhooks.update(ctx, b.int('id') ?? 0, fields(b)), s));
    },
  },
  {
    path: '/api/v1/customer/delete/webhook',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.webhooks.delete(ctx, b.int('id') ?? 0);
      return ok();
    },
  },
  {
    path: '/api/v1/customer/list/webhook_delivery',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const page = await s.webhooks.deliveries(ctx, b.int('webhook_id') ?? 0, { state: b.strFilter('state') }, b.page());
      return okList(page.items.map((d) => presentDelivery(d, s)), page.total);
    },
  },
  {
    path: '/api/v1/customer/test/webhook',
    auth: 'merchant',
    async handle(ctx, b, s) {
      return ok(presentDelivery(await s.webhooks.testSend(ctx, b.int('id') ?? 0), s));
    },
  },
];
