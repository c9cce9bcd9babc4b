import { type KeyboardEvent, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchInvoice } from '../../api-types.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { useDebounced, useFetch } from '../../lib/use-fetch.ts';
import { searchInvoices } from './banking.api.ts';

/**
 * Open invoices by number, payment reference, debtor or amount. ↑/↓ choose a result, Enter adds it
 * to the split, Escape leaves the field (the screen's shortcuts work again).
 */
export function InvoiceSearch({
  inputRef,
  onPick,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onPick: (invoice: MatchInvoice) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 200);
  const results = useFetch(query ? `invoice-search:${query}` : null, (signal) =>
    searchInvoices(query, signal),
  );
  // Results of an older text (still debouncing, or just picked and cleared) are not shown.
  const isCurrent = query !== '' && query === text.trim();
  const items = isCurrent && results.data ? results.data.items : [];

  function pick(invoice: MatchInvoice | undefined) {
    if (!invoice) return;
    onPick(invoice);
    setText('');
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(items.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter') pick(items[active]);
    else if (event.key === 'Escape') {
      setText('');
      event.currentTarget.blur();
    } else return;
    event.preventDefault();
  }

  return (
    <div className="invoice-search">
      <label className="search">
        <span className="visually-hidden">{t('bank.searchLabel')}</span>
        <input
          ref={inputRef}
          type="search"
          value={text}
          placeholder={t('bank.searchPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          aria-label={t('bank.searchLabel')}
          aria-controls="invoice-results"
          data-testid="invoice-search"
        />
        <kbd>/</kbd>
      </label>
      {isCurrent && results.data && (
        <ul id="invoice-results" className="search-results" data-testid="invoice-results">
          {items.length === 0 && <li className="muted">{t('bank.noInvoices')}</li>}
          {items.map((invoice, index) => (
            <li key={invoice.id} className={index === active ? 'active' : undefined}>
              <button type="button" onClick={() => pick(invoice)} tabIndex={-1}>
                <span className="mono">{invoice.number}</span>
                <span className="truncate">{invoice.debtorName}</span>
                <span className="muted small">{formatDate(invoice.dueDate, language)}</span>
                <span className="money">{formatMoney(invoice.open, language)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
