import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../core/ui/button';
import { Field, TextArea } from '../core/ui/field';
import { useErrorText } from '../core/ui/error-text';
import { Table } from '../core/ui/table';
import { useToast } from '../core/ui/toast';
import { AdminSaveFaq } from './admin-operations';
import { faqQuestion, type DocRow } from './sync-progress';

/**
 * FAQ entries: a question and its answer, indexed before the save returns. Editing saves a new entry
 * that replaces the old one; the old answer is not shown again (only the question is in its name).
 */
export function FaqSection({ staffId, entries, onSaved, onDelete }: { staffId: number; entries: DocRow[]; onSaved(doc: DocRow, replacedId: number | null): void; onDelete(doc: DocRow): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [{ fetching }, save] = useMutation(AdminSaveFaq);
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [replaces, setReplaces] = useState<DocRow | null>(null);
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
                <Button
                  onClick={() => {
                    setReplaces(d);
                    setQuestion(faqQuestion(d.fileName));
                    setAnswer('');
                  }}
                >
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
      <form className="admin-form" aria-label={replaces ? t('faq.editForm') : t('faq.newForm')} onSubmit={(e) => void submit(e)}>
        <Field label={t('faq.question')} value={question} onChange={(e) => setQuestion(e.target.value)} required maxLength={500} />
        <TextArea label={t('faq.answer')} hint={replaces ? t('faq.answerHint') : undefined} value={answer} onChange={(e) => setAnswer(e.target.value)} required maxLength={4000} rows={3} />
        <div className="admin-actions">
          <Button variant="primary" type="submit" disabled={fetching}>
            {replaces ? tc('save') : t('faq.add')}
          </Button>
          {replaces && <Button onClick={() => setReplaces(null)}>{tc('cancel')}</Button>}
        </div>
      </form>
    </section>
  );
}
