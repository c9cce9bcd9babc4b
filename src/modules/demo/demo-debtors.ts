/**
 * One demo debtor and its contacts: who they are (business or consumer, where, which language),
 * how they pay (a behaviour profile), and how to reach the person who can pay — collections
 * contact, extension, preferred call days and times, and what the receptionist wants to hear.
 */
import type { Country, DebtorKind, Language } from '../../core/ledger/enums.js';
import type { debtors } from '../../db/schema/index.js';
import { belgianBban, belgianEnterpriseNumber, composeIban } from './check-digits.js';
import { CONSUMER_MAIL_DOMAINS, type ContactRow, generateContacts, type Person } from './demo-contacts.js';
import {
  BRAND_HEADS,
  BRAND_TAILS,
  DUTCH_FIRST_NAMES,
  DUTCH_SURNAMES,
  DUTCH_TRADE_PREFIXES,
  DUTCH_TRADE_SUFFIXES,
  domainLabel,
  FLEMISH_FIRST_NAMES,
  FLEMISH_SURNAMES,
  FRENCH_FIRST_NAMES,
  FRENCH_SURNAMES,
  FRENCH_TRADE_PREFIXES,
  LARGE_COMPANY_PATTERNS_BE_FR,
  LARGE_COMPANY_PATTERNS_BE_NL,
  LARGE_COMPANY_PATTERNS_NL,
  leadingSurname,
} from './demo-names.js';
import { type DemoProfile, dutchAccountNumber, dutchVat } from './demo-organisations.js';
import {
  BELGIAN_BANKS,
  BELGIAN_CITIES,
  type City,
  DUTCH_BANKS,
  DUTCH_CITIES,
  DUTCH_STREETS,
  FLEMISH_STREETS,
  FRENCH_STREETS,
  PROVINCES_NL,
  type Region,
  regionLanguages,
  WATER_BOARDS,
} from './demo-places.js';
import { BUSINESS_TAGS, CONSUMER_TAGS, DEBTOR_NOTES, fill } from './demo-texts.js';
import type { Random } from './random.js';

export const DEMO_SEGMENTS = ['MKB', 'Groot zakelijk', 'Overheid', 'Particulier'] as const;
export type DemoSegment = (typeof DEMO_SEGMENTS)[number];

/** How a debtor pays, from the seeds: on time, a bit late, structurally late ("slepers"), … */
export const DEMO_BEHAVIOURS = [
  'punctual',
  'slightly_late',
  'chronic_late',
  'disputing',
  'partial_payer',
  'in_trouble',
] as const;
export type DemoBehaviour = (typeof DEMO_BEHAVIOURS)[number];

export type DebtorPlan = {
  index: number;
  segment: DemoSegment;
  kind: DebtorKind;
  region: Region;
  country: Country;
  behaviour: DemoBehaviour;
  /** Relative share of the portfolio's invoices. */
  invoiceWeight: number;
};

const BEHAVIOUR_WEIGHTS: Record<DemoSegment, readonly (readonly [DemoBehaviour, number])[]> = {
  MKB: [
    ['punctual', 35],
    ['slightly_late', 27],
    ['chronic_late', 15],
    ['disputing', 9],
    ['partial_payer', 8],
    ['in_trouble', 6],
  ],
  'Groot zakelijk': [
    ['punctual', 35],
    ['slightly_late', 35],
    ['chronic_late', 14],
    ['disputing', 12],
    ['partial_payer', 3],
    ['in_trouble', 1],
  ],
  Overheid: [
    ['punctual', 50],
    ['slightly_late', 35],
    ['chronic_late', 8],
    ['disputing', 7],
  ],
  Particulier: [
    ['punctual', 45],
    ['slightly_late', 25],
    ['chronic_late', 10],
    ['disputing', 6],
    ['partial_payer', 8],
    ['in_trouble', 6],
  ],
};

const INVOICE_MEDIAN: Record<DemoSegment, number> = {
  MKB: 6,
  'Groot zakelijk': 22,
  Overheid: 10,
  Particulier: 1.3,
};

