import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import {
  fetchObjection,
  type ObjectionCode,
  type ObjectionTextView,
  resetObjection,
  saveObjection,
} from './call-review.api.ts';
import { Placeholders } from './Placeholders.tsx';
import { changedObjection, issueAt, type ObjectionDraft, shortReason } from './texts-form.ts';
import { useOverrideForm } from './use-override-form.ts';

const toDraft = (view: ObjectionTextView): ObjectionDraft => ({
  label: view.effective.label,
  heard: view.effective.heard,
  counters: Object.fromEntries(view.counterKeys.map((key) => [key, view.effective.counters[key] ?? ''])),
});

/** An objection's wording: its label, how it is heard, and each counter-argument. */
export function ObjectionEditor({
  code,
  language,
  onSaved,
}: {
  code: ObjectionCode;
  language: Language;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  const loaded = useFetch(`${code}:${language}`, (signal) => fetchObjection(code, language, signal));
  const {
    view,
    draft,
    issues,
    error,
    busy,
    saved,
    issuesBox,
    edit: change,
    run,
  } = useOverrideForm(loaded, toDraft);

  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!view || !draft) return <p className="muted">{t('common.loading')}</p>;

  const edit = (field: string, update: (d: ObjectionDraft) => ObjectionDraft) =>
    change(update, (i) => i.field !== field);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const changed = changedObjection(draft, view.default);
    void run(
      () =>
        Object.keys(changed).length > 0
          ? saveObjection(code, language, changed)
          : resetObjection(code, language),
      onSaved,
    );
  };

  const problem = (field: string) => {
    const issue = issueAt(issues, field);
    return issue ? shortReason(issue.message) : undefined;
  };
  const invalid = (field: string) => (problem(field) ? { 'aria-invalid': true as const } : {});

  return (
    <form className="text-form card" onSubmit={save} data-testid="objection-editor">
      <div className="text-form-head">
        <h2>
          {view.effective.label} · {t(`languages.${language}`)}
        </h2>
        <p className="muted small">
          {view.isOverridden
            ? t('callReview.editedBy', {
                name: view.updatedBy ?? '—',
                at: formatDateTime(view.updatedAt, uiLanguage),
              })
            : t('callReview.isDefault')}
        </p>
      </div>
      {issues.length > 0 && (
        <div className="form-error" role="alert" ref={issuesBox} data-testid="objection-issues">
          <p>{t('callReview.scripts.refused')}</p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.field}:${issue.message}`}>
                {issue.field}: {shortReason(issue.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      <Placeholders names={view.placeholders} />
      <label className="field wide">
        <span>{t('callReview.objections.label')}</span>
        <input
          value={draft.label}
          maxLength={200}
          {...invalid('label')}
          onChange={(e) => edit('label', (d) => ({ ...d, label: e.target.value }))}
        />
        {problem('label') && <span className="line-error">{problem('label')}</span>}
      </label>
      <label className="field wide">
        <span>{t('callReview.objections.heard')}</span>
        <textarea
          rows={2}
          value={draft.heard}
          maxLength={500}
          {...invalid('heard')}
          onChange={(e) => edit('heard', (d) => ({ ...d, heard: e.target.value }))}
        />
        {problem('heard') && <span className="line-error">{problem('heard')}</span>}
      </label>
      <fieldset className="text-section">
        <legend>{t('callReview.objections.counters')}</legend>
        {view.counterKeys.map((key) => {
          const field = `counters.${key}`;
          return (
            <label key={key} className="field wide">
              <span className="mono small">{key}</span>
              <textarea
                rows={2}
                value={draft.counters[key] ?? ''}
                {...invalid(field)}
                onChange={(e) =>
                  edit(field, (d) => ({ ...d, counters: { ...d.counters, [key]: e.target.value } }))
                }
              />
              {problem(field) && <span className="line-error">{problem(field)}</span>}
            </label>
          );
        })}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('callReview.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !view.isOverridden}
          onClick={() => void run(() => resetObjection(code, language), onSaved)}
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
