import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { badInput, conflict, notFound } from '../../core/errors.js';
import { pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { parseInput } from '../../core/validation.js';
import { DeliveryState } from '../../entities/delivery/delivery-record.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import { WebhookDelivery } from '../../entities/webhook/webhook-delivery.entity.js';
import { MAX_REPLACED_SECRETS, WebhookEndpoint } from '../../entities/webhook/webhook-endpoint.entity.js';
import type { SecretBox } from '../channel/secret-box.js';
import type { DeliveryWorker } from '../delivery/delivery.worker.js';
import { urlProblem } from '../delivery/outbound-http.js';
import type { WebhookDeliveryLane } from './webhook-delivery.lane.js';
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from './webhook-events.js';
import { newMsgId, payloadOf } from './webhook-outbox.js';

/** What a merchant sends to register or edit an endpoint (edits change only the fields present). */
export interface WebhookInput {
  url?: string;
  description?: string;
  eventTypes?: string[];
  enabled?: boolean;
}

/** Enough for any one integration; more is a mistake or abuse, each one costs a row per event. */
const MAX_ENDPOINTS = 20;
const FIRST_ATTEMPT_GRACE_MS = 30_000;

const endpointSchema = z.object({
  url: z.string('url: is required').trim().min(1, 'url: is required').max(1024, 'url: must be at most 1024 characters'),
  description: z.string().trim().max(255, 'description: must be at most 255 characters').default(''),
  eventTypes: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, `event_types: each must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`), 'event_types: must be a list of event types')
    .min(1, 'event_types: name at least one event type')
    .transform((types) => [...new Set(types)]),
  enabled: z.boolean('enabled: must be true or false').default(true),
});

const idSchema = z.number('id is required').int().positive('id must be a positive whole number');
const stateSchema = z.enum(DeliveryState, `state must be one of: ${Object.values(DeliveryState).join(', ')}`).optional();

/** Standard Webhooks secrets: `whsec_` and base64 of the key bytes. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** A merchant's webhook endpoints, their delivery log, and test-sends. */
export class WebhookService {
  constructor(
    private readonly box: SecretBox,
    private readonly allowPrivate: boolean,
    private readonly worker: DeliveryWorker,
    private readonly lane: WebhookDeliveryLane,
  ) {}

  /** The secret is answered here only, in clear; afterwards it cannot be read back. */
  async create(ctx: RequestContext, input: WebhookInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const { merchantId } = ctx.requireMerchant();
    const data = parseInput(endpointSchema, input);
    await this.checkUrl(data.url);
    if ((await ctx.em.count(WebhookEndpoint, {})) >= MAX_ENDPOINTS) {
      throw conflict(`A merchant may register at most ${MAX_ENDPOINTS} webhook endpoints`);
    }
    const secret = newSecret();
    const endpoint = new WebhookEndpoint({ merchant: ctx.em.getReference(Merchant, merchantId), url: data.url, eventTypes: data.eventTypes, secretEnc: this.box.seal(secret) });
    endpoint.description = data.description;
    endpoint.enabled = data.enabled;
    await ctx.em.persist(endpoint).flush();
    return { endpoint, secret };
  }

  async list(ctx: RequestContext, page: PageInput = {}): Promise<PageResult<WebhookEndpoint>> {
    ctx.requireMerchant();
    const p = parseInput(pageSchema, page);
    const [items, total] = await ctx.em.findAndCount(WebhookEndpoint, {}, { orderBy: { id: 'asc' }, limit: p.pageSize, offset: p.pageNo * p.pageSize });
    return { items, total, ...p };
  }

  /** One of the caller's endpoints; another merchant's is "not found". */
  async get(ctx: RequestContext, id: number): Promise<WebhookEndpoint> {
    ctx.requireMerchant();
    const endpointId = parseInput(idSchema, id);
    const endpoint = await ctx.em.findOne(WebhookEndpoint, { id: endpointId });
    if (!endpoint) throw notFound(`Webhook endpoint ${endpointId}`);
    return endpoint;
  }

  async update(ctx: RequestContext, id: number, input: WebhookInput): Promise<WebhookEndpoint> {
    const endpoint = await this.get(ctx, id);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const data = parseInput(endpointSchema, { url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes, enabled: endpoint.enabled, ...given });
    if (data.url !== endpoint.url) await this.checkUrl(data.url);
    Object.assign(endpoint, data);
    await ctx.em.flush();
    return endpoint;
  }

  /** Its queued deliveries go with it. */
  async delete(ctx: RequestContext, id: number): Promise<void> {
    const endpoint = await this.get(ctx, id);
    await ctx.em.remove(endpoint).flush();
  }

