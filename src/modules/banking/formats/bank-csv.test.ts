import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SAMPLES, SAMPLES_DIR } from '../../imports/test-support.js';
import { guessBankCsvMapping, parseBankCsv, readFirstCsvRows } from './bank-csv.js';
import { BANK_CSV_LAYOUTS } from './bank-csv-layouts.js';
import { type BankCsvMappingInput, BankCsvMappingSchema } from './bank-csv-mapping.js';
import { parseAll } from './statement-test-support.js';

const mapping = (input: BankCsvMappingInput) => BankCsvMappingSchema.parse(input);

const simple = mapping({
  name: 'custom',
  dateFormat: 'DD-MM-YYYY',
  decimalSeparator: ',',
  columns: { bookingDate: 'Datum', amount: 'Bedrag', counterpartyName: 'Naam', remittance: ['Omschrijving'] },
});

describe('bank CSV rows and mappings (inline files)', () => {
  it('reports an unreadable date or amount by row and field, and reads the other rows', async () => {
    const text = [
      'Datum;Bedrag;Naam;Omschrijving',
      '01-03-2026;12,50;Jansen;factuur 2026-001',
      '31-02-2026;1,00;Fout;datum bestaat niet',
      '02-03-2026;twaalf;Fout;geen bedrag',
      '03-03-2026;-7,25;Pietersen;',
    ].join('\n');
    const { entries, errors, statements } = await parseAll(parseBankCsv(simple), text, 5);
    expect(
      entries.map((e) => [e.place, e.bookingDate, e.amountCents, e.counterpartyName, e.remittance]),
    ).toEqual([
      ['statement 1, row 2', '2026-03-01', 1250, 'Jansen', 'factuur 2026-001'],
      ['statement 1, row 5', '2026-03-03', -725, 'Pietersen', null],
    ]);
    expect(errors).toEqual([
      { place: 'row 3', message: 'field "Datum": "31-02-2026" is not a date (DD-MM-YYYY)' },
      { place: 'row 4', message: 'field "Bedrag": not an amount: "twaalf"' },
    ]);
    expect(statements[0]?.end).toMatchObject({ entryCount: 2, balance: { kind: 'not_given' } });
  });

  it('refuses a file that lacks a mapped column, and a named column in a file without header', async () => {
    const missing = await parseAll(parseBankCsv(simple), 'Datum;Amount;Naam\n01-03-2026;1,00;X\n');
    expect(missing.errors).toEqual([
      { place: 'header', message: 'mapping "custom": the file has no column "Bedrag"' },
    ]);
    expect(missing.entries).toEqual([]);
    const headerless = await parseAll(parseBankCsv({ ...simple, headerRows: 0 }), '01-03-2026;1,00;X;Y\n');
    expect(headerless.errors[0]?.message).toBe(
      'mapping "custom": the file has no header row, so column "Datum" must be given by position',
    );
  });

  it('reads separate credit and debit columns, a sign column, and checks a newest-first running balance', async () => {
    const creditDebit = mapping({
      name: 'custom',
      dateFormat: 'DD/MM/YYYY',
      decimalSeparator: ',',
      columns: { bookingDate: 0, credit: 1, debit: 2, balanceAfter: 3, accountIban: 4 },
    });
    const text = [
      'datum;credit;debet;saldo;rekening',
      '03/03/2026;;-2,00;108,00;BE68 5390 0754 7034',
      '02/03/2026;10,00;;110,00;BE68 5390 0754 7034',
      '01/03/2026;;5,00;100,00;BE68 5390 0754 7034',
    ].join('\r\n');
    const { statements, errors } = await parseAll(parseBankCsv(creditDebit), text);
    expect(errors).toEqual([]);
    expect(statements[0]?.header.accountIban).toBe('BE68539007547034');
    expect(statements[0]?.entries.map((e) => e.amountCents)).toEqual([-200, 1000, -500]);
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: 10500,
      closingCents: 10800,
      entriesCents: 300,
    });

    const signed = mapping({
      name: 'custom',
      dateFormat: 'DD-MMM-YY',
      decimalSeparator: '.',
      columns: { bookingDate: 'd', amount: 'a', direction: { column: 's', creditValues: ['Bij', 'C'] } },
    });
    const rows = await parseAll(
      parseBankCsv(signed),
      'd,a,s\n05-mrt-26,3.10,bij\n06-Mar-26,3.10,Af\n07-Mar-26,1.00,\n',
    );
    expect(rows.entries.map((e) => [e.bookingDate, e.amountCents])).toEqual([
      ['2026-03-05', 310],
      ['2026-03-06', -310],
    ]);
    expect(rows.errors).toEqual([{ place: 'row 4', message: 'field "s": no credit/debit indicator' }]);
  });

  it('a row that cannot be read breaks the running balance check, which then says mismatch', async () => {
    const withBalance = mapping({ ...simple, columns: { ...simple.columns, balanceAfter: 'Saldo' } });
    const text =
      'Datum;Bedrag;Naam;Omschrijving;Saldo\n01-03-2026;1,00;;;11,00\n02-03-2026;x;;;13,00\n03-03-2026;3,00;;;16,00\n';
    const { statements, errors } = await parseAll(parseBankCsv(withBalance), text);
    expect(errors).toHaveLength(1);
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'mismatch',
      openingCents: 1000,
      closingCents: 1600,
      entriesCents: 400,
    });
  });

  it('every known layout survives being saved as JSON; a mapping without an amount is refused', () => {
    for (const { mapping: known } of BANK_CSV_LAYOUTS) {
      expect(BankCsvMappingSchema.parse(JSON.parse(JSON.stringify(known)))).toEqual(known);
    }
    const noAmount = BankCsvMappingSchema.safeParse({ ...simple, columns: { bookingDate: 'Datum' } });
    expect(noAmount.success).toBe(false);
  });
});

