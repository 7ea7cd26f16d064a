import { randomDigits } from '../../core/random.js';
import { PaymentProviderName } from '../../entities/trade/trade-enums.js';
import type { CreatedOrder, PaymentProvider, ProviderOrder } from './payment-provider.js';

/** Path of the sandbox checkout page; GET shows the trade, POST pays it (DESIGN.md, "sandbox payment"). */
export const sandboxPayPath = (tradeNo: string) => `/pay/sandbox/${encodeURIComponent(tradeNo)}`;

/**
 * The built-in provider for pay types with no credentials configured: the
 * "checkout" is a page of this server and paying it needs no money. Orders,
 * closes and refunds all succeed at once.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = PaymentProviderName.SANDBOX;

  constructor(private readonly publicUrl: string) {}

  async createOrder(order: ProviderOrder): Promise<CreatedOrder> {
    return { payUrl: `${this.publicUrl}${sandboxPayPath(order.tradeNo)}` };
  }

  async close(): Promise<void> {}

  async refund(): Promise<{ refundId: string }> {
    return { refundId: `SBR${randomDigits(20)}` };
  }

  /** A transaction id in the style of a provider's, so sandbox bills look like real ones. */
  newTransactionId(): string {
    return `SB${randomDigits(24)}`;
  }
}
