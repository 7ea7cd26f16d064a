import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../graphql-client';

const KNOWN = ['INVALID_CREDENTIALS', 'ACCOUNT_FROZEN', 'RATE_LIMITED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NETWORK'] as const;

/** A GraphQL error as one translated line: a known code's own words, otherwise the server's message. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: CombinedError | undefined | null): string | null => {
    if (!error) return null;
    const code = errorCode(error);
    const known = KNOWN.find((k) => k === code);
    return known ? t(`errors.${known}`) : t('error', { message: error.graphQLErrors[0]?.message ?? error.message });
  };
}

/** The loading line or the error alert of a query. */
export function QueryState({ fetching, error }: { fetching: boolean; error?: CombinedError }) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (error) return <p role="alert">{text(error)}</p>;
  return fetching ? <p role="status">{t('loading')}</p> : null;
}
