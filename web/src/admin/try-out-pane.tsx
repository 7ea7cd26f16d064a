import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { Button } from '../core/ui/button';
import { Field } from '../core/ui/field';
import { AdminAskStaffStream } from './admin-operations';
import { foldAnswer, type Turn } from './answer-stream';

/** A chat with the staff inside the admin: each question streams its answer (askStaffStream); nothing is stored. */
export function TryOutPane({ staffId }: { staffId: number }) {
  const { t } = useTranslation('admin');
  const client = useClient();
  const [question, setQuestion] = useState('');
  const [turns, setTurns] = useState<Turn[]>([]);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const busy = turns.some((x) => !x.done);
  const ask = (e: FormEvent) => {
    e.preventDefault();
    const q = question.trim();
    if (!q || busy) return;
    const id = Date.now();
    const update = (patch: (turn: Turn) => Turn) => setTurns((list) => list.map((x) => (x.id === id ? patch(x) : x)));
    setTurns((list) => [...list, { id, question: q, answer: '', done: false, sources: [] }]);
    setQuestion('');
    const sub = client.subscription(AdminAskStaffStream, { staffId, question: q }).subscribe((r) => {
      const ev = r.data?.askStaffStream;
      if (r.error) return update((x) => ({ ...x, done: true, error: r.error?.graphQLErrors[0]?.message ?? r.error?.message }));
      if (!ev) return;
      update((x) => foldAnswer(x, ev));
      if (ev.done) sub.unsubscribe();
    });
    stop.current = () => sub.unsubscribe();
  };

  return (
    <section className="admin-panel try-out" aria-labelledby="try-out-title">
      <h2 id="try-out-title">{t('tryOut.title')}</h2>
      <p className="admin-muted">{t('tryOut.hint')}</p>
      <ol className="try-out-log" aria-label={t('tryOut.log')} aria-live="polite">
        {turns.map((x) => (
          <li key={x.id}>
            <p className="bubble bubble-me">
              <span className="sr-only">{t('tryOut.you')}: </span>
              {x.question}
            </p>
            <p className="bubble bubble-ai" aria-busy={!x.done}>
              <span className="sr-only">{t('tryOut.staff')}: </span>
              {x.error ? <span role="alert">{x.error}</span> : x.answer || t('tryOut.thinking')}
            </p>
            {x.done && !x.error && (
              <p className="admin-muted">{x.grounded ? t('tryOut.sources', { files: x.sources.join(', ') }) : t('tryOut.notGrounded')}</p>
            )}
          </li>
        ))}
      </ol>
      <form className="try-out-form" onSubmit={ask}>
        <Field label={t('tryOut.question')} value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={2000} />
        <Button variant="primary" type="submit" disabled={busy || !question.trim()}>
          {t('tryOut.ask')}
        </Button>
      </form>
    </section>
  );
}
