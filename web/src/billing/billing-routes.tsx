import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';
import { Page } from '../core/ui/page';

function BillingHomePage() {
  const { t } = useTranslation('billing');
  return (
    <Page title={t('title')}>
      <p>{t('title')}</p>
    </Page>
  );
}

/** The links this area adds to the header's navigation. */
export function BillingNav() {
  const { t } = useTranslation('billing');
  return (
    <NavLink to="/admin/billing" end>
      {t('title')}
    </NavLink>
  );
}

/** Routes under /admin/billing (the app mounts them behind the role guard). */
export const billingRoutes: RouteObject[] = [{ index: true, element: <BillingHomePage /> }];
