/**
 * Texts of the demo portfolio: what was sold and delivered, what sales agreed, how to get past the
 * receptionist, why a customer disputes an invoice and the excuses collectors hear (the seeds'
 * "smoesjes": already paid, ill, in a meeting, not satisfied, never saw the invoice, end of the
 * week, never received, wasn't the term 60 days). Invoice texts are in the debtor's language;
 * internal notes in the creditor's (Dutch).
 */
import type { Language } from '../../core/ledger/enums.js';

export type OrderTemplate = {
  text: Record<Language, string>;
  /** Typical net amount in euros and how widely it varies. */
  medianEuros: number;
  /** NL VAT rate in basis points for consumers (reduced 9 % on insulation labour, 0 % on solar panels). */
  consumerVatBpsNl?: number;
  /** Belgian renovation of a home older than ten years: 6 %. */
  consumerVatBpsBe?: number;
  consumer: boolean;
  business: boolean;
};

const order = (
  nl: string,
  fr: string,
  en: string,
  medianEuros: number,
  who: 'both' | 'consumer' | 'business',
  vat: { nl?: number; be?: number } = {},
): OrderTemplate => ({
  text: { nl, fr, en },
  medianEuros,
  consumer: who !== 'business',
  business: who !== 'consumer',
  ...(vat.nl !== undefined ? { consumerVatBpsNl: vat.nl } : {}),
  ...(vat.be !== undefined ? { consumerVatBpsBe: vat.be } : {}),
});

/** Van der Berg Installatietechniek: heating, cooling, ventilation, electrical and solar. */
export const INSTALLATION_ORDERS: readonly OrderTemplate[] = [
  order('Onderhoud cv-ketel', 'Entretien chaudière', 'Boiler maintenance', 135, 'both', { be: 600 }),
  order(
    'Levering en montage warmtepomp',
    'Fourniture et installation pompe à chaleur',
    'Supply and installation of heat pump',
    8900,
    'both',
    { be: 600 },
  ),
  order(
    'Vervanging WTW-unit mechanische ventilatie',
    'Remplacement unité VMC double flux',
    'Replacement of heat-recovery ventilation unit',
    2400,
    'both',
    { be: 600 },
  ),
  order(
    'Storingsdienst (2 uur + voorrijkosten)',
    'Service de dépannage (2 heures + déplacement)',
    'Call-out service (2 hours + travel)',
    210,
    'both',
  ),
  order(
    'Aanleg elektra nieuwbouw, fase {n}',
    'Installation électrique nouvelle construction, phase {n}',
    'Electrical installation new build, phase {n}',
    14500,
    'business',
  ),
  order(
    'Jaarcontract onderhoud klimaatinstallatie, kwartaal {q}',
    'Contrat annuel entretien climatisation, trimestre {q}',
    'Annual HVAC maintenance contract, quarter {q}',
    1850,
    'business',
  ),
  order(
    'Installatie zonnepanelen ({n} panelen)',
    'Installation panneaux solaires ({n} panneaux)',
    'Installation of solar panels ({n} panels)',
    4800,
    'both',
    { nl: 0, be: 600 },
  ),
  order(
    'Levering radiatoren ({n} st.)',
    'Fourniture radiateurs ({n} pcs)',
    'Supply of radiators ({n} pcs)',
    950,
    'both',
    { be: 600 },
  ),
  order(
    'Lekdetectie en reparatie waterleiding',
    "Détection de fuite et réparation conduite d'eau",
    'Leak detection and water pipe repair',
    480,
    'both',
    { be: 600 },
  ),
  order(
    'Na-isolatie spouwmuur (arbeid)',
    'Isolation des murs creux (main-d’œuvre)',
    'Cavity wall insulation (labour)',
    1650,
    'consumer',
    { nl: 900, be: 600 },
  ),
  order(
    'Vervanging groepenkast (3-fase)',
    'Remplacement tableau électrique (triphasé)',
    'Replacement of fuse box (three-phase)',
    1350,
    'both',
    { be: 600 },
  ),
  order('Installatie laadpaal', 'Installation borne de recharge', 'Installation of EV charger', 1450, 'both'),
  order(
    'Periodieke NEN 3140-inspectie',
    'Inspection périodique installation électrique',
    'Periodic electrical inspection (NEN 3140)',
    780,
    'business',
  ),
  order(
    'Renovatie sanitaire ruimtes verdieping {n}',
    'Rénovation sanitaires étage {n}',
    'Renovation of washrooms floor {n}',
    23500,
    'business',
  ),
  order(
    'Meerwerk volgens opdrachtbevestiging',
    'Travaux supplémentaires selon confirmation de commande',
    'Additional work as per order confirmation',
    640,
    'both',
  ),
];

