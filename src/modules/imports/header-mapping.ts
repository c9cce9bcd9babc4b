import {
  type ColumnMapping,
  DEBTOR_FIELDS,
  type ImportField,
  type ImportKind,
  INVOICE_FIELDS,
} from './imports.schemas.js';

/**
 * Guessing which column holds which field from the header texts that Dutch, Belgian and English
 * accounting packages write (Exact, Twinfield, AFAS, Moneybird, Yuki, SnelStart, Odoo, WinBooks…).
 * Pure: no I/O.
 */

/** `N° de facture` → `ndefacture`, `Bedrag (incl. BTW)` → `bedraginclbtw`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Exact header names (normalised) per field; checked before the looser patterns below. */
// biome-ignore format: a table reads better dense
const EXACT: Record<ImportField, readonly string[]> = {
  number: [
    'factuurnummer', 'factuurnr', 'factuurno', 'factuur', 'factuurid', 'invoicenumber', 'invoiceno',
    'invoicenr', 'invoice', 'invoiceid', 'numerodefacture', 'numerofacture', 'nfacture', 'ndefacture',
    'nodefacture', 'facture', 'documentnummer', 'documentnumber', 'documentnr', 'boekstuknummer',
    'boekstuk', 'nummer', 'number', 'numero', 'no', 'nr',
  ],
  document_type: [
    'documenttype', 'soort', 'type', 'doctype', 'soortdocument', 'typedocument', 'documentsoort',
    'factuursoort', 'factuurtype', 'invoicetype', 'typedefacture', 'typefacture', 'kind',
  ],
  issue_date: [
    'factuurdatum', 'datum', 'documentdatum', 'datumfactuur', 'invoicedate', 'issuedate', 'date',
    'datefacture', 'datedefacture', 'datedocument', 'dateemission', 'datedemission',
  ],
  due_date: [
    'vervaldatum', 'vervaldag', 'uiterstebetaaldatum', 'duedate', 'due', 'paymentduedate',
    'datedecheance', 'echeance', 'dateecheance', 'datelimite',
  ],
  payment_term: [
    'betalingstermijn', 'betaaltermijn', 'termijn', 'betalingsconditie', 'betalingsvoorwaarde',
    'paymentterm', 'paymentterms', 'terms', 'termsdays', 'delaidepaiement', 'delaipaiement',
    'conditionsdepaiement', 'termedepaiement',
  ],
  currency: ['valuta', 'munt', 'muntsoort', 'valutacode', 'currency', 'currencycode', 'devise', 'monnaie'],
  total: [
    'bedrag', 'totaal', 'totaalbedrag', 'bedraginclbtw', 'totaalinclbtw', 'factuurbedrag', 'brutobedrag',
    'amount', 'total', 'totalamount', 'invoiceamount', 'amountinclvat', 'amountincvat', 'totalinclvat',
    'grossamount', 'montant', 'montanttotal', 'totalttc', 'montantttc', 'montantfacture', 'totaltvac',
  ],
  open: [
    'openstaand', 'openstaandbedrag', 'saldo', 'restant', 'restbedrag', 'openbedrag', 'nogtebetalen',
    'teontvangen', 'openamount', 'outstanding', 'outstandingamount', 'amountdue', 'balance',
    'balancedue', 'remaining', 'solde', 'soldeouvert', 'montantdu', 'resteapayer', 'montantouvert',
  ],
  vat: ['btw', 'btwbedrag', 'bedragbtw', 'vat', 'vatamount', 'tax', 'taxamount', 'tva', 'montanttva'],
  reference: [
    'betalingskenmerk', 'kenmerk', 'betaalkenmerk', 'betalingsreferentie', 'gestructureerdemededeling',
    'ogm', 'vcs', 'mededeling', 'paymentreference', 'paymentid', 'reference', 'ref', 'structuredreference',
    'communicationstructuree', 'communication', 'referencedepaiement', 'referencestructuree',
  ],
  description: [
    'omschrijving', 'beschrijving', 'description', 'orderdescription', 'order', 'product', 'libelle',
    'memo', 'onderwerp', 'subject', 'objet',
  ],
  credited_invoice: [
    'gecrediteerdefactuur', 'creditvoor', 'origineelfactuur', 'oorspronkelijkefactuur', 'originalinvoice',
    'creditedinvoice', 'facturecreditee', 'factureoriginale', 'factureinitiale', 'relatedinvoice',
  ],
  debtor_number: [
    'debiteurnummer', 'debiteurnr', 'debiteurcode', 'debiteurid', 'klantnummer', 'klantnr', 'klantcode',
    'klantid', 'relatienummer', 'relatienr', 'relatiecode', 'debtornumber', 'debtorno', 'debtorid',
    'debtorcode', 'customernumber', 'customerno', 'customerid', 'customercode', 'clientnumber',
    'clientno', 'clientid', 'numeroclient', 'numerodeclient', 'codeclient', 'nclient', 'ndeclient',
    'partnerid', 'partnerref',
  ],
  debtor_name: [
    'debiteurnaam', 'naamdebiteur', 'klantnaam', 'naamklant', 'relatienaam', 'naamrelatie', 'bedrijfsnaam',
    'naam', 'name', 'customername', 'clientname', 'debtorname', 'companyname', 'partnername', 'nomclient',
    'nomduclient', 'nom', 'raisonsociale', 'denomination', 'bedrijf', 'firma', 'company',
  ],
  debtor_kind: [
    'soortdebiteur', 'soortklant', 'klanttype', 'klantsoort', 'debiteurtype', 'debtortype', 'debtorkind',
    'customertype', 'typeclient', 'typedeclient', 'b2bb2c', 'zakelijkparticulier', 'particulierzakelijk',
  ],
  debtor_country: ['land', 'landcode', 'country', 'countrycode', 'pays', 'codepays'],
  debtor_language: ['taal', 'taalcode', 'language', 'languagecode', 'langue', 'correspondentietaal'],
  debtor_email: [
    'email', 'emailadres', 'mail', 'emailaddress', 'courriel', 'adresseemail', 'adressemail',
    'factuuremail', 'invoiceemail', 'debiteuremail', 'klantemail', 'customeremail',
  ],
  debtor_phone: [
    'telefoon', 'telefoonnummer', 'telefoonnr', 'tel', 'phone', 'phonenumber', 'telephone', 'telnr',
    'debiteurtelefoon', 'klanttelefoon', 'customerphone',
  ],
  debtor_vat: [
    'btwnummer', 'btwnr', 'btwid', 'btwidentificatienummer', 'vatnumber', 'vatno', 'vatid', 'numerotva',
    'ntva', 'tvanumero', 'numerodetva',
  ],
  debtor_company_number: [
    'kvknummer', 'kvk', 'kvknr', 'kbonummer', 'kbo', 'ondernemingsnummer', 'companynumber',
    'registrationnumber', 'chamberofcommerce', 'numeroentreprise', 'numerodentreprise', 'bce', 'numerobce',
  ],
  debtor_address: ['adres', 'straat', 'straatenhuisnummer', 'address', 'addressline', 'street', 'adresse', 'rue'],
  debtor_postal_code: ['postcode', 'postalcode', 'zipcode', 'zip', 'codepostal'],
  debtor_city: ['plaats', 'woonplaats', 'vestigingsplaats', 'stad', 'gemeente', 'city', 'town', 'ville', 'localite', 'commune'],
  debtor_payment_term: [],
  debtor_credit_limit: ['kredietlimiet', 'kredietlimit', 'creditlimiet', 'creditlimit', 'limitedecredit', 'plafonddecredit'],
  debtor_segment: ['segment', 'categorie', 'category', 'groep', 'klantgroep', 'debiteurgroep', 'group', 'groupe'],
  contact_name: [
    'contactpersoon', 'contact', 'contactnaam', 'contactname', 'contactperson', 'personnedecontact',
    'attentionof', 'tav', 'terattentievan',
  ],
  contact_role: ['functie', 'rol', 'role', 'function', 'jobtitle', 'fonction'],
  contact_phone: [
    'contacttelefoon', 'telefooncontactpersoon', 'contactphone', 'contacttel', 'telephonecontact', 'mobiel',
    'mobile', 'gsm', 'mobielnummer',
  ],
  contact_email: ['contactemail', 'emailcontactpersoon', 'contactmail', 'emailcontact', 'contactpersoonemail'],
};

