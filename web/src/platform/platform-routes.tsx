import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';
import { Page } from '../core/ui/page';

function PlatformHomePage() {
  const { t } = useTranslation('platform');
  return (
    <Page title={t('title')}>
      <p>{t('title')}</p>
    </Page>
  );
}

/** The links this area adds to the header's navigation. */
export function PlatformNav() {
  const { t } = useTranslation('platform');
  return (
    <NavLink to="/platform" end>
      {t('title')}
    </NavLink>
  );
}

/** Routes under /platform (the app mounts them behind the role guard). */
export const platformRoutes: RouteObject[] = [{ index: true, element: <PlatformHomePage /> }];
