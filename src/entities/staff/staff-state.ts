import { DAY_MS } from '../../core/time.js';
import { StaffState } from './staff-enums.js';

/**
 * A staff's state follows from its times alone: the service period ends at the
 * later of the trial end and the paid expiry. No end at all is "inactive";
 * a past end is "expired"; an end within the warning window is "expiring soon".
 */
export function staffStateAt(
  trialTime: Date | null,
  expiringTime: Date | null,
  now: Date,
  warningDays: number,
): StaffState {
  const ends = [trialTime, expiringTime].filter((d): d is Date => d !== null).map((d) => d.getTime());
  if (ends.length === 0) return StaffState.INACTIVE;
  const end = Math.max(...ends);
  if (end <= now.getTime()) return StaffState.EXPIRED;
  if (end - now.getTime() <= warningDays * DAY_MS) return StaffState.EXPIRING_SOON;
  return StaffState.NORMAL;
}
