/**
 * The people at a demo debtor a collector calls: the collections contact first (accounts payable,
 * the office manager, or the consumer), with extension, preferred call days and golden hours, and
 * what the receptionist wants to hear before putting the call through (seeds 000#4, 004#2).
 */
import type { Country, Language } from '../../core/ledger/enums.js';
import type { contacts } from '../../db/schema/index.js';
import type { DebtorPlan } from './demo-debtors.js';
import { domainLabel } from './demo-names.js';
import type { City } from './demo-places.js';
import {
  COLLECTIONS_ROLES,
  CONSUMER_ROLE,
  fill,
  GATEKEEPER_NOTES,
  GOVERNMENT_COLLECTIONS_ROLE,
  OTHER_ROLES,
  PART_TIME_GATEKEEPER_NOTE,
} from './demo-texts.js';
import type { Random } from './random.js';

export type ContactRow = typeof contacts.$inferInsert & { id: string };
export type Person = { first: string; last: string; full: string };

export const CONSUMER_MAIL_DOMAINS = [
  'ziggo.example',
  'kpnmail.example',
  'gmail.example',
  'hotmail.example',
  'telenet.example',
  'skynet.example',
];

const BELGIAN_MOBILE_PREFIXES = [
  '70',
  '71',
  '72',
  '73',
  '75',
  '76',
  '77',
  '78',
  '79',
  '84',
  '85',
  '86',
  '88',
  '89',
  '92',
  '93',
  '94',
  '95',
  '96',
  '97',
  '98',
  '99',
];
const CALL_DAY_WEIGHTS: readonly (readonly [readonly number[], number])[] = [
  [[1, 2], 3],
  [[2, 3, 4], 3],
  [[2, 4], 1],
  [[1, 2, 3, 4, 5], 2],
  [[], 2],
];
const CALL_HOUR_WEIGHTS: readonly (readonly [readonly [string, string], number])[] = [
  [['09:30', '11:30'], 4],
  [['13:30', '15:30'], 3],
  [['09:00', '12:00'], 2],
  [['10:00', '15:00'], 1],
];

/** A landline in the city's area, or a mobile number, in E.164. */
function phoneNumber(country: Country, city: City, mobile: boolean, random: Random): string {
  if (country === 'NL') {
    if (mobile) return `+316${random.int(1, 5)}${random.digits(7)}`;
    const subscriberLength = 9 - city.areaCode.length;
    return `+31${city.areaCode}${random.int(2, 9)}${random.digits(subscriberLength - 1)}`;
  }
  if (mobile) return `+324${random.pick(BELGIAN_MOBILE_PREFIXES)}${random.digits(6)}`;
  const subscriberLength = 8 - city.areaCode.length;
  const first = city.subscriberFirstDigits
    ? (city.subscriberFirstDigits[random.int(0, city.subscriberFirstDigits.length - 1)] ?? '2')
    : String(random.int(2, 8));
  return `+32${city.areaCode}${first}${random.digits(subscriberLength - 1)}`;
}

export function generateContacts(params: {
  plan: DebtorPlan;
  random: Random;
  language: Language;
  city: City;
  domain: string;
  person: Person;
  /** Another person of the debtor's region and language. */
  newPerson: () => Person;
  orgId: string;
  debtorId: string;
  id: (row: number) => string;
}): ContactRow[] {
  const { plan, random, language, city, domain, person } = params;
  const base = { orgId: params.orgId, debtorId: params.debtorId };
  if (plan.kind === 'consumer') {
    const evening = random.chance(0.4);
    return [
      {
        ...base,
        id: params.id(0),
        name: person.full,
        role: CONSUMER_ROLE[language],
        email: `${domainLabel(person.first)}.${domainLabel(person.last)}@${random.pick(CONSUMER_MAIL_DOMAINS)}`,
        phone: phoneNumber(plan.country, city, random.chance(0.8), random),
        phoneExtension: null,
        mobile: null,
        preferredCallDays: evening ? [1, 2, 3, 4] : [],
        preferredCallFrom: evening ? '18:30' : null,
        preferredCallUntil: evening ? '20:00' : null,
        isCollectionsContact: true,
        gatekeeperNotes: evening ? 'Overdag niet bereikbaar (werkt in ploegendienst).' : null,
      },
    ];
  }
  const mainLine = phoneNumber(plan.country, city, false, random);
  const count = plan.segment === 'Groot zakelijk' ? random.int(2, 3) : random.int(1, 3);
  const rows: ContactRow[] = [];
  for (let i = 0; i < count; i++) {
    const isCollections = i === 0;
    const contactPerson =
      i === 0 && plan.segment === 'MKB' && random.chance(0.3) ? person : params.newPerson();
    const role = isCollections
      ? plan.segment === 'Overheid'
        ? GOVERNMENT_COLLECTIONS_ROLE[language]
        : random.pick(COLLECTIONS_ROLES)[language]
      : random.pick(OTHER_ROLES)[language];
    const days = random.weighted(CALL_DAY_WEIGHTS);
    const hours = random.weighted(CALL_HOUR_WEIGHTS);
    const extension = random.chance(0.6) ? String(random.int(200, 489)) : null;
    let gatekeeper: string | null = null;
    if (isCollections && days.length === 2 && days[0] === 2 && days[1] === 4) {
      gatekeeper = PART_TIME_GATEKEEPER_NOTE;
    } else if (isCollections && random.chance(plan.segment === 'MKB' ? 0.4 : 0.6)) {
      gatekeeper = fill(random.pick(GATEKEEPER_NOTES), { ext: extension ?? String(random.int(200, 489)) });
    }
    rows.push({
      ...base,
      id: params.id(i),
      name: contactPerson.full,
      role,
      email: `${domainLabel(contactPerson.first)}.${domainLabel(contactPerson.last)}@${domain}`,
      phone: mainLine,
      phoneExtension: extension,
      mobile: random.chance(0.35) ? phoneNumber(plan.country, city, true, random) : null,
      preferredCallDays: days.length === 0 ? [] : [...days],
      preferredCallFrom: days.length === 0 ? null : hours[0],
      preferredCallUntil: days.length === 0 ? null : hours[1],
      isCollectionsContact: isCollections,
      gatekeeperNotes: gatekeeper,
    });
  }
  return rows;
}
