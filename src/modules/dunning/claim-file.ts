import type { CalendarDate } from '../../core/calendar-date.js';
import type { ClaimStatement } from '../../core/legal/index.js';
import { amountCell, CSV_BOM, CSV_NEWLINE, csvLine, plainCell, textCell } from '../exports/csv-escape.js';
import type { ActionContext } from './dunning-actions.repo.js';

/**
 * The claim file a collection agency or lawyer receives at handover, as CSV (";", decimal comma,
 * UTF-8 with BOM, formula-guarded like every export): the debtor, each invoice with its principal,
 * interest and dates, the costs, the reminders already sent, and the total claimed.
 */
export function buildClaimFileCsv(
  ctx: ActionContext,
  claim: ClaimStatement | null,
  today: CalendarDate,
): string {
  const lines: string[] = [];
  const row = (...cells: string[]) => lines.push(csvLine(cells));
  row(textCell('record'), textCell('field'), textCell('value'), textCell('detail'));
  row(
    textCell('creditor'),
    textCell('name'),
    textCell(ctx.org.creditorName),
    textCell(ctx.org.companyNumber),
  );
  row(textCell('creditor'), textCell('iban'), textCell(ctx.org.iban), textCell(''));
  row(textCell('debtor'), textCell('number'), textCell(ctx.debtor.number), textCell(ctx.debtor.kind));
  row(
    textCell('debtor'),
    textCell('name'),
    textCell(ctx.debtor.name),
    textCell(ctx.debtor.vatNumber ?? ctx.debtor.companyNumber),
  );
  const address = [ctx.debtor.addressLine, ctx.debtor.postalCode, ctx.debtor.city, ctx.debtor.country]
    .filter(Boolean)
    .join(', ');
  row(
    textCell('debtor'),
    textCell('address'),
    textCell(address),
    textCell(ctx.debtor.email ?? ctx.debtor.phone),
  );
  for (const c of ctx.contacts)
    row(textCell('contact'), textCell(c.name), textCell(c.email ?? c.phone), textCell(c.role));
  const interestByNumber = new Map(claim?.invoices.map((i) => [i.invoiceNumber, i.interestCents]) ?? []);
  for (const i of ctx.invoices)
    row(
      textCell('invoice'),
      textCell(i.number),
      amountCell(i.openCents),
      textCell(
        `issued ${i.issueDate}, due ${i.dueDate}, total ${amountCell(i.totalCents)}, interest ${amountCell(interestByNumber.get(i.number) ?? 0)}`,
      ),
    );
  for (const l of ctx.previousLetters)
    row(textCell('reminder'), textCell(l.kind), textCell(l.date), textCell(l.channel));
  if (claim) {
    row(textCell('claim'), textCell('principal'), amountCell(claim.principalCents), textCell(''));
    row(textCell('claim'), textCell('costs'), amountCell(claim.costs.costsCents), textCell(claim.costs.rule));
    row(textCell('claim'), textCell('vat on costs'), amountCell(claim.costs.vatCents), textCell(''));
    row(
      textCell('claim'),
      textCell('interest'),
      amountCell(claim.interestCents),
      textCell(claim.interestNote),
    );
    row(
      textCell('claim'),
      textCell('balance'),
      amountCell(claim.balanceCents),
      textCell(`as of ${claim.asOf}`),
    );
  }
  row(textCell('handover'), textCell('date'), plainCell(today), textCell(''));
  return `${CSV_BOM}${lines.join(CSV_NEWLINE)}${CSV_NEWLINE}`;
}
