import { useTranslation } from 'react-i18next';
import { Page } from './ui/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound')}>
      <p>{t('notFound')}</p>
    </Page>
  );
}
