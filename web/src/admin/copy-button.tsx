import { useTranslation } from 'react-i18next';
import { Button } from '../core/ui/button';
import { useToast } from '../core/ui/toast';

/** Copies `text` to the clipboard and says so; `label` names what is copied. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast(t('copied'));
    } catch {
      toast(t('copyFailed'), 'error');
    }
  };
  return <Button onClick={() => void copy()}>{label}</Button>;
}
