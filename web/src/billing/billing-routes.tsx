import { useTranslation } from 'react-i18next';
import { NavLink, type RouteObject } from 'react-router';
import { BillsPage } from './bills-page';
import { PackagesPage } from './packages-page';
import { PayPage } from './pay-page';
import { TradesPage } from './trades-page';
import './billing.css';

/** The links this area adds to the header's navigation. */
export function BillingNav() {
  const { t } = useTranslation('billing');
  return <NavLink to="/admin/billing">{t('title')}</NavLink>;
}

/** Routes under /admin/billing (the app mounts them behind the role guard). */
export const billingRoutes: RouteObject[] = [
  { index: true, element: <PackagesPage /> },
  { path: 'pay/:tradeNo', element: <PayPage /> },
  { path: 'trades', element: <TradesPage /> },
  { path: 'bills', element: <BillsPage /> },
];
