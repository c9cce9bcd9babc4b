import { type FormEvent, Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldIssue } from '../../lib/api.ts';
import { goBack, Link, navigate } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { useGlobalKey } from '../../lib/use-global-key.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from '../auth/session.tsx';
import { canManageDunning, DunningTabs } from './DunningTabs.tsx';
import {
  createPolicy,
  type DunningPolicy,
  type DunningPolicyInput,
  fetchPolicies,
  fetchPolicy,
  LETTER_KINDS,
  POLICY_REGIMES,
  STEP_ANCHORS,
  STEP_CHANNELS,
  savePolicy,
  TONES,
} from './dunning.api.ts';
import { copyName } from './PoliciesPage.tsx';

type Step = DunningPolicy['steps'][number];
type LetterKind = (typeof LETTER_KINDS)[number];

/** A step as the form holds it: numbers as typed, a stable key for React. */
type StepForm = {
  key: string;
  name: string;
  isEnabled: boolean;
  anchor: Step['anchor'];
  offsetDays: string;
  channel: Step['channel'];
  letterKind: LetterKind | null;
  tone: Step['tone'];
  deadlineDays: string;
  minOpen: string;
  claimsCosts: boolean;
};

type PolicyForm = {
  name: string;
  description: string;
  regime: DunningPolicy['regime'];
  segment: string;
  priority: string;
  isActive: boolean;
  steps: StepForm[];
};

let nextKey = 0;
const newKey = () => `step-${++nextKey}`;

function toForm(policy: DunningPolicy): PolicyForm {
  return {
    name: policy.name,
    description: policy.description ?? '',
    regime: policy.regime,
    segment: policy.segment ?? '',
    priority: String(policy.priority),
    isActive: policy.isActive,
    steps: policy.steps.map((s) => ({
      key: newKey(),
      name: s.name,
      isEnabled: s.isEnabled,
      anchor: s.anchor,
      offsetDays: String(s.offsetDays),
      channel: s.channel,
      letterKind: s.letterKind,
      tone: s.tone,
      deadlineDays: String(s.deadlineDays),
      minOpen: s.minOpen,
      claimsCosts: s.claimsCosts,
    })),
  };
}

/** Numbers as typed; an empty or unreadable field goes to the server as null and comes back named. */
const toNumber = (text: string): number => {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || Number.isNaN(value) ? (null as unknown as number) : value;
};

function toInput(form: PolicyForm): DunningPolicyInput {
  return {
    name: form.name,
    description: form.description.trim() || null,
    regime: form.regime,
    segment: form.segment.trim() || null,
    priority: toNumber(form.priority),
    isActive: form.isActive,
    steps: form.steps.map((s) => ({
      name: s.name,
      isEnabled: s.isEnabled,
      anchor: s.anchor,
      offsetDays: toNumber(s.offsetDays),
      channel: s.channel,
      letterKind: s.channel === 'call_task' ? null : s.letterKind,
      tone: s.tone,
      deadlineDays: toNumber(s.deadlineDays),
      minOpen: s.minOpen.trim().replace(',', '.') || '0',
      claimsCosts: s.channel === 'call_task' ? false : s.claimsCosts,
    })),
  };
}

const sendsLetter = (channel: Step['channel']) => channel !== 'call_task';

/**
 * One policy and its steps, edited in place: add, remove and reorder steps (Alt+↑/↓ on a row),
 * Ctrl+S saves, Esc goes back. The server checks the rules and names each wrong field.
 */