/** Peeters & Claes Facility Services: cleaning, maintenance and technical services. */
export const FACILITY_ORDERS: readonly OrderTemplate[] = [
  order(
    'Kantoorschoonmaak, maand {m}',
    'Nettoyage de bureaux, mois {m}',
    'Office cleaning, month {m}',
    2350,
    'business',
  ),
  order('Glazenwassen gevels', 'Lavage de vitres façades', 'Facade window cleaning', 680, 'both'),
  order(
    'Technisch onderhoud gebouw, kwartaal {q}',
    'Maintenance technique bâtiment, trimestre {q}',
    'Building maintenance, quarter {q}',
    4200,
    'business',
  ),
  order(
    'Eindschoonmaak na verbouwing',
    'Nettoyage fin de chantier',
    'Post-construction cleaning',
    1250,
    'both',
    { be: 2100 },
  ),
  order(
    'Tapijtreiniging ({n} m²)',
    'Nettoyage de moquette ({n} m²)',
    'Carpet cleaning ({n} m²)',
    390,
    'both',
  ),
  order(
    'Levering sanitaire producten',
    'Fourniture de produits sanitaires',
    'Supply of washroom products',
    310,
    'business',
  ),
  order('Onderhoud groenvoorziening', 'Entretien des espaces verts', 'Grounds maintenance', 870, 'both', {
    be: 600,
  }),
  order(
    'Schilderwerken traphal',
    "Travaux de peinture cage d'escalier",
    'Painting of stairwell',
    2900,
    'both',
    { be: 600 },
  ),
];

export const DELIVERY_NOTES: readonly string[] = [
  'Opgeleverd zonder opmerkingen; werkbon WB-{n} getekend door {contact}.',
  'Geleverd en geïnstalleerd op {date}; klant tevreden bij oplevering.',
  'Klant niet thuis bij eerste afspraak; tweede bezoek op {date} afgerond.',
  'Levering in twee delen: restant nagestuurd op {date}.',
  'Monteur meldt: kleine lekkage na oplevering, op {date} kosteloos verholpen.',
  'Werkzaamheden een week later uitgevoerd dan gepland (materiaal niet op tijd).',
  'Oplevering met één restpunt (afwerking plint); restpunt op {date} afgehandeld.',
  'Pakbon afgetekend door de receptie, niet door de besteller.',
];

export const SALES_AGREEMENT_NOTES: readonly string[] = [
  'Prijs conform offerte O-{year}-{n}.',
  'Verkoop ({seller}) zegde 2 % korting toe bij betaling binnen 8 dagen.',
  'Inkoopordernummer verplicht op de factuur (PO {n}).',
  'Betaling in twee termijnen afgesproken met {seller}: 50 % bij opdracht, 50 % bij oplevering.',
  'Verkoper {seller} noemde mondeling 60 dagen betaaltermijn; niet vastgelegd in de offerte.',
  'Jaarcontract: facturatie per kwartaal vooraf.',
  'Meerwerk telefonisch akkoord gegeven door {contact}; geen schriftelijke bevestiging.',
  'Klant krijgt voorrang bij storingen (service level Goud).',
];

export const GATEKEEPER_NOTES: readonly string[] = [
  'Receptie verbindt alleen door na naam + factuurnummer.',
  'Secretaresse zegt vaak "in overleg"; vraag naar een terugbelmoment en noteer het zelf.',
  'Centrale verbindt niet door met de directie; vraag direct naar toestel {ext}.',
  'Mailt liever dan te bellen, maar reageert pas na een telefoontje.',
  'Receptie neemt boodschap aan maar er wordt zelden teruggebeld: zelf opnieuw bellen.',
  'Vraag naar de crediteurenadministratie, niet naar inkoop (die verwijst steeds door).',
  'Na 15:00 uur niet meer bereikbaar (haalt kinderen op).',
  'Keuzemenu: kies 3 (administratie), daarna 1.',
  'Betalingen lopen via het hoofdkantoor; de vestiging kan niets toezeggen.',
];

export const PART_TIME_GATEKEEPER_NOTE =
  'Alleen bereikbaar op dinsdag en donderdag (parttime); buiten die dagen voicemail.';

