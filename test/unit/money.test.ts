import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { assertCurrency, currencyDigits, formatAmount, parseAmount } from '../../src/core/money.js';

describe('money', () => {
  it('parses decimal strings into minor units without floating point', () => {
    expect(parseAmount('199', 'CNY')).toBe(19900);
    expect(parseAmount('199.5', 'CNY')).toBe(19950);
    expect(parseAmount('0.1', 'CNY') + parseAmount('0.2', 'CNY')).toBe(parseAmount('0.3', 'CNY'));
    expect(parseAmount('19.99', 'USD')).toBe(1999);
    expect(parseAmount(19.99, 'USD')).toBe(1999);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
    expect(parseAmount('1.50', 'JPY'.replace('JPY', 'CNY'))).toBe(150);
    expect(parseAmount('2.000', 'CNY')).toBe(200);
  });

  it('refuses amounts it cannot represent exactly', () => {
    for (const bad of ['1.005', '-1', '', 'abc', '1e3', '1,000', '.5', '1.5.5']) {
      expect(() => parseAmount(bad, 'CNY'), bad).toThrow(AppError);
    }
    expect(() => parseAmount('1.5', 'JPY')).toThrow(/at most 0 decimal places/);
    expect(() => parseAmount('9999999999999', 'CNY')).toThrow(AppError);
  });

  it('formats minor units as the seed decimal string', () => {
    expect(formatAmount(19900, 'CNY')).toBe('199.00');
    expect(formatAmount(5, 'CNY')).toBe('0.05');
    expect(formatAmount(0, 'USD')).toBe('0.00');
    expect(formatAmount(1500, 'JPY')).toBe('1500');
    expect(formatAmount(-250, 'CNY')).toBe('-2.50');
  });

  it('knows currencies and their digits', () => {
    expect(assertCurrency(' usd ')).toBe('USD');
    expect(() => assertCurrency('XYZ')).toThrow(/ISO 4217/);
    expect(currencyDigits('CNY')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
  });
});
