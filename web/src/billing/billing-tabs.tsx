import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The billing pages' own navigation: packages, trades, bills. */
export function BillingTabs() {
  const { t } = useTranslation('billing');
  return (
    <nav aria-label={t('sections')} className="area-tabs">
      <NavLink to="/admin/billing" end>
        {t('packagesTab')}
      </NavLink>
      <NavLink to="/admin/billing/trades">{t('tradesTab')}</NavLink>
      <NavLink to="/admin/billing/bills">{t('billsTab')}</NavLink>
    </nav>
  );
}
