import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../gql/graphql';
import { useAuth } from './auth-context';
import { Page } from './ui/page';

/** Route guard: signed out → the sign-in page (coming back here after), another role → a refusal. */
export function RequireRole({ role }: { role: Role }) {
  const { session } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (session.role !== role) {
    return (
      <Page title={t('forbidden')}>
        <p>{t('forbidden')}</p>
      </Page>
    );
  }
  return <Outlet />;
}
