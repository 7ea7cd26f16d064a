import { randomDigits } from '../../core/random.js';

/**
 * The seed's trade number: "NO", the creation time as yyyyMMddHHmmss in the
 * configured zone, and 13 random digits (29 characters, like
 * NO202404251606089389209168633). Uniqueness is enforced by the database.
 */
export function newTradeNo(now: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `NO${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}${parts.second}${randomDigits(13)}`;
}

export const TRADE_NO_PATTERN = /^NO\d{27}$/;
