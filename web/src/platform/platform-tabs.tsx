import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The platform admin's own navigation: merchants, products, trades. */
export function PlatformTabs() {
  const { t } = useTranslation('platform');
  return (
    <nav aria-label={t('sections')} className="area-tabs">
      <NavLink to="/platform" end>
        {t('merchantsTab')}
      </NavLink>
      <NavLink to="/platform/products">{t('productsTab')}</NavLink>
      <NavLink to="/platform/trades">{t('tradesTab')}</NavLink>
    </nav>
  );
}
