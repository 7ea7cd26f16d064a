import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';
import { AgentsPage } from './agents-page';
import { CannedRepliesPage } from './canned-replies-page';
import { ChannelsPage } from './channels-page';
import { KnowledgePage } from './knowledge-page';
import { StaffCreatePage, StaffEditPage } from './staff-edit-page';
import { StaffListPage } from './staff-list-page';
import { WebhooksPage } from './webhooks-page';
import './admin.css';

/** The links this area adds to the header's navigation. */
export function AdminNav() {
  const { t } = useTranslation('admin');
  return (
    <>
      <NavLink to="/admin" end>
        {t('nav.staff')}
      </NavLink>
      <NavLink to="/admin/knowledge">{t('nav.knowledge')}</NavLink>
      <NavLink to="/admin/agents">{t('nav.agents')}</NavLink>
      <NavLink to="/admin/channels">{t('nav.channels')}</NavLink>
      <NavLink to="/admin/canned-replies">{t('nav.canned')}</NavLink>
      <NavLink to="/admin/webhooks">{t('nav.webhooks')}</NavLink>
    </>
  );
}

/** Routes under /admin (the app mounts them behind the role guard). */
export const adminRoutes: RouteObject[] = [
  { index: true, element: <StaffListPage /> },
  { path: 'staff/new', element: <StaffCreatePage /> },
  { path: 'staff/:staffId', element: <StaffEditPage /> },
  { path: 'knowledge', element: <KnowledgePage /> },
  { path: 'agents', element: <AgentsPage /> },
  { path: 'channels', element: <ChannelsPage /> },
  { path: 'canned-replies', element: <CannedRepliesPage /> },
  { path: 'webhooks', element: <WebhooksPage /> },
];
