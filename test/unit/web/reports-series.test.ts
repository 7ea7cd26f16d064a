import { describe, expect, it } from 'vitest';
import { daysOf, formatSeconds, lastDays, peakOf, toSeries, type DayFigures } from '../../../web/src/reports/report-series';

const day = (d: string, conversations: number, extra: Partial<DayFigures> = {}): DayFigures => ({
  day: d,
  conversations,
  aiOnly: conversations,
  handedOff: 0,
  aiOnlyRate: conversations ? 1 : 0,
  handoffRate: 0,
  csatCount: 0,
  ...extra,
});

describe('report series', () => {
  it('lists every local day the period touches, in the report’s time zone', () => {
    const from = new Date('2026-11-28T16:00:00Z'); // 2026-11-29 00:00 in Shanghai
    const to = new Date('2026-12-01T16:00:00Z'); // 2026-12-02 00:00 in Shanghai
    expect(daysOf(from, to, 'Asia/Shanghai')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(daysOf(from, to, 'UTC')).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01']);
    // Across a month and a year end.
    expect(daysOf(new Date('2026-12-30T00:00:00Z'), new Date('2027-01-02T00:00:00Z'), 'UTC')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('fills the quiet days with zero conversations and gaps, and turns rates into percent', () => {
    const from = new Date('2026-11-28T00:00:00Z');
    const to = new Date('2026-12-01T00:00:00Z');
    const series = toSeries(
      [
        day('2026-11-28', 4, { aiOnly: 3, handedOff: 1, aiOnlyRate: 0.75, handoffRate: 0.25, avgQueueWaitSeconds: 42.5, avgFirstResponseSeconds: 60, csatAverage: 4.5, csatCount: 2 }),
        day('2026-11-30', 3, { aiOnly: 1, handedOff: 2, aiOnlyRate: 0.3333, handoffRate: 0.6667 }),
      ],
      from,
      to,
      'UTC',
    );
    expect(series).toEqual([
      { day: '2026-11-28', conversations: 4, aiOnly: 3, handedOff: 1, aiOnlyPercent: 75, handoffPercent: 25, waitSeconds: 42.5, firstResponseSeconds: 60, csat: 4.5, csatCount: 2 },
      { day: '2026-11-29', conversations: 0, aiOnly: 0, handedOff: 0, aiOnlyPercent: null, handoffPercent: null, waitSeconds: null, firstResponseSeconds: null, csat: null, csatCount: 0 },
      { day: '2026-11-30', conversations: 3, aiOnly: 1, handedOff: 2, aiOnlyPercent: 33.3, handoffPercent: 66.7, waitSeconds: null, firstResponseSeconds: null, csat: null, csatCount: 0 },
    ]);
    expect(peakOf(series, (p) => p.conversations)).toEqual({ day: '2026-11-28', value: 4 });
    expect(peakOf(series, (p) => p.csat)).toEqual({ day: '2026-11-28', value: 4.5 });
    expect(peakOf(series.slice(1, 2), (p) => p.csat)).toBeNull();
  });

  it('takes the last n local days, today included', () => {
    const { from, to } = lastDays(7, new Date(2026, 11, 1, 15, 30));
    expect(from).toEqual(new Date(2026, 10, 25));
    expect(to).toEqual(new Date(2026, 11, 2));
  });

  it('writes durations shortly', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(44.6)).toBe('45 s');
    expect(formatSeconds(200)).toBe('3 min 20 s');
    expect(formatSeconds(120)).toBe('2 min');
    expect(formatSeconds(3900)).toBe('1 h 5 min');
    expect(formatSeconds(7200)).toBe('2 h');
  });
});
