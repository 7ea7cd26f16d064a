import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../core/ui/button';
import { useErrorText } from '../core/ui/error-text';
import { useToast } from '../core/ui/toast';
import type { MessageType, WorkspaceMessageFragment } from '../gql/graphql';
import { AddNote, CannedReplies, SendCannedReply, SendMessage, UploadSessionMedia } from './agent-operations';
import { cannedOf, matchCanned, shortcutQuery } from './lib/canned-shortcut';

const newClientMsgId = () => crypto.randomUUID();

/** Reply (text, a picture, a file, a canned reply by its /shortcut) and internal notes. */
interface ComposerProps {
  sessionId: number;
  staffId: number;
  draft: string;
  setDraft(text: string): void;
  /** What was sent, shown before its messageAdded event arrives (the history keeps each seq once). */
  onSent(message: WorkspaceMessageFragment): void;
  onNoted(note: { id: number; content: string; createdAt: string; afterSeq: number }): void;
}

export function Composer({ sessionId, staffId, draft, setDraft, onSent, onNoted }: ComposerProps) {
  const { t } = useTranslation('agent');
  const toast = useToast();
  const errorText = useErrorText();
  const replyId = useId();
  const [{ data: canned }] = useQuery({ query: CannedReplies, variables: { staffId } });
  const [, send] = useMutation(SendMessage);
  const [, sendCanned] = useMutation(SendCannedReply);
  const [, upload] = useMutation(UploadSessionMedia);
  const [, addNote] = useMutation(AddNote);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const replies = canned?.cannedReplies ?? [];
  const query = shortcutQuery(draft);
  const suggestions = query === null ? [] : matchCanned(replies, query).slice(0, 6);

  const fail = (error: Parameters<typeof errorText>[0]) => void toast(errorText(error) ?? '', 'error');

  const sendCannedReply = async (id: number) => {
    const r = await sendCanned({ sessionId, cannedReplyId: id, clientMsgId: newClientMsgId() });
    if (!r.data) return fail(r.error);
    onSent(r.data.sendCannedReply);
    setDraft('');
  };
  const submit = async () => {
    const picked = cannedOf(replies, draft);
    if (picked) return sendCannedReply(picked.id);
    if (!draft.trim()) return;
    const r = await send({ input: { sessionId, content: draft, clientMsgId: newClientMsgId() } });
    if (!r.data) return fail(r.error);
    onSent(r.data.sendMessage);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    void submit();
  };
  const sendFile = async (file: File | undefined, msgType: MessageType) => {
    if (!file) return;
    setBusy(file.name);
    try {
      const up = await upload({ sessionId, file });
      if (!up.data) return fail(up.error);
      const { url, name, mimeType, size } = up.data.uploadSessionMedia;
      const media = { url, name, mimeType, size };
      const r = await send({ input: { sessionId, content: '', msgType, media, clientMsgId: newClientMsgId() } });
      if (r.data) onSent(r.data.sendMessage);
      else fail(r.error);
    } finally {
      setBusy(null);
    }
  };
  const submitNote = async () => {
    if (!note.trim()) return;
    const r = await addNote({ sessionId, content: note });
    if (!r.data) return fail(r.error);
    onNoted(r.data.addSessionNote);
    setNote('');
  };

  return (
    <div className="composer">
      {suggestions.length > 0 && (
        <ul className="canned-suggestions" aria-label={t('cannedSuggestions')}>
          {suggestions.map((c) => (
            <li key={c.id}>
              <Button aria-label={t('sendCanned', { shortcut: c.shortcut })} onClick={() => void sendCannedReply(c.id)}>
                <code>{c.shortcut}</code> {c.title}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={replyId}>{t('reply')}</label>
      <textarea id={replyId} name="reply" rows={3} value={draft} aria-describedby={`${replyId}-hint`} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} />
      <small id={`${replyId}-hint`} className="muted">
        {t('replyHint')}
      </small>
      <div className="composer-actions">
        <label className="btn btn-secondary file-pick">
          {t('attachImage')}
          <input type="file" className="visually-hidden" accept="image/png,image/jpeg,image/gif,image/webp" onChange={(e) => void sendFile(e.target.files?.[0], 'PICTURE').then(() => (e.target.value = ''))} />
        </label>
        <label className="btn btn-secondary file-pick">
          {t('attachFile')}
          <input type="file" className="visually-hidden" onChange={(e) => void sendFile(e.target.files?.[0], 'FILE').then(() => (e.target.value = ''))} />
        </label>
        {busy && <span role="status">{t('uploading', { name: busy })}</span>}
        <Button variant="primary" onClick={() => void submit()}>
          {t('send')}
        </Button>
      </div>
      <form
        className="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submitNote();
        }}
      >
        <label>
          {t('noteText')}
          <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <Button type="submit">{t('addNote')}</Button>
      </form>
    </div>
  );
}
