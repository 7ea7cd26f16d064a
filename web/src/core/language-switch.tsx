import { useTranslation } from 'react-i18next';
import { toLanguage } from './i18n';

/** The header's language control; i18next keeps the choice in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <select className="language-switch" aria-label={t('language')} value={toLanguage(i18n.resolvedLanguage)} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
      <option value="en" lang="en">
        English
      </option>
      <option value="zh" lang="zh">
        中文
      </option>
    </select>
  );
}
