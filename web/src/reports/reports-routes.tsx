import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';
import { Page } from '../core/ui/page';

function ReportsHomePage() {
  const { t } = useTranslation('reports');
  return (
    <Page title={t('title')}>
      <p>{t('title')}</p>
    </Page>
  );
}

/** The links this area adds to the header's navigation. */
export function ReportsNav() {
  const { t } = useTranslation('reports');
  return (
    <NavLink to="/admin/reports" end>
      {t('title')}
    </NavLink>
  );
}

/** Routes under /admin/reports (the app mounts them behind the role guard). */
export const reportsRoutes: RouteObject[] = [{ index: true, element: <ReportsHomePage /> }];
