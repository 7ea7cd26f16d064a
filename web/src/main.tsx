import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { i18next, initI18n, toLanguage } from './core/i18n';
import './styles.css';

// The page's language follows the chosen one (screen readers, fonts, hyphenation).
i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = toLanguage(lng) === 'zh' ? 'zh-CN' : 'en';
});

void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
