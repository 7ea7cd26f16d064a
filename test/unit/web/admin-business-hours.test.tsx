// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BusinessHoursEditor } from '../../../web/src/admin/business-hours-editor';
import { toHoursForm, toHoursInput } from '../../../web/src/admin/business-hours';
import { initI18n } from '../../../web/src/core/i18n';

beforeAll(async () => {
  localStorage.setItem('cs-web-language', 'en');
  await initI18n();
});
afterEach(cleanup);

describe('business hours: form ⇄ input', () => {
  const hours = { timeZone: 'Asia/Shanghai', holidays: ['2026-10-01'], weekly: [{ day: 2, open: '13:00', close: '18:00' }, { day: 1, open: '09:00', close: '12:00' }] };

  it('round-trips a staff’s hours, ordered by day and time', () => {
    expect(toHoursInput(toHoursForm(hours, 'UTC'))).toEqual({
      input: { timeZone: 'Asia/Shanghai', holidays: ['2026-10-01'], weekly: [{ day: 1, open: '09:00', close: '12:00' }, { day: 2, open: '13:00', close: '18:00' }] },
    });
  });

  it('sends null for always open, and starts a new schedule on weekdays 9–18 in the given zone', () => {
    const form = toHoursForm(null, 'Europe/Paris');
    expect(toHoursInput(form)).toEqual({ input: null });
    const weekly = toHoursInput({ ...form, alwaysOpen: false });
    expect(weekly).toMatchObject({ input: { timeZone: 'Europe/Paris', holidays: [] } });
    expect('input' in weekly && weekly.input?.weekly.map((r) => r.day)).toEqual([1, 2, 3, 4, 5]);
  });

  it('accepts 24:00 as the end of a day, and holidays split by commas, spaces or lines', () => {
    const form = { alwaysOpen: false, timeZone: 'UTC', rows: [{ day: 7, open: '00:00', close: '24:00' }], holidays: '2026-01-01, 2026-02-17\n2026-05-01' };
    expect(toHoursInput(form)).toEqual({ input: { timeZone: 'UTC', weekly: [{ day: 7, open: '00:00', close: '24:00' }], holidays: ['2026-01-01', '2026-02-17', '2026-05-01'] } });
  });

  it('names the first problem: an unknown zone, a range that closes before it opens, a bad date', () => {
    const base = { alwaysOpen: false, timeZone: 'UTC', rows: [{ day: 1, open: '09:00', close: '18:00' }], holidays: '' };
    expect(toHoursInput({ ...base, timeZone: 'Mars/Olympus' })).toEqual({ problem: { kind: 'timeZone' } });
    expect(toHoursInput({ ...base, rows: [...base.rows, { day: 3, open: '18:00', close: '09:00' }] })).toEqual({ problem: { kind: 'range', row: 1 } });
    expect(toHoursInput({ ...base, rows: [{ day: 1, open: '9:00', close: '18:00' }] })).toEqual({ problem: { kind: 'range', row: 0 } });
    expect(toHoursInput({ ...base, holidays: '2026-13-45' })).toEqual({ problem: { kind: 'holiday', value: '2026-13-45' } });
  });
});

describe('business hours editor', () => {
  it('edits an opening and saves the checked input', () => {
    const onSave = vi.fn();
    render(<BusinessHoursEditor hours={{ timeZone: 'Asia/Shanghai', holidays: [], weekly: [{ day: 1, open: '09:00', close: '18:00' }] }} busy={false} onSave={onSave} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Day of opening 1' }), { target: { value: '6' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Closes (opening 1)' }), { target: { value: '20:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add an opening' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save business hours' }));
    expect(onSave).toHaveBeenCalledWith({
      timeZone: 'Asia/Shanghai',
      holidays: [],
      weekly: [
        { day: 1, open: '09:00', close: '18:00' },
        { day: 6, open: '09:00', close: '20:30' },
      ],
    });
  });

  it('shows the problem as an alert and does not save', () => {
    const onSave = vi.fn();
    render(<BusinessHoursEditor hours={{ timeZone: 'Asia/Shanghai', holidays: [], weekly: [{ day: 1, open: '09:00', close: '18:00' }] }} busy={false} onSave={onSave} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Opens (opening 1)' }), { target: { value: '19:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save business hours' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Opening 1/);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves null once "always available" is ticked', () => {
    const onSave = vi.fn();
    render(<BusinessHoursEditor hours={{ timeZone: 'UTC', holidays: [], weekly: [] }} busy={false} onSave={onSave} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Agents are always available' }));
    expect(screen.queryByRole('textbox', { name: /Time zone/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save business hours' }));
    expect(onSave).toHaveBeenCalledWith(null);
  });
});