export const DISPUTE_REASONS: readonly { reason: string; description: string }[] = [
  {
    reason: 'Niet tevreden over de uitvoering',
    description: 'Klant meldt dat de installatie nog steeds storingen geeft en wil eerst herstel.',
  },
  { reason: 'Goederen niet ontvangen', description: 'Volgens de klant is de levering nooit aangekomen.' },
  {
    reason: 'Factuur nooit ontvangen',
    description: 'Klant zegt de factuur niet te hebben gezien; kopie verstuurd.',
  },
  {
    reason: 'Prijs wijkt af van offerte',
    description: 'Klant verwijst naar een lagere offerteprijs en betaalt het verschil niet.',
  },
  {
    reason: 'Meerwerk niet akkoord',
    description: 'Meerwerk niet schriftelijk bevestigd; klant betwist dit deel van de factuur.',
  },
  {
    reason: 'Dubbel gefactureerd',
    description: 'Klant meent dat dezelfde werkzaamheden twee keer zijn gefactureerd.',
  },
  {
    reason: 'Betaaltermijn onjuist',
    description: 'Klant stelt dat 60 dagen betaaltermijn was afgesproken in plaats van 30.',
  },
];

export const DISPUTE_RESOLUTIONS: readonly string[] = [
  'Creditnota verstrekt voor het betwiste deel.',
  'Herstel uitgevoerd; klant akkoord en factuur blijft staan.',
  'Afleverbewijs met handtekening gestuurd; betwisting ingetrokken.',
];

/** What collectors wrote down after calls: the debtor's excuses, for the objection list. */
export const CALL_NOTES: readonly string[] = [
  'Klant zegt al betaald te hebben; gevraagd om betaalbewijs te mailen.',
  'Contactpersoon is ziek geweest; belooft betaling eind van de week.',
  'In overleg, terugbellen om {time} afgesproken.',
  'Klant niet tevreden over het resultaat; doorgezet naar projectleider.',
  'Klant heeft de factuur nooit gezien; kopie per e-mail gestuurd.',
  'Belooft het bedrag eind van de week over te maken.',
  'Zegt de goederen nooit te hebben ontvangen; afleverbewijs opgevraagd bij logistiek.',
  'Vraagt of de betaaltermijn niet 60 dagen was; offerte en voorwaarden gemaild.',
  'Tijdelijke liquiditeitskrapte door een grote wanbetaler; betalingsregeling besproken.',
  'Voicemail ingesproken, geen reactie.',
];

export type ContactRole = Record<Language, string>;

export const COLLECTIONS_ROLES: readonly ContactRole[] = [
  { nl: 'Crediteurenadministratie', fr: 'Comptabilité fournisseurs', en: 'Accounts payable' },
  { nl: 'Financieel administrateur', fr: 'Gestionnaire comptable', en: 'Finance administrator' },
  { nl: 'Office manager', fr: 'Office manager', en: 'Office manager' },
];

export const OTHER_ROLES: readonly ContactRole[] = [
  { nl: 'Financieel directeur', fr: 'Directeur financier', en: 'Finance director' },
  { nl: 'Directeur-eigenaar', fr: 'Gérant', en: 'Managing director' },
  { nl: 'Inkoper', fr: 'Acheteur', en: 'Purchasing' },
  { nl: 'Facilitair manager', fr: 'Responsable facility', en: 'Facility manager' },
];

export const GOVERNMENT_COLLECTIONS_ROLE: ContactRole = {
  nl: 'Afdeling Financiën, crediteurenadministratie',
  fr: 'Service financier, comptabilité fournisseurs',
  en: 'Finance department, accounts payable',
};

export const CONSUMER_ROLE: ContactRole = { nl: 'Particulier', fr: 'Particulier', en: 'Private customer' };

export const BUSINESS_TAGS: readonly string[] = [
  'onderhoudscontract',
  'vaste klant',
  'nieuwe klant',
  'projectklant',
  'inkoopnummer verplicht',
  'e-factuur',
  'kredietcheck',
];

export const CONSUMER_TAGS: readonly string[] = ['zonnepanelen', 'warmtepomp', 'iDEAL', 'verhuisd'];

export const DEBTOR_NOTES: readonly string[] = [
  'Betaalt meestal pas na een telefoontje.',
  'Facturen per e-mail naar het algemene adres, niet naar de contactpersoon.',
  'Kredietlimiet verlaagd na jaarrekening (KvK) met negatief eigen vermogen.',
  'Goede relatie; eigenaar kent onze directeur persoonlijk.',
  'Let op: grote projectklant, sensitieve gesprekken alleen via senior.',
  'Nieuwe eigenaar sinds vorig jaar; betaalgedrag wisselend.',
];

/** Fills `{key}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    values[key] === undefined ? match : String(values[key]),
  );
}
