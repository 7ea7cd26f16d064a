import { randomDigits } from '../../core/random.js';
import { formatSeedTime } from '../../core/time.js';

/**
 * The seed's trade number: "NO", the creation time as yyyyMMddHHmmss in the
 * configured zone, and 13 random digits (29 characters, like
 * NO202404251606089389209168633). Uniqueness is enforced by the database.
 */
export function newTradeNo(now: Date, timeZone: string): string {
  return `NO${formatSeedTime(now, timeZone).replace(/\D/g, '')}${randomDigits(13)}`;
}

export const TRADE_NO_PATTERN = /^NO\d{27}$/;
