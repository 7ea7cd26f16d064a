import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import type { Role } from '../gql/graphql';
import { AgentNav } from '../agent/agent-routes';
import { AdminNav } from '../admin/admin-routes';
import { BillingNav } from '../billing/billing-routes';
import { ReportsNav } from '../reports/reports-routes';
import { PlatformNav } from '../platform/platform-routes';
import { useAuth } from './auth-context';
import { LanguageSwitch } from './language-switch';
import { Button } from './ui/button';

/** Each role's navigation: the areas' own nav links. */
const navOf: Record<Role, ComponentType[]> = { AGENT: [AgentNav], MERCHANT: [AdminNav, BillingNav, ReportsNav], ADMIN: [PlatformNav] };

/** Header (app name, the role's navigation, language, sign out) around the signed-in pages. */
export function Layout() {
  const { t } = useTranslation();
  const { session, signOut } = useAuth();
  return (
    <div className="shell">
      <header className="app-header">
        <span className="app-name">{t('appName')}</span>
        {session && (
          <nav aria-label={t('mainNav')} className="main-nav">
            {navOf[session.role].map((Nav, i) => (
              <Nav key={i} />
            ))}
          </nav>
        )}
        <div className="header-tools">
          <LanguageSwitch />
          {session && <Button onClick={() => void signOut()}>{t('signOut')}</Button>}
        </div>
      </header>
      <Outlet />
    </div>
  );
}
