import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../core/ui/button';
import { Field, Select, TextArea } from '../core/ui/field';
import type { BusinessHoursInput } from '../gql/graphql';
import { toHoursForm, toHoursInput, type HoursForm, type HoursProblem } from './business-hours';
import { Checkbox } from './checkbox';

type Hours = Parameters<typeof toHoursForm>[0];

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';

/** When the staff's agents work: weekly openings in a time zone, and holidays; or always. */
export function BusinessHoursEditor({ hours, busy, onSave }: { hours: Hours; busy: boolean; onSave(input: BusinessHoursInput | null): void }) {
  const { t } = useTranslation('admin');
  const [form, setForm] = useState<HoursForm>(() => toHoursForm(hours, browserZone()));
  const [problem, setProblem] = useState<HoursProblem | null>(null);
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`hours.days.${d}` as 'hours.days.1') }));
  const setRow = (i: number, patch: Partial<HoursForm['rows'][number]>) => setForm((f) => ({ ...f, rows: f.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = toHoursInput(form);
    if ('problem' in checked) return setProblem(checked.problem);
    setProblem(null);
    onSave(checked.input);
  };
  const problemText =
    problem?.kind === 'timeZone'
      ? t('hours.badZone')
      : problem?.kind === 'range'
        ? t('hours.badRange', { row: problem.row + 1 })
        : problem?.kind === 'holiday'
          ? t('hours.badHoliday', { value: problem.value })
          : null;
  return (
    <form className="admin-panel" aria-labelledby="hours-title" onSubmit={submit}>
      <h2 id="hours-title">{t('hours.title')}</h2>
      <Checkbox label={t('hours.alwaysOpen')} checked={form.alwaysOpen} onChange={(e) => setForm((f) => ({ ...f, alwaysOpen: e.target.checked }))} />
      {!form.alwaysOpen && (
        <>
          <Field label={t('hours.timeZone')} value={form.timeZone} onChange={(e) => setForm((f) => ({ ...f, timeZone: e.target.value }))} />
          <ul className="hours-rows" aria-label={t('hours.openings')}>
            {form.rows.map((r, i) => (
              <li key={i} className="hours-row">
                <Select label={t('hours.day', { row: i + 1 })} value={String(r.day)} onChange={(e) => setRow(i, { day: Number(e.target.value) })} options={days} />
                <Field label={t('hours.open', { row: i + 1 })} inputMode="numeric" placeholder="HH:mm" value={r.open} onChange={(e) => setRow(i, { open: e.target.value })} />
                <Field label={t('hours.close', { row: i + 1 })} inputMode="numeric" placeholder="HH:mm" value={r.close} onChange={(e) => setRow(i, { close: e.target.value })} />
                <Button onClick={() => setForm((f) => ({ ...f, rows: f.rows.filter((_, j) => j !== i) }))}>{t('hours.remove', { row: i + 1 })}</Button>
              </li>
            ))}
          </ul>
          <Button onClick={() => setForm((f) => ({ ...f, rows: [...f.rows, { day: 1, open: '09:00', close: '18:00' }] }))}>{t('hours.add')}</Button>
          <TextArea label={t('hours.holidays')} hint={t('hours.holidaysHint')} value={form.holidays} onChange={(e) => setForm((f) => ({ ...f, holidays: e.target.value }))} rows={2} />
        </>
      )}
      {problemText && (
        <p role="alert" className="form-error">
          {problemText}
        </p>
      )}
      <Button variant="primary" type="submit" disabled={busy}>
        {t('hours.save')}
      </Button>
    </form>
  );
}
