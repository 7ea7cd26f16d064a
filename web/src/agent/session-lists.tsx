import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Button } from '../core/ui/button';
import { useErrorText } from '../core/ui/error-text';
import { useToast } from '../core/ui/toast';
import { AcceptSession } from './agent-operations';
import { formatWait, waitedSeconds } from './lib/queue';
import { useNow } from './use-now';
import { useWorkspace, type WorkspaceSession } from './workspace-context';

export const contactName = (s: Pick<WorkspaceSession, 'contact'>) => s.contact.nickname || s.contact.externalId;

/** The queue, first served first, with each one's place and waiting time. */
export function QueueList() {
  const { t } = useTranslation('agent');
  const { queue, put } = useWorkspace();
  const now = useNow();
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useErrorText();
  const [, accept] = useMutation(AcceptSession);
  const take = async (id: number) => {
    const r = await accept({ sessionId: id });
    if (r.error) return toast(errorText(r.error) ?? '', 'error');
    if (r.data) put(r.data.acceptSession);
    navigate(`/agent/sessions/${id}`);
  };
  return (
    <section className="agent-list" aria-labelledby="queue-heading">
      <h2 id="queue-heading">
        {t('queue')} <span className="badge">{t('queueCount', { count: queue.length })}</span>
      </h2>
      {queue.length === 0 ? (
        <p className="muted">{t('queueEmpty')}</p>
      ) : (
        <ol className="queue" aria-label={t('queue')}>
          {queue.map((s) => (
            <li key={s.id} className="queue-item" data-session-id={s.id}>
              <div>
                <strong>{contactName(s)}</strong> <span className="muted">{s.channel}</span>
                <div className="muted">
                  <span className="queue-position">{t('position', { position: s.position })}</span> · <span className="queue-wait">{t('waited', { time: formatWait(waitedSeconds(s.queuedAt ?? s.createdAt, now)) })}</span>
                </div>
                <div className="last-message">{s.lastMessage}</div>
              </div>
              <Button variant="primary" aria-label={t('acceptNamed', { name: contactName(s) })} onClick={() => void take(s.id)}>
                {t('accept')}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The conversations the agent holds, latest activity first. */
export function MineList() {
  const { t } = useTranslation('agent');
  const { mine } = useWorkspace();
  return (
    <section className="agent-list" aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('mine')}</h2>
      {mine.length === 0 ? (
        <p className="muted">{t('mineEmpty')}</p>
      ) : (
        <ul className="mine">
          {mine.map((s) => (
            <li key={s.id}>
              <NavLink to={`/agent/sessions/${s.id}`} aria-label={t('openNamed', { name: contactName(s) })}>
                <strong>{contactName(s)}</strong>
                <span className="last-message">{s.lastMessage}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
