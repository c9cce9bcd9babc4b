import type { CalendarDate } from '../../calendar-date.js';
import { type Cents, cents } from '../../money.js';
import type { LetterInput, LetterInvoice } from '../letter.js';

/** Letter inputs for the template tests: a Dutch B2B creditor, a Belgian one, and their debtors. */

export const d = (date: string) => date as CalendarDate;

export const invoice = (
  number: string,
  openCents: number,
  extra: Partial<Omit<LetterInvoice, 'openCents'>> = {},
): LetterInvoice => ({
  number,
  issueDate: d('2026-10-01'),
  dueDate: d('2026-10-31'),
  description: null,
  totalCents: cents(openCents),
  openCents: cents(openCents) as Cents,
  isCreditNote: false,
  ...extra,
});

export function nlInput(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    kind: 'first_reminder',
    tone: 'friendly',
    language: 'nl',
    jurisdiction: 'NL',
    debtorKind: 'business',
    letterDate: d('2026-11-03'),
    deadline: d('2026-11-13'),
    creditor: {
      name: 'Bakkerij Van Dam B.V.',
      addressLines: ['Kerkstraat 12', '3511 AB Utrecht'],
      iban: 'NL91ABNA0417164300',
      bic: null,
      email: 'debiteuren@bakkerijvandam.nl',
      phone: '030 123 45 67',
      companyNumber: '12345678',
      vatNumber: 'NL001234567B01',
    },
    debtor: {
      number: 'D-1001',
      name: 'Horeca De Linde B.V.',
      addressLines: ['Lindelaan 4', '3512 CD Utrecht'],
    },
    contact: { name: 'Jan de Vries' },
    invoices: [invoice('2026-0142', 123450, { description: 'Levering brood en banket september' })],
    previousLetters: [],
    agreements: [],
    claim: null,
    announcedCostsCents: null,
    payment: { amountCents: cents(123450), iban: 'NL91ABNA0417164300', reference: '1234 5678 9012 3456' },
    signatory: { name: 'Sanne Bakker', role: 'Debiteurenbeheer' },
    ...overrides,
  };
}

export function beInput(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    kind: 'first_reminder',
    tone: 'friendly',
    language: 'fr',
    jurisdiction: 'BE',
    debtorKind: 'consumer',
    letterDate: d('2026-11-03'),
    deadline: d('2026-11-20'),
    creditor: {
      name: 'Électricité Lambert SRL',
      addressLines: ['Rue de la Station 8', '5000 Namur'],
      iban: 'BE68539007547034',
      bic: 'GEBABEBB',
      email: 'facturation@lambert.be',
      phone: '081 22 33 44',
      companyNumber: '0123.456.749',
      vatNumber: 'BE0123456749',
    },
    debtor: { number: 'C-2002', name: 'Marie Dubois', addressLines: ['Rue Haute 3', '5000 Namur'] },
    contact: null,
    invoices: [
      invoice('F2026-0871', 48000, {
        issueDate: d('2026-09-01'),
        dueDate: d('2026-10-01'),
        description: 'Réparation du tableau électrique',
      }),
    ],
    previousLetters: [],
    agreements: [],
    claim: null,
    announcedCostsCents: cents(6400),
    payment: { amountCents: cents(48000), iban: 'BE68539007547034', reference: '+++090/9337/55493+++' },
    signatory: null,
    ...overrides,
  };
}
