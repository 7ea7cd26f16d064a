import { DateTime } from 'luxon';
import { z } from 'zod';

/** One opening on a weekday: ISO weekday (1 Monday … 7 Sunday), "HH:mm" local times, `close` after `open` ("24:00" ends the day). */
export interface OpeningRange {
  day: number;
  open: string;
  close: string;
}

/**
 * When a staff's agents work, in the staff's own time zone. No business hours at all (null) means
 * always open, so a staff that never set them behaves as before.
 */
export interface BusinessHours {
  /** An IANA zone, e.g. "Asia/Shanghai". */
  timeZone: string;
  weekly: OpeningRange[];
  /** Local dates ("YYYY-MM-DD") on which the agents do not work at all. */
  holidays: string[];
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A zone Intl knows (IANA names and UTC); Intl throws RangeError for anything else. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const businessHoursSchema = z
  .object({
    timeZone: z.string().trim().max(64).refine(isTimeZone, 'timeZone must be an IANA time zone, e.g. "Asia/Shanghai"'),
    weekly: z
      .array(
        z
          .object({
            day: z.number().int('day must be a whole number').min(1, 'day is 1 (Monday) to 7 (Sunday)').max(7, 'day is 1 (Monday) to 7 (Sunday)'),
            open: z.string().regex(TIME, 'open must be a time "HH:mm"'),
            close: z.string().regex(TIME, 'close must be a time "HH:mm" or "24:00"'),
          })
          .refine((r) => minutesOf(r.close) > minutesOf(r.open), 'close must be after open'),
      )
      .max(35, 'at most 35 opening ranges'),
    holidays: z
      .array(z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d).isValid, 'holidays must be dates "YYYY-MM-DD"'))
      .max(400, 'at most 400 holidays')
      .default([]),
  })
  .refine((h) => !overlapping(h.weekly), 'opening ranges of one day must not overlap');

/** Business hours as a caller sends them (the schema checks them). */
export type BusinessHoursInput = z.input<typeof businessHoursSchema>;

function overlapping(weekly: OpeningRange[]): boolean {
  const sorted = [...weekly].sort((a, b) => a.day - b.day || minutesOf(a.open) - minutesOf(b.open));
  return sorted.some((r, i) => i > 0 && sorted[i - 1]!.day === r.day && minutesOf(sorted[i - 1]!.close) > minutesOf(r.open));
}

/** Whether the agents work at instant `t`. */
export function isOpenAt(hours: BusinessHours | null, t: Date): boolean {
  if (!hours) return true;
  const local = DateTime.fromJSDate(t, { zone: hours.timeZone });
  if (hours.holidays.includes(local.toISODate()!)) return false;
  const minute = local.hour * 60 + local.minute;
  return hours.weekly.some((r) => r.day === local.weekday && minutesOf(r.open) <= minute && minute < minutesOf(r.close));
}

/**
 * The next instant at or after `t` when the agents work: `t` itself when open now, null when the hours
 * never open (no ranges, or every opening falls on a holiday for the next year and more).
 */
export function nextOpening(hours: BusinessHours | null, t: Date): Date | null {
  if (isOpenAt(hours, t) || !hours) return t;
  const start = DateTime.fromJSDate(t, { zone: hours.timeZone });
  // 400 days reach past a year of holidays; a wall time a DST gap skips is moved forward by luxon.
  for (let d = 0; d <= 400; d++) {
    const day = start.startOf('day').plus({ days: d });
    if (hours.holidays.includes(day.toISODate()!)) continue;
    const opens = hours.weekly
      .filter((r) => r.day === day.weekday)
      .map((r) => day.set({ hour: Math.floor(minutesOf(r.open) / 60), minute: minutesOf(r.open) % 60 }))
      .filter((o) => o.toMillis() > start.toMillis())
      .sort((a, b) => a.toMillis() - b.toMillis());
    if (opens[0]) return opens[0].toJSDate();
  }
  return null;
}

/** When the agents return, as the contact reads it: "Monday, 2 December, 09:00" / "12月2日星期一 09:00", with the zone. */
export function formatOpening(at: Date, hours: BusinessHours, lang: 'zh' | 'en'): string {
  const dt = DateTime.fromJSDate(at, { zone: hours.timeZone }).setLocale(lang === 'en' ? 'en-GB' : 'zh-CN');
  const date = dt.toLocaleString({ weekday: 'long', month: 'long', day: 'numeric' });
  return `${date} ${dt.toFormat('HH:mm')} (${hours.timeZone})`;
}
