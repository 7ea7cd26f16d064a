import { describe, expect, it } from 'vitest';
import { billsOf, serviceEnd } from '../../../web/src/billing/bills';
import { formatMoney, formatPeriod } from '../../../web/src/billing/billing-format';

describe('money formatting', () => {
  it('writes the exact decimal in the reader’s language and the currency', () => {
    expect(formatMoney('199.00', 'CNY', 'en')).toBe('CN¥199.00');
    expect(formatMoney('199.00', 'CNY', 'zh')).toBe('¥199.00');
    expect(formatMoney('1234.50', 'USD', 'en')).toBe('$1,234.50');
    // Beyond a double's precision: formatted from the string, not a float.
    expect(formatMoney('12345678901234567.10', 'USD', 'en')).toBe('$12,345,678,901,234,567.10');
    expect(formatMoney('500', 'JPY', 'en')).toBe('¥500');
  });

  it('falls back to the amount and code for a currency Intl does not know', () => {
    expect(formatMoney('9.90', 'C1', 'en')).toBe('9.90 C1');
  });
});

describe('paid periods', () => {
  it('writes a period as a date range, nothing while it is not recorded', () => {
    // Intl puts thin spaces around the dash.
    expect(formatPeriod('2026-12-01T12:00:00Z', '2027-01-01T12:00:00Z', 'en')).toMatch(/^Dec 1, 2026\s–\sJan 1, 2027$/);
    expect(formatPeriod('2026-12-01T12:00:00Z', '2026-12-31T12:00:00Z', 'en')).toMatch(/^Dec 1\s–\s31, 2026$/);
    expect(formatPeriod(null, '2027-01-01T12:00:00Z', 'en')).toBe('');
  });
});

describe('bills', () => {
  const staffs = [
    { id: 1, name: 'Sales', state: 'NORMAL' as const, trialTime: '2026-11-08T00:00:00Z', expiringTime: '2027-01-01T00:00:00Z' },
    { id: 2, name: 'Support', state: 'INACTIVE' as const, trialTime: null, expiringTime: null },
  ];
  const trades = [
    { tradeNo: 'A', staffId: 1, state: 'PAID' as const, paidAt: '2026-11-01T10:00:00Z' },
    { tradeNo: 'B', staffId: 1, state: 'PENDING' as const, paidAt: null },
    { tradeNo: 'C', staffId: 1, state: 'REFUNDED' as const, paidAt: '2026-11-20T10:00:00Z' },
    { tradeNo: 'D', staffId: 1, state: 'CLOSED' as const, paidAt: null },
    { tradeNo: 'E', staffId: 2, state: 'ABNORMAL' as const, paidAt: '2026-11-21T10:00:00Z' },
    { tradeNo: 'F', staffId: 1, state: 'FINISHED' as const, paidAt: '2026-10-01T10:00:00Z' },
  ];

  it('groups the paid periods per staff, newest payment first, leaving out unpaid and uncredited trades', () => {
    const groups = billsOf(staffs, trades);
    expect(groups.map((g) => [g.staff.name, g.bills.map((b) => b.tradeNo)])).toEqual([
      ['Sales', ['C', 'A', 'F']],
      ['Support', []],
    ]);
  });

  it('ends the service at the later of the trial and the paid period', () => {
    expect(serviceEnd(staffs[0]!)).toBe('2027-01-01T00:00:00Z');
    expect(serviceEnd({ trialTime: '2027-02-01T00:00:00Z', expiringTime: '2027-01-01T00:00:00Z' })).toBe('2027-02-01T00:00:00Z');
    expect(serviceEnd({ trialTime: null, expiringTime: '2026-12-01T00:00:00Z' })).toBe('2026-12-01T00:00:00Z');
    expect(serviceEnd(staffs[1]!)).toBeNull();
  });
});