/** Looser patterns, in priority order, for headers no exact name matched ("Bedrag incl. BTW (EUR)"). */
const PATTERNS: readonly (readonly [ImportField, RegExp])[] = [
  ['credited_invoice', /(gecrediteerd|credited|originalinvoice|creditee|origineel)/],
  ['debtor_vat', /(btwnummer|btwnr|vatnumber|vatno|numerotva|tvanumero)/],
  ['debtor_company_number', /(kvk|kbo|ondernemingsnummer|companynumber|numeroentreprise|bce)/],
  [
    'debtor_number',
    /(debiteur|debtor|klant|customer|client|relatie|partner).*(nummer|nr|number|no|code|id)$/,
  ],
  ['debtor_number', /^(numero|n|no|code).*(client|debiteur)/],
  ['debtor_name', /(debiteur|debtor|klant|customer|client|relatie|partner).*(naam|name|nom)/],
  ['debtor_name', /^(naam|name|nom).*(debiteur|debtor|klant|customer|client|relatie)/],
  ['contact_email', /contact.*(email|mail)|(email|mail).*contact/],
  ['contact_phone', /contact.*(tel|phone|gsm|mobiel)|(tel|phone).*contact/],
  ['contact_name', /contact/],
  ['number', /(factuurn|invoicen|invoiceid|numerodefacture|numerofacture|nfacture|documentn)/],
  ['document_type', /(documenttype|doctype|soortdocument|factuurtype|invoicetype|typedocument)/],
  ['due_date', /(verval|duedate|echeance|payby)/],
  ['issue_date', /(factuurdatum|invoicedate|datefacture|issuedate|documentdatum|datum|date)/],
  ['payment_term', /(termijn|paymentterm|delai|conditions)/],
  ['open', /(openstaand|outstanding|saldo|solde|amountdue|resteapayer|restant|montantdu|open)/],
  ['vat', /^(btw|vat|tva|tax)|(btw|vat|tva|tax)(bedrag|amount|montant)$/],
  ['total', /(totaal|bedrag|amount|montant|total)/],
  ['currency', /(valuta|currency|devise|munt)/],
  ['reference', /(kenmerk|mededeling|communication|reference|referentie|paymentid)/],
  ['description', /(omschrijving|description|libelle|beschrijving)/],
  ['debtor_email', /(email|mail|courriel)/],
  ['debtor_phone', /(telefoon|phone|telephone)/],
  ['debtor_country', /(land|country|pays)/],
  ['debtor_language', /(taal|language|langue)/],
  ['debtor_postal_code', /(postcode|postal|zip)/],
  ['debtor_city', /(plaats|city|ville|gemeente)/],
  ['debtor_address', /(adres|address|adresse|straat|street)/],
];

