import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import type { FieldIssue } from '../../lib/api.ts';
import { weekdayName } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { PLAN_INTERVALS } from '../plans/plans.api.ts';
import { CallReviewTabs } from './CallReviewTabs.tsx';
import { type CallSettingsView, fetchCallSettings, saveCallSettings } from './call-review.api.ts';
import { type Draft, fromDraft, normalField, overridesOf, setAt, toDraft, unitOf } from './settings-form.ts';
import { useOverrideForm } from './use-override-form.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** Fields whose keys are values, labelled by what they are. */
const KEYED_BY: Record<string, 'weekday' | 'kind' | 'reason' | 'risk'> = {
  weekdayFactorBps: 'weekday',
  maxPromiseDays: 'kind',
  maxInstalments: 'kind',
  maxPlanDays: 'kind',
  reasonPoints: 'reason',
  riskPoints: 'risk',
};

const draftOf = (view: CallSettingsView) => toDraft(view.settings);

type Context = {
  issues: readonly FieldIssue[];
  change: (path: string[], value: Draft | undefined) => void;
  defaults: unknown;
};

/**
 * The organisation's call rules (timing, priority, routing, goals, agreement checks, plans,
 * aftercare) as one form over the defaults. Saving sends only what differs from the defaults;
 * the server refuses the whole when a field cannot work and names each one.
 */
