import type { CalendarDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import { refreshDebtorBalances } from './balances.repo.js';
import type { Organisation as OrganisationView, UpdateOrganisationChanges } from './ledger.schemas.js';
import { findOrganisationById, type Organisation, updateOrganisationRow } from './organisations.repo.js';

export type LedgerDeps = Pick<AppDeps, 'db' | 'clock'>;

/** The caller's organisation and its "today" (in its own time zone). */
export async function loadOrganisation(
  deps: LedgerDeps,
  orgId: string,
): Promise<{ org: Organisation; today: CalendarDate }> {
  const org = await findOrganisationById(deps.db, orgId);
  if (!org) throw new AppError('ORGANISATION_NOT_FOUND', 'no such organisation');
  return { org, today: deps.clock.today(org.timeZone) };
}

/**
 * "Overdue" moves with the date: before a list that filters or sorts on the balance columns,
 * recompute the organisation's balances once per day (set-based, only changed rows written).
 */
export async function ensureFreshBalances(
  deps: LedgerDeps,
  params: { org: Pick<Organisation, 'id' | 'balancesAsOf'>; today: CalendarDate },
): Promise<void> {
  if (params.org.balancesAsOf !== null && params.org.balancesAsOf >= params.today) return;
  await deps.db.transaction((tx) => refreshDebtorBalances(tx, { orgId: params.org.id, today: params.today }));
}

export function toOrganisationView(org: Organisation): OrganisationView {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    country: org.country,
    defaultLanguage: org.defaultLanguage,
    creditorName: org.creditorName,
    addressLine: org.addressLine,
    postalCode: org.postalCode,
    city: org.city,
    iban: org.iban,
    bic: org.bic,
    senderEmail: org.senderEmail,
    companyNumber: org.companyNumber,
    vatNumber: org.vatNumber,
    paymentReferenceKind: org.paymentReferenceKind,
    timeZone: org.timeZone,
    dunningMode: org.dunningMode,
    dunningRunTime: org.dunningRunTime,
  };
}

export async function getOrganisation(deps: LedgerDeps, actor: Actor): Promise<OrganisationView> {
  return toOrganisationView((await loadOrganisation(deps, actor.orgId)).org);
}

/** The request is validated by its schema (IBAN checksum, BIC format) and normalised there. */
export async function updateOrganisation(
  deps: LedgerDeps,
  actor: Actor,
  changes: UpdateOrganisationChanges,
): Promise<OrganisationView> {
  const org = await updateOrganisationRow(deps.db, {
    orgId: actor.orgId,
    changes: withoutUndefined(changes),
  });
  if (!org) throw new AppError('ORGANISATION_NOT_FOUND', 'no such organisation');
  return toOrganisationView(org);
}

/** Drops absent fields so an update sets only what the request named (null clears a field). */
export function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
