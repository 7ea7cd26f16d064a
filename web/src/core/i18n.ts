import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import commonEn from '../i18n/common.en.json';
import commonZh from '../i18n/common.zh.json';
import agentEn from '../i18n/agent.en.json';
import agentZh from '../i18n/agent.zh.json';
import adminEn from '../i18n/admin.en.json';
import adminZh from '../i18n/admin.zh.json';
import billingEn from '../i18n/billing.en.json';
import billingZh from '../i18n/billing.zh.json';
import reportsEn from '../i18n/reports.en.json';
import reportsZh from '../i18n/reports.zh.json';
import platformEn from '../i18n/platform.en.json';
import platformZh from '../i18n/platform.zh.json';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Where the header's language switch keeps the choice. */
export const LANGUAGE_KEY = 'cs-web-language';

/** One namespace per area (web/src/i18n/<area>.<lang>.json): each area edits only its own strings. */
export const resources = {
  en: { common: commonEn, agent: agentEn, admin: adminEn, billing: billingEn, reports: reportsEn, platform: platformEn },
  zh: { common: commonZh, agent: agentZh, admin: adminZh, billing: billingZh, reports: reportsZh, platform: platformZh },
} as const;

/** zh, zh-CN, zh-TW… → Chinese; anything else → English. */
export const toLanguage = (code: string | undefined): Language => (code?.toLowerCase().startsWith('zh') ? 'zh' : 'en');

export function initI18n() {
  return i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      defaultNS: 'common',
      ns: Object.keys(resources.en),
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      interpolation: { escapeValue: false },
      detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: LANGUAGE_KEY, caches: ['localStorage'], convertDetectedLanguage: toLanguage },
    });
}

export { i18next };
