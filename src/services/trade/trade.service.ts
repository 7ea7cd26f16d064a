import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { badInput, conflict, notFound } from '../../core/errors.js';
import { StaffChangeKind, type EventBus } from '../../core/events/event-bus.js';
import type { JobQueue } from '../../core/jobs/job-queue.js';
import type { Logger } from '../../core/logger.js';
import { pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { parseInput, type LooseInput } from '../../core/validation.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import { Product, ProductState } from '../../entities/product/product.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import { PaymentProviderName, PayType, TradeState } from '../../entities/trade/trade-enums.js';
import { paidPeriod, shortenExpiry } from '../../entities/trade/trade-period.js';
import { Trade } from '../../entities/trade/trade.entity.js';
import {
  NotificationRejected,
  type NotificationAck,
  type NotificationRequest,
  type PaymentNotice,
  type ProviderTradeRef,
} from '../payment/payment-provider.js';
import type { PaymentProviders } from '../payment/payment-providers.js';
import { tradeData } from '../webhook/webhook-events.js';
import type { WebhookOutbox } from '../webhook/webhook-outbox.js';
import { newTradeNo } from './trade-no.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

/** Trades are seen by their merchant and by the admin; anyone else is refused. */
export function tradeViewer(ctx: RequestContext): { merchant?: number } {
  if (ctx.requireAuthenticated().kind === 'admin') return {};
  return { merchant: ctx.requireMerchant().merchantId };
}

/** Durable job that closes a trade still unpaid at its deadline. */
export const CLOSE_UNPAID_JOB = 'trade-close-unpaid';
/** Tries at closing an order the provider would not close, before the trade closes locally anyway. */
const CLOSE_RETRIES = 3;

const id = (field: string) =>
  z.number({ message: `${field} is required` }).int(`${field} must be a whole number`).positive(`${field} must be positive`);
const tradeNoSchema = z.string({ message: 'trade_no is required' }).trim().min(1, 'trade_no is required').max(64, 'trade_no is too long');

const paySchema = z.object({
  staffId: id('id'),
  productId: id('production_id'),
  payType: z.enum(PayType, 'pay_type must be wxpay, alipay or stripe'),
});
const filterSchema = z.object({
  id: z.number().int().positive().optional(),
  tradeNo: z.string().trim().max(64).optional(),
  staffId: z.number().int().positive().optional(),
  merchantId: z.number().int().positive().optional(),
  state: z.enum(TradeState, 'state must be 0 to 5').optional(),
  payType: z.enum(PayType, 'pay_type must be wxpay, alipay or stripe').optional(),
});
const refundSchema = z.object({ tradeNo: tradeNoSchema, reason: z.string().trim().max(200).optional() });

export type PayInput = LooseInput<z.input<typeof paySchema>>;
export type TradeFilter = LooseInput<z.input<typeof filterSchema>>;

/** What a notification or the sandbox reports as paid. */
interface Payment {
  transactionId: string;
  amountMinor: number;
  currency: string;
  payer: string;
  finished: boolean;
}

type Change = { trade: Trade; changed: boolean; staffChanged: boolean };

/**
 * Trades: ordering a product for a staff, confirming payments from providers
 * (idempotently, under a row lock), closing unpaid trades, and refunds.
 */
export class TradeService {
  constructor(
    private readonly orm: MikroORM,
    readonly providers: PaymentProviders,
    private readonly bus: EventBus,
    private readonly jobs: JobQueue,
    private readonly log: Logger,
    private readonly opts: { publicUrl: string; timezone: string; timeoutSeconds: number; closeRetrySeconds: number },
    /** Paid and refunded trades are reported to the merchant's webhooks in the transaction that records them. */
    private readonly webhooks: WebhookOutbox,
  ) {
    jobs.register<{ tradeNo: string; attempt?: number }>(CLOSE_UNPAID_JOB, (data) => this.closeUnpaid(data.tradeNo, data.attempt ?? 0));
    log.info({ providers: providers.summary(), sandbox: providers.sandboxEnabled }, 'payment providers by pay_type');
  }

  /** Opens a trade for one of the caller's staff and a product on sale, and the provider's order for it. */
  async pay(ctx: RequestContext, input: PayInput): Promise<Trade> {
    const actor = ctx.requireMerchant();
    const data = parseInput(paySchema, input);
    const staff = await ctx.em.findOne(Staff, { id: data.staffId, isDeleted: false });
    if (!staff) throw notFound(`Staff ${data.staffId}`);
    const product = await ctx.em.findOne(Product, { id: data.productId, isDeleted: false, state: ProductState.ON_SALE });
    if (!product) throw notFound(`Product ${data.productId}`);
    if (product.priceMinor <= 0) throw badInput('production_id: a product without a price cannot be paid for');
    const provider = this.providers.forPayType(data.payType);
    if (!provider) throw badInput(`pay_type: ${data.payType} is not available on this server`);
    if (provider.currencies && !provider.currencies.includes(product.currency)) {
      throw badInput(`pay_type: ${data.payType} takes ${provider.currencies.join(', ')} only; this product is priced in ${product.currency}`);
    }
    const merchant = await ctx.em.findOneOrFail(Merchant, actor.merchantId);
    const now = new Date();
    const trade = new Trade({
      tradeNo: newTradeNo(now, this.opts.timezone),
      merchant,
      staff,
      product,
      payType: data.payType,
      provider: provider.name,
      customerEmail: merchant.email,
      expiresAt: new Date(now.getTime() + this.opts.timeoutSeconds * 1000),
    });
    // The trade and the job that closes it are one transaction, committed before the provider is asked:
    // no crash leaves a trade open forever (and the maintenance sweep closes any that still slip through).
    await ctx.em.transactional(async (tx) => {
      await tx.persist(trade).flush();
      const job = await this.jobs.send(CLOSE_UNPAID_JOB, { tradeNo: trade.tradeNo }, { startAfter: trade.expiresAt, singletonKey: trade.tradeNo, within: tx });
      if (!job) throw new Error(`the close job of trade ${trade.tradeNo} was not queued`);
    });
    try {
      const order = await provider.createOrder({
        tradeNo: trade.tradeNo,
        subject: trade.prodName,
        amountMinor: trade.payAmountMinor,
        currency: trade.currency,
        expiresAt: trade.expiresAt,
        customerEmail: trade.customerEmail,
        notifyUrl: `${this.opts.publicUrl}/api/v1/pay/notify/${provider.name}`,
        returnUrl: `${this.opts.publicUrl}/pay/return/${trade.tradeNo}`,
      });
      trade.payUrl = order.payUrl;
      trade.providerRef = order.providerRef ?? '';
      await ctx.em.flush();
    } catch (err) {
      this.log.warn({ err, tradeNo: trade.tradeNo, provider: provider.name }, 'provider refused to open an order');
      trade.close(new Date(), `Provider could not open the order: ${(err as Error).message}`);
      await ctx.em.flush();
      this.publishTrade(trade);
      throw err;
    }
    this.publishTrade(trade);
    return trade;
  }

  /** A trade of the caller's merchant (any trade for the admin); another tenant's is "not found". */
  async get(ctx: RequestContext, tradeNo: string): Promise<Trade> {
    const tenant = tradeViewer(ctx);
    const no = parseInput(tradeNoSchema, tradeNo);
    const where: FilterQuery<Trade> = { tradeNo: no, ...tenant };
    const trade = await ctx.em.findOne(Trade, where);
    if (!trade) throw notFound(`Trade ${no}`);
    return trade;
  }

  /** The merchant's bills, or every trade for the admin; newest first. */
  async list(ctx: RequestContext, filter: TradeFilter = {}, page: PageInput = {}): Promise<PageResult<Trade>> {
    const tenant = tradeViewer(ctx);
    const f = parseInput(filterSchema, filter);
    const p = parseInput(pageSchema, page);
    const where: FilterQuery<Trade> = { ...tenant };
    if (!tenant.merchant && f.merchantId) where.merchant = f.merchantId;
    if (f.id) where.id = f.id;
    if (f.tradeNo) where.tradeNo = f.tradeNo;
    if (f.staffId) where.staff = f.staffId;
    if (f.state !== undefined) where.state = f.state;
    if (f.payType) where.payType = f.payType;
    const [items, total] = await ctx.em.findAndCount(Trade, where, {
      orderBy: { id: 'desc' },
      limit: p.pageSize,
      offset: p.pageNo * p.pageSize,
    });
    return { items, total, ...p };
  }

  /**
   * Admin refund, in full, through the provider that took the payment. The row
   * stays locked across the provider call so two refunds cannot both pass; the
   * refund number is fixed per trade, so a retried call is the same refund.
   */
  async refund(ctx: RequestContext, tradeNo: string, reason?: string): Promise<Trade> {
    ctx.requireAdmin();
    const data = parseInput(refundSchema, { tradeNo, reason });
    const result = await ctx.em.transactional(async (tx): Promise<Change> => {
      const trade = await this.lockTrade(tx, data.tradeNo);
      if (!trade) throw notFound(`Trade ${data.tradeNo}`);
      if (trade.state !== TradeState.PAID && trade.state !== TradeState.ABNORMAL) {
        throw conflict(`Trade ${trade.tradeNo} is ${TradeState[trade.state]!.toLowerCase()}: only paid (1) or flagged (5) trades can be refunded`);
      }
      const provider = this.providers.byName(trade.provider);
      if (!provider) throw conflict(`Trade ${trade.tradeNo} was paid through ${trade.provider}, which is not configured any more`);
      const refundNo = `RF${trade.tradeNo.replace(/^NO/, '')}`.slice(0, 64);
      const { refundId } = await provider.refund({
        ...this.ref(trade),
        refundNo,
        refundMinor: trade.payAmountMinor,
        reason: data.reason || 'Refund',
      });
      let staffChanged = false;
      if (trade.state === TradeState.PAID && trade.creditedDays > 0) {
        const staff = await this.lockStaff(tx, trade.staff.id);
        staff.expiringTime = shortenExpiry(staff.expiringTime, trade.creditedDays);
        staffChanged = true;
      }
      trade.refund({ refundNo, at: new Date(), reason: data.reason ? `Refunded: ${data.reason}` : 'Refunded' });
      trade.extraData = { ...(trade.extraData ?? {}), refund_id: refundId };
      await this.webhooks.enqueue(tx, trade.merchant.id, 'trade.refunded', tradeData(trade));
      return { trade, changed: true, staffChanged };
    });
    this.publish(result);
    return result.trade;
  }

  /**
   * A provider's notification: verified by the provider, then applied. Answers
   * in the provider's own terms; nothing is changed unless everything checks out.
   */
  async receiveNotification(providerName: string, req: NotificationRequest): Promise<NotificationAck | undefined> {
    const provider = Object.values(PaymentProviderName).includes(providerName as PaymentProviderName)
      ? this.providers.byName(providerName as PaymentProviderName)
      : undefined;
    if (!provider?.parseNotification || !provider.acknowledge) return undefined;
    try {
      const notice = await provider.parseNotification(req);
      const message = await this.applyNotice(provider.name, notice);
      return provider.acknowledge('ok', message);
    } catch (err) {
      if (!(err instanceof NotificationRejected)) throw err;
      this.log.warn({ provider: provider.name, reason: err.reason }, 'payment notification rejected');
      return { ...provider.acknowledge('rejected', err.reason), status: err.status };
    }
  }

  /** The sandbox page's POST: pays a pending sandbox trade; paying it again changes nothing. */
  async sandboxPay(tradeNo: string): Promise<Trade> {
    const no = parseInput(tradeNoSchema, tradeNo);
    if (!this.providers.sandboxEnabled) throw notFound(`Sandbox trade ${no}`);
    const result = await crossTenantEm(this.orm).transactional(async (tx): Promise<Change> => {
      const trade = await this.lockTrade(tx, no);
      if (!trade || trade.provider !== PaymentProviderName.SANDBOX) throw notFound(`Sandbox trade ${no}`);
      if (trade.state !== TradeState.PENDING && !trade.isCredited) {
        // A real checkout stops taking money once its order is closed; so does the sandbox.
        throw conflict(`Trade ${no} is ${TradeState[trade.state]!.toLowerCase()} and can no longer be paid`);
      }
      return this.applyPayment(tx, trade, {
        transactionId: this.providers.sandbox.newTransactionId(),
        amountMinor: trade.payAmountMinor,
        currency: trade.currency,
        payer: 'sandbox',
        finished: false,
      });
    });
    this.publish(result);
    return result.trade;
  }

  /** A sandbox trade for its page; any other trade number is "not found". */
  async sandboxTrade(tradeNo: string): Promise<Trade> {
    const no = parseInput(tradeNoSchema, tradeNo);
    if (!this.providers.sandboxEnabled) throw notFound(`Sandbox trade ${no}`);
    const trade = await crossTenantEm(this.orm).findOne(Trade, { tradeNo: no, provider: PaymentProviderName.SANDBOX });
    if (!trade) throw notFound(`Sandbox trade ${no}`);
    return trade;
  }

  /** The page a payer's browser returns to: the trade's state, nothing private. */
  async publicStatus(tradeNo: string): Promise<Pick<Trade, 'tradeNo' | 'state' | 'message' | 'prodName'>> {
    const no = parseInput(tradeNoSchema, tradeNo);
    const trade = await crossTenantEm(this.orm).findOne(Trade, { tradeNo: no });
    if (!trade) throw notFound(`Trade ${no}`);
    return { tradeNo: trade.tradeNo, state: trade.state, message: trade.message, prodName: trade.prodName };
  }

  /** Job handler: closes a trade still unpaid at its deadline (state 2). */
  async closeUnpaid(tradeNo: string, attempt = 0): Promise<void> {
    const em = crossTenantEm(this.orm);
    const trade = await em.findOne(Trade, { tradeNo });
    if (!trade || trade.state !== TradeState.PENDING) return;
    if (trade.expiresAt.getTime() > Date.now()) {
      await this.jobs.send(CLOSE_UNPAID_JOB, { tradeNo }, { startAfter: trade.expiresAt });
      return;
    }
    // Ask the provider to stop taking money first. A provider refuses to close an order that was just
    // paid, so a refusal is retried later (the payment's notification credits it meanwhile); only after
    // the last try does the trade close regardless, and a payment after that is flagged (state 5).
    try {
      await this.providers.byName(trade.provider)?.close(this.ref(trade));
    } catch (err) {
      this.log.warn({ err, tradeNo, provider: trade.provider, attempt }, 'provider could not close the order');
      if (attempt < CLOSE_RETRIES) {
        const delay = this.opts.closeRetrySeconds * 2 ** attempt;
        await this.jobs.send(CLOSE_UNPAID_JOB, { tradeNo, attempt: attempt + 1 }, { startAfter: new Date(Date.now() + delay * 1000) });
        return;
      }
    }
    const result = await em.transactional(async (tx): Promise<Change> => {
      const locked = await this.lockTrade(tx, tradeNo);
      if (!locked || locked.state !== TradeState.PENDING) return { trade: locked ?? trade, changed: false, staffChanged: false };
      locked.close(new Date(), 'Closed: not paid in time');
      return { trade: locked, changed: true, staffChanged: false };
    });
    this.publish(result);
  }

  /**
   * The maintenance sweep's net under the per-trade jobs: a trade still unpaid well after its deadline and every
   * retry its job would make (its job was lost: a crash between saving the trade and queueing the job) is closed
   * now, asking the provider once more. Answers how many were closed or retried.
   */
  async closeOverdue(limit = 100): Promise<number> {
    const horizonMs = this.opts.closeRetrySeconds * 2 ** CLOSE_RETRIES * 1000;
    const overdue = await crossTenantEm(this.orm)
      .find(Trade, { state: TradeState.PENDING, expiresAt: { $lt: new Date(Date.now() - horizonMs) } }, { fields: ['tradeNo'], orderBy: { id: 'asc' }, limit });
    for (const t of overdue) await this.closeUnpaid(t.tradeNo, CLOSE_RETRIES);
    return overdue.length;
  }

  /** Loads a trade for a subscription event, fresh from the database, within the caller's view. */
  async loadForEvent(ctx: RequestContext, tradeId: number): Promise<Trade | null> {
    return ctx.em.fork().findOne(Trade, { id: tradeId, ...tradeViewer(ctx) });
  }

  private async applyNotice(provider: PaymentProviderName, notice: PaymentNotice): Promise<string> {
    if (notice.kind === 'ignored') return notice.reason;
    const result = await crossTenantEm(this.orm).transactional(async (tx): Promise<Change> => {
      const trade = await this.lockTrade(tx, notice.tradeNo);
      if (!trade) throw new NotificationRejected(`unknown trade ${notice.tradeNo}`, 404);
      if (trade.provider !== provider) throw new NotificationRejected(`trade ${trade.tradeNo} was not placed with ${provider}`, 404);
      if (notice.kind === 'closed') {
        if (trade.state !== TradeState.PENDING) return { trade, changed: false, staffChanged: false };
        trade.close(new Date(), 'Closed by the payment provider');
        return { trade, changed: true, staffChanged: false };
      }
      if (notice.amountMinor !== trade.payAmountMinor || notice.currency.toUpperCase() !== trade.currency) {
        this.log.error(
          { tradeNo: trade.tradeNo, expected: [trade.payAmountMinor, trade.currency], got: [notice.amountMinor, notice.currency] },
          'payment notification amount does not match the trade',
        );
        throw new NotificationRejected('amount or currency does not match the trade');
      }
      return this.applyPayment(tx, trade, notice);
    });
    this.publish(result);
    return result.changed ? `trade ${result.trade.tradeNo} is now ${result.trade.state}` : 'already applied';
  }

  /**
   * The one place a payment changes a locked trade. Pending: credit the staff
   * and mark paid. Closed: record and flag (state 5), never credit. Already
   * paid: nothing, except that Alipay's "finished" ends refundability.
   */
  private async applyPayment(tx: EntityManager, trade: Trade, payment: Payment): Promise<Change> {
    const now = new Date();
    switch (trade.state) {
      case TradeState.PENDING: {
        const staff = await this.lockStaff(tx, trade.staff.id);
        const period = paidPeriod(staff.expiringTime, now, trade.periodDays);
        staff.expiringTime = period.end;
        trade.markPaid({ ...payment, at: now, creditedDays: trade.periodDays, period });
        await this.webhooks.enqueue(tx, trade.merchant.id, 'trade.paid', tradeData(trade));
        return { trade, changed: true, staffChanged: true };
      }
      case TradeState.CLOSED:
        trade.markAbnormal({ ...payment, at: now, reason: 'Paid after the trade closed: not credited; refund or settle by hand' });
        this.log.error({ tradeNo: trade.tradeNo, transactionId: payment.transactionId }, 'payment received for a closed trade');
        return { trade, changed: true, staffChanged: false };
      case TradeState.PAID:
        if (!payment.finished) return { trade, changed: false, staffChanged: false };
        trade.finish();
        return { trade, changed: true, staffChanged: false };
      default:
        return { trade, changed: false, staffChanged: false };
    }
  }

  /** `select … for update`: concurrent notifications for one trade run one after another, and the later sees the change. */
  private lockTrade(tx: EntityManager, tradeNo: string): Promise<Trade | null> {
    return tx.findOne(Trade, { tradeNo }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  private async lockStaff(tx: EntityManager, staffId: number): Promise<Staff> {
    return tx.findOneOrFail(Staff, { id: staffId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  private ref(trade: Trade): ProviderTradeRef {
    return {
      tradeNo: trade.tradeNo,
      providerRef: trade.providerRef,
      transactionId: trade.transactionId,
      amountMinor: trade.payAmountMinor,
      currency: trade.currency,
    };
  }

  private publish(result: Change): void {
    if (!result.changed) return;
    this.publishTrade(result.trade);
    if (result.staffChanged) {
      this.bus.publish('STAFF_CHANGED', { merchantId: result.trade.merchant.id, staffId: result.trade.staff.id, kind: StaffChangeKind.Updated });
    }
  }

  private publishTrade(trade: Trade): void {
    this.bus.publish('TRADE_UPDATED', { merchantId: trade.merchant.id, tradeId: trade.id, tradeNo: trade.tradeNo, state: trade.state });
  }
}
