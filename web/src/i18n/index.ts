import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

export const APP_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

const STORAGE_KEY = 'collectdesk.language';

export const isAppLanguage = (value: unknown): value is AppLanguage =>
  typeof value === 'string' && (APP_LANGUAGES as readonly string[]).includes(value);

/** The language chosen earlier in this browser; Dutch when none was chosen. */
export function rememberedLanguage(): AppLanguage | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isAppLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function setLanguage(language: AppLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export function currentLanguage(): AppLanguage {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isAppLanguage(language) ? language : 'nl';
}

export function initI18n(): void {
  const language = rememberedLanguage() ?? 'nl';
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } },
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: APP_LANGUAGES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
