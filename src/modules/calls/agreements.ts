import { addDays, type CalendarDate } from '../../core/calendar-date.js';
import { buildPlanSchedule, type PlanInstalment } from '../../core/calls/plan-schedule.js';
import type { AgreementProposal } from '../../core/calls/promise-validation.js';
import { AppError } from '../../core/errors.js';
import type { Country } from '../../core/ledger/enums.js';
import { cents } from '../../core/money.js';
import { parseAmountInput } from '../ledger/amounts.js';
import type { RecordCallRequest } from './calls.schemas.js';

type Agreement = NonNullable<RecordCallRequest['agreement']>;

/** What a promise, partial payment or plan of the request comes to in cents and dates (for validation). */
export function toProposal(
  agreement: Agreement,
  context: { today: CalendarDate; overdueCents: number; calendar: Country },
): { proposal: AgreementProposal; instalments: PlanInstalment[] } | undefined {
  switch (agreement.result) {
    case 'promise':
    case 'partial_payment': {
      const amountCents = parseAmountInput(agreement.amount, 'agreement.amount');
      const promisedDate = (agreement.date ?? context.today) as CalendarDate;
      return { proposal: { kind: 'promise', amountCents, promisedDate }, instalments: [] };
    }
    case 'payment_plan': {
      const instalments = planInstalments(agreement, context);
      return { proposal: { kind: 'plan', instalments }, instalments };
    }
    case 'dispute':
    case 'claims_paid':
    case 'refuses':
      return undefined;
  }
}

function planInstalments(
  agreement: Extract<Agreement, { result: 'payment_plan' }>,
  context: { today: CalendarDate; overdueCents: number; calendar: Country },
): PlanInstalment[] {
  if (agreement.instalments) {
    return agreement.instalments.map((i, index) => ({
      number: index + 1,
      dueDate: i.dueDate as CalendarDate,
      amountCents: parseAmountInput(i.amount, `agreement.instalments[${index}].amount`),
    }));
  }
  if (!agreement.instalmentCount) {
    throw new AppError('VALIDATION_FAILED', 'a plan needs its instalments or an instalment count', [
      { field: 'agreement.instalmentCount', message: 'give the instalments or how many there are' },
    ]);
  }
  try {
    return buildPlanSchedule({
      totalCents: agreement.total
        ? parseAmountInput(agreement.total, 'agreement.total')
        : context.overdueCents,
      instalmentCount: agreement.instalmentCount,
      downPaymentCents: agreement.downPayment
        ? cents(parseAmountInput(agreement.downPayment, 'agreement.downPayment'))
        : 0,
      firstDueDate: (agreement.firstDueDate as CalendarDate | undefined) ?? addDays(context.today, 7),
      interval: agreement.interval,
      calendar: context.calendar,
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const [field = 'agreement', message = error.message] = error.message.split(': ');
    throw new AppError('VALIDATION_FAILED', `plan: ${error.message}`, [
      { field: `agreement.${field}`, message },
    ]);
  }
}
