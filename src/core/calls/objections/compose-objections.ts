/**
 * The objection list as the workbench shows it during a call: ranked (see rank-objections.ts),
 * in the call's language, the counters filled with the same values as the script.
 */
import type { Language } from '../../ledger/enums.js';
import { applyTypography } from '../scripts/compose-script.js';
import { fillPlaceholders, type PlaceholderValues } from '../scripts/placeholders.js';
import { EN_OBJECTIONS } from './en.js';
import { FR_OBJECTIONS } from './fr.js';
import { NL_OBJECTIONS } from './nl.js';
import {
  type NextAction,
  OBJECTION_LIBRARY,
  type ObjectionCode,
  type ObjectionTexts,
} from './objection-library.js';
import type { RankedObjection } from './rank-objections.js';

export const OBJECTION_TEXTS: Record<Language, ObjectionTexts> = {
  nl: NL_OBJECTIONS,
  fr: FR_OBJECTIONS,
  en: EN_OBJECTIONS,
};

export type ShownObjection = {
  code: ObjectionCode;
  label: string;
  heard: string;
  isOwn: boolean;
  ownCount: number;
  /** Counters used on this objection, and how many of those calls led to a kept promise. */
  uses: number;
  keptPromises: number;
  successRateBps: number;
  counters: { id: string; text: string; uses: number; keptPromises: number; successRateBps: number }[];
  nextActions: readonly NextAction[];
};

export type ObjectionIssue = { counterId: string; unknown: string[]; missing: string[] };

/**
 * Fills the ranked objections in `language`. A counter whose placeholders the call cannot fill is
 * left out of the list and reported, so the collector never reads a sentence with a hole in it.
 */
export function composeObjections(
  ranked: readonly RankedObjection[],
  language: Language,
  values: PlaceholderValues,
  texts: ObjectionTexts = OBJECTION_TEXTS[language],
): { objections: ShownObjection[]; issues: ObjectionIssue[] } {
  const issues: ObjectionIssue[] = [];
  const objections = ranked.map((objection): ShownObjection => {
    const text = texts[objection.code];
    const counters = objection.counters.flatMap((counter) => {
      const template = text.counters[counter.key];
      if (template === undefined) {
        issues.push({ counterId: counter.id, unknown: [], missing: ['text'] });
        return [];
      }
      const filled = fillPlaceholders(template, values);
      if (!filled.ok) {
        issues.push({ counterId: counter.id, unknown: filled.unknown, missing: filled.missing });
        return [];
      }
      return [
        {
          id: counter.id,
          text: applyTypography(filled.text, language),
          uses: counter.uses,
          keptPromises: counter.keptPromises,
          successRateBps: counter.successRateBps,
        },
      ];
    });
    return {
      code: objection.code,
      label: applyTypography(text.label, language),
      heard: applyTypography(text.heard, language),
      isOwn: objection.isOwn,
      ownCount: objection.ownCount,
      uses: objection.uses,
      keptPromises: objection.keptPromises,
      successRateBps: objection.successRateBps,
      counters,
      nextActions: OBJECTION_LIBRARY[objection.code].nextActions,
    };
  });
  return { objections, issues };
}
