import { describe, expect, it } from 'vitest';
import { extendExpiry, shortenExpiry } from '../../src/entities/trade/trade-period.js';
import { PaymentProviderName, PayType } from '../../src/entities/trade/trade-enums.js';
import { PaymentProviders } from '../../src/services/payment/payment-providers.js';
import { newTradeNo, TRADE_NO_PATTERN } from '../../src/services/trade/trade-no.js';

const DAY = 86_400_000;
const now = new Date('2026-11-21T12:00:00Z');

describe('paid period arithmetic', () => {
  it('extends from now when there is no paid period', () => {
    expect(extendExpiry(null, now, 31)).toEqual(new Date(now.getTime() + 31 * DAY));
  });

  it('extends from now when the paid period has already ended', () => {
    const lapsed = new Date(now.getTime() - 10 * DAY);
    expect(extendExpiry(lapsed, now, 31)).toEqual(new Date(now.getTime() + 31 * DAY));
  });

  it('extends from the current expiry when it is still in the future, so early payment loses nothing', () => {
    const current = new Date(now.getTime() + 5 * DAY);
    expect(extendExpiry(current, now, 31)).toEqual(new Date(current.getTime() + 36 * DAY - 5 * DAY));
  });

  it('a refund takes back exactly the days bought, and may end in the past', () => {
    const current = new Date(now.getTime() + 40 * DAY);
    expect(shortenExpiry(current, 31)).toEqual(new Date(now.getTime() + 9 * DAY));
    expect(shortenExpiry(new Date(now.getTime() + 10 * DAY), 31)!.getTime()).toBeLessThan(now.getTime());
    expect(shortenExpiry(null, 31)).toBeNull();
    expect(shortenExpiry(current, 0)).toBe(current);
  });

  it('pay then refund returns to the same expiry', () => {
    const current = new Date(now.getTime() + 3 * DAY);
    expect(shortenExpiry(extendExpiry(current, now, 31), 31)).toEqual(current);
  });
});

describe('trade numbers', () => {
  it('are NO + yyyyMMddHHmmss in the configured zone + 13 random digits', () => {
    const no = newTradeNo(new Date('2024-04-25T08:06:08Z'), 'Asia/Shanghai');
    expect(no).toMatch(/^NO20240425160608\d{13}$/);
    expect(no).toMatch(TRADE_NO_PATTERN);
    expect(newTradeNo(new Date('2024-04-25T08:06:08Z'), 'UTC')).toMatch(/^NO20240425080608\d{13}$/);
  });

  it('differ between calls in the same second', () => {
    const at = new Date();
    const many = new Set(Array.from({ length: 1000 }, () => newTradeNo(at, 'UTC')));
    expect(many.size).toBe(1000);
  });
});

describe('provider selection', () => {
  it('uses the configured provider for its pay type and the sandbox for the others', () => {
    const p = new PaymentProviders({ timeoutSeconds: 60, closeRetrySeconds: 60, sandbox: true, stripe: { secretKey: 'sk_test_x', webhookSecret: 'whsec_x' } }, 'https://cs.example');
    expect(p.forPayType(PayType.STRIPE)?.name).toBe(PaymentProviderName.STRIPE);
    expect(p.forPayType(PayType.ALIPAY)?.name).toBe(PaymentProviderName.SANDBOX);
    expect(p.summary()).toEqual({ wxpay: 'sandbox', alipay: 'sandbox', stripe: 'stripe' });
    expect(p.byName(PaymentProviderName.ALIPAY)).toBeUndefined();
  });

  it('offers no provider for an unconfigured pay type when the sandbox is off, but still refunds old sandbox trades', () => {
    const p = new PaymentProviders({ timeoutSeconds: 60, closeRetrySeconds: 60, sandbox: false }, 'https://cs.example');
    expect(p.forPayType(PayType.WXPAY)).toBeUndefined();
    expect(p.byName(PaymentProviderName.SANDBOX)?.name).toBe(PaymentProviderName.SANDBOX);
  });
});
