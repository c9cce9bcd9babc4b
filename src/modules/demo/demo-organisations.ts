/**
 * The creditors of the demo: a Dutch installation company (the default tenant) and a Flemish
 * facility-services company, which shows a second tenant in the same installation. Each profile
 * fixes who the creditor is, its staff, what it sells and where its customers are.
 */
import type { Country, Language, PaymentReferenceKind, Role } from '../../core/ledger/enums.js';
import type { organisations } from '../../db/schema/index.js';
import {
  belgianBban,
  belgianEnterpriseNumber,
  composeIban,
  dutchVatNumber,
  passesElfproef,
} from './check-digits.js';
import type { Region } from './demo-places.js';
import { FACILITY_ORDERS, INSTALLATION_ORDERS, type OrderTemplate } from './demo-texts.js';
import type { Random } from './random.js';

export const DEMO_PROFILES = ['installation-nl', 'facility-be'] as const;
export type DemoProfileName = (typeof DEMO_PROFILES)[number];

/** The login every demo organisation shares, so one account shows the multi-tenant switch. */
export const DEMO_ADMIN_EMAIL = 'demo@collectdesk.test';

export type DemoStaffMember = { email: string; name: string; role: Role; language: Language };

export type DemoProfile = {
  name: DemoProfileName;
  defaultSlug: string;
  creditorName: string;
  country: Country;
  defaultLanguage: Language;
  addressLine: string;
  postalCode: string;
  city: string;
  senderEmail: string;
  timeZone: string;
  paymentReferenceKind: PaymentReferenceKind;
  invoicePrefix: string;
  creditNotePrefix: string;
  orders: readonly OrderTemplate[];
  /** Where the customers are, by relative weight. */
  regions: readonly (readonly [Region, number])[];
  staff: readonly DemoStaffMember[];
  /** Sales people named in sales-agreement notes. */
  sellers: readonly string[];
};

export const DEMO_PROFILE_SPECS: Record<DemoProfileName, DemoProfile> = {
  'installation-nl': {
    name: 'installation-nl',
    defaultSlug: 'van-der-berg',
    creditorName: 'Van der Berg Installatietechniek B.V.',
    country: 'NL',
    defaultLanguage: 'nl',
    addressLine: 'Ambachtsweg 14',
    postalCode: '3542 DG',
    city: 'Utrecht',
    senderEmail: 'debiteurenbeheer@vanderberg-installatie.example',
    timeZone: 'Europe/Amsterdam',
    paymentReferenceKind: 'rf',
    invoicePrefix: 'F',
    creditNotePrefix: 'C',
    orders: INSTALLATION_ORDERS,
    regions: [
      ['NL', 80],
      ['FLANDERS', 12],
      ['BRUSSELS', 3],
      ['WALLONIA', 5],
    ],
    staff: [
      { email: DEMO_ADMIN_EMAIL, name: 'Marieke van der Berg', role: 'admin', language: 'nl' },
      {
        email: 'sanne.dewit@vanderberg.test',
        name: 'Sanne de Wit',
        role: 'senior_collector',
        language: 'nl',
      },
      { email: 'thijs.bakker@vanderberg.test', name: 'Thijs Bakker', role: 'collector', language: 'nl' },
      {
        email: 'fatima.elamrani@vanderberg.test',
        name: 'Fatima El Amrani',
        role: 'collector',
        language: 'nl',
      },
      { email: 'henk.jansen@vanderberg.test', name: 'Henk Jansen', role: 'viewer', language: 'nl' },
    ],
    sellers: ['R. Bakker', 'M. Visser', 'J. de Groot'],
  },
  'facility-be': {
    name: 'facility-be',
    defaultSlug: 'peeters-claes',
    creditorName: 'Peeters & Claes Facility Services BV',
    country: 'BE',
    defaultLanguage: 'nl',
    addressLine: 'Kortrijksesteenweg 1120',
    postalCode: '9051',
    city: 'Gent',
    senderEmail: 'boekhouding@peeters-claes.example',
    timeZone: 'Europe/Brussels',
    paymentReferenceKind: 'ogm',
    invoicePrefix: 'VF',
    creditNotePrefix: 'CN',
    orders: FACILITY_ORDERS,
    regions: [
      ['FLANDERS', 55],
      ['BRUSSELS', 20],
      ['WALLONIA', 13],
      ['NL', 12],
    ],
    staff: [
      { email: DEMO_ADMIN_EMAIL, name: 'Marieke van der Berg', role: 'admin', language: 'nl' },
      {
        email: 'katrien.maes@peeters-claes.test',
        name: 'Katrien Maes',
        role: 'senior_collector',
        language: 'nl',
      },
      { email: 'jens.wouters@peeters-claes.test', name: 'Jens Wouters', role: 'collector', language: 'nl' },
      { email: 'samira.benali@peeters-claes.test', name: 'Samira Benali', role: 'collector', language: 'fr' },
      { email: 'luc.peeters@peeters-claes.test', name: 'Luc Peeters', role: 'viewer', language: 'nl' },
    ],
    sellers: ['K. Claes', 'B. Dubois', 'W. Peeters'],
  },
};

export type OrganisationRow = typeof organisations.$inferInsert & { id: string };

/** The organisation row of a profile, with registry numbers and an IBAN whose check digits hold. */
export function demoOrganisationRow(
  profile: DemoProfile,
  options: { id: string; slug: string; random: Random },
): OrganisationRow {
  const { random } = options;
  const base = {
    id: options.id,
    slug: options.slug,
    name: profile.creditorName,
    country: profile.country,
    defaultLanguage: profile.defaultLanguage,
    creditorName: profile.creditorName,
    addressLine: profile.addressLine,
    postalCode: profile.postalCode,
    city: profile.city,
    senderEmail: profile.senderEmail,
    paymentReferenceKind: profile.paymentReferenceKind,
    timeZone: profile.timeZone,
  };
  if (profile.country === 'NL') {
    return {
      ...base,
      iban: composeIban('NL', `RABO${dutchAccountNumber(random)}`),
      bic: 'RABONL2U',
      companyNumber: `${random.int(3, 9)}${random.digits(7)}`,
      vatNumber: dutchVat(random),
    };
  }
  const enterprise = belgianEnterpriseNumber(`0${random.int(4, 8)}${random.digits(6)}`);
  return {
    ...base,
    iban: composeIban('BE', belgianBban('734', random.digits(7))),
    bic: 'KREDBEBB',
    companyNumber: enterprise,
    vatNumber: `BE${enterprise.replace(/\./g, '')}`,
  };
}

/** A ten-digit Dutch account number that passes the elfproef. */
export function dutchAccountNumber(random: Random): string {
  for (;;) {
    const candidate = `${random.int(1, 9)}${random.digits(9)}`;
    if (passesElfproef(candidate)) return candidate;
  }
}

export function dutchVat(random: Random): string {
  for (;;) {
    const vat = dutchVatNumber(`${random.int(0, 8)}${random.digits(7)}`);
    if (vat) return vat;
  }
}