/** The few draws that decide a debtor's share of invoices; cheap, so it can run twice. */
export function planDebtor(profile: DemoProfile, index: number, random: Random): DebtorPlan {
  const segment = random.weighted<DemoSegment>([
    ['MKB', 55],
    ['Groot zakelijk', 8],
    ['Overheid', 5],
    ['Particulier', 32],
  ]);
  const region = random.weighted(profile.regions);
  const behaviour = random.weighted(BEHAVIOUR_WEIGHTS[segment]);
  const invoiceWeight = Math.min(
    random.logNormal(INVOICE_MEDIAN[segment], 0.6),
    40 * INVOICE_MEDIAN[segment],
  );
  return {
    index,
    segment,
    kind: segment === 'Particulier' ? 'consumer' : 'business',
    region,
    country: region === 'NL' ? 'NL' : 'BE',
    behaviour,
    invoiceWeight,
  };
}

export type DemoCollector = { id: string; name: string; role: 'senior_collector' | 'collector' };

export type { ContactRow };
export type DebtorRow = typeof debtors.$inferInsert & { id: string };

export type GeneratedDebtor = {
  plan: DebtorPlan;
  row: DebtorRow;
  contacts: ContactRow[];
  /** Facts the invoice generator needs and the tables do not hold. */
  iban: string;
  collectionsContactName: string;
  /** The weekday of the debtor's payment run (businesses pay in batches). */
  paymentWeekday: number;
  collector: DemoCollector | undefined;
};

export function generateDebtor(params: {
  orgId: string;
  plan: DebtorPlan;
  random: Random;
  id: (kind: 'debtor' | 'contact', row?: number) => string;
  collectors: readonly DemoCollector[];
}): GeneratedDebtor {
  const { plan, random } = params;
  const city = pickCity(plan.region, random);
  const language = random.weighted(regionLanguages(plan.region));
  const cityName = language === 'nl' && city.nameNl ? city.nameNl : city.name;
  const person = makePerson(plan.region, language, random);
  const name = debtorName(plan, { person, city: cityName, language, random });
  const street = streetFor(plan.region, language, random);
  const houseNumber = houseNumberFor(plan.country, language, random);
  const domain = `${domainLabel(name)}.example`;
  const isBusiness = plan.kind === 'business';
  const registry = isBusiness ? registryNumbers(plan.country, random) : undefined;
  const collector = assignCollector(plan, params.collectors, random);
  const paymentTermDays = defaultPaymentTerm(plan.segment, random);
  const debtorId = params.id('debtor');

  const contactsOfDebtor = generateContacts({
    plan,
    random,
    language,
    city,
    domain,
    person,
    newPerson: () => makePerson(plan.region, language, random),
    orgId: params.orgId,
    debtorId,
    id: (row) => params.id('contact', row),
  });
  const collectionsContact = contactsOfDebtor.find((c) => c.isCollectionsContact) ?? contactsOfDebtor[0];

  const tags: string[] = isBusiness
    ? random.sample(
        BUSINESS_TAGS,
        random.weighted([
          [0, 5],
          [1, 4],
          [2, 1],
        ] as const),
      )
    : random.sample(CONSUMER_TAGS, random.chance(0.3) ? 1 : 0);
  if (plan.behaviour === 'chronic_late' && random.chance(0.5)) tags.push('structurele sleper');
  if (plan.behaviour === 'in_trouble' && random.chance(0.4)) tags.push('betalingsregeling');
  if (plan.segment === 'Overheid') tags.push('inkoopnummer verplicht');

  const row: DebtorRow = {
    id: debtorId,
    orgId: params.orgId,
    number: String(100001 + plan.index),
    name,
    kind: plan.kind,
    country: plan.country,
    language,
    companyNumber: registry?.companyNumber ?? null,
    vatNumber: registry?.vatNumber ?? null,
    addressLine: `${street} ${houseNumber}`,
    postalCode: postalCodeFor(city, random),
    city: cityName,
    email: isBusiness
      ? `${pickEmailBox(language, random)}@${domain}`
      : `${domainLabel(person.first)}.${domainLabel(person.last)}@${random.pick(CONSUMER_MAIL_DOMAINS)}`,
    phone: collectionsContact?.phone ?? null,
    creditLimitCents: creditLimit(plan.segment, random),
    paymentTermDays,
    segment: plan.segment,
    tags: [...new Set(tags)],
    assignedCollectorId: collector?.id ?? null,
    notes: random.chance(0.2) ? random.pick(DEBTOR_NOTES) : null,
  };
  return {
    plan,
    row,
    contacts: contactsOfDebtor,
    iban: plan.country === 'NL' ? dutchIban(random) : belgianIban(random),
    collectionsContactName: collectionsContact?.name ?? name,
    paymentWeekday: random.weighted([
      [2, 3],
      [4, 3],
      [5, 2],
      [1, 1],
    ] as const),
    collector,
  };
}

