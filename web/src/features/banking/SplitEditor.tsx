import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatMoney } from '../../lib/format.ts';
import { centsToAmount, checkSplit, type SplitDraft } from './split.ts';

/** The invoices a payment goes to and how much each gets; it can be sent only when it adds up. */
export function SplitEditor({
  lines,
  unallocated,
  currency,
  busy,
  onChange,
  onSubmit,
}: {
  lines: SplitDraft[];
  unallocated: string;
  currency: string;
  busy: boolean;
  onChange: (lines: SplitDraft[]) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const check = checkSplit(lines, unallocated);
  const body = useRef<HTMLTableSectionElement>(null);
  const count = useRef(lines.length);
  // An invoice just added (from the search or a suggestion): its amount is the next thing to check.
  useEffect(() => {
    if (lines.length > count.current) {
      body.current?.querySelector<HTMLInputElement>('tr:last-child input')?.focus();
    }
    count.current = lines.length;
  }, [lines.length]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  if (lines.length === 0) return <p className="muted small">{t('bank.splitEmpty')}</p>;
  const rest = formatMoney(
    centsToAmount(check.restCents < 0n ? -check.restCents : check.restCents),
    language,
    currency,
  );
  return (
    <form className="split" onSubmit={submit} data-testid="split">
      <table className="data compact">
        <tbody ref={body}>
          {lines.map((line, index) => (
            <tr key={line.invoice.id}>
              <td className="mono">{line.invoice.number}</td>
              <td className="truncate">{line.invoice.debtorName}</td>
              <td className="num muted small">
                {t('bank.openAmount', { amount: formatMoney(line.invoice.open, language) })}
              </td>
              <td className="num">
                <input
                  className={`amount ${check.invalid.includes(index) ? 'invalid' : ''}`}
                  value={line.amount}
                  inputMode="decimal"
                  aria-label={t('bank.amountFor', { invoice: line.invoice.number })}
                  aria-invalid={check.invalid.includes(index)}
                  onChange={(e) =>
                    onChange(lines.map((l, i) => (i === index ? { ...l, amount: e.target.value } : l)))
                  }
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') e.currentTarget.blur();
                  }}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button small ghost"
                  aria-label={t('bank.removeLine', { invoice: line.invoice.number })}
                  onClick={() => onChange(lines.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="split-foot">
        <span className={check.isBalanced ? 'split-ok' : 'danger'} data-testid="split-rest">
          {check.isBalanced
            ? t('bank.splitBalanced')
            : check.restCents > 0n
              ? t('bank.splitRest', { amount: rest })
              : t('bank.splitOver', { amount: rest })}
        </span>
        <button
          type="submit"
          className="button primary"
          disabled={busy || !check.isBalanced}
          data-testid="allocate"
        >
          {t('bank.allocate')} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
}
