import { Temporal } from 'temporal-polyfill';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { AnswerHistory } from '../../core/calls/answer-history.js';
import { buildCallQueue, planCallDay, type QueueDebtor } from '../../core/calls/build-queue.js';
import type { CallSettings } from '../../core/calls/call-settings.js';
import type { CallWindow } from '../../core/calls/call-timing.js';
import type { PriorityPart } from '../../core/calls/queue-priority.js';
import type { QueueEntry, QueueReason } from '../../core/calls/queue-reasons.js';
import { assessSensitivity, type Collector, defaultSkillLevel } from '../../core/calls/routing.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../auth/access.js';
import { ensureFreshBalances, type LedgerDeps, loadOrganisation } from '../ledger/organisation.service.js';
import type { Organisation } from '../ledger/organisations.repo.js';
import { organisationCallSettings } from './call-settings.service.js';
import { type AnswerCount, findCallerRows, findQueueDebtorRows, type QueueDebtorRow } from './queue.repo.js';

/** A member's calls per day when the membership does not say. */
const DEFAULT_CALLS_PER_DAY = 60;
/**
 * Debtors called for their balance alone enter the day's queue largest first, up to this many per
 * reason (large overdue by the balance, fast-growing by the increase): tasks (callbacks, broken
 * promises, call steps) always do. At 200k debtors ~7% are above the large-overdue line and ~5%
 * grew fast in two weeks — far more than a team calls in a day, and scoring them all costs
 * seconds. The amount is the biggest part of such a debtor's score, so the cut keeps the ones the
 * score would put first.
 */
const MAX_BALANCE_CANDIDATES = 2_000;

export type QueueWindow = { kind: CallWindow['kind']; date: CalendarDate; from: string; until: string };

export type CallQueueItem = {
  debtorId: string;
  debtor: string;
  debtorName: string;
  contactId: string | null;
  contact: string | null;
  phone: string | null;
  extension: string | null;
  /** The strongest reason (what a list shows); all reasons follow, strongest first. */
  reason: QueueReason;
  reasons: QueueReason[];
  priority: number;
  baseScore: number;
  /** Why this call: the parts add up to `priority`. */
  parts: PriorityPart[];
  verdict: 'call' | 'acceptable' | 'wait';
  /** The window the moment falls in; when waiting, the next good one (null if none soon). */
  callWindow: QueueWindow | null;
  waitReasons: { code: string }[];
  sourceIds: string[];
  overdueCents: number;
  assignedTo: string | null;
};

export type CallQueueView = { date: CalendarDate; at: string; items: CallQueueItem[] };

/**
 * The call queue of an organisation (or one collector) at a local moment: the day's debtors with
 * their reasons, figures and answer history from SQL (one set-based statement), then the pure core
 * scores and orders them for that moment and, for a collector, hands out the day by skill and load
 * (planCallDay) and keeps that collector's part.
 */
export async function getCallQueue(
  deps: LedgerDeps,
  actor: Pick<Actor, 'orgId'>,
  params: { date?: CalendarDate; at?: string; collectorId?: string },
): Promise<CallQueueView> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  const settings = organisationCallSettings(org.callSettings);
  const date = params.date ?? today;
  const now = momentOf(deps, org, date, params.at);
  await ensureFreshBalances(deps, { org, today: date });

  const { balanceReasons } = settings;
  const debtorRows = await findQueueDebtorRows(deps.db, {
    orgId: org.id,
    date,
    timeZone: org.timeZone,
    largeOverdueCents: balanceReasons.largeOverdueCents,
    informalCallWithinDays: balanceReasons.informalCallWithinDays,
    disputeResolvedWithinDays: balanceReasons.disputeResolvedWithinDays,
    growthWindowDays: balanceReasons.growthWindowDays,
    fastGrowthBps: balanceReasons.fastGrowthBps,
    fastGrowthMinIncreaseCents: balanceReasons.fastGrowthMinIncreaseCents,
    maxBalanceCandidates: MAX_BALANCE_CANDIDATES,
  });
  const entries: QueueEntry[] = debtorRows.flatMap((row) =>
    row.entries.map((entry) => ({
      debtorId: row.id,
      reason: entry.reason as QueueReason,
      ...(entry.sourceId ? { sourceId: entry.sourceId } : {}),
      ...(entry.callbackAtMs !== null
        ? { callbackAt: Temporal.Instant.fromEpochMilliseconds(entry.callbackAtMs) }
        : {}),
    })),
  );
  const rows = new Map(debtorRows.map((row) => [row.id, row]));
  const debtors = new Map<string, QueueDebtor>(
    debtorRows.map((row) => [row.id, toQueueDebtor(row, org, settings)]),
  );
  const queue = buildCallQueue({ now, entries, debtors, settings });

  let items = queue.items;
  if (params.collectorId) {
    const collectors = await loadCollectors(deps, org.id);
    if (!collectors.some((c) => c.id === params.collectorId)) {
      throw new AppError('BAD_REQUEST', `collector ${params.collectorId} is not a calling member`, [
        { field: 'collector', message: 'not a member who takes calls' },
      ]);
    }
    const plan = planCallDay(queue, debtors, collectors);
    const mine = new Set(plan.byCollector[params.collectorId] ?? []);
    items = items.filter((item) => mine.has(item.debtorId));
  }

  const windows = new Map<CallWindow, QueueWindow>();
  // Debtors of one zone and calendar share their windows: each is formatted once.
  const toWindowView = (window: CallWindow) => {
    let view = windows.get(window);
    if (!view) {
      view = toQueueWindow(window);
      windows.set(window, view);
    }
    return view;
  };
  const at = now.toZonedDateTimeISO(org.timeZone).toPlainTime().toString({ smallestUnit: 'minute' });
  return {
    date,
    at,
    items: items.flatMap((item) => {
      const row = rows.get(item.debtorId);
      const debtor = debtors.get(item.debtorId);
      if (!row || !debtor) return [];
      const window = item.window ?? item.nextWindow;
      const reason = item.reasons[0];
      if (!reason) return [];
      return [
        {
          debtorId: row.id,
          debtor: row.number,
          debtorName: row.name,
          contactId: row.contact_id,
          contact: row.contact_name,
          phone: row.phone,
          extension: row.phone_extension,
          reason,
          reasons: item.reasons,
          priority: item.score,
          baseScore: item.baseScore,
          parts: item.parts,
          verdict: item.verdict,
          callWindow: window ? toWindowView(window) : null,
          waitReasons: item.waitReasons,
          sourceIds: item.sourceIds,
          overdueCents: row.overdue_cents,
          assignedTo: debtor.ownerId,
        },
      ];
    }),
  };
}

