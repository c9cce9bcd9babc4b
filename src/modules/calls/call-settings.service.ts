import { z } from 'zod';
import {
  type CallSettings,
  type CallSettingsOverrides,
  checkCallSettings,
  DEFAULT_CALL_SETTINGS,
  resolveCallSettings,
} from '../../core/calls/call-settings.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../auth/access.js';
import { type LedgerDeps, loadOrganisation } from '../ledger/organisation.service.js';
import { updateOrganisationRow } from '../ledger/organisations.repo.js';
import type { CallSettingsView } from './call-settings.schemas.js';

/**
 * The organisation's `call_settings` column: a partial settings object laid over the defaults.
 * The shape is checked here (an object of objects), the meaning by checkCallSettings field by field.
 */
const OverridesSchema = z.record(z.string(), z.unknown());

export function organisationCallSettings(stored: unknown): CallSettings {
  const parsed = OverridesSchema.safeParse(stored ?? {});
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'organisations.call_settings is not an object');
  }
  const settings = resolveCallSettings(parsed.data as CallSettingsOverrides);
  const issues = checkCallSettings(settings);
  if (issues.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'organisations.call_settings has fields that cannot work',
      issues.map((i) => ({ field: `call_settings.${i.field}`, message: i.message })),
    );
  }
  return settings;
}

/** The settings as the API shows them: what the workbench uses, what the organisation changed, the defaults. */
export async function getCallSettings(deps: LedgerDeps, actor: Actor): Promise<CallSettingsView> {
  const { org } = await loadOrganisation(deps, actor.orgId);
  return toView(org.callSettings);
}

/**
 * Replaces what the organisation changes from the defaults (`{}` goes back to them). Refused as a
 * whole, with every field that cannot work named, so no half-applied settings reach the queue.
 */
export async function replaceCallSettings(
  deps: LedgerDeps,
  actor: Actor,
  overrides: CallSettingsOverrides,
): Promise<CallSettingsView> {
  const issues = checkCallSettings(resolveCallSettings(overrides));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'these call settings cannot work', issues);
  const org = await updateOrganisationRow(deps.db, {
    orgId: actor.orgId,
    changes: { callSettings: overrides },
  });
  if (!org) throw new AppError('ORGANISATION_NOT_FOUND', 'no such organisation');
  return toView(org.callSettings);
}

const toView = (stored: CallSettingsOverrides): CallSettingsView => ({
  settings: organisationCallSettings(stored),
  overrides: stored,
  defaults: DEFAULT_CALL_SETTINGS,
});
