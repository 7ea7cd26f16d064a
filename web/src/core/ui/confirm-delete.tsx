import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { Dialog } from './dialog';

/**
 * Asks before deleting `item` (nothing shows while it is null). The dialog closes before `onConfirm` runs, so
 * the page reports the outcome (a toast) with the list already in view.
 */
export function ConfirmDelete<T>({ item, title, warning, onConfirm, onClose }: { item: T | null; title(item: T): string; warning: string; onConfirm(item: T): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={item !== null}
      title={item === null ? '' : title(item)}
      onClose={onClose}
      footer={
        item !== null && (
          <Button
            variant="danger"
            onClick={() => {
              onClose();
              onConfirm(item);
            }}
          >
            {t('delete')}
          </Button>
        )
      }
    >
      <p>{warning}</p>
    </Dialog>
  );
}
