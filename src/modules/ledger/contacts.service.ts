import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { AppError, type FieldIssue } from '../../core/errors.js';
import type { Actor } from '../auth/access.js';
import { deleteContactRow, findContactRow, insertContact, updateContactRow } from './contacts.repo.js';
import { findDebtorRow } from './debtors.repo.js';
import { toContact } from './ledger.mappers.js';
import type { Contact, CreateContactRequest, UpdateContactRequest } from './ledger.schemas.js';
import { type LedgerDeps, withoutUndefined } from './organisation.service.js';
import { appendTimeline } from './timeline.repo.js';

const PHONE_FIELDS = ['phone', 'mobile'] as const;

/**
 * Phones as people type them ("020-1234567", "0470 12 34 56", "+32 2 555 12 12") in E.164, read in
 * the debtor's country; an extension typed with the number ("… ext. 12", "… x12") moves to
 * `phoneExtension`. Unreadable numbers are field errors, never stored as they came.
 */
function normalisePhones<T extends UpdateContactRequest>(request: T, country: string): T {
  const issues: FieldIssue[] = [];
  const result: T = { ...request };
  for (const field of PHONE_FIELDS) {
    const text = request[field];
    if (text === undefined || text === null || text.trim() === '') {
      if (text !== undefined) result[field] = null;
      continue;
    }
    const phone = parsePhoneNumberFromString(text, country as CountryCode);
    if (!phone?.isValid()) {
      issues.push({ field, message: `not a valid phone number for ${country}: "${text}"` });
      continue;
    }
    result[field] = phone.number;
    if (field === 'phone' && phone.ext && !request.phoneExtension) result.phoneExtension = phone.ext;
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'invalid phone number', issues);
  return result;
}

async function requireDebtor(deps: LedgerDeps, actor: Actor, debtorId: string) {
  const debtor = await findDebtorRow(deps.db, { orgId: actor.orgId, debtorId });
  if (!debtor) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  return debtor;
}

export async function createContact(
  deps: LedgerDeps,
  actor: Actor,
  debtorId: string,
  request: CreateContactRequest,
): Promise<Contact> {
  const debtor = await requireDebtor(deps, actor, debtorId);
  const values = normalisePhones(request, debtor.country);
  return deps.db.transaction(async (tx) => {
    const row = await insertContact(tx, {
      ...withoutUndefined(values),
      name: values.name,
      orgId: actor.orgId,
      debtorId,
    });
    await appendTimeline(tx, [
      {
        orgId: actor.orgId,
        debtorId,
        kind: 'contact_added',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        summary: `Added contact ${row.name}${row.role ? ` (${row.role})` : ''}`,
        data: { contactId: row.id },
      },
    ]);
    return toContact(row);
  });
}

export async function updateContact(
  deps: LedgerDeps,
  actor: Actor,
  params: { debtorId: string; contactId: string },
  request: UpdateContactRequest,
): Promise<Contact> {
  const debtor = await requireDebtor(deps, actor, params.debtorId);
  const values = normalisePhones(request, debtor.country);
  return deps.db.transaction(async (tx) => {
    const before = await findContactRow(tx, { orgId: actor.orgId, ...params });
    if (!before) throw new AppError('CONTACT_NOT_FOUND', 'no such contact');
    const changes = withoutUndefined(values);
    const row = await updateContactRow(tx, { orgId: actor.orgId, contactId: params.contactId, changes });
    if (!row) throw new AppError('CONTACT_NOT_FOUND', 'no such contact');
    const changed = Object.keys(changes).filter(
      (key) =>
        JSON.stringify(before[key as keyof typeof before]) !== JSON.stringify(row[key as keyof typeof row]),
    );
    if (changed.length > 0) {
      await appendTimeline(tx, [
        {
          orgId: actor.orgId,
          debtorId: params.debtorId,
          kind: 'contact_updated',
          actorUserId: actor.userId,
          actorLabel: actor.label,
          summary: `Changed contact ${row.name}: ${changed.join(', ')}`,
          data: { contactId: row.id, fields: changed },
        },
      ]);
    }
    return toContact(row);
  });
}

export async function deleteContact(
  deps: LedgerDeps,
  actor: Actor,
  params: { debtorId: string; contactId: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const before = await findContactRow(tx, { orgId: actor.orgId, ...params });
    if (!before) throw new AppError('CONTACT_NOT_FOUND', 'no such contact');
    await deleteContactRow(tx, { orgId: actor.orgId, contactId: params.contactId });
    await appendTimeline(tx, [
      {
        orgId: actor.orgId,
        debtorId: params.debtorId,
        kind: 'contact_removed',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        summary: `Removed contact ${before.name}`,
        data: { contactId: before.id, contact: toContact(before) },
      },
    ]);
  });
}
