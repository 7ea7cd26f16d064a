/** The per-day figures the report charts draw (a subset of the API's ReportDay). */
export interface DayFigures {
  day: string;
  conversations: number;
  aiOnly: number;
  handedOff: number;
  aiOnlyRate: number;
  handoffRate: number;
  avgQueueWaitSeconds?: number | null;
  avgFirstResponseSeconds?: number | null;
  csatAverage?: number | null;
  csatCount: number;
}

/** One point of every chart: counts, rates in percent, times in seconds; null where a day has no such figure. */
export interface SeriesPoint {
  day: string;
  conversations: number;
  aiOnly: number;
  handedOff: number;
  aiOnlyPercent: number | null;
  handoffPercent: number | null;
  waitSeconds: number | null;
  firstResponseSeconds: number | null;
  csat: number | null;
  csatCount: number;
}

/** YYYY-MM-DD of an instant in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The calendar day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Every local day the period [from, to) touches, in order. */
export function daysOf(from: Date, to: Date, timeZone: string): string[] {
  const last = localDay(new Date(to.getTime() - 1), timeZone);
  const days: string[] = [];
  for (let d = localDay(from, timeZone); d <= last; d = nextDay(d)) days.push(d);
  return days;
}

const percent = (rate: number) => Math.round(rate * 1000) / 10;

/**
 * The server reports only days with sessions; a chart over time needs every day of the period, the
 * quiet ones as zero conversations and no rate, time or rating (a gap, not a fall to zero).
 */
export function toSeries(byDay: readonly DayFigures[], from: Date, to: Date, timeZone: string): SeriesPoint[] {
  const known = new Map(byDay.map((d) => [d.day, d]));
  return daysOf(from, to, timeZone).map((day) => {
    const d = known.get(day);
    if (!d || d.conversations === 0) {
      return { day, conversations: 0, aiOnly: 0, handedOff: 0, aiOnlyPercent: null, handoffPercent: null, waitSeconds: null, firstResponseSeconds: null, csat: null, csatCount: 0 };
    }
    return {
      day,
      conversations: d.conversations,
      aiOnly: d.aiOnly,
      handedOff: d.handedOff,
      aiOnlyPercent: percent(d.aiOnlyRate),
      handoffPercent: percent(d.handoffRate),
      waitSeconds: d.avgQueueWaitSeconds ?? null,
      firstResponseSeconds: d.avgFirstResponseSeconds ?? null,
      csat: d.csatAverage ?? null,
      csatCount: d.csatCount,
    };
  });
}

/** The busiest point of a series by one figure, for a chart's text summary; null when every value is empty. */
export function peakOf(series: readonly SeriesPoint[], pick: (p: SeriesPoint) => number | null): { day: string; value: number } | null {
  let best: { day: string; value: number } | null = null;
  for (const p of series) {
    const v = pick(p);
    if (v !== null && (best === null || v > best.value)) best = { day: p.day, value: v };
  }
  return best;
}

/** The period of the last `days` local days, today included: from local midnight to the next midnight. */
export function lastDays(days: number, now: Date = new Date()): { from: Date; to: Date } {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days + 1);
  return { from, to };
}

/** Seconds as a short duration: "45 s", "3 min 20 s", "1 h 5 min". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const m = Math.round(s / 60);
  return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m / 60} h`;
}
