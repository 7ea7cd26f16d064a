import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';
import { Page } from '../core/ui/page';

function AdminHomePage() {
  const { t } = useTranslation('admin');
  return (
    <Page title={t('title')}>
      <p>{t('title')}</p>
    </Page>
  );
}

/** The links this area adds to the header's navigation. */
export function AdminNav() {
  const { t } = useTranslation('admin');
  return (
    <NavLink to="/admin" end>
      {t('title')}
    </NavLink>
  );
}

/** Routes under /admin (the app mounts them behind the role guard). */
export const adminRoutes: RouteObject[] = [{ index: true, element: <AdminHomePage /> }];