describe.skipIf(!HAS_SAMPLES)('the sample CSV exports (../shared/samples/csv)', () => {
  const read = async (name: string, encoding: 'utf8' | 'latin1' = 'utf8') => {
    const text = (await readFile(join(SAMPLES_DIR, 'csv', name))).toString(encoding);
    const guessed = guessBankCsvMapping(await readFirstCsvRows(text));
    return { text, guessed };
  };
  const parseSample = async (name: string, encoding: 'utf8' | 'latin1' = 'utf8') => {
    const { text, guessed } = await read(name, encoding);
    if (!guessed) throw new Error(`no layout guessed for ${name}`);
    return { name: guessed.name, ...(await parseAll(parseBankCsv(guessed), text, 256)) };
  };

  it('ASN (no header row, recognised by its shape): 11 rows whose running balance holds', async () => {
    const { name, statements, entries, errors } = await parseSample('asn-bank-csv-headerless.csv');
    expect(name).toBe('asn');
    expect(errors).toEqual([]);
    expect(statements).toHaveLength(1);
    expect(statements[0]?.header.accountIban).toBe('NL00ASNB9999999999');
    expect(entries.map((e) => e.amountCents)).toEqual([
      22377, -20000, -220, 50315, -2295, -40000, -14797, 256000, -100000, -100000, -56000,
    ]);
    expect(entries[0]).toMatchObject({
      bookingDate: '2022-06-17',
      counterpartyIban: 'NL99ASNB0000000000',
      counterpartyName: 'XXXXXXXXX Z Z Z Z',
      transactionCode: 'NGM',
      bankReference: '51392971',
      remittance: null,
    });
    // The single quotes ASN puts around the description are dropped.
    expect(entries[2]?.remittance).toBe('Kosten gebruik betaalrekening inclusief 1 betaalpas');
    expect(entries[3]?.remittance).toBe('DIVIDEND 27/06/2022');
    // Balance before the first row 130.44, after the last 644.24 − 560.00 = 84.24.
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: 13044,
      closingCents: 8424,
      entriesCents: -4620,
    });
  });

  it('bunq (English and Dutch headers): signed comma amounts', async () => {
    const en = await parseSample('bunq-en-csv-statement.csv');
    expect(en.name).toBe('bunq-en');
    expect(en.entries.map((e) => e.amountCents)).toEqual([-878, -708, 878, -876, 708, -707, -799]);
    expect(en.entries[2]).toMatchObject({
      bookingDate: '2018-12-06',
      counterpartyName: 'CLOUDFLARE',
      remittance: 'Refund: CLOUDFLARE (650-3198939, US) 1 USD = 1.133257403189066 EUR',
    });
    expect(en.statements[0]?.header.accountIban).toBe('NL26BUNQ2025126409');

    const nl = await parseSample('bunq-nl-csv-transactieoverzicht.csv');
    expect(nl.name).toBe('bunq-nl');
    expect(
      nl.entries.map((e) => [e.amountCents, e.counterpartyIban, e.counterpartyName, e.remittance]),
    ).toEqual([
      [-256, 'NL89BUNQ2025105584', 'bunq', 'invoice 410408'],
      [75000, 'NL77RABO0311467415', 'W. KOELEWIJN EO', 'Naar Bunq'],
      [-1890, null, 'Quality Nuts', 'Quality Nuts (EEMDIJK, NL)'],
    ]);
    expect(nl.statements[0]?.end?.balance.kind).toBe('not_given');
  });

  it('ING NL: unsigned amounts signed by "Af Bij", dates YYYYMMDD, a zero-amount row kept', async () => {
    const { name, entries, errors } = await parseSample('ing-nl-csv-comma-quoted.csv');
    expect(name).toBe('ing-nl');
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.bookingDate, e.amountCents, e.transactionCode])).toEqual([
      ['2020-02-13', -125, 'DV'],
      ['2020-02-13', 125, 'VZ'],
      ['2020-02-13', 0, 'VZ'],
      ['2019-12-13', 2000, 'OV'],
      ['2019-12-13', -31, 'DV'],
      ['2019-12-13', -31, 'DV'],
    ]);
    expect(entries[3]).toMatchObject({
      counterpartyIban: 'NL99ASNB9999999999',
      counterpartyName: 'PAULISSEN G J L M',
      remittance:
        'Naam: PAULISSEN G J L M Omschrijving: Kosten rekening IBAN: NL99ASNB9999999999 Valutadatum: 13-12-2019',
    });
  });

  it('KBC account: one fee row with its balance after the row; padded cells trimmed', async () => {
    const { name, statements, entries } = await parseSample(
      'kbc-be-csv-semicolon-gestructureerde-mededeling.csv',
    );
    expect(name).toBe('kbc-be');
    expect(statements[0]?.header.accountIban).toBe('BE11123456789012');
    expect(entries).toEqual([
      expect.objectContaining({
        bookingDate: '2018-02-28',
        valueDate: '2018-02-28',
        amountCents: -340,
        counterpartyIban: null,
        structuredReference: null,
        remittance: 'BIJDRAGE 01-02-2018 - 28-02-2018 28-02 KBC-PLUSREKENING',
      }),
    ]);
    // One row: the opening balance is derived from it (219.95 + 3.40), so the check holds trivially.
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: 22335,
      closingCents: 21995,
      entriesCents: -340,
    });
  });

  it('KBC Mastercard: card rows and a repayment without card number in one statement', async () => {
    const { name, statements, entries } = await parseSample('kbc-be-mastercard-csv.csv');
    expect(name).toBe('kbc-be-creditcard');
    expect(statements).toHaveLength(1);
    expect(statements[0]?.header).toMatchObject({ accountIban: null, accountNumber: '1234567890123456' });
    expect(entries.map((e) => [e.bookingDate, e.valueDate, e.amountCents, e.counterpartyName])).toEqual([
      ['2020-02-03', '2020-02-01', -1652, 'More info'],
      ['2020-01-24', '2020-01-24', 3577, 'Payment from Checking account'],
      ['2020-01-02', '2020-01-01', -1652, 'More info'],
    ]);
  });

  it('Knab: a title row above the header, C/D indicator, whole-euro amounts, newest first', async () => {
    const { name, statements, entries, errors } = await parseSample(
      'knab-csv-semicolon-two-header-lines.csv',
    );
    expect(name).toBe('knab');
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(28);
    expect(entries[0]).toMatchObject({
      place: 'statement 1, row 3',
      bookingDate: '2019-06-21',
      amountCents: -82775,
      counterpartyIban: 'FR9999999999999999999999999',
      counterpartyName: 'Gert Janssen (FR)',
      remittance: 'Tresorie',
      bankReference: 'B9F21PGYA068V2KD',
    });
    // "99999999" is no IBAN: kept as the counterparty's account number.
    expect(entries[1]).toMatchObject({
      amountCents: 82775,
      counterpartyIban: null,
      counterpartyAccountNumber: '99999999',
    });
    expect(entries[2]?.amountCents).toBe(-250000);
    // Transactiedatum 09-06 but Boekdatum 10-06: the booking date is the bank's.
    expect(entries[6]).toMatchObject({
      bookingDate: '2019-06-10',
      valueDate: '2019-06-10',
      amountCents: -100000,
    });
    expect(entries.at(-2)?.amountCents).toBe(100000);
    expect(entries.at(-1)).toMatchObject({ amountCents: 702, counterpartyName: 'Knab', remittance: 'Rente' });
    expect(entries.reduce((sum, e) => sum + e.amountCents, 0)).toBe(701);
    expect(statements[0]?.end?.balance.kind).toBe('not_given');
  });

  it('Rabobank (ISO-8859-1, CR CR LF line ends): the row missing its opening quote is read in full', async () => {
    const { text } = await read('rabobank-nl-csv-2018-latin1-betalingskenmerk-col.csv', 'latin1');
    expect((await readFirstCsvRows(text, 1))[0]).toContain('Naam initiërende partij');
    const { name, statements, entries, errors } = await parseSample(
      'rabobank-nl-csv-2018-latin1-betalingskenmerk-col.csv',
      'latin1',
    );
    expect(name).toBe('rabobank-2018');
    expect(errors).toEqual([]);
    expect(statements).toHaveLength(1);
    expect(statements[0]?.header.accountIban).toBe('NL77RABO0311467415');
    expect(entries.map((e) => [e.place, e.amountCents, e.bankReference])).toEqual([
      ['statement 1, row 3', -33749, '000000000000009565'],
      ['statement 1, row 5', 5000, '000000000000009590'],
      ['statement 1, row 7', -75000, '000000000000009591'],
    ]);
    expect(entries[0]).toMatchObject({
      counterpartyIban: null,
      counterpartyAccountNumber: '3114904483',
      remittance: 'RENTE LENING',
    });
    // The row whose first cell lost its opening quote: its cells are all where they belong.
    expect(entries[1]).toMatchObject({
      bookingDate: '2018-03-14',
      counterpartyIban: 'NL62INGB0663707048',
      counterpartyName: 'Nederlandse Loterij Organisatie B.V.',
      counterpartyBic: 'INGBNL2A',
      endToEndId: '18753493.6094',
      transactionCode: 'cb',
      remittance: 'Gefeliciteerd, Gewonnen met Staatsloterij, Trekking 10-03-2018, 18753493.6094',
    });
    // A real property of the sample: it is an excerpt (Volgnr 9565, then 9590), so the balance
    // after the first row (5257.28) and the rows shown do not lead to 12334.53.
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'mismatch',
      openingCents: 559477,
      closingCents: 1233453,
      entriesCents: -103749,
    });
  });

  it('Stripe charges: payments received, gross, in CAD, the invoice id kept for matching', async () => {
    const { name, statements, entries } = await parseSample('stripe-payments-export-invoice-id.csv');
    expect(name).toBe('stripe-payments');
    expect(statements[0]?.header).toMatchObject({ currency: 'CAD', accountIban: null });
    expect(entries.map((e) => [e.bookingDate, e.amountCents, e.currency])).toEqual([
      ['2021-02-03', 2500, 'CAD'],
      ['2021-02-03', 2750, 'CAD'],
      ['2021-02-02', 2500, 'CAD'],
      ['2021-02-02', 2500, 'CAD'],
      ['2021-03-16', 1000, 'CAD'],
    ]);
    expect(entries[4]).toMatchObject({
      counterpartyName: 'Big Customer',
      remittance: 'Invoice 396BEA86-0001 in_1IVREgBI9JK85yVZlJIZTlnT',
      bankReference: 'ch_1IVbR2BI9JK85yVZUofVdX4R',
    });
  });

  it('Xero journal: no layout is guessed (double-entry journal lines, not payments); a hand mapping reads its CR-only lines', async () => {
    const { text, guessed } = await read('xero-journal-export-cr-line-endings.csv');
    expect(guessed).toBeNull();
    const cashLines = mapping({
      name: 'custom',
      dateFormat: 'DD-MMM-YY',
      decimalSeparator: '.',
      rowFilter: { column: 'AccountName', values: ['Cash'] },
      columns: { bookingDate: 'JournalDate', amount: 'NetAmount', remittance: ['Reference', 'Description'] },
    });
    const { entries, errors } = await parseAll(parseBankCsv(cashLines), text);
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.bookingDate, e.amountCents, e.remittance])).toEqual([
      ['2015-01-23', 3600000, 'INV-0001 Charger-baisikeli'],
      ['2015-01-23', 11300000, 'INV-0001 Baisikeli'],
      ['2015-01-24', 1500000, 'INV-0003 Charger-baisikeli (distributor price)'],
      ['2015-01-24', 1500000, 'INV-0003 Charger-baisikeli (distributor price)'],
      ['2015-01-25', 3000000, 'INV-0006 Charger-baisikeli (distributor price)'],
      ['2015-01-25', 11300000, 'INV-0198 Baisikeli'],
      ['2015-02-14', -20900000, 'Transfer to Checking'],
    ]);
  });

  it('generic invoice-numbered list: no layout is guessed (expenses, sign unknown); a hand mapping reads its UTF-8 names', async () => {
    const { text, guessed } = await read('generic-invoice-numbered-unicode-names.csv');
    expect(guessed).toBeNull();
    const list = mapping({
      name: 'custom',
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
      columns: {
        bookingDate: 'Date',
        amount: 'Amount',
        accountIban: 'Account',
        counterpartyName: 'Description',
        remittance: ['Num'],
      },
    });
    const { statements, errors } = await parseAll(parseBankCsv(list), text);
    expect(errors).toEqual([]);
    // The rows of the "Checking" and the "Cash" account become two statements.
    expect(statements.map((s) => [s.header.accountNumber, s.entries.length])).toEqual([
      ['Checking', 6],
      ['Cash', 2],
    ]);
    expect(statements[0]?.entries[0]).toMatchObject({
      bookingDate: '2015-02-08',
      amountCents: 5000000,
      counterpartyName: 'Ằdøłƥh Noƴa',
      remittance: 'INV-1',
    });
    expect(statements[1]?.entries.map((e) => [e.counterpartyName, e.remittance])).toEqual([
      ['Tchênzema Tchênzema', 'INV-7'],
      ['Ƣunȡuƙi Chairman', 'INV-8'],
    ]);
  });
});
