import { useTranslation } from 'react-i18next';
import { APP_LANGUAGES, setLanguage } from '../i18n/index.ts';
import { useLanguage } from '../i18n/use-language.ts';

/** nl / fr / en as three buttons: one click, and the current one is announced as pressed. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <fieldset className="language-switch" aria-label={t('shell.language')}>
      {APP_LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === language}
          title={t(`languages.${code}`)}
          onClick={() => setLanguage(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