/** Generic party headers ("Klant", "Customer", "Client"): number and, if nothing better, name too. */
const PARTY = new Set(['klant', 'customer', 'client', 'debiteur', 'debtor', 'relatie', 'partner']);

/** The fields of a file kind. A debtors file has its own columns plus a payment term per debtor. */
export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === 'invoices' ? INVOICE_FIELDS : DEBTOR_FIELDS;
}

export function guessMapping(headers: readonly string[], kind: ImportKind): ColumnMapping {
  const allowed = new Set(fieldsOf(kind));
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const normalised = headers.map(normaliseHeader);
  const assign = (field: ImportField, index: number) => {
    const header = headers[index];
    if (header === undefined || mapping[field] !== undefined || used.has(index)) return;
    mapping[field] = header;
    used.add(index);
  };
  const exact = (field: ImportField): readonly string[] => {
    // In a debtors file "Betalingstermijn" is the debtor's term and "Nummer"/"Naam" are the debtor's.
    if (kind === 'debtors' && field === 'debtor_payment_term') return EXACT.payment_term;
    if (kind === 'debtors' && field === 'debtor_number')
      return [...EXACT.debtor_number, 'nummer', 'number', 'numero', 'no', 'nr', 'code', 'id'];
    if (kind === 'debtors' && field === 'debtor_kind') return [...EXACT.debtor_kind, 'soort', 'type', 'kind'];
    return EXACT[field];
  };
  for (const field of fieldsOf(kind)) {
    if (!allowed.has(field)) continue;
    const names = exact(field);
    const index = normalised.findIndex((h, i) => !used.has(i) && names.includes(h));
    if (index >= 0) assign(field, index);
  }
  normalised.forEach((h, index) => {
    if (!PARTY.has(h)) return;
    assign(mapping.debtor_number === undefined ? 'debtor_number' : 'debtor_name', index);
  });
  normalised.forEach((h, index) => {
    if (used.has(index) || h === '') return;
    for (const [patternField, pattern] of PATTERNS) {
      const field =
        kind === 'debtors' && patternField === 'payment_term' ? 'debtor_payment_term' : patternField;
      if (allowed.has(field) && mapping[field] === undefined && pattern.test(h)) {
        assign(field, index);
        return;
      }
    }
  });
  // "Klant" alone: the same column names the debtor and keys it.
  if (mapping.debtor_name === undefined && mapping.debtor_number !== undefined) {
    if (PARTY.has(normaliseHeader(mapping.debtor_number))) mapping.debtor_name = mapping.debtor_number;
  }
  if (mapping.debtor_number === undefined && mapping.debtor_name !== undefined) {
    mapping.debtor_number = mapping.debtor_name;
  }
  return mapping;
}

