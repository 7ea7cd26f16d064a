import { addDays } from '../../core/time.js';

/**
 * The service period a confirmed payment buys: from the later of now and the
 * current expiry, so paying early never loses days and paying late never
 * back-dates the new period.
 */
export function paidPeriod(current: Date | null, now: Date, days: number): { start: Date; end: Date } {
  const start = current && current.getTime() > now.getTime() ? current : now;
  return { start, end: addDays(start, days) };
}

/** The staff's expiry once a payment of `days` is confirmed: the end of its paid period. */
export function extendExpiry(current: Date | null, now: Date, days: number): Date {
  return paidPeriod(current, now, days).end;
}

/** A refund takes back the days the trade bought; the expiry may fall into the past, which expires the staff. */
export function shortenExpiry(current: Date | null, days: number): Date | null {
  if (!current || days <= 0) return current;
  return addDays(current, -days);
}
