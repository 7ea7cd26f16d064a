import type { IncomingHttpHeaders } from 'node:http';
import { AppError, ErrorCode } from '../../core/errors.js';
import type { PaymentProviderName } from '../../entities/trade/trade-enums.js';

/** What a provider needs to open an order for a trade. */
export interface ProviderOrder {
  tradeNo: string;
  /** Shown to the payer: the product name. */
  subject: string;
  amountMinor: number;
  currency: string;
  /** The provider should stop accepting payment after this. */
  expiresAt: Date;
  customerEmail: string;
  /** Where the provider posts its asynchronous notification. */
  notifyUrl: string;
  /** Where a browser lands after paying or giving up (Stripe Checkout). */
  returnUrl: string;
}

export interface CreatedOrder {
  payUrl: string;
  /** The provider's id of the order, when it has one before payment (Stripe Checkout Session). */
  providerRef?: string;
}

/** A trade as a provider knows it, for closing and refunding. */
export interface ProviderTradeRef {
  tradeNo: string;
  providerRef: string;
  transactionId: string;
  amountMinor: number;
  currency: string;
}

export interface ProviderRefund extends ProviderTradeRef {
  /** Our refund number; providers treat a repeated number as the same refund, so a retry never pays twice. */
  refundNo: string;
  refundMinor: number;
  reason: string;
}

/** A notification after its signature was verified, in one shape for every provider. */
export type PaymentNotice =
  | {
      kind: 'paid';
      tradeNo: string;
      transactionId: string;
      amountMinor: number;
      currency: string;
      payer: string;
      /** Paid and no longer refundable (Alipay's TRADE_FINISHED). */
      finished: boolean;
    }
  | { kind: 'closed'; tradeNo: string }
  | { kind: 'ignored'; reason: string };

export interface NotificationRequest {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
}

/** The HTTP answer a provider expects to a notification. */
export interface NotificationAck {
  status: number;
  contentType?: string;
  body?: string;
}

/**
 * One payment provider. Every real provider also verifies its own
 * notifications; the sandbox is paid through its page instead.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Currencies the provider takes; undefined for any. */
  readonly currencies?: readonly string[];
  createOrder(order: ProviderOrder): Promise<CreatedOrder>;
  /** Stops the provider taking payment for an unpaid order; best effort, the trade closes locally either way. */
  close(ref: ProviderTradeRef): Promise<void>;
  /** Refunds in full or part; resolves with the provider's refund id once the provider accepted it. */
  refund(req: ProviderRefund): Promise<{ refundId: string }>;
  /** Verifies and normalizes a notification; throws NotificationRejected when it cannot be trusted. */
  parseNotification?(req: NotificationRequest): PaymentNotice | Promise<PaymentNotice>;
  /** The answer for a notification: `ok` stops the provider's retries, `rejected` asks it to retry or gives up. */
  acknowledge?(outcome: 'ok' | 'rejected', message: string): NotificationAck;
}

/** A notification that failed verification (signature, age, account): nothing is changed and the provider is told. */
export class NotificationRejected extends Error {
  constructor(
    readonly reason: string,
    /** HTTP status to answer with; 400 unless another fits better (404 for an unknown trade). */
    readonly status = 400,
  ) {
    super(reason);
    this.name = 'NotificationRejected';
  }
}

/** A provider's API refused or failed: shown to the caller with the provider's reason, logged, never retried blindly. */
export function providerFailure(provider: string, detail: string): AppError {
  return new AppError(ErrorCode.Internal, `Payment provider ${provider} failed: ${detail}`.slice(0, 500));
}

/** A header's single value. */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

const PROVIDER_TIMEOUT_MS = 20_000;

/** fetch with a deadline, turning network failures into a provider failure. */
export async function providerFetch(provider: string, url: string, init: RequestInit): Promise<{ status: number; headers: Headers; text: string }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  } catch (err) {
    throw providerFailure(provider, `could not reach ${new URL(url).host}: ${(err as Error).message}`);
  }
  return { status: res.status, headers: res.headers, text: await res.text() };
}
