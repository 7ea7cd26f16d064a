import { BigIntType, Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { conflict } from '../../core/errors.js';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';
import { Product } from '../product/product.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { PaymentProviderName, PayType, TradeState } from './trade-enums.js';

type Defaulted =
  | 'state'
  | 'refundAmountMinor'
  | 'transactionId'
  | 'providerRef'
  | 'payUrl'
  | 'payer'
  | 'extraData'
  | 'message'
  | 'paidAt'
  | 'closedAt'
  | 'refundedAt'
  | 'refundNo'
  | 'creditedDays';

/**
 * One order for a product bought for one staff (the seed's trade / billing
 * row). The product is copied in at creation, so later edits to the product
 * never change what was sold. Amounts are integer minor units.
 */
@Entity({ tableName: 'trade' })
@Index({ properties: ['merchant', 'createdAt'] })
@Index({ properties: ['staff'] })
export class Trade extends BaseEntity<Defaulted> {
  @Property({ type: 'string', length: 32 })
  @Unique()
  tradeNo: string;

  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @ManyToOne(() => Staff, { deleteRule: 'cascade' })
  staff: Rel<Staff>;

  @ManyToOne(() => Product, { nullable: true, deleteRule: 'set null' })
  product: Rel<Product> | null;

  @Enum({ items: () => PayType, type: 'string' })
  payType: PayType;

  /** The sandbox or the real provider that took the order; a notification is accepted only from this one. */
  @Enum({ items: () => PaymentProviderName, type: 'string' })
  provider: PaymentProviderName;

  @Property({ type: 'string', length: 32 })
  prodNo: string;

  @Property({ type: 'string', length: 100 })
  prodName: string;

  @Property({ type: new BigIntType('number') })
  prodPriceMinor: number;

  @Property({ type: 'string', length: 3 })
  currency: string;

  /** Days of service this trade buys (the product's expiring_days when ordered). */
  @Property({ type: 'integer' })
  periodDays: number;

  @Property({ type: new BigIntType('number') })
  payAmountMinor: number;

  @Property({ type: new BigIntType('number'), default: 0 })
  refundAmountMinor = 0;

  @Enum({ items: () => TradeState, type: 'integer', default: TradeState.PENDING })
  state: TradeState = TradeState.PENDING;

  /** The provider's id of the payment (Alipay trade_no, WeChat transaction_id, Stripe PaymentIntent). */
  @Property({ type: 'string', length: 128, default: '' })
  transactionId = '';

  /** The provider's id of the order before payment (the Stripe Checkout Session). */
  @Property({ type: 'string', length: 255, default: '' })
  providerRef = '';

  @Property({ type: 'string', length: 254 })
  customerEmail: string;

  @Property({ type: 'text', default: '' })
  payUrl = '';

  @Property({ type: 'string', length: 255, default: '' })
  payer = '';

  @Property({ type: 'json', nullable: true })
  extraData: Record<string, unknown> | null = null;

  /** The seed's human-readable trade status ("Success", why it closed, …). */
  @Property({ type: 'string', length: 255, default: '' })
  message = '';

  /** An unpaid trade closes at this time. */
  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  refundedAt: Date | null = null;

  @Property({ type: 'string', length: 64, default: '' })
  refundNo = '';

  /** Days actually added to the staff's expiry; a refund takes back exactly these. */
  @Property({ type: 'integer', default: 0 })
  creditedDays = 0;

  /** The service period the payment bought (the bill), set when it is credited; kept after a refund as history. */
  @Property({ type: 'datetime', nullable: true })
  periodStart: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  periodEnd: Date | null = null;

  constructor(init: {
    tradeNo: string;
    merchant: Merchant;
    staff: Staff;
    product: Product;
    payType: PayType;
    provider: PaymentProviderName;
    customerEmail: string;
    expiresAt: Date;
  }) {
    super();
    this.tradeNo = init.tradeNo;
    this.merchant = init.merchant;
    this.staff = init.staff;
    this.product = init.product;
    this.payType = init.payType;
    this.provider = init.provider;
    this.prodNo = init.product.serialNo;
    this.prodName = init.product.name;
    this.prodPriceMinor = init.product.priceMinor;
    this.currency = init.product.currency;
    this.periodDays = init.product.expiringDays;
    this.payAmountMinor = init.product.priceMinor;
    this.customerEmail = init.customerEmail;
    this.expiresAt = init.expiresAt;
    this.message = 'Waiting for payment';
  }

  get isCredited(): boolean {
    return this.state === TradeState.PAID || this.state === TradeState.FINISHED;
  }

  markPaid(p: { transactionId: string; payer: string; at: Date; creditedDays: number; period: { start: Date; end: Date }; finished: boolean }): void {
    this.expect([TradeState.PENDING], 'be paid');
    this.state = p.finished ? TradeState.FINISHED : TradeState.PAID;
    this.transactionId = p.transactionId;
    this.payer = p.payer;
    this.paidAt = p.at;
    this.creditedDays = p.creditedDays;
    this.periodStart = p.period.start;
    this.periodEnd = p.period.end;
    this.message = 'Success';
  }

  /** A payment for a trade that had already closed: recorded for the admin, never credited. */
  markAbnormal(p: { transactionId: string; payer: string; at: Date; reason: string }): void {
    this.expect([TradeState.CLOSED], 'record a late payment');
    this.state = TradeState.ABNORMAL;
    this.transactionId = p.transactionId;
    this.payer = p.payer;
    this.paidAt = p.at;
    this.message = p.reason.slice(0, 255);
  }

  close(at: Date, reason: string): void {
    this.expect([TradeState.PENDING], 'close');
    this.state = TradeState.CLOSED;
    this.closedAt = at;
    this.message = reason.slice(0, 255);
  }

  /** The provider says the paid trade can no longer be refunded. */
  finish(): void {
    this.expect([TradeState.PAID], 'finish');
    this.state = TradeState.FINISHED;
  }

  refund(p: { refundNo: string; at: Date; reason: string }): void {
    this.expect([TradeState.PAID, TradeState.ABNORMAL], 'be refunded');
    this.state = TradeState.REFUNDED;
    this.refundNo = p.refundNo;
    this.refundAmountMinor = this.payAmountMinor;
    this.refundedAt = p.at;
    this.message = p.reason.slice(0, 255);
  }

  private expect(states: TradeState[], action: string): void {
    if (!states.includes(this.state)) {
      throw conflict(`Trade ${this.tradeNo} is ${TradeState[this.state]?.toLowerCase()} and cannot ${action}`);
    }
  }
}
