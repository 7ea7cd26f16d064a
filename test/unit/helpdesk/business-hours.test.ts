import { describe, expect, it } from 'vitest';
import { businessHoursSchema, formatOpening, isOpenAt, nextOpening, type BusinessHours } from '../../../src/entities/staff/business-hours.js';

// Shanghai is UTC+8 all year; New York has DST (UTC-5 / UTC-4).
const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const shanghai: BusinessHours = { timeZone: 'Asia/Shanghai', weekly: weekdays('09:00', '18:00'), holidays: ['2026-12-25'] };

describe('business hours rules', () => {
  it('no business hours means always open', () => {
    expect(isOpenAt(null, new Date('2026-12-06T03:00:00Z'))).toBe(true);
    expect(nextOpening(null, new Date('2026-12-06T03:00:00Z'))).toEqual(new Date('2026-12-06T03:00:00Z'));
  });

  it('is open inside a range in the staff zone, closed at its end and outside', () => {
    // Tuesday 1 Dec 2026, 10:00 in Shanghai = 02:00 UTC.
    expect(isOpenAt(shanghai, new Date('2026-12-01T02:00:00Z'))).toBe(true);
    expect(isOpenAt(shanghai, new Date('2026-12-01T01:00:00Z'))).toBe(true); // 09:00 local, the first minute
    expect(isOpenAt(shanghai, new Date('2026-12-01T00:59:00Z'))).toBe(false); // 08:59 local
    expect(isOpenAt(shanghai, new Date('2026-12-01T10:00:00Z'))).toBe(false); // 18:00 local: closed
    expect(isOpenAt(shanghai, new Date('2026-12-05T02:00:00Z'))).toBe(false); // Saturday
  });

  it('is closed on a holiday, and the next opening skips it and the weekend', () => {
    // Thursday 24 Dec, 19:00 local: Friday the 25th is a holiday, so Monday 28 Dec 09:00 local.
    const t = new Date('2026-12-24T11:00:00Z');
    expect(isOpenAt(shanghai, new Date('2026-12-25T02:00:00Z'))).toBe(false);
    expect(nextOpening(shanghai, t)).toEqual(new Date('2026-12-28T01:00:00Z'));
  });

  it('the next opening is later the same day, or now when open', () => {
    expect(nextOpening(shanghai, new Date('2026-12-01T00:00:00Z'))).toEqual(new Date('2026-12-01T01:00:00Z'));
    expect(nextOpening(shanghai, new Date('2026-12-01T02:00:00Z'))).toEqual(new Date('2026-12-01T02:00:00Z'));
  });

  it('follows daylight saving time in the zone', () => {
    const ny: BusinessHours = { timeZone: 'America/New_York', weekly: [{ day: 1, open: '09:00', close: '17:00' }], holidays: [] };
    // Monday 2 March 2026 09:00 EST = 14:00 UTC; Monday 9 March (after the switch) 09:00 EDT = 13:00 UTC.
    expect(nextOpening(ny, new Date('2026-03-02T12:00:00Z'))).toEqual(new Date('2026-03-02T14:00:00Z'));
    expect(nextOpening(ny, new Date('2026-03-03T12:00:00Z'))).toEqual(new Date('2026-03-09T13:00:00Z'));
    expect(isOpenAt(ny, new Date('2026-03-09T13:30:00Z'))).toBe(true);
  });

  it('ranges may end at midnight, and a day may have two ranges', () => {
    const split: BusinessHours = { timeZone: 'UTC', weekly: [{ day: 2, open: '08:00', close: '12:00' }, { day: 2, open: '13:00', close: '24:00' }], holidays: [] };
    expect(isOpenAt(split, new Date('2026-12-01T23:59:00Z'))).toBe(true);
    expect(isOpenAt(split, new Date('2026-12-01T12:30:00Z'))).toBe(false);
    expect(nextOpening(split, new Date('2026-12-01T12:30:00Z'))).toEqual(new Date('2026-12-01T13:00:00Z'));
  });

  it('never opening answers null', () => {
    expect(nextOpening({ timeZone: 'UTC', weekly: [], holidays: [] }, new Date('2026-12-01T00:00:00Z'))).toBeNull();
  });

  it('says when agents return in the reply language, with the zone', () => {
    const at = new Date('2026-12-28T01:00:00Z');
    expect(formatOpening(at, shanghai, 'en')).toBe('Monday 28 December 09:00 (Asia/Shanghai)');
    expect(formatOpening(at, shanghai, 'zh')).toBe('12月28日星期一 09:00 (Asia/Shanghai)');
  });

  it('validates the zone, the times, the ranges and the dates', () => {
    const ok = businessHoursSchema.safeParse({ timeZone: 'Europe/Paris', weekly: weekdays('09:00', '24:00') });
    expect(ok.success && ok.data.holidays).toEqual([]);
    const bad = (v: unknown) => {
      const r = businessHoursSchema.safeParse(v);
      return r.success ? null : r.error.issues.map((i) => i.message).join('; ');
    };
    expect(bad({ timeZone: 'Mars/Olympus', weekly: [] })).toMatch(/IANA/);
    expect(bad({ timeZone: 'UTC', weekly: [{ day: 8, open: '09:00', close: '10:00' }] })).toMatch(/1 \(Monday\) to 7/);
    expect(bad({ timeZone: 'UTC', weekly: [{ day: 1, open: '9:00', close: '10:00' }] })).toMatch(/HH:mm/);
    expect(bad({ timeZone: 'UTC', weekly: [{ day: 1, open: '10:00', close: '09:00' }] })).toMatch(/after open/);
    expect(bad({ timeZone: 'UTC', weekly: [{ day: 1, open: '09:00', close: '12:00' }, { day: 1, open: '11:00', close: '13:00' }] })).toMatch(/overlap/);
    expect(bad({ timeZone: 'UTC', weekly: [], holidays: ['2026-02-30'] })).toMatch(/YYYY-MM-DD/);
  });
});
