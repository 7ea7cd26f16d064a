import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';

/** The links this area adds to the header's navigation. */
export function ReportsNav() {
  const { t } = useTranslation('reports');
  return (
    <NavLink to="/admin/reports" end>
      {t('title')}
    </NavLink>
  );
}

/** Routes under /admin/reports (the app mounts them behind the role guard). The charts library loads with the page only. */
export const reportsRoutes: RouteObject[] = [{ index: true, lazy: async () => ({ Component: (await import('./reports-page')).ReportsPage }) }];
