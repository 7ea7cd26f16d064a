import Stripe from 'stripe';
import type { PaymentConfig } from '../../core/payment/payment-config.js';
import { PaymentProviderName } from '../../entities/trade/trade-enums.js';
import {
  header,
  NotificationRejected,
  providerFailure,
  type CreatedOrder,
  type NotificationAck,
  type NotificationRequest,
  type PaymentNotice,
  type PaymentProvider,
  type ProviderOrder,
  type ProviderRefund,
  type ProviderTradeRef,
} from './payment-provider.js';

/** Stripe accepts a Checkout Session lifetime between 30 minutes and 24 hours. */
const MIN_SESSION_SECONDS = 30 * 60 + 60;
const MAX_SESSION_SECONDS = 24 * 3600;

/** Stripe Checkout through the official SDK; webhooks verified with the SDK's signature check. */
export class StripeProvider implements PaymentProvider {
  readonly name = PaymentProviderName.STRIPE;
  private readonly stripe: Stripe;

  constructor(private readonly config: NonNullable<PaymentConfig['stripe']>) {
    const base = config.apiBase ? new URL(config.apiBase) : undefined;
    this.stripe = new Stripe(config.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      telemetry: false,
      ...(base && {
        host: base.hostname,
        port: base.port || (base.protocol === 'http:' ? 80 : 443),
        protocol: base.protocol === 'http:' ? 'http' : 'https',
      }),
    });
  }

  async createOrder(order: ProviderOrder): Promise<CreatedOrder> {
    const now = Math.floor(Date.now() / 1000);
    const wanted = Math.floor(order.expiresAt.getTime() / 1000) - now;
    const expiresAt = now + Math.min(MAX_SESSION_SECONDS, Math.max(MIN_SESSION_SECONDS, wanted));
    try {
      const session = await this.stripe.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: order.tradeNo,
          metadata: { trade_no: order.tradeNo },
          payment_intent_data: { metadata: { trade_no: order.tradeNo } },
          line_items: [
            {
              quantity: 1,
              price_data: { currency: order.currency.toLowerCase(), unit_amount: order.amountMinor, product_data: { name: order.subject } },
            },
          ],
          customer_email: order.customerEmail || undefined,
          success_url: order.returnUrl,
          cancel_url: order.returnUrl,
          expires_at: expiresAt,
        },
        { idempotencyKey: `checkout-${order.tradeNo}` },
      );
      if (!session.url) throw providerFailure('stripe', 'the Checkout Session has no URL');
      return { payUrl: session.url, providerRef: session.id };
    } catch (err) {
      throw asFailure(err);
    }
  }

  async close(ref: ProviderTradeRef): Promise<void> {
    if (!ref.providerRef) return;
    try {
      await this.stripe.checkout.sessions.expire(ref.providerRef);
    } catch (err) {
      throw asFailure(err);
    }
  }

  async refund(req: ProviderRefund): Promise<{ refundId: string }> {
    if (!req.transactionId) throw providerFailure('stripe', 'the trade has no PaymentIntent to refund');
    try {
      const refund = await this.stripe.refunds.create(
        { payment_intent: req.transactionId, amount: req.refundMinor, metadata: { trade_no: req.tradeNo, refund_no: req.refundNo } },
        { idempotencyKey: `refund-${req.refundNo}` },
      );
      if (refund.status === 'failed' || refund.status === 'canceled') {
        throw providerFailure('stripe', `refund ${refund.id} is ${refund.status}`);
      }
      return { refundId: refund.id };
    } catch (err) {
      throw asFailure(err);
    }
  }

  parseNotification(req: NotificationRequest): PaymentNotice {
    const signature = header(req.headers, 'stripe-signature');
    if (!signature) throw new NotificationRejected('missing Stripe-Signature header');
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(req.rawBody, signature, this.config.webhookSecret);
    } catch (err) {
      throw new NotificationRejected(`signature check failed: ${(err as Error).message}`);
    }
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const session = event.data.object;
        const tradeNo = session.metadata?.trade_no ?? session.client_reference_id;
        if (!tradeNo) return { kind: 'ignored', reason: 'a Checkout Session not opened by this platform' };
        // A completed session may still wait for a delayed method (bank debit); async_payment_succeeded follows.
        if (session.payment_status !== 'paid') return { kind: 'ignored', reason: `payment_status is ${session.payment_status}` };
        if (session.amount_total === null || !session.currency) throw new NotificationRejected('the session carries no amount');
        const intent = session.payment_intent;
        return {
          kind: 'paid',
          tradeNo,
          transactionId: (typeof intent === 'string' ? intent : intent?.id) ?? session.id,
          amountMinor: session.amount_total,
          currency: session.currency.toUpperCase(),
          payer: session.customer_details?.email ?? session.customer_email ?? '',
          finished: false,
        };
      }
      case 'checkout.session.expired': {
        const session = event.data.object;
        const tradeNo = session.metadata?.trade_no ?? session.client_reference_id;
        return tradeNo ? { kind: 'closed', tradeNo } : { kind: 'ignored', reason: 'a Checkout Session not opened by this platform' };
      }
      default:
        return { kind: 'ignored', reason: `event ${event.type} is not used` };
    }
  }

  acknowledge(outcome: 'ok' | 'rejected', message: string): NotificationAck {
    return {
      status: outcome === 'ok' ? 200 : 400,
      contentType: 'application/json',
      body: JSON.stringify(outcome === 'ok' ? { received: true } : { error: message }),
    };
  }
}

function asFailure(err: unknown): Error {
  if (err instanceof Stripe.errors.StripeError) return providerFailure('stripe', err.message);
  return err as Error;
}
