import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';
import { MerchantsPage } from './merchants-page';
import { ProductsPage } from './products-page';
import { PlatformTradesPage } from './trades-page';

/** The links this area adds to the header's navigation. */
export function PlatformNav() {
  const { t } = useTranslation('platform');
  return <NavLink to="/platform">{t('title')}</NavLink>;
}

/** Routes under /platform (the app mounts them behind the role guard). */
export const platformRoutes: RouteObject[] = [
  { index: true, element: <MerchantsPage /> },
  { path: 'products', element: <ProductsPage /> },
  { path: 'trades', element: <PlatformTradesPage /> },
];
