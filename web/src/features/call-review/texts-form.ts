/**
 * What a senior's edit of a script or an objection sends: only what differs from the default, so
 * the parts left alone keep following improvements of the default; nothing differs → a reset.
 */
import type { FieldIssue } from '../../lib/api.ts';

export type Sections<K extends string> = Record<K, string[]>;

const sameLines = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((line, i) => line.trim() === b[i]);

/** The sections that differ from the default, lines trimmed; empty lines dropped. */
export function changedSections<K extends string>(
  draft: Sections<K>,
  defaults: Record<K, readonly string[]>,
): Partial<Sections<K>> {
  const changed: Partial<Sections<K>> = {};
  for (const section of Object.keys(defaults) as K[]) {
    const lines = (draft[section] ?? []).map((l) => l.trim()).filter((l) => l !== '');
    if (!sameLines(lines, defaults[section])) changed[section] = lines;
  }
  return changed;
}

export type ObjectionDraft = { label: string; heard: string; counters: Record<string, string> };

export function changedObjection(
  draft: ObjectionDraft,
  defaults: ObjectionDraft,
): { label?: string; heard?: string; counters?: Record<string, string> } {
  const changed: { label?: string; heard?: string; counters?: Record<string, string> } = {};
  if (draft.label.trim() !== defaults.label) changed.label = draft.label.trim();
  if (draft.heard.trim() !== defaults.heard) changed.heard = draft.heard.trim();
  const counters = Object.fromEntries(
    Object.entries(draft.counters)
      .map(([key, text]) => [key, text.trim()] as const)
      .filter(([key, text]) => text !== defaults.counters[key]),
  );
  if (Object.keys(counters).length > 0) changed.counters = counters;
  return changed;
}

/** The issue the server named for a field: `opening[1]` or `opening.1` for line 2 of the opening. */
export function issueAt(issues: readonly FieldIssue[], field: string): FieldIssue | undefined {
  const normal = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');
  return issues.find((issue) => normal(issue.field) === normal(field));
}

/** `opening[1]` → { section: 'opening', line: 1 }, for saying "line 2 of the opening". */
export function lineOf(field: string): { section: string; line: number } | null {
  const match = /^(\w+)(?:\[(\d+)\]|\.(\d+))$/.exec(field);
  if (!match?.[1]) return null;
  return { section: match[1], line: Number(match[2] ?? match[3]) };
}

/** The server's reason without its list of known placeholders, which the editor shows anyway. */
export const shortReason = (message: string) => message.replace(/; known: .*$/, '');
