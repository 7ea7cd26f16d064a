import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { CombinedError } from 'urql';
import type { Role } from '../gql/graphql';
import { homeOf, useAuth } from './auth-context';
import { LanguageSwitch } from './language-switch';
import { Button } from './ui/button';
import { useErrorText } from './ui/error-text';
import { Field } from './ui/field';
import { Page } from './ui/page';

const ROLE_KEY = 'cs-web-sign-in-role';
const ROLES = ['MERCHANT', 'AGENT', 'ADMIN'] as const satisfies readonly Role[];
const roleLabel = { MERCHANT: 'roleMerchant', AGENT: 'roleAgent', ADMIN: 'roleAdmin' } as const;

const lastRole = (): Role => ROLES.find((r) => r === localStorage.getItem(ROLE_KEY)) ?? 'MERCHANT';

/** `/login`: one form for the three roles; the role picks the login mutation. */
export function SignInPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { session, signIn } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [role, setRole] = useState<Role>(lastRole);
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (session && !busy) return <Navigate to={homeOf[session.role]} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(role, userName, password);
      localStorage.setItem(ROLE_KEY, role);
      navigate(from?.startsWith(homeOf[signedIn.role]) ? from : homeOf[signedIn.role], { replace: true });
    } catch (err) {
      setError(errorText(err as CombinedError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <div className="sign-in-tools">
        <LanguageSwitch />
      </div>
      <Page title={t('signInTitle')}>
        <form className="sign-in-form" onSubmit={(e) => void submit(e)}>
          <fieldset className="role-choice">
            <legend>{t('signInAs')}</legend>
            {ROLES.map((r) => (
              <label key={r}>
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} /> {t(roleLabel[r])}
              </label>
            ))}
          </fieldset>
          <Field label={t('userName')} name="userName" autoComplete="username" required value={userName} onChange={(e) => setUserName(e.target.value)} />
          <Field label={t('password')} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('signingIn') : t('signIn')}
          </Button>
        </form>
      </Page>
    </div>
  );
}
