/**
 * A generated, labelled matching set (test support): debtors with invoices carrying OGM,
 * betalingskenmerk or RF references, a history statement from which the matching learns half the
 * debtors' IBANs, and a statement whose every line says which invoices it really pays — by each
 * kind of reference, several invoices at once, partly, too much, with a typo in the reference,
 * by invoice number in free text, from unknown accounts, and lines that pay nothing of ours.
 */
import { assertNever } from '../../core/errors.js';
import { generateBetalingskenmerk } from '../../core/references/betalingskenmerk.js';
import {
  formatCreditorReference,
  generateCreditorReference,
} from '../../core/references/creditor-reference.js';
import { formatOgm, generateOgm } from '../../core/references/ogm.js';
import { createRandom } from '../demo/random.js';
import type { BankEntry } from './formats/bank-statement.js';
import { bankEntry } from './test-support.js';

export type LabelledInvoice = {
  key: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  totalCents: number;
  paymentReference: string | null;
  dueDate: string;
};
export type LabelledDebtor = {
  index: number;
  name: string;
  country: 'NL' | 'BE';
  iban: string;
  invoices: LabelledInvoice[];
};
export type LabelledLine = {
  scenario: string;
  entry: BankEntry;
  /** Keys of the invoices (and credit notes) this line pays; empty when it pays nothing of ours. */
  pays: string[];
  debtorIndex: number | null;
};

export const SCENARIOS = [
  'reference',
  'reference_in_text',
  'two_invoices_by_reference',
  'two_invoices_by_number',
  'partial_payment',
  'overpayment',
  'typo_in_reference',
  'invoice_number_with_prefix',
  'known_iban_amount',
  'credit_note_offset',
  'unknown_account',
  'number_of_someone_else',
] as const;

const NAMES = [
  'Jansen',
  'Peeters',
  'de Vries',
  'Maes',
  'Bakker',
  'Claes',
  'Visser',
  'Wouters',
  'Smit',
  'Goossens',
];
const TRADES = [
  'Bakkerij',
  'Garage',
  'Drukkerij',
  'Bloemisterij',
  'Installatiebedrijf',
  'Transport',
  'Schilders',
];

const must = (r: { ok: true; normalized: string } | { ok: false; reason: string }) => {
  if (!r.ok) throw new Error(r.reason);
  return r.normalized;
};

