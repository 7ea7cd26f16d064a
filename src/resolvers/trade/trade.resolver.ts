import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { DomainEvents } from '../../core/events/event-bus.js';
import { formatAmount } from '../../core/money.js';
import type { Staff } from '../../entities/staff/staff.entity.js';
import type { Trade } from '../../entities/trade/trade.entity.js';
import { Cost, Weight } from '../../graphql/cost.js';
import type { GqlContext } from '../../graphql/context.js';
import { untilAccessChanges } from '../../graphql/subscription-guard.js';
import type { Services } from '../../services/index.js';
import { tradeViewer } from '../../services/trade/trade.service.js';
import { Role } from '../shared/enums.js';
import { PageInput } from '../shared/page.types.js';
import { PublicStaffType } from '../staff/staff.types.js';
import { PayStaffInput, TradeFilterInput, TradePage, TradeType, TradeUpdatedEvent } from './trade.types.js';

type TradeUpdated = DomainEvents['TRADE_UPDATED'][0];

@Resolver(() => TradeType)
export class TradeResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT, Role.ADMIN)
  @Query(() => TradePage, { description: "A merchant's own trades, or every trade for the admin; newest first" })
  async trades(
    @Ctx() { ctx }: GqlContext,
    @Arg('filter', () => TradeFilterInput, { nullable: true }) filter?: TradeFilterInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<TradePage> {
    return this.s.trades.list(ctx, filter ?? {}, page ?? {});
  }

  @Authorized(Role.MERCHANT, Role.ADMIN)
  @Query(() => TradeType)
  async trade(@Arg('tradeNo') tradeNo: string, @Ctx() { ctx }: GqlContext): Promise<Trade> {
    return this.s.trades.get(ctx, tradeNo);
  }

  @Authorized(Role.MERCHANT)
  @Weight(Cost.heavyMutation)
  @Mutation(() => TradeType, { description: 'Orders a product for one of your staff; pay at payUrl. The staff is extended once the payment is confirmed' })
  async payStaff(@Arg('input') input: PayStaffInput, @Ctx() { ctx }: GqlContext): Promise<Trade> {
    return this.s.trades.pay(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Weight(Cost.heavyMutation)
  @Mutation(() => TradeType, { description: "Refunds a paid (or flagged) trade in full through its provider and takes back the staff's days" })
  async refundTrade(
    @Arg('tradeNo') tradeNo: string,
    @Ctx() { ctx }: GqlContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ): Promise<Trade> {
    return this.s.trades.refund(ctx, tradeNo, reason ?? undefined);
  }

  @Subscription(() => TradeUpdatedEvent, {
    description: "Every change to the caller's trades (all trades for the admin), optionally one trade",
    subscribe: ({ context, args }) => {
      const { ctx, bus } = context as GqlContext;
      const { merchant } = tradeViewer(ctx);
      return untilAccessChanges(
        ctx,
        bus,
        bus.where('TRADE_UPDATED', (e) => (merchant === undefined || e.merchantId === merchant) && (!args.tradeNo || e.tradeNo === args.tradeNo)),
      );
    },
  })
  async tradeUpdated(
    @Root() event: TradeUpdated,
    @Ctx() { ctx }: GqlContext,
    @Arg('tradeNo', () => String, { nullable: true }) _tradeNo?: string,
  ): Promise<TradeUpdatedEvent> {
    const trade = await this.s.trades.loadForEvent(ctx.refreshForEvent(), event.tradeId);
    return { tradeNo: event.tradeNo, state: event.state, trade };
  }

  @FieldResolver(() => Int)
  merchantId(@Root() t: Trade): number {
    return t.merchant.id;
  }

  @FieldResolver(() => Int)
  staffId(@Root() t: Trade): number {
    return t.staff.id;
  }

  @FieldResolver(() => Int, { nullable: true })
  productId(@Root() t: Trade): number | null {
    return t.product?.id ?? null;
  }

  @FieldResolver(() => PublicStaffType, { nullable: true, description: 'The staff paid for (never its keys)' })
  async staff(@Root() t: Trade, @Ctx() { ctx }: GqlContext): Promise<Staff | null> {
    return ctx.loaders.staff.load(t.staff.id);
  }

  @FieldResolver(() => String, { description: 'Product price when ordered, exact decimal, e.g. "199.00"' })
  prodPrice(@Root() t: Trade): string {
    return formatAmount(t.prodPriceMinor, t.currency);
  }

  @FieldResolver(() => String)
  payAmount(@Root() t: Trade): string {
    return formatAmount(t.payAmountMinor, t.currency);
  }

  @FieldResolver(() => String)
  refundAmount(@Root() t: Trade): string {
    return formatAmount(t.refundAmountMinor, t.currency);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Provider details as JSON text' })
  extraData(@Root() t: Trade): string | null {
    return t.extraData ? JSON.stringify(t.extraData) : null;
  }
}
