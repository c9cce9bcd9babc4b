/**
 * The bank CSV layouts we know, each recognised by its header row (ASN, which writes none, by
 * the shape of its rows), and the guess that picks one for a new file. Payment exports that are
 * not banks' count too when their rows are payments received (Stripe charges).
 */
import { type BankCsvMapping, type BankCsvMappingInput, BankCsvMappingSchema } from './bank-csv-mapping.js';

/** Header text as columns are matched: case, surrounding and repeated spaces ignored. */
export function normalizeHeader(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

type KnownLayout = {
  mapping: BankCsvMapping;
  /** Header cells that must all be present (normalised); absent for a layout without a header. */
  signature?: readonly string[];
};

function layout(mapping: BankCsvMappingInput, signature?: readonly string[]): KnownLayout {
  return { mapping: BankCsvMappingSchema.parse(mapping), signature: signature?.map(normalizeHeader) };
}

export const BANK_CSV_LAYOUTS: readonly KnownLayout[] = [
  layout(
    {
      name: 'rabobank-2018',
      delimiter: ',',
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: ',',
      columns: {
        bookingDate: 'Datum',
        valueDate: 'Rentedatum',
        amount: 'Bedrag',
        currency: 'Munt',
        accountIban: 'IBAN/BBAN',
        counterpartyIban: 'Tegenrekening IBAN/BBAN',
        counterpartyName: 'Naam tegenpartij',
        counterpartyBic: 'BIC tegenpartij',
        structuredReference: 'Betalingskenmerk',
        remittance: ['Omschrijving-1', 'Omschrijving-2', 'Omschrijving-3'],
        bankReference: 'Volgnr',
        endToEndId: 'Transactiereferentie',
        transactionCode: 'Code',
        returnReason: 'Reden retour',
        mandateReference: 'Machtigingskenmerk',
        creditorId: 'Incassant ID',
        balanceAfter: 'Saldo na trn',
      },
    },
    ['IBAN/BBAN', 'Volgnr', 'Datum', 'Bedrag', 'Saldo na trn', 'Betalingskenmerk'],
  ),
  layout(
    {
      name: 'ing-nl',
      dateFormat: 'YYYYMMDD',
      decimalSeparator: ',',
      columns: {
        bookingDate: 'Datum',
        amount: 'Bedrag (EUR)',
        direction: { column: 'Af Bij', creditValues: ['Bij'] },
        accountIban: 'Rekening',
        counterpartyIban: 'Tegenrekening',
        counterpartyName: 'Naam / Omschrijving',
        remittance: ['Mededelingen'],
        transactionCode: 'Code',
      },
    },
    ['Datum', 'Naam / Omschrijving', 'Rekening', 'Tegenrekening', 'Af Bij', 'Bedrag (EUR)'],
  ),
  layout(
    {
      name: 'knab',
      delimiter: ';',
      headerRows: 2,
      dateFormat: 'DD-MM-YYYY',
      decimalSeparator: ',',
      columns: {
        bookingDate: 'Boekdatum',
        valueDate: 'Valutadatum',
        amount: 'Bedrag',
        direction: { column: 'CreditDebet', creditValues: ['C'] },
        currency: 'Valutacode',
        accountIban: 'Rekeningnummer',
        counterpartyIban: 'Tegenrekeningnummer',
        counterpartyName: 'Tegenrekeninghouder',
        remittance: ['Omschrijving'],
        bankReference: 'Referentie',
        mandateReference: 'Machtigingsnummer',
        creditorId: 'Incassant ID',
      },
    },
    ['Rekeningnummer', 'Transactiedatum', 'CreditDebet', 'Bedrag', 'Tegenrekeningnummer', 'Boekdatum'],
  ),
  layout(
    {
      name: 'bunq-nl',
      delimiter: ',',
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: ',',
      columns: {
        bookingDate: 'Datum',
        amount: 'Bedrag',
        accountIban: 'Rekening',
        counterpartyIban: 'Tegenrekening',
        counterpartyName: 'Naam',
        remittance: ['Omschrijving'],
      },
    },
    ['Datum', 'Bedrag', 'Rekening', 'Tegenrekening', 'Naam', 'Omschrijving'],
  ),
  layout(
    {
      name: 'bunq-en',
      delimiter: ',',
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: ',',
      columns: {
        bookingDate: 'Date',
        amount: 'Amount',
        accountIban: 'Account',
        counterpartyIban: 'Counterparty',
        counterpartyName: 'Name',
        remittance: ['Description'],
      },
    },
    ['Date', 'Amount', 'Account', 'Counterparty', 'Name', 'Description'],
  ),
  layout(
    {
      name: 'kbc-be',
      delimiter: ';',
      dateFormat: 'DD/MM/YYYY',
      decimalSeparator: ',',
      columns: {
        bookingDate: 'Datum',
        valueDate: 'Valuta',
        amount: 'Bedrag',
        currency: 'Munt',
        accountIban: 'Rekeningnummer',
        counterpartyIban: 'rekeningnummer tegenpartij',
        counterpartyBic: 'BIC tegenpartij',
        counterpartyName: 'Naam tegenpartij',
        structuredReference: 'gestructureerde mededeling',
        remittance: ['Vrije mededeling', 'Omschrijving'],
        balanceAfter: 'Saldo',
      },
    },
    ['Rekeningnummer', 'Afschriftnummer', 'Datum', 'Bedrag', 'Saldo', 'gestructureerde mededeling'],
  ),
  layout(
    {
      name: 'kbc-be-creditcard',
      delimiter: ';',
      dateFormat: 'DD/MM/YYYY',
      decimalSeparator: ',',
      columns: {
        bookingDate: 'Datum verrekening',
        valueDate: 'datum verrichting',
        amount: 'bedrag',
        currency: 'munt',
        accountIban: 'kredietkaart',
        counterpartyName: 'Handelaar',
        remittance: ['toelichting', 'locatie', 'land'],
      },
    },
    ['kredietkaart', 'kaarthouder', 'datum verrichting', 'Datum verrekening', 'bedrag', 'Handelaar'],
  ),
  layout(
    {
      name: 'stripe-payments',
      delimiter: ',',
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
      // Only completed charges are money received; failed and refunded ones are not payments.
      rowFilter: { column: 'status', values: ['Paid'] },
      columns: {
        bookingDate: 'created',
        amount: 'amount',
        currency: 'currency',
        counterpartyName: 'customer_description',
        remittance: ['description', 'invoice_id'],
        bankReference: 'id',
      },
    },
    ['id', 'description', 'created', 'amount', 'currency', 'status', 'invoice_id'],
  ),
  // ASN Bank writes no header: 19 columns by position, balance before the row in column 8.
  layout({
    name: 'asn',
    delimiter: ',',
    headerRows: 0,
    dateFormat: 'DD-MM-YYYY',
    decimalSeparator: '.',
    columns: {
      bookingDate: 0,
      accountIban: 1,
      counterpartyIban: 2,
      counterpartyName: 3,
      balanceBefore: 8,
      currency: 9,
      amount: 10,
      valueDate: 12,
      transactionCode: 14,
      bankReference: 15,
      structuredReference: 16,
      remittance: [17],
    },
  }),
];

const ASN_ROW = {
  length: 19,
  test: (row: readonly string[]) =>
    /^\d{2}-\d{2}-\d{4}$/.test(row[0] ?? '') &&
    /^[A-Z]{2}\d{2}ASNB/.test(row[1] ?? '') &&
    /^[A-Z]{3}$/.test(row[9] ?? '') &&
    /^-?\d+\.\d{2}$/.test(row[10] ?? ''),
};

/**
 * The mapping of a known layout for a file, from its first rows as read (a dozen is plenty): a
 * layout whose header cells all appear in one of the first rows (the rows above it become header
 * rows), or ASN by the shape of its rows. Null when no layout fits: the user maps the columns.
 */
export function guessBankCsvMapping(firstRows: string[][]): BankCsvMapping | null {
  const rows = firstRows.slice(0, 10);
  for (const [index, row] of rows.entries()) {
    const headers = new Set(row.map(normalizeHeader));
    const known = BANK_CSV_LAYOUTS.find((l) => l.signature?.every((name) => headers.has(name)));
    if (known) return { ...known.mapping, headerRows: index + 1 };
  }
  const data = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  const asn = BANK_CSV_LAYOUTS.find((l) => l.mapping.name === 'asn');
  if (asn && data.length > 0 && data.every((row) => row.length === ASN_ROW.length && ASN_ROW.test(row))) {
    return asn.mapping;
  }
  return null;
}