export function generateLabelledSet(debtorCount: number) {
  const random = createRandom('banking-labelled-set');
  let seq = 100;
  const debtors: LabelledDebtor[] = [];
  for (let index = 0; index < debtorCount; index++) {
    const country = index % 2 === 0 ? 'NL' : 'BE';
    const useRf = index % 5 === 4;
    const invoices: LabelledInvoice[] = [0, 1, 2].map(() => {
      seq++;
      const reference = useRf
        ? formatCreditorReference(must(generateCreditorReference(seq)))
        : country === 'BE'
          ? formatOgm(must(generateOgm(seq)))
          : must(generateBetalingskenmerk(seq));
      return {
        key: `I${seq}`,
        number:
          index % 3 === 0 ? `F2026${String(seq).padStart(5, '0')}` : `2026-${String(seq).padStart(5, '0')}`,
        kind: 'invoice' as const,
        totalCents: random.int(5000, 250000),
        paymentReference: reference,
        dueDate: `2026-02-${String(random.int(1, 28)).padStart(2, '0')}`,
      };
    });
    if (SCENARIOS[index % SCENARIOS.length] === 'credit_note_offset') {
      seq++;
      invoices.push({
        key: `C${seq}`,
        number: `CN-${seq}`,
        kind: 'credit_note',
        totalCents: -random.int(500, 4000),
        paymentReference: null,
        dueDate: '2026-02-15',
      });
    }
    debtors.push({
      index,
      name: `${random.pick(TRADES)} ${NAMES[index % NAMES.length]} ${index}`,
      country,
      iban: `${country}${String(10 + index).padStart(2, '0')}TEST${String(1000000000 + index * 7919)}`,
      invoices,
    });
  }
  const knowsIban = (d: LabelledDebtor) => d.index < debtorCount / 2;

  // History: the first invoice of half the debtors, paid by reference from their own account.
  const history = debtors.filter(knowsIban).map((d) => {
    const first = d.invoices[0] as LabelledInvoice;
    return bankEntry({
      amountCents: first.totalCents,
      bookingDate: '2026-02-20',
      counterpartyName: d.name.toUpperCase(),
      counterpartyIban: d.iban,
      structuredReference: compact(first.paymentReference ?? ''),
    });
  });

  const lines: LabelledLine[] = debtors.map((d) => {
    const scenario = SCENARIOS[d.index % SCENARIOS.length] as (typeof SCENARIOS)[number];
    const [, one, two] = d.invoices as [LabelledInvoice, LabelledInvoice, LabelledInvoice];
    const ref = one.paymentReference ?? '';
    const base = {
      bookingDate: '2026-03-10',
      counterpartyName: d.name,
      counterpartyIban: knowsIban(d) ? d.iban : `NL99UNKN${String(2000000000 + d.index)}`,
    };
    const line = (
      entry: Partial<Omit<BankEntry, 'amountCents'>> & { amountCents: number },
      pays: string[],
    ): LabelledLine => ({
      scenario,
      entry: bankEntry({ ...base, ...entry }),
      pays,
      debtorIndex: pays.length > 0 ? d.index : null,
    });
    switch (scenario) {
      case 'reference':
        return line({ amountCents: one.totalCents, structuredReference: compact(ref) }, [one.key]);
      case 'reference_in_text':
        return line({ amountCents: one.totalCents, remittance: `Betaling ${ref} dank u` }, [one.key]);
      case 'two_invoices_by_reference':
        return line(
          { amountCents: one.totalCents + two.totalCents, remittance: `${ref} en ${two.paymentReference}` },
          [one.key, two.key],
        );
      case 'two_invoices_by_number':
        return line(
          {
            amountCents: one.totalCents + two.totalCents,
            remittance: `fact. ${one.number} en F ${two.number.replace(/^F/, '').replace('-', ' ')}`,
          },
          [one.key, two.key],
        );
      case 'partial_payment':
        return line({ amountCents: Math.floor(one.totalCents / 3), structuredReference: compact(ref) }, [
          one.key,
        ]);
      case 'overpayment':
        return line({ amountCents: one.totalCents + 1000, structuredReference: compact(ref) }, [one.key]);
      case 'typo_in_reference': {
        // One digit wrong: the check digits fail, so only the account and the amount can tell.
        const typo = compact(ref).replace(
          /(\d)(\d)$/,
          (_, a: string, b: string) => `${a}${(Number(b) + 1) % 10}`,
        );
        return line({ amountCents: one.totalCents, remittance: typo }, knowsIban(d) ? [one.key] : []);
      }
      case 'invoice_number_with_prefix':
        return line(
          { amountCents: one.totalCents, remittance: `Invoice nr. 0${one.number.replace(/^F|-/g, '')}` },
          [one.key],
        );
      case 'known_iban_amount':
        return line(
          { amountCents: two.totalCents, remittance: 'zie bijlage' },
          knowsIban(d) ? [two.key] : [],
        );
      case 'credit_note_offset': {
        const note = d.invoices[3] as LabelledInvoice;
        return line({ amountCents: one.totalCents + note.totalCents, structuredReference: compact(ref) }, [
          one.key,
          note.key,
        ]);
      }
      case 'unknown_account':
        return line(
          {
            amountCents: random.int(1000, 9000),
            counterpartyName: 'Stichting Onbekend',
            counterpartyIban: 'NL12ZZZZ0000000001',
            remittance: 'gift',
          },
          [],
        );
      case 'number_of_someone_else': {
        const other = debtors[(d.index + 1) % debtors.length]?.invoices[1] as LabelledInvoice;
        return line(
          {
            amountCents: other.totalCents + 1234,
            counterpartyName: 'Particulier',
            counterpartyIban: 'NL12ZZZZ0000000002',
            remittance: `order ${other.number} retour`,
          },
          [],
        );
      }
      default:
        return assertNever(scenario, 'labelled scenario');
    }
  });
  return { debtors, history, lines };
}

const compact = (text: string) => text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
