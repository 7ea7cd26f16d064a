import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { useAuth } from '../core/auth-context';
import { Button } from '../core/ui/button';
import { QueryState, useErrorText } from '../core/ui/error-text';
import { Select } from '../core/ui/field';
import { Page } from '../core/ui/page';
import { useToast } from '../core/ui/toast';
import type { WorkspaceMessageFragment } from '../gql/graphql';
import { AcceptSession, CloseSession, ConversationDetails, EarlierSessions, LabelSession, MessageAdded, Messages, NoteAdded, SuggestedReply, TransferSession } from './agent-operations';
import { Composer } from './composer';
import { mediaSrc } from './lib/media-url';
import { lastSeq, mergeBySeq } from './lib/message-log';
import { subscribeResumable, watchSocket } from './lib/resumable';
import { contactName } from './session-lists';
import { useWorkspace } from './workspace-context';

type Note = { id: number; content: string; createdAt: string; afterSeq: number };

/**
 * The session's history, loaded once and then followed with `messageAdded(after: <last seq>)`: after a
 * drop graphql-ws subscribes again with the seq the page has then, so it gets exactly what it missed.
 */
function useHistory(sessionId: number) {
  const client = useClient();
  const { connection } = useAuth();
  const [messages, setMessages] = useState<WorkspaceMessageFragment[]>([]);
  const [notes, setNotes] = useState<Note[]>([]);
  const have = useRef<WorkspaceMessageFragment[]>([]);
  useEffect(() => {
    let stopped = false;
    let unsubscribe = [() => {}];
    const add = (list: WorkspaceMessageFragment[]) =>
      setMessages((prev) => {
        const next = mergeBySeq(prev, list);
        have.current = next;
        return next;
      });
    const addNotes = (list: Note[]) => setNotes((prev) => [...new Map([...prev, ...list].map((n) => [n.id, n])).values()]);
    const reloadNotes = async () => {
      const r = await client.query(ConversationDetails, { id: sessionId }, { requestPolicy: 'network-only' }).toPromise();
      if (!stopped && r.data) addNotes(r.data.session.notes);
    };
    have.current = [];
    void client
      .query(Messages, { sessionId }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => {
        if (stopped) return;
        add(r.data?.messages ?? []);
        unsubscribe = [
          subscribeResumable(connection.ws, MessageAdded, () => ({ sessionId, after: lastSeq(have.current) }), { next: (d) => add([d.messageAdded]), error: () => {} }),
          subscribeResumable(connection.ws, NoteAdded, () => ({ sessionId }), { next: (d) => addNotes([d.noteAdded]), error: () => {} }),
        ];
      });
    // Notes have no cursor: after a drop they are read again.
    const unwatch = watchSocket(connection.ws, () => {}, () => void reloadNotes());
    return () => {
      stopped = true;
      unsubscribe.forEach((u) => u());
      unwatch();
      setMessages([]);
      setNotes([]);
    };
  }, [client, connection, sessionId]);
  const shown = (list: WorkspaceMessageFragment[]) =>
    setMessages((prev) => {
      const next = mergeBySeq(prev, list);
      have.current = next;
      return next;
    });
  const noted = (list: Note[]) => setNotes((prev) => [...new Map([...prev, ...list].map((n) => [n.id, n])).values()]);
  return { messages, notes, addNotes: noted, addMessages: shown };
}

function MessageBody({ m }: { m: WorkspaceMessageFragment }) {
  const { t } = useTranslation('agent');
  const src = m.media ? mediaSrc(m.media.url) : null;
  const name = m.media?.name ?? m.media?.url ?? '';
  if (m.msgType === 'PICTURE' && src) return <img className="message-picture" src={src} alt={t('picture', { name })} />;
  if (m.media) {
    return (
      <>
        {src ? (
          <a href={src} download={m.media.name ?? true}>
            {t('download', { name })}
          </a>
        ) : (
          <span>{name}</span>
        )}
        {m.content && <p>{m.content}</p>}
      </>
    );
  }
  return <p>{m.content}</p>;
}

