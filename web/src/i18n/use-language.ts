import { useTranslation } from 'react-i18next';
import { type AppLanguage, isAppLanguage } from './index.ts';

/** The current UI language, re-rendering the caller when it changes. */
export function useLanguage(): AppLanguage {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isAppLanguage(language) ? language : 'nl';
}
