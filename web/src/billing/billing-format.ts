/**
 * An exact decimal amount from the API ("199.00") in the reader's language and the trade's currency.
 * Intl formats the decimal string itself, so no float rounding creeps in; a currency Intl does not know
 * is written as the amount and its code.
 */
export function formatMoney(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A date-time from the API as local date and time, or an empty string for null. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  return iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';
}

/** A date-time from the API as a local date, or an empty string for null. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  return iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)) : '';
}

/** A paid period as a local date range ("Dec 1 – 31, 2026"), or an empty string while it is not known. */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined, locale: string): string {
  if (!start || !end) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).formatRange(new Date(start), new Date(end));
}
