/**
 * Scores what a bank entry could pay, in order of confidence: the invoices its references name,
 * the invoices its text names by number, then — when it names nothing — the invoices of the
 * debtor its IBAN paid for before, then of debtors whose name resembles the payer's, where the
 * amount fits. Every proposal carries a score (0–100) and the reasons behind it; the service
 * allocates the best one automatically when it reaches the organisation's threshold and is not
 * tied, and shows the others as suggestions. Pure: open amounts come in as they are now.
 */
import { type Allocation, allocateOldestFirst, findExactCombination, type OpenItem } from './allocation.js';
import type { MatchReason } from './enums.js';

export type NamedInvoice = {
  item: OpenItem;
  via: 'reference' | 'invoice_number';
  /** The reference was found in the free text, not in the structured field. */
  inText: boolean;
  /** Length of the key that matched: a three-digit "number" in a text is weak evidence. */
  keyLength: number;
};

export type MatchInput = {
  amountCents: number;
  /** Invoices (and credit notes) the entry names, with their current open amounts, paid ones too. */
  named: readonly NamedInvoice[];
  /** Debtors the counterparty's IBAN paid for before. */
  ibanDebtorIds: readonly string[];
  /** Debtors whose name resembles the counterparty's (trigram similarity 0–1). */
  nameDebtors: readonly { debtorId: string; similarity: number }[];
  /** A debtor's open invoices and credit notes, as far as loaded: all of them for IBAN and name debtors, the open credit notes for the others. */
  openItemsOf: (debtorId: string) => readonly OpenItem[];
};

export type MatchProposal = {
  debtorId: string;
  allocations: Allocation[];
  score: number;
  reasons: MatchReason[];
};

const SCORE = {
  reference: 100,
  referenceInText: 97,
  invoiceNumber: 92,
  /** Less than or more than the named invoices: still clear with a checked reference. */
  referenceNotExact: 5,
  numberNotExact: 10,
  shortNumberKey: 10,
  creditNoteOffset: 2,
  ibanKnownBonus: 5,
  nameBonus: 5,
  alreadyPaid: 50,
  ibanExact: 90,
  ibanNotExact: 60,
  nameExactBase: 60,
  nameExactRange: 20,
  ambiguity: 20,
} as const;

const SHORT_KEY = 4;
const NAME_BONUS_SIMILARITY = 0.5;

export function proposeMatches(input: MatchInput): MatchProposal[] {
  const named = proposeFromNamedInvoices(input);
  const proposals = named.length > 0 ? named : proposeFromPayer(input);
  // The proposals are this call's own objects: clamped in place (a spread copy is a slow path in V8).
  for (const p of proposals) p.score = clampScore(p.score);
  return proposals.sort((a, b) => b.score - a.score);
}

/**
 * Whether the best proposal may be allocated without a person: at or above the threshold, with
 * money to allocate, and clearly ahead of a proposal for another debtor.
 */
export function pickAutomaticMatch(
  proposals: readonly MatchProposal[],
  threshold: number,
): MatchProposal | undefined {
  const [best, second] = proposals;
  if (!best || best.score < threshold || best.allocations.length === 0) return undefined;
  if (second && second.score >= best.score && second.debtorId !== best.debtorId) return undefined;
  return best;
}

function proposeFromNamedInvoices(input: MatchInput): MatchProposal[] {
  // Grouped by debtor in a small array, not a Map: one entry nearly always names one debtor.
  const groups: { debtorId: string; hits: NamedInvoice[] }[] = [];
  for (const hit of input.named) {
    const group = groups.find((g) => g.debtorId === hit.item.debtorId);
    if (!group) groups.push({ debtorId: hit.item.debtorId, hits: [hit] });
    else if (!group.hits.some((h) => h.item.id === hit.item.id)) group.hits.push(hit);
  }
  const proposals: MatchProposal[] = [];
  for (const { debtorId, hits } of groups) {
    const proposal = proposeForDebtor(input, debtorId, strongestHits(hits));
    if (proposal) proposals.push(proposal);
  }
  if (proposals.length > 1) {
    // Several debtors named: one that fits exactly may still win, by a smaller margin.
    const exact = proposals.filter((p) => p.reasons.includes('amount_exact'));
    for (const p of proposals) {
      const isOnlyExact = exact.length === 1 && exact[0] === p;
      p.score -= isOnlyExact ? SCORE.referenceNotExact : SCORE.ambiguity;
      if (!isOnlyExact) p.reasons.push('ambiguous');
    }
  }
  return proposals;
}

/** References beat invoice numbers: when a debtor's invoices are named by reference, numbers are noise. */
function strongestHits(hits: NamedInvoice[]): NamedInvoice[] {
  if (hits.every((h) => h.via === hits[0]?.via)) return hits;
  const byReference = hits.filter((h) => h.via === 'reference');
  return byReference.length > 0 ? byReference : hits;
}

