import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PaymentProviderName, PayType, TradeState } from '../../entities/trade/trade-enums.js';

registerEnumType(TradeState, {
  name: 'TradeState',
  description: "The seed's trade states: PENDING=0, PAID=1, CLOSED=2 (unpaid in time), REFUNDED=3, FINISHED=4 (no longer refundable), ABNORMAL=5 (paid after closing; not credited)",
});
registerEnumType(PayType, { name: 'PayType' });
registerEnumType(PaymentProviderName, { name: 'PaymentProvider', description: 'Who handles the trade: a real provider, or the built-in sandbox' });

@ObjectType('Trade', { description: 'An order for a product for one staff (a bill)' })
export class TradeType {
  @Field(() => Int) id!: number;
  @Field() tradeNo!: string;
  @Field(() => PayType) payType!: PayType;
  @Field(() => PaymentProviderName) provider!: PaymentProviderName;
  @Field(() => TradeState) state!: TradeState;
  @Field({ description: "The provider's payment id" }) transactionId!: string;
  @Field() customerEmail!: string;
  @Field() prodNo!: string;
  @Field() prodName!: string;
  @Field() currency!: string;
  @Field(() => Int, { description: 'Days of service the trade buys' }) periodDays!: number;
  @Field() message!: string;
  @Field({ description: 'Where to pay: a QR-code URL (Alipay, WeChat Pay), a Checkout page (Stripe) or the sandbox page' }) payUrl!: string;
  @Field() payer!: string;
  @Field({ description: 'An unpaid trade closes at this time' }) expiresAt!: Date;
  @Field(() => Date, { nullable: true }) paidAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Date, { nullable: true }) refundedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Start of the service period the payment bought (the bill); null until credited' }) periodStart!: Date | null;
  @Field(() => Date, { nullable: true, description: 'End of that period; after a refund it stays as history (the staff loses the days)' }) periodEnd!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  // Resolved by field resolvers:
  merchantId?: number;
  staffId?: number;
  productId?: number | null;
  prodPrice?: string;
  payAmount?: string;
  refundAmount?: string;
  extraData?: unknown;
}

@ObjectType()
export class TradePage {
  @Field(() => [TradeType]) items!: TradeType[];
  @Field(() => Int, { description: 'Matching trades over all pages' }) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType()
export class TradeUpdatedEvent {
  @Field() tradeNo!: string;
  @Field(() => TradeState) state!: TradeState;
  @Field(() => TradeType, { nullable: true }) trade!: TradeType | null;
}

@InputType()
export class TradeFilterInput {
  @Field(() => Int, { nullable: true }) id?: number;
  @Field({ nullable: true }) tradeNo?: string;
  @Field(() => Int, { nullable: true }) staffId?: number;
  @Field(() => Int, { nullable: true, description: 'Admin only; a merchant always sees its own' }) merchantId?: number;
  @Field(() => TradeState, { nullable: true }) state?: TradeState;
  @Field(() => PayType, { nullable: true }) payType?: PayType;
}

@InputType()
export class PayStaffInput {
  @Field(() => Int) staffId!: number;
  @Field(() => Int) productId!: number;
  @Field(() => PayType) payType!: PayType;
}