  /** The delivery log of one endpoint, newest first. */
  async deliveries(ctx: RequestContext, endpointId: number, filter: { state?: string } = {}, page: PageInput = {}): Promise<PageResult<WebhookDelivery>> {
    const endpoint = await this.get(ctx, endpointId);
    const p = parseInput(pageSchema, page);
    const state = parseInput(stateSchema, filter.state);
    const [items, total] = await ctx.em.findAndCount(
      WebhookDelivery,
      { endpoint, ...(state ? { state } : {}) },
      { orderBy: { id: 'desc' }, limit: p.pageSize, offset: p.pageNo * p.pageSize },
    );
    return { items, total, ...p };
  }

  /**
   * Queues a `webhook.test` event for this endpoint alone and attempts it at once; answers the
   * delivery as that attempt left it (a refused one is retried like any other).
   */
  async testSend(ctx: RequestContext, id: number): Promise<WebhookDelivery> {
    const endpoint = await this.get(ctx, id);
    if (!endpoint.enabled) throw conflict(`Webhook endpoint ${endpoint.id} is disabled; enable it to send a test`);
    const payload = payloadOf(TEST_EVENT_TYPE, { endpoint_id: endpoint.id, message: 'A test event sent from the merchant console' });
    const delivery = new WebhookDelivery({ merchant: endpoint.merchant, endpoint, msgId: newMsgId(), payload });
    // Not yet due for the background workers, so this request makes the first attempt; if it dies first, they do
    // (the same for a redelivery).
    delivery.nextAttemptAt = new Date(Date.now() + FIRST_ATTEMPT_GRACE_MS);
    await ctx.em.persist(delivery).flush();
    return this.attemptNow(ctx, delivery);
  }

  /**
   * A new secret, answered this once. The one it replaces still signs for a day (each request carries a
   * signature per secret), so the receiver can switch to the new one without refusing events meanwhile; at
   * most MAX_REPLACED_SECRETS replaced ones sign at once.
   */
  async rotateSecret(ctx: RequestContext, id: number): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    ctx.requireMerchant();
    const endpointId = parseInput(idSchema, id);
    const secret = newSecret();
    // Under the row's lock: two rotations at once would each keep the secret the other replaced.
    const endpoint = await ctx.em.transactional(async (tx) => {
      const e = await tx.findOne(WebhookEndpoint, { id: endpointId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!e) throw notFound(`Webhook endpoint ${endpointId}`);
      const now = new Date();
      if (!e.rotateSecret(this.box.seal(secret), now)) {
        throw conflict(`Webhook endpoint ${endpointId} was given ${MAX_REPLACED_SECRETS} new secrets in the last 24 hours; the oldest replaced one stops signing at ${e.nextSecretExpiry(now)?.toISOString()}`);
      }
      return e;
    });
    return { endpoint, secret };
  }

  /**
   * Sends a delivered or failed event again (the receiver lost it, or was down past the retries), with its
   * `webhook-id`, and attempts it at once; answers the delivery as that attempt left it.
   */
  async redeliver(ctx: RequestContext, deliveryId: number): Promise<WebhookDelivery> {
    ctx.requireMerchant();
    const id = parseInput(idSchema, deliveryId);
    // Under the row's lock (a worker sending it holds it too): two requests at once queue it once.
    const delivery = await ctx.em.transactional(async (tx) => {
      const d = await tx.findOne(WebhookDelivery, { id }, { populate: ['endpoint'], lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!d) throw notFound(`Webhook delivery ${id}`);
      if (d.state === DeliveryState.PENDING) throw conflict(`Webhook delivery ${id} is still being retried; its next attempt is at ${d.nextAttemptAt.toISOString()}`);
      if (!d.endpoint.enabled) throw conflict(`Webhook endpoint ${d.endpoint.id} is disabled; enable it to redeliver`);
      const now = new Date();
      d.redeliver(now, new Date(now.getTime() + FIRST_ATTEMPT_GRACE_MS));
      return d;
    });
    return this.attemptNow(ctx, delivery);
  }

  /** The first attempt, made within the request; answers the delivery as it left it. */
  private async attemptNow(ctx: RequestContext, delivery: WebhookDelivery): Promise<WebhookDelivery> {
    await this.worker.attemptNow(this.lane, delivery.id);
    await ctx.em.refresh(delivery);
    return delivery;
  }

  private async checkUrl(url: string): Promise<void> {
    const problem = await urlProblem(url, this.allowPrivate);
    if (problem) throw badInput(`url: ${problem}`);
  }
}
