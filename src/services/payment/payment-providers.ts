import type { PaymentConfig } from '../../core/payment/payment-config.js';
import { PaymentProviderName, PayType } from '../../entities/trade/trade-enums.js';
import { AlipayProvider } from './alipay.provider.js';
import type { PaymentProvider } from './payment-provider.js';
import { SandboxProvider } from './sandbox.provider.js';
import { StripeProvider } from './stripe.provider.js';
import { WechatPayProvider } from './wechat-pay.provider.js';

/** The providers this process has credentials for, and the sandbox standing in for the others. */
export class PaymentProviders {
  readonly sandbox: SandboxProvider;
  private readonly real = new Map<PayType, PaymentProvider>();

  constructor(config: PaymentConfig, publicUrl: string, readonly sandboxEnabled = config.sandbox) {
    this.sandbox = new SandboxProvider(publicUrl);
    if (config.stripe) this.real.set(PayType.STRIPE, new StripeProvider(config.stripe));
    if (config.alipay) this.real.set(PayType.ALIPAY, new AlipayProvider(config.alipay));
    if (config.wxpay) this.real.set(PayType.WXPAY, new WechatPayProvider(config.wxpay));
  }

  /** The provider for a new trade: the configured one, else the sandbox when it is enabled. */
  forPayType(payType: PayType): PaymentProvider | undefined {
    return this.real.get(payType) ?? (this.sandboxEnabled ? this.sandbox : undefined);
  }

  /** The provider that took a trade, for closing and refunding it. */
  byName(name: PaymentProviderName): PaymentProvider | undefined {
    if (name === PaymentProviderName.SANDBOX) return this.sandbox;
    return [...this.real.values()].find((p) => p.name === name);
  }

  /** Which pay types go to a real provider, for the logs at start. */
  summary(): Record<PayType, PaymentProviderName | 'unavailable'> {
    const of = (t: PayType) => this.forPayType(t)?.name ?? 'unavailable';
    return { [PayType.WXPAY]: of(PayType.WXPAY), [PayType.ALIPAY]: of(PayType.ALIPAY), [PayType.STRIPE]: of(PayType.STRIPE) };
  }
}
