import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, type CombinedError } from 'urql';
import { Button } from '../core/ui/button';
import { Field, TextArea } from '../core/ui/field';
import { useErrorText } from '../core/ui/error-text';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import { AdminFaqEntry, AdminSaveFaq } from './admin-operations';
import { faqQuestion, type DocRow } from './sync-progress';

/**
 * FAQ entries: a question and its answer, indexed before the save returns. Edit loads the entry's saved
 * question and answer into the form; saving then stores a new entry that replaces the old one.
 */
export function FaqSection({ staffId, entries, onSaved, onDelete }: { staffId: number; entries: DocRow[]; onSaved(doc: DocRow, replacedId: number | null): void; onDelete(doc: DocRow): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const client = useClient();
  const [{ fetching }, save] = useMutation(AdminSaveFaq);
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [replaces, setReplaces] = useState<DocRow | null>(null);
  // The load of the entry being edited; what it shows goes with the edit (a save or cancel ends both).
  const [loading, setLoading] = useState<{ of: DocRow; fetching: boolean; error?: CombinedError } | null>(null);
  const load = replaces && loading?.of === replaces ? loading : null;
  // Only the latest Edit (not one since cancelled or followed by another) fills the form.
  const editTicket = useRef(0);
  const edit = async (d: DocRow) => {
    const ticket = ++editTicket.current;
    setReplaces(d);
    setQuestion(faqQuestion(d.fileName));
    setAnswer('');
    setLoading({ of: d, fetching: true });
    const r = await client.query(AdminFaqEntry, { staffId, documentId: d.id }, { requestPolicy: 'network-only' }).toPromise();
    if (ticket !== editTicket.current) return;
    if (!r.data) return setLoading({ of: d, fetching: false, error: r.error });
    setQuestion(r.data.faqEntry.question);
    setAnswer(r.data.faqEntry.answer);
    setLoading(null);
  };
  const cancel = () => {
    editTicket.current++;
    setReplaces(null);
    setQuestion('');
    setAnswer('');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await save({ staffId, question, answer, replaces: replaces?.id ?? null });
    if (!r.data) return toast(errorText(r.error) ?? '', 'error');
    onSaved({ ...r.data.saveFaqEntry, fileSize: 0, chunkCount: 1 }, replaces?.id ?? null);
    toast(t('faq.saved'));
    // Only what was sent is cleared: a next question typed while this one was saving stays.
    setQuestion((q) => (q === question ? '' : q));
    setAnswer((a) => (a === answer ? '' : a));
    setReplaces((r) => (r === replaces ? null : r));
  };
  return (
    <section className="admin-panel" aria-labelledby="faq-title">
      <h2 id="faq-title">{t('faq.title')}</h2>
      <Table
        caption={t('faq.caption')}
        rowKey={(d) => d.id}
        rows={entries}
        columns={[
          { key: 'q', header: t('faq.question'), cell: (d) => faqQuestion(d.fileName) },
          { key: 'state', header: t('knowledge.state'), cell: (d) => t(`knowledge.states.${d.syncState}`) },
          {
            key: 'actions',
            header: t('actions'),
            cell: (d) => (
              <div className="admin-actions">
                <Button onClick={() => void edit(d)}>
                  {t('faq.editOf', { question: faqQuestion(d.fileName) })}
                </Button>
                <Button variant="danger" onClick={() => onDelete(d)}>
                  {t('faq.deleteOf', { question: faqQuestion(d.fileName) })}
                </Button>
              </div>
            ),
          },
        ]}
      />
      <form className="admin-form" aria-label={replaces ? t('faq.editForm') : t('faq.newForm')} aria-busy={Boolean(load?.fetching)} onSubmit={(e) => void submit(e)}>
        {load?.fetching && <p role="status">{t('faq.loadingEntry')}</p>}
        {load?.error && (
          <p role="alert">
            {t('faq.loadFailed')} {errorText(load.error)}
          </p>
        )}
        <Field label={t('faq.question')} value={question} onChange={(e) => setQuestion(e.target.value)} required maxLength={500} disabled={load?.fetching} />
        <TextArea label={t('faq.answer')} hint={replaces ? t('faq.answerHint') : undefined} value={answer} onChange={(e) => setAnswer(e.target.value)} required maxLength={4000} rows={3} disabled={load?.fetching} />
        <div className="admin-actions">
          <Button variant="primary" type="submit" disabled={fetching || load?.fetching}>
            {replaces ? tc('save') : t('faq.add')}
          </Button>
          {replaces && <Button onClick={cancel}>{tc('cancel')}</Button>}
        </div>
      </form>
    </section>
  );
}