function pickEmailBox(language: Language, random: Random): string {
  if (language === 'fr') return random.pick(['comptabilite', 'factures', 'compta.fournisseurs']);
  if (language === 'en') return random.pick(['accounts.payable', 'invoices', 'finance']);
  return random.pick(['crediteuren', 'administratie', 'facturen', 'finance']);
}

const CITIES_BY_REGION: Record<Region, readonly (readonly [City, number])[]> = {
  NL: DUTCH_CITIES.map((c) => [c, c.weight] as const),
  FLANDERS: BELGIAN_CITIES.filter((c) => c.region === 'FLANDERS').map((c) => [c, c.weight] as const),
  BRUSSELS: BELGIAN_CITIES.filter((c) => c.region === 'BRUSSELS').map((c) => [c, c.weight] as const),
  WALLONIA: BELGIAN_CITIES.filter((c) => c.region === 'WALLONIA').map((c) => [c, c.weight] as const),
};

function pickCity(region: Region, random: Random): City {
  return random.weighted(CITIES_BY_REGION[region]);
}

function makePerson(region: Region, language: Language, random: Random): Person {
  let first: string;
  let last: string;
  if (region === 'NL') {
    first = random.pick(DUTCH_FIRST_NAMES);
    last = random.pick(DUTCH_SURNAMES);
  } else if (language === 'fr' || region === 'WALLONIA') {
    first = random.pick(FRENCH_FIRST_NAMES);
    last = random.pick(FRENCH_SURNAMES);
  } else {
    first = random.pick(FLEMISH_FIRST_NAMES);
    last = random.pick(FLEMISH_SURNAMES);
  }
  return { first, last, full: `${first} ${last}` };
}

function debtorName(
  plan: DebtorPlan,
  context: { person: Person; city: string; language: Language; random: Random },
): string {
  const { person, city, language, random } = context;
  const brand = `${random.pick(BRAND_HEADS)}${random.pick(BRAND_TAILS)}`;
  const surname = leadingSurname(person.last);
  const french = language === 'fr';
  switch (plan.segment) {
    case 'Particulier':
      return random.chance(0.15) ? `${person.first.charAt(0)}. ${person.last}` : person.full;
    case 'Overheid':
      if (plan.country === 'NL') {
        return random.weighted([
          [`Gemeente ${city}`, 6],
          [random.pick(WATER_BOARDS), 1],
          [`Provincie ${random.pick(PROVINCES_NL)}`, 1],
          [`Omgevingsdienst regio ${city}`, 1],
        ] as const);
      }
      return french
        ? random.pick([`Ville de ${city}`, `Commune de ${city}`, `CPAS de ${city}`])
        : random.pick([`Stad ${city}`, `Gemeente ${city}`, `OCMW ${city}`]);
    case 'Groot zakelijk': {
      const patterns =
        plan.country === 'NL'
          ? LARGE_COMPANY_PATTERNS_NL
          : french
            ? LARGE_COMPANY_PATTERNS_BE_FR
            : LARGE_COMPANY_PATTERNS_BE_NL;
      return fill(random.pick(patterns), { brand, surname, city });
    }
    case 'MKB': {
      if (language === 'en') return `${brand} ${plan.country === 'NL' ? 'Europe B.V.' : 'Benelux BV'}`;
      if (french) {
        const legal = random.weighted([
          [' SRL', 6],
          [' SA', 1],
          ['', 2],
        ] as const);
        return random.chance(0.7)
          ? `${random.pick(FRENCH_TRADE_PREFIXES)} ${surname}${legal}`
          : `${surname} & Fils${legal}`;
      }
      const legal =
        plan.country === 'NL'
          ? random.weighted([
              [' B.V.', 60],
              [' V.O.F.', 15],
              ['', 22],
              [' N.V.', 1],
            ] as const)
          : random.weighted([
              [' BV', 65],
              [' NV', 8],
              [' CommV', 4],
              ['', 23],
            ] as const);
      return random.weighted([
        [`${surname} ${random.pick(DUTCH_TRADE_SUFFIXES)}${legal}`, 4],
        [
          `${random.pick(DUTCH_TRADE_PREFIXES)} ${surname}${legal === ' B.V.' || legal === ' BV' ? '' : legal}`,
          3,
        ],
        [`${brand}${legal}`, 2],
      ] as const);
    }
  }
}