export function CallSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('callReview.settings.title'));
  const loaded = useFetch('call-settings', fetchCallSettings);
  const { view, draft, issues, error, busy, saved, issuesBox, edit, run } = useOverrideForm(loaded, draftOf);
  const put = (overrides: unknown) => run(() => saveCallSettings(overrides));

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!view || !draft) return;
    void put(overridesOf(fromDraft(draft, view.defaults), view.defaults) ?? {});
  };

  const context: Context = {
    issues,
    defaults: view?.defaults,
    change: (path, value) => {
      const field = path.join('.');
      edit(
        (current) => setAt(current, path, value),
        (i) => normalField(i.field) !== field,
      );
    },
  };

  const changedCount = view ? Object.keys(view.overrides).length : 0;

  return (
    <section className="page call-review" aria-labelledby="call-settings-title">
      <CallReviewTabs />
      <div className="page-head">
        <h1 id="call-settings-title">{t('callReview.settings.title')}</h1>
        <p className="hint">{t('callReview.settings.intro')}</p>
      </div>
      {loaded.status === 'error' && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {view && draft && typeof draft === 'object' && !Array.isArray(draft) && (
        <form className="settings-form" onSubmit={save} noValidate data-testid="call-settings">
          <div className="settings-bar card">
            <button type="submit" className="button primary" disabled={busy} data-testid="settings-save">
              {t('callReview.save')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || changedCount === 0}
              onClick={() => void put({})}
              data-testid="settings-reset"
            >
              {t('callReview.settings.resetAll')}
            </button>
            <span className="muted small" data-testid="settings-state">
              {changedCount === 0
                ? t('callReview.settings.allDefault')
                : t('callReview.settings.someChanged')}
            </span>
            {saved && (
              <span className="notice success" role="status">
                {t('callReview.saved')}
              </span>
            )}
          </div>
          {issues.length > 0 && (
            <div className="form-error" role="alert" ref={issuesBox} data-testid="settings-issues">
              <p>{t('callReview.settings.refused')}</p>
              <ul>
                {issues.map((issue) => (
                  <li key={`${issue.field}:${issue.message}`}>
                    {fieldTitle(issue.field, t)}: {issue.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {error && <ErrorNotice error={error} />}
          <div className="settings-grid">
            {Object.entries(draft).map(([section, value]) => (
              <fieldset key={section} className="settings-section card" data-testid={`settings-${section}`}>
                <legend>{t(`callReview.settings.sections.${section}`)}</legend>
                {typeof value === 'object' && !Array.isArray(value) ? (
                  Object.entries(value).map(([key, child]) => (
                    <SettingField key={key} path={[section, key]} value={child} context={context} />
                  ))
                ) : (
                  <SettingField path={[section]} value={value} context={context} />
                )}
              </fieldset>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}

/** "Golden hours" for `timing.goldenHours[0]`: the last named part of a server field. */
function fieldTitle(field: string, t: (key: string) => string): string {
  const named = normalField(field)
    .split('.')
    .filter((s) => !/^\d+$/.test(s));
  const last = named.at(-1);
  if (!last) return field;
  const where = normalField(field).match(/\.(\d+)(?:\.|$)/);
  return `${t(`callReview.settings.fields.${last}`)}${where ? ` ${Number(where[1]) + 1}` : ''}`;
}

const issueOf = (issues: readonly FieldIssue[], path: string[]) => {
  const field = path.join('.');
  return issues.find((i) => normalField(i.field) === field)?.message;
};

function SettingField({ path, value, context }: { path: string[]; value: Draft; context: Context }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const key = path.at(-1) ?? '';
  const problem = issueOf(context.issues, path);
  const label = t(`callReview.settings.fields.${key}`);

  if (key === 'avoidMorningsOn' && Array.isArray(value)) {
    const chosen = new Set(value.map(String));
    return (
      <Group label={label} problem={problem}>
        <div className="weekday-picks">
          {WEEKDAYS.map((day) => (
            <label key={day} className="check">
              <input
                type="checkbox"
                checked={chosen.has(String(day))}
                onChange={(e) => {
                  const next = WEEKDAYS.filter((d) =>
                    d === day ? e.target.checked : chosen.has(String(d)),
                  ).map(String);
                  context.change(path, next);
                }}
              />
              {weekdayName(day, language)}
            </label>
          ))}
        </div>
      </Group>
    );
  }
  if (Array.isArray(value)) {
    const template = (context.defaults as Record<string, Record<string, unknown[]>>)[path[0] ?? '']?.[
      key
    ]?.[0];
    return (
      <Group label={label} problem={problem} wide>
        <div className="setting-rows">
          {value.map((item, index) => {
            const rowPath = [...path, String(index)];
            const rowProblem = issueOf(context.issues, rowPath);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
              <div key={index} className="setting-row">
                {typeof item === 'object' && !Array.isArray(item) ? (
                  Object.entries(item).map(([k, v]) => (
                    <Leaf
                      key={k}
                      path={[...rowPath, k]}
                      value={v}
                      label={t(`callReview.settings.fields.${k}`)}
                      context={context}
                    />
                  ))
                ) : (
                  <Leaf path={rowPath} value={item} label={`${label} ${index + 1}`} context={context} />
                )}
                <button
                  type="button"
                  className="button ghost small"
                  title={t('callReview.settings.removeRow')}
                  aria-label={`${t('callReview.settings.removeRow')} ${index + 1}`}
                  onClick={() => context.change(rowPath, undefined)}
                >
                  ✕
                </button>
                {rowProblem && <span className="line-error">{rowProblem}</span>}
              </div>
            );
          })}
          <button
            type="button"
            className="button ghost small"
            onClick={() =>
              context.change(
                [...path, String(value.length)],
                value.at(-1) ?? toDraft(template, path.join('.')),
              )
            }
          >
            + {t('callReview.settings.addRow')}
          </button>
        </div>
      </Group>
    );
  }
  if (typeof value === 'object') {
    const keyedBy = KEYED_BY[key];
    const keyLabel = (k: string) => {
      if (keyedBy === 'weekday') return weekdayName(Number(k), language);
      if (keyedBy === 'kind') return t(`debtorKind.${k}`);
      if (keyedBy === 'reason') return t(`callReview.settings.reasons.${k}`);
      if (keyedBy === 'risk') return t(`callReview.settings.risk.${k}`);
      return t(`callReview.settings.fields.${k}`);
    };
    return (
      <Group label={label} problem={problem} wide={Object.keys(value).length > 3}>
        <div className="setting-pairs">
          {Object.entries(value).map(([k, v]) => (
            <Leaf key={k} path={[...path, k]} value={v} label={keyLabel(k)} context={context} />
          ))}
        </div>
      </Group>
    );
  }
  return <Leaf path={path} value={value} label={label} context={context} />;
}

function Group({
  label,
  problem,
  wide,
  children,
}: {
  label: string;
  problem: string | undefined;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset className={`setting-group${wide ? ' wide' : ''}`}>
      <legend>{label}</legend>
      {children}
      {problem && <span className="line-error">{problem}</span>}
    </fieldset>
  );
}

function Leaf({
  path,
  value,
  label,
  context,
}: {
  path: string[];
  value: Draft;
  label: string;
  context: Context;
}) {
  const { t } = useTranslation();
  const field = path.join('.');
  const problem = issueOf(context.issues, path);
  const invalid = problem ? { 'aria-invalid': true as const } : {};
  const testId = `setting-${field}`;
  if (typeof value === 'boolean') {
    return (
      <label className="check setting">
        <input
          type="checkbox"
          checked={value}
          onChange={(e) => context.change(path, e.target.checked)}
          data-testid={testId}
        />
        {label}
        {problem && <span className="line-error">{problem}</span>}
      </label>
    );
  }
  if (path.at(-1) === 'planInterval') {
    return (
      <label className="field setting">
        <span>{label}</span>
        <select
          value={String(value)}
          onChange={(e) => context.change(path, e.target.value)}
          data-testid={testId}
        >
          {PLAN_INTERVALS.map((interval) => (
            <option key={interval} value={interval}>
              {t(`callReview.settings.intervals.${interval}`)}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const isNumber = typeof getAt(context.defaults, path) === 'number' || /^\d+$/.test(path.at(-1) ?? '');
  const unit = isNumber ? unitOf(field) : null;
  return (
    <label className="field setting">
      <span>{label}</span>
      <span className="with-unit">
        {unit === 'euro' && <span className="unit">€</span>}
        <input
          value={String(value)}
          inputMode={isNumber ? 'decimal' : undefined}
          size={isNumber ? 7 : 5}
          {...invalid}
          onChange={(e) => context.change(path, e.target.value)}
          data-testid={testId}
        />
        {unit === 'percent' && <span className="unit">%</span>}
      </span>
      {problem && <span className="line-error">{problem}</span>}
    </label>
  );
}

/** The default at a path of the form (an array's first item stands for every row). */
function getAt(tree: unknown, path: string[]): unknown {
  let node = tree;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[0];
    else if (node && typeof node === 'object') node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node;
}