/** The moment the queue is for: `at` (HH:MM, the organisation's zone) on `date`, else the clock's time of day. */
function momentOf(
  deps: LedgerDeps,
  org: Organisation,
  date: CalendarDate,
  at: string | undefined,
): Temporal.Instant {
  const clockTime = Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime())
    .toZonedDateTimeISO(org.timeZone)
    .toPlainTime();
  const time = at ? Temporal.PlainTime.from(at) : clockTime;
  return Temporal.PlainDate.from(date)
    .toZonedDateTime({ timeZone: org.timeZone, plainTime: time })
    .toInstant();
}

function toQueueDebtor(row: QueueDebtorRow, org: Organisation, settings: CallSettings): QueueDebtor {
  const answerHistory = toAnswerHistory(row.answers);
  const callbackOwner = row.entries.find((e) => e.assignedTo)?.assignedTo;
  const sensitivity = assessSensitivity(
    {
      kind: row.kind,
      overdueCents: row.overdue_cents,
      hasPaymentTrouble: row.has_payment_trouble,
      isLegalStage: row.is_legal_stage,
      hasOpenDispute: row.has_open_dispute,
      hasOpenComplaint: false,
      hadAggressiveCall: row.had_aggressive_call,
      brokenPromiseCount: row.broken_promises,
    },
    settings.routing,
  );
  return {
    debtorId: row.id,
    call: {
      country: row.country,
      organisationCountry: org.country,
      ...(row.contact_id
        ? {
            contact: {
              preferredCallDays: row.preferred_call_days ?? [],
              preferredCallFrom: row.preferred_call_from,
              preferredCallUntil: row.preferred_call_until,
            },
          }
        : {}),
    },
    signals: {
      overdueCents: row.overdue_cents,
      oldestOverdueDueDate: row.oldest_overdue_due_date,
      brokenPromiseCount: row.broken_promises,
      ...(answerHistory ? { answerHistory } : {}),
    },
    requiredLevel: sensitivity.requiredLevel,
    // The collector who agreed a callback makes it; otherwise the debtor's own collector.
    ownerId: callbackOwner ?? row.assigned_collector_id,
  };
}

type Counts = Record<number, { attempts: number; answered: number }>;

function toAnswerHistory(counts: readonly AnswerCount[]): AnswerHistory | undefined {
  if (counts.length === 0) return undefined;
  const history = { byHour: {} as Counts, byWeekday: {} as Counts };
  const add = (byKey: Counts, key: number, count: AnswerCount) => {
    const sum = byKey[key] ?? { attempts: 0, answered: 0 };
    sum.attempts += count.attempts;
    sum.answered += count.answered;
    byKey[key] = sum;
  };
  for (const count of counts) {
    add(history.byHour, count.hour, count);
    add(history.byWeekday, count.weekday, count);
  }
  return history;
}

async function loadCollectors(deps: LedgerDeps, orgId: string): Promise<Collector[]> {
  const rows = await findCallerRows(deps.db, orgId);
  return rows.flatMap((row) => {
    const skillLevel = row.call_skill_level ?? defaultSkillLevel(row.role);
    if (!skillLevel) return [];
    return [{ id: row.user_id, skillLevel, capacity: row.calls_per_day ?? DEFAULT_CALLS_PER_DAY }];
  });
}

function toQueueWindow(window: CallWindow): QueueWindow {
  return {
    kind: window.kind,
    date: window.start.toPlainDate().toString() as CalendarDate,
    from: window.start.toPlainTime().toString({ smallestUnit: 'minute' }),
    until: window.end.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
}
