import { useTranslation } from 'react-i18next';
import type { Language } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { navigate, useLocation } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { CallReviewTabs } from './CallReviewTabs.tsx';
import {
  fetchObjectionList,
  fetchScriptList,
  type ObjectionCode,
  SCRIPT_SITUATIONS,
  type ScriptSituation,
  TEXT_LANGUAGES,
} from './call-review.api.ts';
import { ObjectionEditor } from './ObjectionEditor.tsx';
import { ScriptEditor } from './ScriptEditor.tsx';

type Kind = 'scripts' | 'objections';

/**
 * The workbench texts a senior edits: the call script per situation and language, and the
 * wording of the objection library. Pick on the left, edit on the right.
 */
export function ScriptsPage() {
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  useDocumentTitle(t('callReview.scripts.title'));
  const { search } = useLocation();
  const kind: Kind = search.get('kind') === 'objections' ? 'objections' : 'scripts';
  const language = (TEXT_LANGUAGES as readonly string[]).includes(search.get('language') ?? '')
    ? (search.get('language') as Language)
    : uiLanguage;
  const situation = (SCRIPT_SITUATIONS as readonly string[]).includes(search.get('situation') ?? '')
    ? (search.get('situation') as ScriptSituation)
    : SCRIPT_SITUATIONS[0];
  const scripts = useFetch(kind === 'scripts' ? `scripts:${language}` : null, (signal) =>
    fetchScriptList(language, signal),
  );
  const objections = useFetch(kind === 'objections' ? `objections:${language}` : null, (signal) =>
    fetchObjectionList(language, signal),
  );
  const objectionItems = objections.data?.items ?? [];
  const code = (objectionItems.find((o) => o.code === search.get('code'))?.code ?? objectionItems[0]?.code) as
    | ObjectionCode
    | undefined;

  const go = (next: { kind?: Kind; language?: Language; situation?: string; code?: string }) => {
    const params = new URLSearchParams();
    const nextKind = next.kind ?? kind;
    if (nextKind === 'objections') params.set('kind', 'objections');
    params.set('language', next.language ?? language);
    // Another kind starts at its first situation or objection.
    const nextSituation = next.situation ?? (next.kind ? undefined : situation);
    const nextCode = next.code ?? (next.kind ? undefined : code);
    if (nextKind === 'scripts' && nextSituation) params.set('situation', nextSituation);
    if (nextKind === 'objections' && nextCode) params.set('code', nextCode);
    navigate(`/calls/scripts?${params}`, { replace: true });
  };
  const reloadLists = () => {
    scripts.reload();
    objections.reload();
  };

  return (
    <section className="page call-review" aria-labelledby="scripts-title">
      <CallReviewTabs />
      <div className="page-head">
        <h1 id="scripts-title">{t('callReview.scripts.title')}</h1>
        <p className="hint">{t('callReview.scripts.intro')}</p>
      </div>
      <div className="toolbar">
        <fieldset className="segmented" aria-label={t('callReview.scripts.kind')}>
          <legend className="visually-hidden">{t('callReview.scripts.kind')}</legend>
          {(['scripts', 'objections'] as const).map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => go({ kind: k })}>
              {t(`callReview.scripts.kinds.${k}`)}
            </button>
          ))}
        </fieldset>
        <fieldset className="segmented" aria-label={t('callReview.scripts.language')}>
          <legend className="visually-hidden">{t('callReview.scripts.language')}</legend>
          {TEXT_LANGUAGES.map((l) => (
            <button key={l} type="button" aria-pressed={language === l} onClick={() => go({ language: l })}>
              {t(`languages.${l}`)}
            </button>
          ))}
        </fieldset>
      </div>

      <div className="texts-layout">
        <nav className="texts-picker card" aria-label={t(`callReview.scripts.kinds.${kind}`)}>
          {kind === 'scripts' &&
            SCRIPT_SITUATIONS.map((s) => {
              const edited = scripts.data?.items.find((i) => i.situation === s)?.isOverridden;
              return (
                <button
                  key={s}
                  type="button"
                  aria-pressed={s === situation}
                  onClick={() => go({ situation: s })}
                  data-testid={`situation-${s}`}
                >
                  {t(`callReview.situations.${s}`)}
                  {edited && <span className="tag subtle">{t('callReview.edited')}</span>}
                </button>
              );
            })}
          {kind === 'objections' &&
            objectionItems.map((o) => (
              <button
                key={o.code}
                type="button"
                aria-pressed={o.code === code}
                onClick={() => go({ code: o.code })}
                data-testid={`objection-${o.code}`}
              >
                {o.label}
                {o.isOverridden && <span className="tag subtle">{t('callReview.edited')}</span>}
              </button>
            ))}
          {scripts.status === 'error' && <ErrorNotice error={scripts.error} onRetry={scripts.reload} />}
          {objections.status === 'error' && (
            <ErrorNotice error={objections.error} onRetry={objections.reload} />
          )}
        </nav>
        <div className="texts-editor">
          {kind === 'scripts' && (
            <ScriptEditor
              key={`${situation}:${language}`}
              situation={situation}
              language={language}
              onSaved={reloadLists}
            />
          )}
          {kind === 'objections' && code && (
            <ObjectionEditor
              key={`${code}:${language}`}
              code={code}
              language={language}
              onSaved={reloadLists}
            />
          )}
        </div>
      </div>
    </section>
  );
}
