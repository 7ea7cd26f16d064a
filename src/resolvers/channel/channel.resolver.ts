import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import type { ChannelDeliveryEvent } from '../../core/events/event-bus.js';
import type { Channel } from '../../entities/channel/channel.entity.js';
import { DeliveryState, OutboundDelivery } from '../../entities/channel/outbound-delivery.entity.js';
import type { Message } from '../../entities/session/message.entity.js';
import { Cost, Weight } from '../../graphql/cost.js';
import type { GqlContext } from '../../graphql/context.js';
import { untilAccessChanges } from '../../graphql/subscription-guard.js';
import type { Services } from '../../services/index.js';
import { MessageObject } from '../session/session.types.js';
import { Role } from '../shared/enums.js';
import { PageInput } from '../shared/page.types.js';
import { ChannelCreateInput, ChannelDeliveryObject, ChannelDeliveryStateObject, ChannelObject, ChannelPage, ChannelUpdateInput } from './channel.types.js';

function present(s: Services, c: Channel): ChannelObject {
  const v = s.channels.view(c);
  return {
    id: c.id,
    staffId: c.staff.id,
    channelType: c.channelType,
    accountId: c.accountId,
    outboundUrl: c.outboundUrl,
    corpId: c.corpId,
    agentId: c.agentId,
    secret: v.secret,
    token: v.token,
    encodingAesKey: v.encodingAesKey,
    appSecret: v.appSecret,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function presentDelivery(d: OutboundDelivery): ChannelDeliveryObject {
  return {
    id: d.id,
    sessionId: d.session.id,
    messageId: d.message?.id ?? null,
    msgId: d.msgId,
    replyTo: d.replyTo,
    state: d.state,
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: d.state === DeliveryState.PENDING ? d.nextAttemptAt : null,
    deliveredAt: d.deliveredAt,
    createdAt: d.createdAt,
  };
}

@Resolver(() => ChannelObject)
export class ChannelResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT)
  @Query(() => ChannelPage, { description: "The merchant's channels" })
  async channels(
    @Ctx() { ctx }: GqlContext,
    @Arg('staffId', () => Int, { nullable: true }) staffId?: number,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<ChannelPage> {
    const result = await this.s.channels.list(ctx, { staffId: staffId ?? undefined }, page ?? {});
    return { ...result, items: result.items.map((c) => present(this.s, c)) };
  }

  // Three reads of the outbox per channel.
  @Weight(Cost.rootQuery)
  @FieldResolver(() => ChannelDeliveryStateObject, { description: 'How its replies stand: being retried, given up, the newest' })
  async deliveryState(@Root() c: ChannelObject, @Ctx() { ctx }: GqlContext): Promise<ChannelDeliveryStateObject> {
    const { pending, failed, latest } = await this.s.outbox.stateOfChannel(ctx, c.staffId, c.channelType);
    return { pending, failed, latest: latest ? presentDelivery(latest) : null };
  }

  @Authorized(Role.MERCHANT)
  @Query(() => ChannelObject)
  async channel(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<ChannelObject> {
    return present(this.s, await this.s.channels.get(ctx, id));
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => ChannelObject)
  async createChannel(@Arg('input') input: ChannelCreateInput, @Ctx() { ctx }: GqlContext): Promise<ChannelObject> {
    return present(this.s, await this.s.channels.create(ctx, input));
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => ChannelObject)
  async updateChannel(@Arg('id', () => Int) id: number, @Arg('input') input: ChannelUpdateInput, @Ctx() { ctx }: GqlContext): Promise<ChannelObject> {
    return present(this.s, await this.s.channels.update(ctx, id, input));
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => Boolean, { description: 'Stops its callbacks and replies; replies still queued fail' })
  async deleteChannel(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<boolean> {
    await this.s.channels.delete(ctx, id);
    return true;
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Query(() => [ChannelDeliveryObject], { description: "A channel session's replies and their delivery, oldest first" })
  async channelDeliveries(@Arg('sessionId', () => Int) sessionId: number, @Ctx() { ctx }: GqlContext): Promise<ChannelDeliveryObject[]> {
    return (await this.s.outbox.ofSession(ctx, this.s.sessions, sessionId)).map(presentDelivery);
  }

  @Subscription(() => ChannelDeliveryObject, {
    description: 'Each delivery attempt of replies to channels (of one session, or every session the caller may see)',
    subscribe: async ({ args, context }) => {
      const { ctx, bus, services } = context as GqlContext;
      const actor = ctx.requireTenant();
      const sessionId = (args.sessionId as number | null | undefined) ?? null;
      if (sessionId !== null) await services.sessions.get(ctx, sessionId);
      const staffIds = actor.kind === 'agent' ? new Set(await services.sessions.staffIdsOfCaller(ctx)) : null;
      return untilAccessChanges(
        ctx,
        bus,
        bus.where('CHANNEL_DELIVERY', (e) => e.merchantId === actor.merchantId && (!staffIds || staffIds.has(e.staffId)) && (sessionId === null || e.sessionId === sessionId)),
      );
    },
  })
  async channelDeliveryChanged(
    @Root() e: ChannelDeliveryEvent,
    @Ctx() { ctx }: GqlContext,
    @Arg('sessionId', () => Int, { nullable: true }) _sessionId?: number,
  ): Promise<ChannelDeliveryObject> {
    return presentDelivery(await this.s.outbox.forEvent(ctx.refreshForEvent(), e.deliveryId));
  }
}

const deliveryLoaders = new WeakMap<RequestContext, DataLoader<number, OutboundDelivery | null>>();

@Resolver(() => MessageObject)
export class MessageDeliveryResolver {
  constructor(private readonly s: Services) {}

  @FieldResolver(() => ChannelDeliveryObject, { nullable: true, description: 'For agent and AI messages of channel sessions: how their delivery stands' })
  async delivery(@Root() m: Pick<Message, 'id'>, @Ctx() { ctx }: GqlContext): Promise<ChannelDeliveryObject | null> {
    let loader = deliveryLoaders.get(ctx);
    if (!loader) {
      const { merchantId } = ctx.requireTenant();
      loader = new DataLoader(async (ids) => {
        const map = await this.s.outbox.ofMessages(ctx.em, merchantId, ids);
        return ids.map((id) => map.get(id) ?? null);
      });
      deliveryLoaders.set(ctx, loader);
    }
    const d = await loader.load(m.id);
    return d ? presentDelivery(d) : null;
  }
}
