import type { TFunction } from 'i18next';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Objection, PrepSheet } from './calls.api.ts';

const SECTIONS = ['opening', 'keyQuestions', 'consequences', 'closing'] as const;

/** What an objection's next action opens in the outcome dialog (the others are things to say or do). */
export const ACTION_RESULTS: Record<string, 'promise' | 'partial_payment' | 'payment_plan' | 'dispute'> = {
  record_promise: 'promise',
  ask_partial_payment: 'partial_payment',
  ask_undisputed_payment: 'partial_payment',
  propose_payment_plan: 'payment_plan',
  open_dispute: 'dispute',
};

/** The objections heard in this call: code → the counter used (if one was picked). */
/** What counters achieved so far, in plain counts (the smoothed rate only orders the list). */
function counterRecord(t: TFunction, record: { uses: number; keptPromises: number }): string {
  return record.uses === 0
    ? t('calls.objections.noRecord')
    : t('calls.objections.record', { kept: record.keptPromises, uses: record.uses });
}

export type HeardObjections = ReadonlyMap<Objection['code'], string | undefined>;

/** The script for the situation (004#7), in the debtor's language, section by section. */
export function ScriptPanel({ script }: { script: PrepSheet['script'] }) {
  const { t } = useTranslation();
  return (
    <section
      className="script"
      aria-labelledby="script-title"
      data-testid="call-script"
      lang={script.language}
    >
      <h2 id="script-title">
        {t('calls.script.title')}{' '}
        <span className="muted small">{t(`calls.situations.${script.situation}`)}</span>
      </h2>
      {SECTIONS.map((section) => {
        const lines = script.sections[section] ?? [];
        if (lines.length === 0) return null;
        return (
          <div key={section} className={`script-section script-${section}`}>
            <h3>{t(`calls.script.${section}`)}</h3>
            {section === 'keyQuestions' ? (
              <ol>
                {lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ol>
            ) : (
              lines.map((line) => <p key={line}>{line}</p>)
            )}
          </div>
        );
      })}
    </section>
  );
}

/**
 * The objection library (R16): the debtor's own earlier objections first. Opening one marks it as
 * heard in this call; picking a counter records which answer was used, so the library learns.
 */
export function ObjectionsPanel({
  objections,
  language,
  heard,
  onHear,
  onAction,
  doNow = {},
}: {
  objections: PrepSheet['objections'];
  language: string;
  heard: HeardObjections;
  onHear: (code: Objection['code'], counterId?: string) => void;
  onAction: (result: (typeof ACTION_RESULTS)[string]) => void;
  /** Next actions the workbench does itself, by action code (e.g. resending the invoice). */
  doNow?: Readonly<Record<string, ReactNode>>;
}) {
  const { t } = useTranslation();
  const [openCode, setOpenCode] = useState<Objection['code'] | null>(null);
  const ordered = [...objections].sort(
    (a, b) => Number(b.isOwn) - Number(a.isOwn) || b.ownCount - a.ownCount,
  );
  return (
    <section className="objections" aria-labelledby="objections-title" data-testid="objections">
      <h2 id="objections-title">
        {t('calls.objections.title')}
        {heard.size > 0 && (
          <span className="count-badge">{t('calls.objections.heard', { count: heard.size })}</span>
        )}
      </h2>
      <ul className="objection-list" lang={language}>
        {ordered.map((objection) => {
          const isOpen = openCode === objection.code;
          const isHeard = heard.has(objection.code);
          return (
            <li
              key={objection.code}
              className={isHeard ? 'objection heard' : 'objection'}
              data-testid="objection"
            >
              <button
                type="button"
                className="objection-head"
                aria-expanded={isOpen}
                onClick={() => {
                  setOpenCode(isOpen ? null : objection.code);
                  if (!isHeard) onHear(objection.code);
                }}
              >
                <span className="label">{objection.label}</span>
                {objection.isOwn && (
                  <span className="badge own">
                    {t('calls.objections.own', { count: objection.ownCount })}
                  </span>
                )}
                <span className="rate muted small">{counterRecord(t, objection)}</span>
              </button>
              {isOpen && (
                <div className="objection-body">
                  <p className="heard-text muted">“{objection.heard}”</p>
                  <ol className="counters">
                    {objection.counters.map((counter) => (
                      <li key={counter.id}>
                        <label className="check">
                          <input
                            type="radio"
                            name={`counter-${objection.code}`}
                            checked={heard.get(objection.code) === counter.id}
                            onChange={() => onHear(objection.code, counter.id)}
                          />
                          <span>
                            {counter.text} <span className="muted small">{counterRecord(t, counter)}</span>
                          </span>
                        </label>
                      </li>
                    ))}
                  </ol>
                  <div className="next-actions">
                    {objection.nextActions.map((next) => {
                      const own = doNow[next.action];
                      if (own) return <Fragment key={next.action}>{own}</Fragment>;
                      const result = ACTION_RESULTS[next.action];
                      const label = t(`calls.nextActions.${next.action}`, {
                        cause: typeof next.cause === 'string' ? t(`calls.causes.${next.cause}`) : '',
                      });
                      return result ? (
                        <button
                          key={next.action}
                          type="button"
                          className="button small"
                          onClick={() => onAction(result)}
                        >
                          {label}
                        </button>
                      ) : (
                        <span key={next.action} className="tag subtle">
                          {label}
                        </span>
                      );
                    })}
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
