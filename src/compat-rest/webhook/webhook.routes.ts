import { formatSeedTime } from '../../core/time.js';
import { DeliveryState } from '../../entities/delivery/delivery-record.js';
import type { WebhookDelivery } from '../../entities/webhook/webhook-delivery.entity.js';
import type { WebhookEndpoint } from '../../entities/webhook/webhook-endpoint.entity.js';
import type { Services } from '../../services/index.js';
import type { WebhookInput } from '../../services/webhook/webhook.service.js';
import type { LegacyBody } from '../legacy-body.js';
import { z } from 'zod';
import { bool, createdTime, int, intField, pageFields, str, strField, updatedTime } from '../fields.js';
import { emptyData, legacyRoute, listData, ok, okList, type LegacyRoute } from '../route.js';

const endpointItem = z
  .strictObject({
    id: int('Webhook ID'),
    url: str('the endpoint, http(s); private addresses are refused unless OUTBOUND_ALLOW_PRIVATE'),
    description: str('a note for the merchant'),
    event_types: z.array(z.string()).meta({ description: 'the events it receives (docs/webhooks.md), e.g. session.opened, message.created' }),
    enabled: bool('deliveries are made'),
    created_time: createdTime,
    updated_time: updatedTime,
  })
  .meta({ id: 'WebhookEndpoint' });

const deliveryItem = z
  .strictObject({
    id: int('delivery ID'),
    webhook_id: int('Webhook ID'),
    msg_id: str('the `webhook-id` header: the same on every retry'),
    event_type: str('the event'),
    payload: z.unknown().meta({ description: 'the JSON body sent' }),
    state: str('pending, delivered or failed'),
    attempts: int('attempts made'),
    last_status: z.int().nullable().meta({ description: 'HTTP status of the last attempt' }),
    last_error: str('why the last attempt failed'),
    next_attempt_time: str('when it is tried again (pending only)'),
    delivered_time: str('when it was delivered'),
    created_time: createdTime,
  })
  .meta({ id: 'WebhookDelivery' });

const endpointBody = {
  url: strField('the endpoint URL'),
  description: strField('a note'),
  event_types: z.array(z.string()).meta({ description: 'events to receive' }),
  enabled: z.union([z.boolean(), z.literal(0), z.literal(1)]).meta({ description: 'deliveries are made (default true)' }),
};
const optionalEndpointBody = z.object(endpointBody).partial().shape;

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
  eventTypes: b.raw('event_types') as string[] | undefined,
  enabled: b.bool('enabled'),
});

/** Merchant webhooks (docs/webhooks.md), in the style of the seed's merchant paths. */
export const webhookRoutes: LegacyRoute[] = [
  legacyRoute({
    path: '/api/v1/customer/create/webhook',
    auth: 'merchant',
    summary: 'Register a webhook endpoint; its signing secret (whsec_…) is answered this once',
    body: z.object({ ...optionalEndpointBody, url: strField('the endpoint URL (必填)'), event_types: endpointBody.event_types }),
    data: endpointItem.extend({ secret: str('the Standard Webhooks signing secret, shown only now') }),
    async handle(ctx, b, s) {
      const { endpoint, secret } = await s.webhooks.create(ctx, fields(b));
      return ok({ ...presentEndpoint(endpoint, s), secret });
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/list/webhook',
    auth: 'merchant',
    summary: 'The merchant’s webhook endpoints',
    body: z.object({ ...pageFields }),
    data: listData(endpointItem),
    async handle(ctx, b, s) {
      const page = await s.webhooks.list(ctx, b.page());
      return okList(page.items.map((e) => presentEndpoint(e, s)), page.total);
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/edit/webhook',
    auth: 'merchant',
    summary: 'Edit a webhook endpoint: only the fields sent change',
    body: z.object({ id: intField('Webhook ID (必填)'), ...optionalEndpointBody }),
    data: endpointItem,
    async handle(ctx, b, s) {
      return ok(presentEndpoint(await s.webhooks.update(ctx, b.int('id') ?? 0, fields(b)), s));
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/delete/webhook',
    auth: 'merchant',
    summary: 'Delete a webhook endpoint and its delivery log',
    body: z.object({ id: intField('Webhook ID (必填)') }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.webhooks.delete(ctx, b.int('id') ?? 0);
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/list/webhook_delivery',
    auth: 'merchant',
    summary: 'The delivery log of an endpoint (30 days), newest first',
    body: z.object({ webhook_id: intField('Webhook ID (必填)'), state: strField('pending, delivered or failed ("": all)').optional(), ...pageFields }),
    data: listData(deliveryItem),
    async handle(ctx, b, s) {
      const page = await s.webhooks.deliveries(ctx, b.int('webhook_id') ?? 0, { state: b.strFilter('state') }, b.page());
      return okList(page.items.map((d) => presentDelivery(d, s)), page.total);
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/test/webhook',
    auth: 'merchant',
    summary: 'Send a webhook.test event now; answers the delivery with the first attempt’s result',
    body: z.object({ id: intField('Webhook ID (必填)') }),
    data: deliveryItem,
    async handle(ctx, b, s) {
      return ok(presentDelivery(await s.webhooks.testSend(ctx, b.int('id') ?? 0), s));
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/rotate/webhook_secret',
    auth: 'merchant',
    summary: 'A new signing secret, answered this once; the old one also signs for 24 hours',
    body: z.object({ id: intField('Webhook ID (必填)') }),
    data: endpointItem.extend({ secret: str('the new Standard Webhooks signing secret, shown only now') }),
    async handle(ctx, b, s) {
      const { endpoint, secret } = await s.webhooks.rotateSecret(ctx, b.int('id') ?? 0);
      return ok({ ...presentEndpoint(endpoint, s), secret });
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/redeliver/webhook_delivery',
    auth: 'merchant',
    summary: 'Send a delivered or failed event again, with its webhook-id; answers the delivery with the first attempt’s result',
    body: z.object({ id: intField('Delivery ID (必填)') }),
    data: deliveryItem,
    async handle(ctx, b, s) {
      return ok(presentDelivery(await s.webhooks.redeliver(ctx, b.int('id') ?? 0), s));
    },
  }),
];
