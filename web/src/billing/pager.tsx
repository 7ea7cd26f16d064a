import { useTranslation } from 'react-i18next';
import { Button } from '../core/ui/button';

/** Previous / next over an offset-paged list (pageNo from 0). */
export function Pager({ pageNo, pageSize, total, onPage }: { pageNo: number; pageSize: number; total: number; onPage(pageNo: number): void }) {
  const { t } = useTranslation('billing');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <div className="pager">
      <Button disabled={pageNo === 0} onClick={() => onPage(pageNo - 1)}>
        {t('previous')}
      </Button>
      <span>{t('pageOf', { page: pageNo + 1, pages })}</span>
      <Button disabled={pageNo + 1 >= pages} onClick={() => onPage(pageNo + 1)}>
        {t('next')}
      </Button>
    </div>
  );
}
