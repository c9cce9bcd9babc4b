import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceListItem } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import {
  amountToCents,
  cancelPlan,
  centsToAmount,
  createPlan,
  fetchPlans,
  type PaymentPlan,
  PLAN_INTERVALS,
  type PlanInterval,
  type PlanPreview,
  type PlanProposal,
  planLetterUrl,
  previewPlan,
} from './plans.api.ts';

/** The debtor's payment plans with their schedules, and the form to agree a new one. */
export function PaymentPlansPanel({
  debtorId,
  openItems,
  canWrite,
  onChanged,
}: {
  debtorId: string;
  openItems: InvoiceListItem[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const plans = useFetch(`plans:${debtorId}`, (signal) => fetchPlans(debtorId, signal));
  const [isCreating, setCreating] = useState(false);
  const reload = () => {
    plans.reload();
    onChanged();
  };
  const items = plans.data?.items ?? [];
  return (
    <section className="card plans" aria-labelledby="plans-title" data-testid="plans-panel">
      <h2 id="plans-title">
        {t('plans.title')} <span className="count-badge">{items.length}</span>
        {canWrite && !isCreating && (
          <button type="button" className="button small" onClick={() => setCreating(true)}>
            {t('plans.new')}
          </button>
        )}
      </h2>
      {plans.status === 'error' && <ErrorNotice error={plans.error} onRetry={plans.reload} />}
      {isCreating && (
        <PlanForm
          debtorId={debtorId}
          openItems={openItems}
          onDone={(created) => {
            setCreating(false);
            if (created) reload();
          }}
        />
      )}
      {plans.data && items.length === 0 && !isCreating && <p className="muted">{t('plans.none')}</p>}
      {items.map((plan) => (
        <PlanView key={plan.id} plan={plan} canWrite={canWrite} onChanged={reload} />
      ))}
    </section>
  );
}

function PlanView({
  plan,
  canWrite,
  onChanged,
}: {
  plan: PaymentPlan;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const isRunning = plan.status === 'active' || plan.status === 'in_arrears';
  const cancel = async () => {
    if (!window.confirm(t('plans.cancelConfirm'))) return;
    setBusy(true);
    try {
      await cancelPlan(plan.id);
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="plan" data-testid="plan">
      <header className="plan-head">
        <span className={`status plan-${plan.status}`}>{t(`plans.status.${plan.status}`)}</span>
        <span className="money">{formatMoney(centsToAmount(plan.totalCents), language)}</span>
        <span className="muted small">
          {t('plans.paidOf', { paid: formatMoney(centsToAmount(plan.paidCents), language) })}
        </span>
        <span className="muted small mono">{plan.invoices.map((i) => i.number).join(', ')}</span>
      </header>
      {plan.status === 'in_arrears' && plan.inArrearsSince && (
        <p className="notice warning small">
          {t('plans.inArrearsSince', {
            date: formatDate(plan.inArrearsSince, language),
            days: plan.graceDays,
          })}
        </p>
      )}
      <table className="data compact">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('plans.dueDate')}</th>
            <th scope="col" className="num">
              {t('plans.amount')}
            </th>
            <th scope="col">{t('plans.instalmentStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.instalments.map((i) => (
            <tr key={i.number}>
              <td>{i.number}</td>
              <td>{formatDate(i.dueDate, language)}</td>
              <td className="num money">{formatMoney(centsToAmount(i.amountCents), language)}</td>
              <td>
                <span className={`status instalment-${i.status}`}>{t(`plans.instalment.${i.status}`)}</span>
                {i.paidOn && <span className="muted small"> {formatDate(i.paidOn, language)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="plan-actions">
        <a className="button small" href={planLetterUrl(plan.id)} target="_blank" rel="noreferrer">
          {t('plans.letter')}
        </a>
        {canWrite && isRunning && (
          <button type="button" className="button small danger" disabled={busy} onClick={cancel}>
            {t('plans.cancel')}
          </button>
        )}
      </div>
    </article>
  );
}

function PlanForm({
  debtorId,
  openItems,
  onDone,
}: {
  debtorId: string;
  openItems: InvoiceListItem[];
  onDone: (created: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const candidates = openItems.filter((i) => i.kind === 'invoice' && i.open !== '0.00');
  const [invoiceIds, setInvoiceIds] = useState<string[]>(candidates.map((i) => i.id));
  const [count, setCount] = useState(3);
  const [interval, setInterval] = useState<PlanInterval>('month');
  const [firstDueDate, setFirstDueDate] = useState(() => inDays(7));
  const [downPayment, setDownPayment] = useState('');
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isAcknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);

  const downPaymentCents = amountToCents(downPayment);
  const proposal: PlanProposal | null =
    invoiceIds.length > 0 && downPaymentCents !== null
      ? { invoiceIds, instalmentCount: count, interval, firstDueDate, downPaymentCents }
      : null;
  const key = JSON.stringify(proposal);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised proposal is the trigger.
  useEffect(() => {
    if (!proposal) {
      setPreview(null);
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(() => {
      previewPlan(debtorId, proposal).then(
        (result) => {
          if (!isCurrent) return;
          setPreview(result);
          setError(null);
          setAcknowledged(false);
        },
        (failure: unknown) => {
          if (!isCurrent) return;
          setPreview(null);
          setError(describe(failure, t('errors.generic')));
        },
      );
    }, 250);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [key, debtorId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!proposal || !preview) return;
    setBusy(true);
    try {
      const result = await createPlan(debtorId, {
        ...proposal,
        origin: 'dossier',
        acknowledgeWarnings: isAcknowledged,
      });
      if (result.created) onDone(true);
      else setPreview(result.preview);
    } catch (failure) {
      setError(describe(failure, t('errors.generic')));
    } finally {
      setBusy(false);
    }
  };

  const hasWarnings = (preview?.warnings.length ?? 0) > 0;
  const canSave = preview && preview.errors.length === 0 && (!hasWarnings || isAcknowledged) && !busy;
  return (
    <form className="plan-form" onSubmit={submit} data-testid="plan-form">
      <fieldset>
        <legend>{t('plans.invoices')}</legend>
        {candidates.map((invoice) => (
          <label key={invoice.id} className="check">
            <input
              type="checkbox"
              checked={invoiceIds.includes(invoice.id)}
              onChange={(e) =>
                setInvoiceIds((ids) =>
                  e.target.checked ? [...ids, invoice.id] : ids.filter((id) => id !== invoice.id),
                )
              }
            />
            <span className="mono">{invoice.number}</span>
            <span className="money">{formatMoney(invoice.open, language)}</span>
          </label>
        ))}
      </fieldset>
      <div className="plan-fields">
        <label>
          {t('plans.count')}
          <input
            type="number"
            min={1}
            max={120}
            value={count}
            onChange={(e) => setCount(Number(e.target.value) || 1)}
          />
        </label>
        <label>
          {t('plans.interval')}
          <select value={interval} onChange={(e) => setInterval(e.target.value as PlanInterval)}>
            {PLAN_INTERVALS.map((value) => (
              <option key={value} value={value}>
                {t(`plans.intervals.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plans.firstDueDate')}
          <input type="date" value={firstDueDate} onChange={(e) => setFirstDueDate(e.target.value)} />
        </label>
        <label>
          {t('plans.downPayment')}
          <input
            inputMode="decimal"
            value={downPayment}
            placeholder="0,00"
            onChange={(e) => setDownPayment(e.target.value)}
            aria-invalid={downPaymentCents === null}
          />
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="plan-preview" data-testid="plan-preview">
          <h3>{t('plans.preview', { total: formatMoney(centsToAmount(preview.totalCents), language) })}</h3>
          <table className="data compact">
            <tbody>
              {preview.instalments.map((i) => (
                <tr key={i.number}>
                  <td>{i.number}</td>
                  <td>{formatDate(i.dueDate, language)}</td>
                  <td className="num money">{formatMoney(centsToAmount(i.amountCents), language)}</td>
                  <td className="mono small">{i.reference}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {[...preview.errors, ...preview.warnings].length > 0 && (
            <ul className="plan-warnings">
              {preview.errors.map((issue) => (
                <li key={JSON.stringify(issue)} className="danger">
                  {t(`plans.issues.${issue.code}`, {
                    ...issueValues(issue, language),
                    defaultValue: issue.code,
                  })}
                </li>
              ))}
              {preview.warnings.map((issue) => (
                <li key={JSON.stringify(issue)} className="warning">
                  {t(`plans.issues.${issue.code}`, {
                    ...issueValues(issue, language),
                    defaultValue: issue.code,
                  })}
                </li>
              ))}
            </ul>
          )}
          {hasWarnings && preview.errors.length === 0 && (
            <label className="check">
              <input
                type="checkbox"
                checked={isAcknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
              />
              {t('plans.acknowledge')}
            </label>
          )}
        </div>
      )}
      <div className="plan-actions">
        <button type="submit" className="button primary small" disabled={!canSave}>
          {t('plans.create')}
        </button>
        <button type="button" className="button small" onClick={() => onDone(false)}>
          {t('plans.close')}
        </button>
      </div>
    </form>
  );
}

/** An issue's data as words: amounts and dates formatted for the collector's language. */
function issueValues(issue: Record<string, unknown>, language: ReturnType<typeof useLanguage>) {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(issue)) {
    if (typeof value === 'number' && name.endsWith('Cents'))
      values[name] = formatMoney(centsToAmount(value), language);
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      values[name] = formatDate(value, language);
    else if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  return values;
}

function describe(failure: unknown, fallback: string): string {
  if (failure instanceof ApiError) {
    const issues = failure.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return issues ? `${failure.message} (${issues})` : failure.message || fallback;
  }
  return fallback;
}

function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
