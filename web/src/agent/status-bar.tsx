import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { AgentStatus } from '../gql/graphql';
import { SetAgentStatus, SetAutoAccept } from './agent-operations';
import { useWorkspace } from './workspace-context';

const STATUSES = ['ONLINE', 'AWAY', 'BUSY', 'OFFLINE'] as const satisfies readonly AgentStatus[];

/** Status, auto-accept, sound, and the connection: "reconnecting" stays visible while the socket is away. */
export function StatusBar() {
  const { t } = useTranslation('agent');
  const { agent, socket, sound, setSound } = useWorkspace();
  const [, setStatus] = useMutation(SetAgentStatus);
  const [, setAutoAccept] = useMutation(SetAutoAccept);
  return (
    <div className="agent-status-bar" role="toolbar" aria-label={t('status')}>
      {agent && (
        <>
          <label>
            {t('status')}{' '}
            <select value={agent.status} onChange={(e) => void setStatus({ status: e.target.value as AgentStatus })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statusOptions.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={agent.autoAccept} onChange={(e) => void setAutoAccept({ on: e.target.checked })} /> {t('autoAccept')}
          </label>
        </>
      )}
      <label>
        <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} /> {t('sound')}
      </label>
      <span className={`connection connection-${socket}`} role="status" data-state={socket}>
        {t(`connection.${socket}`)}
      </span>
    </div>
  );
}
