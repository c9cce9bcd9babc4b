/**
 * A senior's wording of an objection (issue 5 point 4, R16): per organisation, objection and
 * language, a label, how debtors say it, and counters by their key. Only the library's counter
 * keys can be reworded: their ids carry the statistics of which answers led to kept promises, and
 * the next actions belong to the objection, not to its words. What is not given stays the default.
 */
import type { FieldIssue } from '../../errors.js';
import { checkTemplateLine } from '../scripts/placeholders.js';
import {
  OBJECTION_LIBRARY,
  type ObjectionCode,
  type ObjectionText,
  type ObjectionTexts,
} from './objection-library.js';

export type ObjectionTextOverride = {
  label?: string;
  heard?: string;
  counters?: Readonly<Record<string, string>>;
};

export type ObjectionOverrides = Partial<Record<ObjectionCode, ObjectionTextOverride>>;

export function applyObjectionOverride(
  text: ObjectionText,
  override: ObjectionTextOverride | undefined,
): ObjectionText {
  if (!override) return text;
  return {
    label: override.label ?? text.label,
    heard: override.heard ?? text.heard,
    counters: { ...text.counters, ...override.counters },
  };
}

export function applyObjectionOverrides(
  texts: ObjectionTexts,
  overrides: ObjectionOverrides,
): ObjectionTexts {
  const result = { ...texts };
  for (const [code, override] of Object.entries(overrides) as [ObjectionCode, ObjectionTextOverride][]) {
    result[code] = applyObjectionOverride(texts[code], override);
  }
  return result;
}

/** Unknown counter keys, unknown placeholders in counters, and placeholders in label or heard (shown as written). */
export function checkObjectionOverride(code: ObjectionCode, override: ObjectionTextOverride): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ['label', 'heard'] as const) {
    if (override[field]?.match(/[{}]/)) {
      issues.push({ field, message: 'takes no placeholders: it is shown as written' });
    }
  }
  const keys = OBJECTION_LIBRARY[code].counters;
  for (const [key, text] of Object.entries(override.counters ?? {})) {
    if (!keys.includes(key)) {
      issues.push({
        field: `counters.${key}`,
        message: `not a counter of ${code}; its counters: ${keys.join(', ')}`,
      });
      continue;
    }
    const problem = checkTemplateLine(text);
    if (problem) issues.push({ field: `counters.${key}`, message: problem });
  }
  return issues;
}
