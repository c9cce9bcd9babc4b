import { useTranslation } from 'react-i18next';

/** The names a line may use, written as `{name}`. */
export function Placeholders({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <details className="placeholders" open data-testid="placeholders">
      <summary>{t('callReview.placeholders')}</summary>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <code>{`{${name}}`}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