/** The fields a file must have for its kind. */
export function requiredFields(kind: ImportKind): readonly ImportField[] {
  return kind === 'invoices'
    ? ['number', 'debtor_number', 'issue_date', 'total']
    : ['debtor_number', 'debtor_name'];
}

export type ResolvedMapping = { mapping: ColumnMapping; columns: Partial<Record<ImportField, number>> };
export type MappingProblem = { field: string; message: string };

/**
 * The mapping used for a file: an explicit one (`--map`) wins, then the organisation's saved
 * mapping for headers this file has, then the guess. Returns the column index of each field.
 */
export function resolveMapping(params: {
  headers: readonly string[];
  kind: ImportKind;
  explicit?: ColumnMapping | undefined;
  saved?: ColumnMapping | undefined;
}): { ok: true; value: ResolvedMapping } | { ok: false; problems: MappingProblem[] } {
  const { headers, kind, explicit = {}, saved = {} } = params;
  const byNormalised = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (!byNormalised.has(key)) byNormalised.set(key, i);
  });
  const indexOf = (header: string) => byNormalised.get(normaliseHeader(header));
  const problems: MappingProblem[] = [];
  const allowed = new Set(fieldsOf(kind));
  const mapping: ColumnMapping = {};
  for (const [field, header] of Object.entries(explicit) as [ImportField, string][]) {
    if (!allowed.has(field)) problems.push({ field, message: `not a field of a ${kind} file` });
    else if (indexOf(header) === undefined)
      problems.push({ field, message: `column "${header}" is not in the header row` });
    else mapping[field] = header;
  }
  for (const [field, header] of Object.entries(saved) as [ImportField, string][]) {
    if (allowed.has(field) && mapping[field] === undefined && indexOf(header) !== undefined)
      mapping[field] = header;
  }
  const takenHeaders = new Set(Object.values(mapping).map((h) => normaliseHeader(h ?? '')));
  const remaining = headers.filter((h) => !takenHeaders.has(normaliseHeader(h)));
  for (const [field, header] of Object.entries(guessMapping(remaining, kind)) as [ImportField, string][]) {
    if (mapping[field] === undefined) mapping[field] = header;
  }
  for (const field of requiredFields(kind)) {
    if (mapping[field] === undefined)
      problems.push({ field, message: `no column found for ${field.replace(/_/g, ' ')} (use --map)` });
  }
  if (problems.length > 0) return { ok: false, problems };
  const columns: Partial<Record<ImportField, number>> = {};
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
    const index = indexOf(header);
    if (index !== undefined) columns[field] = index;
  }
  return { ok: true, value: { mapping, columns } };
}

/** How many headers of a record look like known columns: finds the header row below title lines. */
export function headerScore(record: readonly string[], kind: ImportKind): number {
  return Object.keys(guessMapping(record, kind)).length;
}
