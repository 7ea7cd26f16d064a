import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Page } from '../core/ui/page';
import { MineList, QueueList } from './session-lists';
import { StatusBar } from './status-bar';
import { WorkspaceProvider } from './workspace-context';

/** `/agent`: the status bar, the queue and the agent's conversations beside the open one. */
export function WorkspaceLayout() {
  return (
    <WorkspaceProvider>
      <div className="agent-workspace">
        <StatusBar />
        <div className="agent-columns">
          <aside className="agent-side">
            <QueueList />
            <MineList />
          </aside>
          <Outlet />
        </div>
      </div>
    </WorkspaceProvider>
  );
}

export function PickConversation() {
  const { t } = useTranslation('agent');
  return (
    <Page title={t('title')}>
      <p className="muted">{t('pickConversation')}</p>
    </Page>
  );
}
