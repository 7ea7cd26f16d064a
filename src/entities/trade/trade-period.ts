import { addDays } from '../../core/time.js';

/**
 * A confirmed payment extends the paid period from the later of now and the
 * current expiry, so paying early never loses days and paying late never
 * back-dates the new period.
 */
export function extendExpiry(current: Date | null, now: Date, days: number): Date {
  const from = current && current.getTime() > now.getTime() ? current : now;
  return addDays(from, days);
}

/** A refund takes back the days the trade bought; the expiry may fall into the past, which expires the staff. */
export function shortenExpiry(current: Date | null, days: number): Date | null {
  if (!current || days <= 0) return current;
  return addDays(current, -days);
}
