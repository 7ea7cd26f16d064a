import type { BusinessHoursInput } from '../gql/graphql';

/** One row of the business-hours editor. */
export interface OpeningRow {
  day: number;
  open: string;
  close: string;
}

/** What the editor holds: `alwaysOpen` sends null (the agents are always there). */
export interface HoursForm {
  alwaysOpen: boolean;
  timeZone: string;
  rows: OpeningRow[];
  /** "YYYY-MM-DD" dates, separated by commas, spaces or new lines. */
  holidays: string;
}

export type HoursProblem = { kind: 'timeZone' } | { kind: 'range'; row: number } | { kind: 'holiday'; value: string };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The editor's state for a staff's hours (null: always open, Monday–Friday 9–18 offered to start from). */
export function toHoursForm(hours: { timeZone: string; holidays: readonly string[]; weekly: readonly OpeningRow[] } | null | undefined, defaultZone: string): HoursForm {
  if (!hours) return { alwaysOpen: true, timeZone: defaultZone, rows: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })), holidays: '' };
  return { alwaysOpen: false, timeZone: hours.timeZone, rows: hours.weekly.map(({ day, open, close }) => ({ day, open, close })), holidays: hours.holidays.join('\n') };
}

/** Checks the form and builds the mutation's input; the first problem found otherwise. */
export function toHoursInput(form: HoursForm): { input: BusinessHoursInput | null } | { problem: HoursProblem } {
  if (form.alwaysOpen) return { input: null };
  const timeZone = form.timeZone.trim();
  if (!isTimeZone(timeZone)) return { problem: { kind: 'timeZone' } };
  for (const [row, r] of form.rows.entries()) {
    if (!TIME.test(r.open) || !TIME.test(r.close) || r.close <= r.open || r.day < 1 || r.day > 7) return { problem: { kind: 'range', row } };
  }
  const holidays = form.holidays.split(/[\s,，]+/).filter(Boolean);
  const bad = holidays.find((d) => !DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
  if (bad) return { problem: { kind: 'holiday', value: bad } };
  const weekly = [...form.rows].sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
  return { input: { timeZone, weekly, holidays } };
}

function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
