import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';
import { Page } from '../core/ui/page';

function AgentHomePage() {
  const { t } = useTranslation('agent');
  return (
    <Page title={t('title')}>
      <p>{t('title')}</p>
    </Page>
  );
}

/** The links this area adds to the header's navigation. */
export function AgentNav() {
  const { t } = useTranslation('agent');
  return (
    <NavLink to="/agent" end>
      {t('title')}
    </NavLink>
  );
}

/** Routes under /agent (the app mounts them behind the role guard). */
export const agentRoutes: RouteObject[] = [{ index: true, element: <AgentHomePage /> }];
