/**
 * The three kinds of structured payment reference together: validate one whose kind is unknown,
 * and find them in the free remittance text of a bank statement line.
 */
import { validateBetalingskenmerk } from './betalingskenmerk.js';
import { validateCreditorReference } from './creditor-reference.js';
import { validateOgm } from './ogm.js';

/** `ogm`: Belgian OGM/VCS; `betalingskenmerk`: Dutch; `rf`: ISO 11649 creditor reference. */
export const REFERENCE_KINDS = ['ogm', 'betalingskenmerk', 'rf'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export type StructuredReference = { kind: ReferenceKind; normalized: string };
export type StructuredReferenceResult = ({ ok: true } & StructuredReference) | { ok: false; reason: string };

const VALIDATORS = {
  rf: validateCreditorReference,
  ogm: validateOgm,
  betalingskenmerk: validateBetalingskenmerk,
} as const;

/**
 * Validates a reference of any kind (RF first, then OGM, then betalingskenmerk). Twelve digits can
 * be both a valid OGM and a valid 12-digit betalingskenmerk; the OGM wins, its check is stronger.
 */
export function validateStructuredReference(
  text: string,
  options: { kinds?: readonly ReferenceKind[] } = {},
): StructuredReferenceResult {
  const kinds = options.kinds ?? REFERENCE_KINDS;
  for (const kind of ['rf', 'ogm', 'betalingskenmerk'] as const) {
    if (!kinds.includes(kind)) continue;
    const result = VALIDATORS[kind](text);
    if (result.ok) return { ok: true, kind, normalized: result.normalized };
  }
  return { ok: false, reason: `not a valid ${kinds.join(', ')} reference` };
}

type Candidate = StructuredReference & { rank: number; index: number };

// How much a find is worth, best first: an explicit RF prefix or OGM shape beats a bare number,
// a MOD 97 check beats a MOD 11 one, and 9–14-digit kenmerken (length digit + MOD 11) come last.
const RANK = { rf: 0, shapedOgm: 1, bareOgm: 2, betalingskenmerk16: 3, betalingskenmerkShort: 4 } as const;

// Every place an RF reference may start (a lookahead, so that references next to each other are all
// seen): RF + check digits, then the compact form (`RF78INV2024001`) or groups of four
// (`RF18 5390 0754 7034`), not preceded by a letter or digit.
const RF_PATTERN = /(?<![0-9A-Z])(?=(RF\d{2}[0-9A-Z]*(?: [0-9A-Z]+){0,6}))/gi;
// `+++123/4567/89002+++`, `***…***`, or just `123/4567/89002`, with optional spaces.
const SHAPED_OGM_PATTERN = /(?<![0-9])(\d{3})\s*\/\s*(\d{4})\s*\/\s*(\d{5})(?![0-9])/g;
// Runs of digit groups separated by single spaces, not glued to letters, digits or a decimal mark.
const DIGIT_RUN_PATTERN = /(?<![0-9A-Z.,])\d+(?: \d+)*(?![0-9A-Z]|[.,]\d)/gi;
// Two letters and two digits, then letters and digits, compact or in groups of four: an IBAN or an
// RF reference. Their digits are not read as bare numbers: a Belgian BBAN is itself a valid OGM,
// and `BE71 0961 2345 6769` would otherwise yield OGM 096123456769.
const ACCOUNT_OR_RF_PATTERN =
  /(?<![0-9A-Z])[A-Z]{2}\d{2}(?:[0-9A-Z]+|(?: [0-9A-Z]{4}(?![0-9A-Z])){0,8}(?: [0-9A-Z]{1,4}(?![0-9A-Z]))?)/gi;

function findCreditorReferences(text: string, found: Candidate[]): void {
  for (const match of text.matchAll(RF_PATTERN)) {
    const tokens = (match[1] ?? '').toUpperCase().split(' ');
    // Compact: the first token alone. Grouped: groups of four, of which the last may be shorter.
    const parts: string[] = [];
    for (const token of tokens) {
      parts.push(token);
      if (token.length !== 4) break;
    }
    for (let end = parts.length; end >= 1; end--) {
      const result = validateCreditorReference(parts.slice(0, end).join(''));
      if (result.ok) {
        found.push({ kind: 'rf', normalized: result.normalized, rank: RANK.rf, index: match.index });
      }
    }
  }
}

function findShapedOgms(text: string, found: Candidate[]): void {
  for (const match of text.matchAll(SHAPED_OGM_PATTERN)) {
    const result = validateOgm(`${match[1]}${match[2]}${match[3]}`);
    if (result.ok) {
      found.push({ kind: 'ogm', normalized: result.normalized, rank: RANK.shapedOgm, index: match.index });
    }
  }
}

function findDigitReferences(text: string, found: Candidate[]): void {
  const masked = text.replace(ACCOUNT_OR_RF_PATTERN, (span) => ' '.repeat(span.length));
  for (const match of masked.matchAll(DIGIT_RUN_PATTERN)) {
    const groups = match[0].split(' ');
    let offset = match.index;
    // Every span of whole groups: `5000 0567 8901 2345` is one kenmerk, and so is the second
    // number in `factuur 12 5000056789012345`.
    for (let first = 0; first < groups.length; first++) {
      let digits = '';
      for (let last = first; last < groups.length && digits.length < 16; last++) {
        digits += groups[last] ?? '';
        if (digits.length === 12) {
          const ogm = validateOgm(digits);
          if (ogm.ok) {
            found.push({ kind: 'ogm', normalized: ogm.normalized, rank: RANK.bareOgm, index: offset });
          }
        }
        if (digits.length === 16 || (digits.length >= 9 && digits.length <= 14)) {
          const kenmerk = validateBetalingskenmerk(digits);
          const rank = digits.length === 16 ? RANK.betalingskenmerk16 : RANK.betalingskenmerkShort;
          if (kenmerk.ok) {
            found.push({ kind: 'betalingskenmerk', normalized: kenmerk.normalized, rank, index: offset });
          }
        }
      }
      offset += (groups[first] ?? '').length + 1;
    }
  }
}

/**
 * Every structured reference in free text (bank-statement remittance information) whose check
 * digits hold, best first: RF references, OGMs written as `+++ddd/dddd/ddddd+++` or
 * `ddd/dddd/ddddd`, bare 12-digit OGMs, 16-digit betalingskenmerken, then 9–14-digit ones; within a
 * rank in order of appearance. Digits may be grouped by single spaces. Never reports a 7-digit
 * betalingskenmerk (it has no check digit) nor anything whose check digits fail; a digit string can
 * still pass a check by chance (1 in 97 for MOD 97, about 1 in 11 for MOD 11), so match the finds
 * against open invoices rather than trusting the first blindly. `kinds` limits what is looked for.
 */
export function findReferences(
  text: string,
  options: { kinds?: readonly ReferenceKind[] } = {},
): StructuredReference[] {
  const kinds = options.kinds ?? REFERENCE_KINDS;
  const found: Candidate[] = [];
  if (kinds.includes('rf')) findCreditorReferences(text, found);
  if (kinds.includes('ogm')) findShapedOgms(text, found);
  findDigitReferences(text, found);
  found.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const seen = new Set<string>();
  const references: StructuredReference[] = [];
  for (const { kind, normalized } of found) {
    const key = `${kind}:${normalized}`;
    if (!kinds.includes(kind) || seen.has(key)) continue;
    seen.add(key);
    references.push({ kind, normalized });
  }
  return references;
}

/** The best structured reference in free text (see {@link findReferences}), or undefined when there is none. */
export function detectReference(
  text: string,
  options: { kinds?: readonly ReferenceKind[] } = {},
): StructuredReference | undefined {
  return findReferences(text, options)[0];
}
