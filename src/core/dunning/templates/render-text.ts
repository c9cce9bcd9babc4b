import type { LetterContent } from '../letter.js';
import { formatEuro, formatLongDate } from './format.js';

/**
 * The letter as plain text: the text/plain part of a dunning email, and a readable form to review
 * templates in tests. The invoice table and the claim statement are laid out in columns.
 */
export function renderLetterText(content: LetterContent): string {
  const { language } = content;
  const euro = (amountCents: number) => formatEuro(amountCents, language);
  const sections = [
    [content.salutation],
    content.opening,
    [renderTable(content, euro, language)],
    content.claim ? [renderClaim(content.claim, euro)] : [],
    content.body,
    [renderPaymentBox(content.paymentBox, language === 'fr' ? '\u00a0:' : ':')],
    [[content.closing, ...content.signature].join('\n')],
  ];
  return `${sections
    .flat()
    .filter((paragraph) => paragraph !== '')
    .join('\n\n')}\n`;
}

type Euro = (amountCents: number) => string;

function renderTable(content: LetterContent, euro: Euro, language: LetterContent['language']): string {
  const { headings, rows, totalLabel, totalOpenCents } = content.table;
  const hasDescriptions = rows.some((r) => r.description);
  const header = [
    headings.number,
    headings.issueDate,
    headings.dueDate,
    ...(hasDescriptions ? [headings.description] : []),
    headings.amount,
    headings.open,
  ];
  const body = rows.map((r) => [
    r.number,
    formatLongDate(r.issueDate, language),
    formatLongDate(r.dueDate, language),
    ...(hasDescriptions ? [r.description ?? ''] : []),
    euro(r.totalCents),
    euro(r.openCents),
  ]);
  const total = [totalLabel, ...header.slice(1, -1).map(() => ''), euro(totalOpenCents)];
  return renderColumns([header, ...body, total], 2);
}

function renderClaim(claim: NonNullable<LetterContent['claim']>, euro: Euro): string {
  const rows = [
    ...claim.lines.map((l) => [l.label, euro(l.amountCents)]),
    [claim.totalLabel, euro(claim.totalCents)],
  ];
  return `${claim.title}\n${renderColumns(rows, 1)}`;
}

/** Label/value rows; French puts a no-break space before the colon. */
function renderPaymentBox(box: LetterContent['paymentBox'], colon: string): string {
  const width = Math.max(...box.rows.map((r) => r.label.length)) + colon.length;
  return [box.title, ...box.rows.map((r) => `  ${`${r.label}${colon}`.padEnd(width)} ${r.value}`)].join('\n');
}

/** Pads columns to equal width; the last `numericColumns` columns are right-aligned. */
function renderColumns(rows: readonly (readonly string[])[], numericColumns: number): string {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i >= columns - numericColumns ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
