import { z } from 'zod';
import {
  type CallSettings,
  type CallSettingsOverrides,
  checkCallSettings,
  resolveCallSettings,
} from '../../core/calls/call-settings.js';
import { AppError } from '../../core/errors.js';

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
