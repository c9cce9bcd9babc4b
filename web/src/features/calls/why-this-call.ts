import type { TFunction } from 'i18next';
import type { AppLanguage } from '../../i18n/index.ts';
import { formatDateTime, formatMoney, weekdayName } from '../../lib/format.ts';
import { centsToAmount } from '../plans/plans.api.ts';
import type { QueueItem } from './calls.api.ts';

type Part = QueueItem['parts'][number];
type WaitReason = QueueItem['waitReasons'][number];

const num = (value: unknown) => (typeof value === 'number' ? value : 0);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
/** An instant as the core writes it, possibly with its zone: `2026-03-17T11:00:00+01:00[Europe/Amsterdam]`. */
const instant = (value: unknown) => text(value).replace(/\[[^\]]*\]$/, '');

/** One part of the priority score in words, e.g. "€ 23.575,14 overdue". */
export function describePart(part: Part, t: TFunction, language: AppLanguage): string {
  switch (part.code) {
    case 'reason':
      return t(`calls.reasons.${text(part.reason)}`);
    case 'overdue_amount':
      return t('calls.why.overdue_amount', {
        amount: formatMoney(centsToAmount(num(part.overdueCents)), language),
      });
    case 'days_late':
      return t('calls.why.days_late', { count: num(part.daysLate) });
    case 'risk':
      return t('calls.why.risk', { level: t(`calls.risk.${text(part.riskLevel)}`) });
    case 'broken_promises':
      return t('calls.why.broken_promises', { count: num(part.count) });
    case 'callback_due_now':
      return t('calls.why.callback_due_now', { at: formatDateTime(instant(part.callbackAt), language) });
    case 'timing':
      return part.slot
        ? t('calls.why.timing', { slot: t(`calls.windows.${text(part.slot)}`) })
        : t('calls.why.timing_none');
    case 'answer_history':
      return t('calls.why.answer_history', {
        hour: num(part.hour),
        weekday: weekdayName(num(part.weekday) || 1, language),
        rate: Math.round(num(part.hourRateBps) / 100),
      });
    default:
      return part.code;
  }
}

/** Why a call waits, e.g. "preferred days Mon, Tue" or "callback agreed at 17-03-2026 11:00". */
export function describeWait(reason: WaitReason, t: TFunction, language: AppLanguage): string {
  switch (reason.code) {
    case 'weekend':
      return t('calls.wait.weekend');
    case 'public_holiday':
      return t('calls.wait.public_holiday', { holiday: text(reason.holiday), country: text(reason.country) });
    case 'not_preferred_day': {
      const days = Array.isArray(reason.preferredDays) ? (reason.preferredDays as number[]) : [];
      return t('calls.wait.not_preferred_day', {
        days: days.map((day) => weekdayName(day, language)).join(', '),
      });
    }
    case 'outside_callable_hours':
      return t('calls.wait.outside_callable_hours', { from: text(reason.from), until: text(reason.until) });
    case 'callback_pending':
      return t('calls.wait.callback_pending', { at: formatDateTime(instant(reason.callbackAt), language) });
    default:
      return reason.code;
  }
}

/** Points with their sign, as the score adds up: "+44", "−5". */
export const signedPoints = (points: number) => (points < 0 ? `−${Math.abs(points)}` : `+${points}`);