function proposeForDebtor(
  input: MatchInput,
  debtorId: string,
  hits: NamedInvoice[],
): MatchProposal | undefined {
  const via = hits[0]?.via ?? 'invoice_number';
  const inText = hits.every((h) => h.inText);
  const reasons: MatchReason[] = [
    via === 'reference' ? (inText ? 'reference_in_text' : 'reference') : 'invoice_number',
  ];
  let score = via === 'reference' ? (inText ? SCORE.referenceInText : SCORE.reference) : SCORE.invoiceNumber;
  if (via === 'invoice_number' && hits.every((h) => h.keyLength < SHORT_KEY)) score -= SCORE.shortNumberKey;
  if (input.ibanDebtorIds.includes(debtorId)) {
    reasons.push('iban_known');
    score += SCORE.ibanKnownBonus;
  }
  if (input.nameDebtors.some((d) => d.debtorId === debtorId && d.similarity >= NAME_BONUS_SIMILARITY)) {
    reasons.push('name');
    score += SCORE.nameBonus;
  }

  // `reasons` is this call's own array: each way out below adds its last reason to it.
  const open: OpenItem[] = [];
  for (const h of hits) if (h.item.openCents !== 0) open.push(h.item);
  if (!open.some((i) => i.openCents > 0)) {
    if (hits.length === 0) return undefined;
    reasons.push('already_paid');
    return { debtorId, allocations: [], score: SCORE.alreadyPaid, reasons };
  }
  const exact = findExactCombination(input.amountCents, open);
  if (exact) {
    reasons.push('amount_exact');
    return { debtorId, allocations: fullAllocations(exact), score: Math.min(score, 100), reasons };
  }
  const namedIds = new Set(open.map((i) => i.id));
  const notes = input.openItemsOf(debtorId).filter((i) => i.openCents < 0 && !namedIds.has(i.id));
  const withNotes =
    notes.length > 0 ? findExactCombination(input.amountCents, [...open, ...notes]) : undefined;
  if (withNotes) {
    reasons.push('amount_exact', 'credit_note_offset');
    return {
      debtorId,
      allocations: fullAllocations(withNotes),
      score: Math.min(score, 100) - SCORE.creditNoteOffset,
      reasons,
    };
  }
  const { allocations, restCents } = allocateOldestFirst(input.amountCents, open);
  const penalty = via === 'reference' ? SCORE.referenceNotExact : SCORE.numberNotExact;
  reasons.push(restCents > 0 ? 'overpayment' : 'partial_payment');
  return { debtorId, allocations, score: Math.min(score, 100) - penalty, reasons };
}

/** Nothing named: the payer's IBAN (learned from earlier payments), else their name, with the amount. */
function proposeFromPayer(input: MatchInput): MatchProposal[] {
  const proposals: MatchProposal[] = [];
  const ibanDebtors = input.ibanDebtorIds;
  for (const debtorId of ibanDebtors) {
    const proposal = proposeByAmount(input, debtorId, {
      reasons: ['iban_known'],
      exactScore: SCORE.ibanExact,
      otherwiseScore: SCORE.ibanNotExact,
    });
    if (proposal) proposals.push(proposal);
  }
  if (ibanDebtors.length > 1) {
    for (const p of proposals) {
      p.score -= SCORE.ambiguity;
      p.reasons.push('ambiguous');
    }
  }
  for (const { debtorId, similarity } of input.nameDebtors) {
    if (ibanDebtors.includes(debtorId)) continue;
    const proposal = proposeByAmount(input, debtorId, {
      reasons: ['name'],
      exactScore: SCORE.nameExactBase + Math.round(SCORE.nameExactRange * similarity),
      otherwiseScore: undefined,
    });
    if (proposal) proposals.push(proposal);
  }
  return proposals;
}

function proposeByAmount(
  input: MatchInput,
  debtorId: string,
  rule: { reasons: MatchReason[]; exactScore: number; otherwiseScore: number | undefined },
): MatchProposal | undefined {
  const open = input.openItemsOf(debtorId).filter((i) => i.openCents !== 0);
  const invoices = open.filter((i) => i.openCents > 0);
  if (invoices.length === 0) return undefined;
  const single = invoices.filter((i) => i.openCents === input.amountCents);
  const everything = open.reduce((sum, i) => sum + i.openCents, 0) === input.amountCents;
  if (single.length === 1 || (single.length === 0 && everything)) {
    const paid = single.length === 1 ? single : open;
    return {
      debtorId,
      allocations: fullAllocations(paid),
      score: rule.exactScore,
      reasons: [...rule.reasons, 'amount_exact'],
    };
  }
  if (single.length > 1) {
    // Two invoices of the same amount (a subscription): which one is a person's call.
    const oldest = allocateOldestFirst(input.amountCents, single).allocations;
    return {
      debtorId,
      allocations: oldest,
      score: rule.exactScore - SCORE.ambiguity,
      reasons: [...rule.reasons, 'amount_exact', 'ambiguous'],
    };
  }
  if (rule.otherwiseScore === undefined) return undefined;
  const { allocations, restCents } = allocateOldestFirst(input.amountCents, invoices);
  return {
    debtorId,
    allocations,
    score: rule.otherwiseScore,
    reasons: [...rule.reasons, restCents > 0 ? 'overpayment' : 'partial_payment'],
  };
}

const fullAllocations = (items: readonly OpenItem[]): Allocation[] =>
  items.map((i) => ({ invoiceId: i.id, amountCents: i.openCents }));

const clampScore = (score: number) => Math.max(0, Math.min(100, score));