export function PolicyPage({ policyId }: { policyId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const loaded = useFetch(policyId, (signal) => fetchPolicy(policyId, signal));
  const [form, setForm] = useState<PolicyForm | null>(null);
  const [saved, setSaved] = useState<PolicyForm | null>(null);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const canEdit = canManageDunning(me.role);
  useDocumentTitle(form?.name || loaded.data?.name);

  useEffect(() => {
    if (loaded.data) {
      const next = toForm(loaded.data);
      setForm(next);
      setSaved(next);
    }
  }, [loaded.data]);

  const isDirty =
    form !== null && saved !== null && JSON.stringify(toInput(form)) !== JSON.stringify(toInput(saved));

  useGlobalKey((event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      goBack('/dunning/policies');
    }
  });

  // Ctrl+S saves from anywhere in the form, fields included.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (loaded.status === 'error' && !loaded.data) {
    return (
      <section className="page">
        <DunningTabs />
        <Link to="/dunning/policies" className="back">
          ← {t('dunning.policies.title')}
        </Link>
        <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
      </section>
    );
  }
  if (!form) return <section className="page muted">{t('common.loading')}</section>;

  const update = (changes: Partial<PolicyForm>) => {
    setForm((current) => (current ? { ...current, ...changes } : current));
    setNotice(null);
    // An edited field is no longer the one the server named.
    const edited = Object.keys(changes).filter((key) => key !== 'steps');
    if (edited.length > 0) setIssues((current) => current.filter((i) => !edited.includes(i.field)));
  };
  const updateStep = (index: number, changes: Partial<StepForm>) => {
    const edited = Object.keys(changes).map((key) => `steps.${index}.${key}`);
    setIssues((current) => current.filter((i) => !edited.includes(i.field)));
    update({
      steps: form.steps.map((s, i) => {
        if (i !== index) return s;
        const next = { ...s, ...changes };
        // A call task sends nothing; a letter needs a kind (the most likely one as a start).
        if (!sendsLetter(next.channel)) return { ...next, letterKind: null, claimsCosts: false };
        if (next.letterKind === null)
          return { ...next, letterKind: next.channel === 'handover' ? 'handover_notice' : 'second_reminder' };
        return next;
      }),
    });
  };
  const moveStep = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= form.steps.length) return;
    const steps = [...form.steps];
    const [step] = steps.splice(index, 1);
    if (step) steps.splice(target, 0, step);
    update({ steps });
    // Keep the keyboard on the moved row.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-step-row="${target}"] [data-move="${delta}"]`)?.focus(),
    );
  };
  const removeStep = (index: number) => update({ steps: form.steps.filter((_, i) => i !== index) });
  const addStep = () => {
    update({
      steps: [
        ...form.steps,
        {
          key: newKey(),
          name: '',
          isEnabled: true,
          anchor: 'previous_step',
          offsetDays: '7',
          channel: 'email',
          letterKind: 'second_reminder',
          tone: 'neutral',
          deadlineDays: '10',
          minOpen: '0.00',
          claimsCosts: false,
        },
      ],
    });
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLInputElement>(`[data-step-row="${form.steps.length}"] input[type="text"]`)
        ?.focus(),
    );
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form || !canEdit) return;
    setBusy(true);
    setError(null);
    setIssues([]);
    setNotice(null);
    try {
      const result = await savePolicy(policyId, toInput(form));
      const next = toForm(result);
      setForm(next);
      setSaved(next);
      setNotice(t('dunning.policy.saved'));
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length > 0) setIssues(caught.issues);
      else setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!form) return;
    setBusy(true);
    setError(null);
    try {
      const taken = new Set((await fetchPolicies()).map((p) => p.name.toLowerCase()));
      const created = await createPolicy({
        ...toInput(form),
        name: copyName(taken, t('dunning.policies.copyOf', { name: form.name })),
        isActive: false,
      });
      navigate(`/dunning/policies/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length > 0) setIssues(caught.issues);
      else setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  const issueFor = (field: string) => {
    const issue = issues.find((i) => i.field === field);
    return issue ? translateIssue(issue.message, t) : undefined;
  };
  const invalid = (field: string) =>
    issueFor(field) ? { 'aria-invalid': true, title: issueFor(field) } : {};
  const letterKinds = LETTER_KINDS.filter((k) => k !== 'fourteen_day_letter' || form.regime === 'nl_b2c');

  return (
    <section className="page policy-editor" aria-labelledby="policy-title">
      <DunningTabs />
      <div className="crumbs">
        <Link to="/dunning/policies" className="back">
          ← {t('dunning.policies.title')}
        </Link>
        <span className="hint">{t('dunning.policy.keyboardHint')}</span>
      </div>
      <form ref={formRef} onSubmit={save} className="page" noValidate>
        <div className="page-head editor-head">
          <h1 id="policy-title">{form.name || t('dunning.policy.untitled')}</h1>
          {isDirty && <span className="tag warn">{t('dunning.policy.unsaved')}</span>}
          <div className="head-actions">
            {canEdit && (
              <button
                type="button"
                className="button"
                onClick={() => void copy()}
                disabled={busy}
                data-testid="copy-this-policy"
              >
                {t('dunning.policies.copy')}
              </button>
            )}
            <button
              type="submit"
              className="button primary"
              disabled={!canEdit || busy || !isDirty}
              aria-keyshortcuts="Control+S"
              data-testid="save-policy"
            >
              {busy ? t('dunning.policy.saving') : t('dunning.policy.save')}
            </button>
          </div>
        </div>

        {!canEdit && <p className="notice info">{t('dunning.policy.readOnly')}</p>}
        {notice && (
          <p className="notice success" role="status" data-testid="policy-saved">
            {notice}
          </p>
        )}
        {error && <ErrorNotice error={error} />}
        {issues.length > 0 && (
          <div className="form-error" role="alert" data-testid="policy-issues">
            <strong>{t('dunning.policy.checkFields')}</strong>
            <ul>
              {issues.map((issue) => (
                <li key={`${issue.field}:${issue.message}`}>
                  {describeField(issue.field, form, t)}: {translateIssue(issue.message, t)}
                </li>
              ))}
            </ul>
          </div>
        )}

        <fieldset className="card policy-fields" disabled={!canEdit}>
          <legend className="visually-hidden">{t('dunning.policy.policy')}</legend>
          <label className="field">
            <span>{t('dunning.policy.name')}</span>
            <input
              type="text"
              value={form.name}
              onChange={(e) => update({ name: e.target.value })}
              maxLength={200}
              required
              {...invalid('name')}
              data-testid="policy-name"
            />
          </label>
          <label className="field">
            <span>{t('dunning.policy.regime')}</span>
            <select
              value={form.regime}
              onChange={(e) => update({ regime: e.target.value as PolicyForm['regime'] })}
              {...invalid('regime')}
            >
              {POLICY_REGIMES.map((r) => (
                <option key={r} value={r}>
                  {t(`dunning.regime.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('dunning.policy.segment')}</span>
            <input
              type="text"
              value={form.segment}
              placeholder={t('dunning.policy.allSegments')}
              onChange={(e) => update({ segment: e.target.value })}
              maxLength={100}
              {...invalid('segment')}
            />
          </label>
          <label className="field narrow">
            <span>{t('dunning.policy.priority')}</span>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={9999}
              value={form.priority}
              onChange={(e) => update({ priority: e.target.value })}
              title={t('dunning.policy.priorityHint')}
              {...invalid('priority')}
            />
          </label>
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={form.isActive}
              onChange={(e) => update({ isActive: e.target.checked })}
            />
            <span>{t('dunning.policy.active')}</span>
          </label>
          <label className="field wide">
            <span>{t('dunning.policy.description')}</span>
            <textarea
              rows={2}
              value={form.description}
              maxLength={2000}
              onChange={(e) => update({ description: e.target.value })}
            />
          </label>
        </fieldset>

        <section className="card" aria-labelledby="steps-title">
          <h2 id="steps-title">
            {t('dunning.policy.steps')} <span className="count-badge">{form.steps.length}</span>
          </h2>
          <p className="muted small steps-intro">{t('dunning.policy.stepsIntro')}</p>
          <fieldset className="steps-fieldset" disabled={!canEdit}>
            <legend className="visually-hidden">{t('dunning.policy.steps')}</legend>
            <div className="table-wrap steps-wrap">
              <table className="data steps" data-testid="steps">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col" title={t('dunning.step.enabledHint')}>
                      {t('dunning.step.enabled')}
                    </th>
                    <th scope="col">{t('dunning.step.name')}</th>
                    <th scope="col">{t('dunning.step.when')}</th>
                    <th scope="col">{t('dunning.step.channel')}</th>
                    <th scope="col">{t('dunning.step.letterKind')}</th>
                    <th scope="col">{t('dunning.step.tone')}</th>
                    <th scope="col" title={t('dunning.step.deadlineHint')}>
                      {t('dunning.step.deadline')}
                    </th>
                    <th scope="col" title={t('dunning.step.minOpenHint')}>
                      {t('dunning.step.minOpen')}
                    </th>
                    <th scope="col" title={t('dunning.step.claimsCostsHint')}>
                      {t('dunning.step.claimsCosts')}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t('dunning.outbox.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {form.steps.map((step, index) => {
                    const f = (field: string) => `steps.${index}.${field}`;
                    const n = index + 1;
                    const rowIssues = issues.filter((i) => i.field.startsWith(`steps.${index}.`));
                    return (
                      <Fragment key={step.key}>
                        <tr
                          data-step-row={index}
                          className={step.isEnabled ? undefined : 'disabled-step'}
                          data-testid="step-row"
                          onKeyDown={(event) => {
                            if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
                              event.preventDefault();
                              moveStep(index, event.key === 'ArrowUp' ? -1 : 1);
                            }
                          }}
                        >
                          <td className="num muted">{n}</td>
                          <td>
                            <input
                              type="checkbox"
                              checked={step.isEnabled}
                              onChange={(e) => updateStep(index, { isEnabled: e.target.checked })}
                              aria-label={t('dunning.step.enabledOf', { n })}
                            />
                          </td>
                          <td>
                            <input
                              type="text"
                              className="step-name"
                              value={step.name}
                              title={step.name}
                              onChange={(e) => updateStep(index, { name: e.target.value })}
                              aria-label={t('dunning.step.nameOf', { n })}
                              maxLength={200}
                              {...invalid(f('name'))}
                            />
                          </td>
                          <td className="when-cell">
                            <input
                              type="number"
                              inputMode="numeric"
                              className="days"
                              value={step.offsetDays}
                              min={
                                step.anchor === 'previous_step'
                                  ? 1
                                  : step.letterKind === 'pre_due_notice'
                                    ? -60
                                    : 0
                              }
                              max={365}
                              onChange={(e) => updateStep(index, { offsetDays: e.target.value })}
                              aria-label={t('dunning.step.offsetOf', { n })}
                              data-testid={`step-offset-${index}`}
                              {...invalid(f('offsetDays'))}
                            />
                            <select
                              className="anchor"
                              value={step.anchor}
                              onChange={(e) =>
                                updateStep(index, { anchor: e.target.value as Step['anchor'] })
                              }
                              aria-label={t('dunning.step.anchorOf', { n })}
                              {...invalid(f('anchor'))}
                            >
                              {STEP_ANCHORS.map((a) => (
                                <option key={a} value={a}>
                                  {t(`dunning.anchor.${a}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td>
                            <select
                              className="channel-select"
                              value={step.channel}
                              onChange={(e) =>
                                updateStep(index, { channel: e.target.value as Step['channel'] })
                              }
                              aria-label={t('dunning.step.channelOf', { n })}
                              {...invalid(f('channel'))}
                            >
                              {STEP_CHANNELS.map((c) => (
                                <option key={c} value={c}>
                                  {t(`dunning.channel.${c}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td>
                            <select
                              className="letter-kind"
                              value={step.letterKind ?? ''}
                              disabled={!sendsLetter(step.channel)}
                              onChange={(e) =>
                                updateStep(index, {
                                  letterKind: (e.target.value || null) as LetterKind | null,
                                })
                              }
                              aria-label={t('dunning.step.letterKindOf', { n })}
                              {...invalid(f('letterKind'))}
                            >
                              {!sendsLetter(step.channel) && <option value="">—</option>}
                              {[
                                ...letterKinds,
                                ...(step.letterKind && !letterKinds.includes(step.letterKind)
                                  ? [step.letterKind]
                                  : []),
                              ].map((k) => (
                                <option key={k} value={k}>
                                  {t(`dunning.letterKind.${k}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td>
                            <select
                              className="tone"
                              value={step.tone}
                              disabled={!sendsLetter(step.channel)}
                              onChange={(e) => updateStep(index, { tone: e.target.value as Step['tone'] })}
                              aria-label={t('dunning.step.toneOf', { n })}
                            >
                              {TONES.map((tone) => (
                                <option key={tone} value={tone}>
                                  {t(`dunning.tone.${tone}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td>
                            <input
                              type="number"
                              inputMode="numeric"
                              className="days"
                              min={1}
                              max={90}
                              value={step.deadlineDays}
                              disabled={!sendsLetter(step.channel)}
                              onChange={(e) => updateStep(index, { deadlineDays: e.target.value })}
                              aria-label={t('dunning.step.deadlineOf', { n })}
                              {...invalid(f('deadlineDays'))}
                            />
                          </td>
                          <td>
                            <input
                              type="text"
                              inputMode="decimal"
                              className="amount"
                              value={step.minOpen}
                              onChange={(e) => updateStep(index, { minOpen: e.target.value })}
                              aria-label={t('dunning.step.minOpenOf', { n })}
                              {...invalid(f('minOpen'))}
                            />
                          </td>
                          <td className="center">
                            <input
                              type="checkbox"
                              checked={step.claimsCosts}
                              disabled={!sendsLetter(step.channel)}
                              onChange={(e) => updateStep(index, { claimsCosts: e.target.checked })}
                              aria-label={t('dunning.step.claimsCostsOf', { n })}
                              {...invalid(f('claimsCosts'))}
                            />
                          </td>
                          <td className="row-actions">
                            <button
                              type="button"
                              className="button ghost small"
                              onClick={() => moveStep(index, -1)}
                              disabled={index === 0}
                              aria-label={t('dunning.step.moveUp', { n })}
                              aria-keyshortcuts="Alt+ArrowUp"
                              data-move={-1}
                            >
                              ↑
                            </button>
                            <button
                              type="button"
                              className="button ghost small"
                              onClick={() => moveStep(index, 1)}
                              disabled={index === form.steps.length - 1}
                              aria-label={t('dunning.step.moveDown', { n })}
                              aria-keyshortcuts="Alt+ArrowDown"
                              data-move={1}
                            >
                              ↓
                            </button>
                            <button
                              type="button"
                              className="button ghost small danger"
                              onClick={() => removeStep(index)}
                              disabled={form.steps.length === 1}
                              aria-label={t('dunning.step.remove', { n })}
                            >
                              ✕
                            </button>
                          </td>
                        </tr>
                        {rowIssues.length > 0 && (
                          <tr className="step-issues">
                            <td />
                            <td colSpan={10}>
                              {rowIssues.map((i) => (
                                <span key={i.field}>
                                  {t(`dunning.fields.${i.field.split('.').at(-1)}`, {
                                    defaultValue: i.field,
                                  })}
                                  : {translateIssue(i.message, t)}
                                </span>
                              ))}
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div className="form-actions steps-actions">
              <button type="button" className="button" onClick={addStep} data-testid="add-step">
                + {t('dunning.policy.addStep')}
              </button>
              <span className="muted small">{t('dunning.policy.historyNote')}</span>
            </div>
          </fieldset>
        </section>
      </form>
    </section>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** "Step 3 · letter kind" for `steps.2.letterKind`, in the user's language. */
function describeField(field: string, form: PolicyForm, t: T): string {
  const match = /^steps\.(\d+)\.(\w+)$/.exec(field);
  if (match) {
    const index = Number(match[1]);
    const name = form.steps[index]?.name;
    return `${t('dunning.step.stepN', { n: index + 1 })}${name ? ` (${name})` : ''} · ${t(`dunning.fields.${match[2]}`, { defaultValue: match[2] })}`;
  }
  return t(`dunning.fields.${field}`, { defaultValue: field });
}

/** The server's rule messages (English) in the user's language; anything else as the server said it. */
const ISSUE_MESSAGES: readonly [RegExp, string][] = [
  [/needs a letter kind/, 'letterKindNeeded'],
  [/sends no letter/, 'noLetterForCall'],
  [/only a letter or email can claim costs/, 'costsNeedLetter'],
  [/at least 1 day later/, 'afterPreviousStep'],
  [/only a notice before the due date can have a negative offset/, 'negativeOnlyPreDue'],
  [/counts back from the due date/, 'preDueNegative'],
  [/for Dutch consumers only/, 'fourteenDayOnlyNlB2c'],
  [/only after the fourteen-day letter/, 'costsAfterFourteenDay'],
  [/another policy has this name/, 'nameTaken'],
  [/name is required/, 'required'],
  [/at least one step/, 'oneStep'],
  [/whole number/, 'wholeNumber'],
  [/amount like/, 'amount'],
];

function translateIssue(message: string, t: T): string {
  const found = ISSUE_MESSAGES.find(([pattern]) => pattern.test(message));
  return found ? t(`dunning.issues.${found[1]}`) : message;
}
