import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { DeliveryState } from '../../entities/delivery/delivery-record.js';
import type { WebhookDelivery } from '../../entities/webhook/webhook-delivery.entity.js';
import type { WebhookEndpoint } from '../../entities/webhook/webhook-endpoint.entity.js';
import type { GqlContext } from '../../graphql/context.js';
import type { Services } from '../../services/index.js';
import { WEBHOOK_EVENT_TYPES } from '../../services/webhook/webhook-events.js';
import { Role } from '../shared/enums.js';
import { PageInput } from '../shared/page.types.js';
import {
  WebhookDeliveryObject,
  WebhookDeliveryPage,
  WebhookEndpointCreateInput,
  WebhookEndpointCreated,
  WebhookEndpointObject,
  WebhookEndpointPage,
  WebhookEndpointUpdateInput,
} from './webhook.types.js';

const present = (e: WebhookEndpoint): WebhookEndpointObject => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

const presentDelivery = (d: WebhookDelivery): WebhookDeliveryObject => ({
  id: d.id,
  endpointId: d.endpoint.id,
  msgId: d.msgId,
  eventType: d.eventType,
  payload: JSON.stringify(d.payload),
  state: d.state,
  attempts: d.attempts,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  nextAttemptAt: d.state === DeliveryState.PENDING ? d.nextAttemptAt : null,
  deliveredAt: d.deliveredAt,
  createdAt: d.createdAt,
});

@Resolver()
export class WebhookResolver {
  constructor(private readonly s: Services) {}

  @Query(() => [String], { description: 'The event types an endpoint can subscribe to' })
  webhookEventTypes(): string[] {
    return [...WEBHOOK_EVENT_TYPES];
  }

  @Authorized(Role.MERCHANT)
  @Query(() => WebhookEndpointPage, { description: "The merchant's webhook endpoints" })
  async webhookEndpoints(@Ctx() { ctx }: GqlContext, @Arg('page', () => PageInput, { nullable: true }) page?: PageInput): Promise<WebhookEndpointPage> {
    const result = await this.s.webhooks.list(ctx, page ?? {});
    return { ...result, items: result.items.map(present) };
  }

  @Authorized(Role.MERCHANT)
  @Query(() => WebhookEndpointObject)
  async webhookEndpoint(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<WebhookEndpointObject> {
    return present(await this.s.webhooks.get(ctx, id));
  }

  @Authorized(Role.MERCHANT)
  @Query(() => WebhookDeliveryPage, { description: "An endpoint's delivery log, newest first" })
  async webhookDeliveries(
    @Ctx() { ctx }: GqlContext,
    @Arg('endpointId', () => Int) endpointId: number,
    @Arg('state', () => DeliveryState, { nullable: true }) state?: DeliveryState,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<WebhookDeliveryPage> {
    const result = await this.s.webhooks.deliveries(ctx, endpointId, { state: state ?? undefined }, page ?? {});
    return { ...result, items: result.items.map(presentDelivery) };
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => WebhookEndpointCreated, { description: 'Registers an endpoint; the answer holds its secret, shown this once' })
  async createWebhookEndpoint(@Arg('input') input: WebhookEndpointCreateInput, @Ctx() { ctx }: GqlContext): Promise<WebhookEndpointCreated> {
    const { endpoint, secret } = await this.s.webhooks.create(ctx, input);
    return { endpoint: present(endpoint), secret };
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => WebhookEndpointObject)
  async updateWebhookEndpoint(@Arg('id', () => Int) id: number, @Arg('input') input: WebhookEndpointUpdateInput, @Ctx() { ctx }: GqlContext): Promise<WebhookEndpointObject> {
    return present(await this.s.webhooks.update(ctx, id, input));
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => Boolean, { description: 'Deletes the endpoint and its delivery log' })
  async deleteWebhookEndpoint(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<boolean> {
    await this.s.webhooks.delete(ctx, id);
    return true;
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => WebhookEndpointCreated, { description: 'Gives the endpoint a new secret, answered this once; the old one also signs for 24 hours' })
  async rotateWebhookSecret(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<WebhookEndpointCreated> {
    const { endpoint, secret } = await this.s.webhooks.rotateSecret(ctx, id);
    return { endpoint: present(endpoint), secret };
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => WebhookDeliveryObject, { description: 'Sends a delivered or failed event again, with its webhook-id; answers the delivery after the first attempt' })
  async redeliverWebhook(@Arg('deliveryId', () => Int) deliveryId: number, @Ctx() { ctx }: GqlContext): Promise<WebhookDeliveryObject> {
    return presentDelivery(await this.s.webhooks.redeliver(ctx, deliveryId));
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => WebhookDeliveryObject, { description: 'Sends a webhook.test event to the endpoint now; answers the delivery after that attempt' })
  async testWebhookEndpoint(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<WebhookDeliveryObject> {
    return presentDelivery(await this.s.webhooks.testSend(ctx, id));
  }
}
