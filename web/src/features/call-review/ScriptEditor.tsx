import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import {
  type CallScriptView,
  fetchScript,
  resetScript,
  SCRIPT_SECTIONS,
  type ScriptSection,
  type ScriptSituation,
  saveScript,
} from './call-review.api.ts';
import { Placeholders } from './Placeholders.tsx';
import { changedSections, issueAt, lineOf, type Sections, shortReason } from './texts-form.ts';
import { useOverrideForm } from './use-override-form.ts';

type Draft = Sections<ScriptSection>;
const toDraft = (script: CallScriptView): Draft => ({
  opening: [...script.effective.opening],
  keyQuestions: [...script.effective.keyQuestions],
  consequences: [...script.effective.consequences],
  closing: [...script.effective.closing],
});

/**
 * One script's four sections as lines to edit. Saving sends the sections that differ from the
 * default (none: back to the default); a line the server refuses is marked with its reason.
 */
export function ScriptEditor({
  situation,
  language,
  onSaved,
}: {
  situation: ScriptSituation;
  language: Language;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  const loaded = useFetch(`${situation}:${language}`, (signal) => fetchScript(situation, language, signal));
  const {
    view: script,
    draft,
    issues,
    error,
    busy,
    saved,
    issuesBox,
    edit,
    run,
  } = useOverrideForm(loaded, toDraft);

  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!script || !draft) return <p className="muted">{t('common.loading')}</p>;

  const setLine = (section: ScriptSection, index: number, text: string | null) =>
    edit(
      (current) => {
        const lines = [...current[section]];
        if (text === null) lines.splice(index, 1);
        else if (index >= lines.length) lines.push(text);
        else lines[index] = text;
        return { ...current, [section]: lines };
      },
      // The line the server named is no longer the one it refused; later lines move up or down.
      (i) => lineOf(i.field)?.section !== section,
    );

  const save = (event: FormEvent) => {
    event.preventDefault();
    const changed = changedSections(draft, script.default);
    void run(
      () =>
        Object.keys(changed).length > 0
          ? saveScript(situation, language, changed)
          : resetScript(situation, language),
      onSaved,
    );
  };

  const sectionName = (section: string) =>
    (SCRIPT_SECTIONS as readonly string[]).includes(section) ? t(`callReview.sections.${section}`) : section;

  return (
    <form className="text-form card" onSubmit={save} data-testid="script-editor">
      <div className="text-form-head">
        <h2>
          {t(`callReview.situations.${situation}`)} · {t(`languages.${language}`)}
        </h2>
        <p className="muted small" data-testid="script-state">
          {script.isOverridden
            ? t('callReview.editedBy', {
                name: script.updatedBy ?? '—',
                at: formatDateTime(script.updatedAt, uiLanguage),
              })
            : t('callReview.isDefault')}
        </p>
      </div>
      {issues.length > 0 && (
        <div className="form-error" role="alert" ref={issuesBox} data-testid="script-issues">
          <p>{t('callReview.scripts.refused')}</p>
          <ul>
            {issues.map((issue) => {
              const at = lineOf(issue.field);
              return (
                <li key={`${issue.field}:${issue.message}`}>
                  {at
                    ? t('callReview.scripts.lineIssue', {
                        section: sectionName(at.section),
                        line: at.line + 1,
                      })
                    : issue.field}
                  : {shortReason(issue.message)}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      <Placeholders names={script.placeholders} />
      {SCRIPT_SECTIONS.map((section) => (
        <fieldset key={section} className="text-section" data-testid={`section-${section}`}>
          <legend>{t(`callReview.sections.${section}`)}</legend>
          {draft[section].map((line, index) => {
            const issue = issueAt(issues, `${section}.${index}`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own.
              <div key={index} className="text-line">
                <textarea
                  rows={2}
                  value={line}
                  aria-label={t('callReview.scripts.lineLabel', {
                    section: t(`callReview.sections.${section}`),
                    line: index + 1,
                  })}
                  aria-invalid={issue ? true : undefined}
                  onChange={(e) => setLine(section, index, e.target.value)}
                />
                <button
                  type="button"
                  className="button ghost small"
                  aria-label={t('callReview.scripts.removeLine', { line: index + 1 })}
                  title={t('callReview.scripts.removeLine', { line: index + 1 })}
                  onClick={() => setLine(section, index, null)}
                >
                  ✕
                </button>
                {issue && <span className="line-error">{shortReason(issue.message)}</span>}
              </div>
            );
          })}
          <button
            type="button"
            className="button ghost small"
            onClick={() => setLine(section, draft[section].length, '')}
          >
            + {t('callReview.scripts.addLine')}
          </button>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy} data-testid="script-save">
          {t('callReview.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !script.isOverridden}
          onClick={() => void run(() => resetScript(situation, language), onSaved)}
          data-testid="script-reset"
        >
          {t('callReview.resetToDefault')}
        </button>
        {saved && (
          <span className="notice success" role="status">
            {t('callReview.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
