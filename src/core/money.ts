import { badInput } from './errors.js';

const supportedCurrencies = new Set(Intl.supportedValuesOf('currency'));

export function assertCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (!supportedCurrencies.has(code)) throw badInput(`currency: "${currency}" is not an ISO 4217 currency code`);
  return code;
}

/** Digits after the decimal point for a currency: 2 for CNY and USD, 0 for JPY. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Parses a decimal amount ("199", "199.5", "199.00") into integer minor units
 * without ever passing through floating point.
 */
export function parseAmount(value: string | number, currency: string, field = 'price'): number {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const digits = currencyDigits(currency);
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
  if (!m) throw badInput(`${field}: "${text}" is not a non-negative decimal amount`);
  const fraction = m[2] ?? '';
  if (fraction.replace(/0+$/, '').length > digits) {
    throw badInput(`${field}: ${currency} allows at most ${digits} decimal places`);
  }
  const minor = BigInt(m[1]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw badInput(`${field}: amount is too large`);
  return Number(minor);
}

/** Integer minor units back to the seed's decimal string, e.g. 19900 CNY → "199.00". */
export function formatAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = BigInt(Math.abs(minor));
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10n ** BigInt(digits);
  return `${sign}${abs / scale}.${(abs % scale).toString().padStart(digits, '0')}`;
}