function streetFor(region: Region, language: Language, random: Random): string {
  if (region === 'NL') return random.pick(DUTCH_STREETS);
  return language === 'fr' || region === 'WALLONIA'
    ? random.pick(FRENCH_STREETS)
    : random.pick(FLEMISH_STREETS);
}

function houseNumberFor(country: Country, language: Language, random: Random): string {
  const number = Math.max(1, Math.round(random.logNormal(24, 0.9)));
  if (country === 'NL')
    return random.chance(0.1) ? `${number}${random.pick(['a', 'b', 'c', '-1', '-2'])}` : `${number}`;
  if (random.chance(0.15)) return `${number} ${language === 'fr' ? 'boîte' : 'bus'} ${random.int(1, 12)}`;
  return `${number}`;
}

/** NL "1234 AB" inside the city's range (never SA, SD or SS, which PostNL does not use); BE four digits. */
function postalCodeFor(city: City, random: Random): string {
  if (city.region !== 'NL') return String(random.pick(city.postcodes));
  const [from = 1000, to = 9999] = city.postcodes;
  let pair: string;
  do pair = `${random.pick(POSTCODE_LETTERS)}${random.pick(POSTCODE_LETTERS)}`;
  while (pair === 'SA' || pair === 'SD' || pair === 'SS');
  return `${random.int(from, to)} ${pair}`;
}

function registryNumbers(country: Country, random: Random): { companyNumber: string; vatNumber: string } {
  if (country === 'NL')
    return { companyNumber: `${random.int(1, 9)}${random.digits(7)}`, vatNumber: dutchVat(random) };
  const enterprise = belgianEnterpriseNumber(`0${random.int(2, 9)}${random.digits(6)}`);
  return { companyNumber: enterprise, vatNumber: `BE${enterprise.replace(/\./g, '')}` };
}

const DUTCH_BANK_WEIGHTS = DUTCH_BANKS.map((b) => [b, b.weight] as const);
const BELGIAN_BANK_WEIGHTS = BELGIAN_BANKS.map((b) => [b, b.weight] as const);
const POSTCODE_LETTERS = [...'ABCDEFGHJKLMNPRSTVWXZ'];
function dutchIban(random: Random): string {
  const bank = random.weighted(DUTCH_BANK_WEIGHTS);
  return composeIban('NL', `${bank.code}${dutchAccountNumber(random)}`);
}

function belgianIban(random: Random): string {
  const bank = random.weighted(BELGIAN_BANK_WEIGHTS);
  return composeIban('BE', belgianBban(bank.code, random.digits(7)));
}

function defaultPaymentTerm(segment: DemoSegment, random: Random): number {
  switch (segment) {
    case 'Particulier':
      return 14;
    case 'Overheid':
      return 30;
    case 'Groot zakelijk':
      return random.weighted([
        [30, 4],
        [60, 6],
      ] as const);
    case 'MKB':
      return random.weighted([
        [30, 70],
        [14, 20],
        [60, 10],
      ] as const);
  }
}

function creditLimit(segment: DemoSegment, random: Random): number | null {
  if (segment === 'MKB') return random.int(5, 50) * 50_000;
  if (segment === 'Groot zakelijk') return random.int(5, 50) * 500_000;
  return null;
}

function assignCollector(
  plan: DebtorPlan,
  collectors: readonly DemoCollector[],
  random: Random,
): DemoCollector | undefined {
  const senior = collectors.find((c) => c.role === 'senior_collector');
  const juniors = collectors.filter((c) => c.role === 'collector');
  // Sensitive calls go to experienced staff (seed 004#1): large customers, government, trouble.
  if (
    senior &&
    (plan.segment === 'Groot zakelijk' || plan.segment === 'Overheid' || plan.behaviour === 'in_trouble')
  ) {
    return senior;
  }
  if (random.chance(0.08) || juniors.length === 0) return undefined;
  return random.pick(juniors);
}