/** `/agent/sessions/:id`: history with notes, the contact, the handoff summary, and the actions. */
export function ConversationView() {
  const id = Number(useParams().id);
  const { t, i18n } = useTranslation('agent');
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useErrorText();
  const workspace = useWorkspace();
  const [details, refetch] = useQuery({ query: ConversationDetails, variables: { id }, requestPolicy: 'network-only' });
  const contactId = details.data?.session.contact.id;
  const [earlier] = useQuery({ query: EarlierSessions, variables: { contactId: contactId ?? 0 }, pause: !contactId, requestPolicy: 'network-only' });
  const { messages, notes, addNotes, addMessages } = useHistory(id);
  const [labelIds, setLabelIds] = useState<ReadonlySet<number> | null>(null);
  const [draft, setDraft] = useState('');
  const [suggestion, setSuggestion] = useState<{ text: string; grounded: boolean } | null>(null);
  const [transferTo, setTransferTo] = useState('queue');
  const [, accept] = useMutation(AcceptSession);
  const [, transfer] = useMutation(TransferSession);
  const [, close] = useMutation(CloseSession);
  const [, label] = useMutation(LabelSession);
  const client = useClient();
  const list = useRef<HTMLOListElement>(null);

  const loadedNotes = details.data?.session.notes;
  useEffect(() => void (loadedNotes && addNotes(loadedNotes)), [loadedNotes]); // eslint-disable-line react-hooks/exhaustive-deps

  const timeline = useMemo(() => {
    const items: ({ kind: 'message'; m: WorkspaceMessageFragment; key: string; seq: number; order: number } | { kind: 'note'; n: Note; key: string; seq: number; order: number })[] = [
      ...messages.map((m) => ({ kind: 'message' as const, m, key: `m${m.id}`, seq: m.seq, order: 0 })),
      ...notes.map((n) => ({ kind: 'note' as const, n, key: `n${n.id}`, seq: n.afterSeq, order: 1 })),
    ];
    return items.sort((a, b) => a.seq - b.seq || a.order - b.order || a.key.localeCompare(b.key));
  }, [messages, notes]);
  // The newest at hand: the history's own scroll to its end whenever it grows (the list renders once the details are in).
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [timeline.length, details.data]);

  if (!details.data) {
    return (
      <Page title={t('title')}>
        <QueryState fetching={details.fetching} error={details.error} />
      </Page>
    );
  }
  const loaded = details.data.session;
  const session = { ...loaded, ...(workspace.session(id) ?? {}) };
  const name = contactName(session);
  const mineNow = session.status === 'MANUAL' && session.agent?.id === workspace.agent?.id;
  // Only those who serve this staff can take it (the server refuses others); their status helps choose.
  const colleagues = details.data.agents.items.filter((a) => a.id !== workspace.agent?.id && a.staffIds.includes(session.staffId));
  const sessionLabels = labelIds ?? new Set(loaded.labels.map((l) => l.id));
  // An answer not found in the knowledge base is the AI's refusal: nothing worth sending as the agent's reply.
  const usable = !!suggestion?.text && suggestion.grounded;
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.resolvedLanguage === 'zh' ? 'zh-CN' : 'en');

  const act = async (run: () => Promise<{ error?: Parameters<typeof errorText>[0]; data?: unknown }>, done?: string) => {
    const r = await run();
    if (r.error) return void toast(errorText(r.error) ?? '', 'error');
    if (done) toast(done);
    return r.data;
  };
  const onAccept = () => act(() => accept({ sessionId: id }).then((r) => (r.data && workspace.put(r.data.acceptSession), r)));
  const onTransfer = async () => {
    const ok = await act(() => transfer({ sessionId: id, toAgentId: transferTo === 'queue' ? null : Number(transferTo) }).then((r) => (r.data && workspace.put(r.data.transferSession), r)), t('transferDone'));
    if (ok) navigate('/agent');
  };
  const onClose = () => act(() => close({ sessionId: id }).then((r) => (r.data && workspace.put(r.data.closeSession), r)), t('closedDone'));
  const onSuggest = async () => {
    const r = await client.query(SuggestedReply, { sessionId: id }, { requestPolicy: 'network-only' }).toPromise();
    if (r.error) return void toast(errorText(r.error) ?? '', 'error');
    if (r.data) setSuggestion(r.data.suggestedReply);
  };
  // Shown at once; the mutation's answer (or, on an error, the session read again) settles it.
  const onLabel = async (labelId: number, on: boolean) => {
    const next = new Set(sessionLabels);
    if (on) next.add(labelId);
    else next.delete(labelId);
    setLabelIds(next);
    const r = await label({ sessionId: id, labelId, on });
    if (r.data) return setLabelIds(new Set(r.data.labelSession.labels.map((l) => l.id)));
    toast(errorText(r.error) ?? '', 'error');
    setLabelIds(null);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Page title={t('conversation', { name })}>
      <div className="conversation">
        <section className="timeline-pane" aria-labelledby="history-heading">
          <h2 id="history-heading">{t('history')}</h2>
          <ol ref={list} className="timeline" aria-label={t('history')}>
            {timeline.map((item) =>
              item.kind === 'message' ? (
                <li key={item.key} className={`message from-${item.m.senderType.toLowerCase()}`} data-seq={item.m.seq}>
                  <span className="sender">{t(`sender.${item.m.senderType}`)}</span>
                  <MessageBody m={item.m} />
                  <time dateTime={item.m.createdAt}>{date(item.m.createdAt)}</time>
                </li>
              ) : (
                <li key={item.key} className="message note">
                  <span className="sender">{t('noteBy')}</span>
                  <p>{item.n.content}</p>
                  <time dateTime={item.n.createdAt}>{date(item.n.createdAt)}</time>
                </li>
              ),
            )}
          </ol>
          {session.status === 'CLOSED' ? (
            <p role="status" className="closed-banner">
              {t('closed')}
              {session.csatScore ? ` · ${t('rated', { score: session.csatScore })}` : ''}
            </p>
          ) : mineNow ? (
            <>
              {suggestion && (
                <div className="suggestion" role="region" aria-label={t('suggested')}>
                  {usable ? <p>{suggestion.text}</p> : <p className="muted">{t('noSuggestion')}</p>}
                  {usable && (
                    <Button
                      onClick={() => {
                        setDraft(suggestion.text);
                        setSuggestion(null);
                      }}
                    >
                      {t('useSuggestion')}
                    </Button>
                  )}
                </div>
              )}
              <Composer sessionId={id} staffId={session.staffId} draft={draft} setDraft={setDraft} onSent={(m) => addMessages([m])} onNoted={(n) => addNotes([n])} />
            </>
          ) : null}
        </section>
        <aside className="conversation-side" aria-label={t('profile')}>
          <section className="actions">
            {session.status === 'PENDING' && (
              <Button variant="primary" onClick={() => void onAccept()}>
                {t('accept')}
              </Button>
            )}
            {mineNow && (
              <>
                <Button onClick={() => void onSuggest()}>{t('suggest')}</Button>
                <Select
                  label={t('transferTo')}
                  value={transferTo}
                  onChange={(e) => setTransferTo(e.target.value)}
                  options={[{ value: 'queue', label: t('transferQueue') }, ...colleagues.map((a) => ({ value: String(a.id), label: t('transferToAgent', { name: a.name, status: t(`statusOptions.${a.status}`) }) }))]}
                />
                <Button onClick={() => void onTransfer()}>{t('transfer')}</Button>
                <Button variant="danger" onClick={() => void onClose()}>
                  {t('close')}
                </Button>
              </>
            )}
          </section>
          <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t('profile')}</h2>
            <dl className="profile">
              <dt>{t('nickname')}</dt>
              <dd>{name}</dd>
              <dt>{t('channel')}</dt>
              <dd>{session.channel}</dd>
              <dt>{t('externalId')}</dt>
              <dd>{session.contact.externalId}</dd>
              {session.handoffReason && (
                <>
                  <dt>{t('handoffReason')}</dt>
                  <dd>{session.handoffReason}</dd>
                </>
              )}
            </dl>
          </section>
          {loaded.handoffSummary && (
            <section aria-labelledby="summary-heading" className="handoff-summary">
              <h2 id="summary-heading">{t('summary')}</h2>
              <p>{loaded.handoffSummary.text}</p>
            </section>
          )}
          <section aria-labelledby="labels-heading">
            <h2 id="labels-heading">{t('labels')}</h2>
            {details.data.labels.map((l) => (
              <label key={l.id} className="label-choice">
                <input type="checkbox" checked={sessionLabels.has(l.id)} onChange={(e) => void onLabel(l.id, e.target.checked)} />
                <span className="label-dot" style={{ background: l.colour }} aria-hidden="true" /> {l.name}
              </label>
            ))}
          </section>
          <section aria-labelledby="earlier-heading">
            <h2 id="earlier-heading">{t('earlier')}</h2>
            {(() => {
              const others = earlier.data?.sessions.items.filter((s) => s.id !== id) ?? [];
              if (!others.length) return <p className="muted">{t('earlierEmpty')}</p>;
              return (
                <ul className="earlier">
                  {others.map((s) => (
                    <li key={s.id}>
                      <a href={`/agent/sessions/${s.id}`} onClick={(e) => (e.preventDefault(), navigate(`/agent/sessions/${s.id}`))}>
                        {t('earlierItem', { date: date(s.createdAt), status: t(`sessionStatus.${s.status}`), last: s.lastMessage })}
                      </a>
                      {s.csatScore ? ` · ${t('rated', { score: s.csatScore })}` : ''}
                    </li>
                  ))}
                </ul>
              );
            })()}
          </section>
        </aside>
      </div>
    </Page>
  );
}
