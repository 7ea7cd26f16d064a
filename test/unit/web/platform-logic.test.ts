import { describe, expect, it } from 'vitest';
import { emptyProductForm, productFormErrors, productInput } from '../../../web/src/platform/product-form';
import { refundable, tradeFilterOf } from '../../../web/src/platform/trade-filter';

describe('product form', () => {
  it('names the fields that cannot be sent as typed', () => {
    expect(productFormErrors(emptyProductForm)).toEqual({ name: true, price: true });
    expect(productFormErrors({ ...emptyProductForm, name: 'Pro', price: '19.999', currency: 'yuan', expiringDays: '0', trialDays: '-1' })).toEqual({
      price: true,
      currency: true,
      expiringDays: true,
      trialDays: true,
    });
    expect(productFormErrors({ ...emptyProductForm, name: 'Pro', price: '199' })).toEqual({});
  });

  it('sends trimmed text, whole days and an upper-case currency', () => {
    expect(productInput({ ...emptyProductForm, name: ' Pro ', description: ' A year ', price: ' 199.00 ', currency: 'usd', expiringDays: '365', trialDays: '7', language: 'EN', state: 'DRAFT' })).toEqual({
      name: 'Pro',
      description: 'A year',
      price: '199.00',
      currency: 'USD',
      expiringDays: 365,
      trialDays: 7,
      language: 'EN',
      state: 'DRAFT',
    });
  });
});

describe('platform trade filter', () => {
  it('reads the filter from the address, ignoring what the API would refuse', () => {
    expect(tradeFilterOf(new URLSearchParams('tradeNo=%20NO1%20&merchantId=12&state=PAID'))).toEqual({ tradeNo: 'NO1', merchantId: 12, state: 'PAID' });
    expect(tradeFilterOf(new URLSearchParams('merchantId=abc&state=LOST'))).toEqual({});
    expect(tradeFilterOf(new URLSearchParams('merchantId=-3&tradeNo='))).toEqual({});
  });

  it('offers a refund for paid and flagged trades only', () => {
    expect(['PENDING', 'PAID', 'CLOSED', 'REFUNDED', 'FINISHED', 'ABNORMAL'].filter((s) => refundable(s as never))).toEqual(['PAID', 'ABNORMAL']);
  });
});
