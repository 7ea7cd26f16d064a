import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';
import { ConversationView } from './conversation-view';
import { PickConversation, WorkspaceLayout } from './workspace-layout';
import './agent.css';

/** The links this area adds to the header's navigation. */
export function AgentNav() {
  const { t } = useTranslation('agent');
  return <NavLink to="/agent">{t('navWorkspace')}</NavLink>;
}

/** Routes under /agent (the app mounts them behind the role guard). */
export const agentRoutes: RouteObject[] = [
  {
    element: <WorkspaceLayout />,
    children: [
      { index: true, element: <PickConversation /> },
      { path: 'sessions/:id', element: <ConversationView /> },
    ],
  },
];
