/** The ABN AMRO, Rabobank, Triodos, Knab, ASN and SNS MT940 sample files (../shared/samples/mt940), read in place. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SAMPLES, SAMPLES_DIR } from '../../imports/test-support.js';
import { parseMt940 } from './mt940.js';
import { type ParsedFile, parseAll } from './statement-test-support.js';

const sample = (name: string) => parseAll(parseMt940, readFileSync(join(SAMPLES_DIR, 'mt940', name), 'utf8'));

/** Per statement: number of entries and the balance check's outcome. */
const shape = (file: ParsedFile) => file.statements.map((s) => [s.entries.length, s.end?.balance.kind]);

describe.skipIf(!HAS_SAMPLES)('MT940 samples: ABN AMRO and Rabobank', () => {
  it('ABN AMRO legacy: header lines, :60M:/:62M:, a betalingskenmerk in free text', async () => {
    const file = await sample('abnamro-legacy-betalingskenmerk.sta');
    expect(file.errors).toEqual([]);
    // The jejik test file's balances were edited by hand: 3236,28 − 321,44 ≠ 876,84, and the second
    // message opens at 2876,84 where the first closed at 876,84.
    expect(shape(file)).toEqual([
      [8, 'mismatch'],
      [2, 'mismatch'],
    ]);
    const [first, second] = file.statements;
    expect(first?.header).toMatchObject({
      statementId: 'ABN AMRO BANK NV/19321/1',
      accountIban: null,
      accountNumber: '517852257',
      opening: { amountCents: 323628, date: '2011-05-22' },
    });
    expect(first?.end?.balance).toMatchObject({
      openingCents: 323628,
      closingCents: 87684,
      entriesCents: -32144,
    });
    expect(second?.header.opening).toEqual({ amountCents: 287684, date: '2011-05-23' });
    expect(second?.end?.closing).toEqual({ amountCents: 184975, date: '2011-05-24' });
    expect(first?.entries[0]).toMatchObject({
      bookingDate: '2011-05-24',
      valueDate: '2011-05-24',
      amountCents: -900,
      counterpartyAccountNumber: 'GIRO 428428',
      structuredReference: null,
      // The first line is 64 characters: it ends a word, the kenmerk stays whole for matching.
      remittance:
        'KPN - DIGITENNE BETALINGSKENM. 000000042188659 5314606715 BETREFT FACTUUR D.D. 20-05-2011 INCL. 1,44 BTW',
    });
    expect(first?.entries.map((e) => e.amountCents)).toEqual([
      -900, -1159, -1163, -1180, -1345, -1549, -10700, -14148,
    ]);
    expect(first?.entries[1]).toMatchObject({ valueDate: '2011-05-21', bookingDate: '2011-05-23' });
    expect(second?.entries[1]).toMatchObject({
      amountCents: -1500,
      counterpartyAccountNumber: '52.89.39.882',
      remittance: 'MYCOM DEN HAAG',
    });
  });

  it('ABN AMRO SEPA: /TRTP/ /IBAN/ /NAME/ /REMI/ /EREF/ wrapped mid-token', async () => {
    const file = await sample('abnamro-sepa-wrapped-trtp-incasso-inv.txt');
    expect(file.errors).toEqual([]);
    expect(shape(file)).toEqual([[2, 'ok']]);
    expect(file.statements[0]?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: 112458,
      closingCents: 117160,
      entriesCents: 4702,
    });
    const [credit, debit] = file.statements[0]?.entries ?? [];
    expect(credit).toMatchObject({
      amountCents: 10965,
      counterpartyName: 'HR K XXXXXXX EN/OF MW H XXXXXXX',
      counterpartyAccountNumber: 'NL75INGB0001234567',
      counterpartyBic: 'INGBNL2A',
      remittance: 'RES.NR 00042',
      // "NOTPROV" + "IDED": no end-to-end id.
      endToEndId: null,
    });
    expect(debit).toMatchObject({
      amountCents: -6263,
      counterpartyName: 'XXXXXXXX B.V.',
      counterpartyBic: 'DEUTNL2AXXX',
      // "1.1" + "2.2016" and "0123456789123" + "61000" re-joined.
      remittance: 'INV/1511682351 1.12.2016',
      endToEndId: '012345678912361000',
      transactionCode: 'N247',
    });
  });

  it('Rabobank legacy: fixed width, counterparty in :61:, repeated :86:, an empty statement', async () => {
    const file = await sample('rabobank-legacy-multi-statement.sta');
    expect(file.errors).toEqual([]);
    // jejik's file: statement 3's second entry (value date 2011-07-21, D 236,56) was added to it —
    // without it 1295,82 − 44,95 = 1250,87; statement 1's figures were edited (473,17 − 1213,28 ≠ 395,82).
    expect(shape(file)).toEqual([
      [1, 'mismatch'],
      [0, 'ok'],
      [2, 'mismatch'],
      [2, 'ok'],
    ]);
    expect(file.statements.map((s) => s.header.accountNumber)).toEqual([
      '1291.99.348',
      '1291.99.348',
      '1291.99.348',
      '1526.89.184',
    ]);
    expect(file.statements[0]?.entries[0]).toMatchObject({
      bookingDate: '2011-05-27',
      valueDate: '2011-05-27',
      amountCents: -121328,
      counterpartyAccountNumber: '0121470966',
      counterpartyName: 'W.P. Jansen',
      remittance: 'Terugboeking NIET AKKOORD MET AFSCHRIJVING KOSTEN KINDEROPVANG JUNI 20095731',
      transactionCode: 'N044',
    });
    expect(file.statements[2]?.entries[0]).toMatchObject({
      amountCents: -4495,
      counterpartyAccountNumber: '0733959555',
      counterpartyName: 'T-MOBILE NETHERLANDS BV',
      remittance: 'BETALINGSKENM. 123456789 FACTUURNUMMER 987654321',
    });
    expect(file.statements[2]?.entries[1]).toMatchObject({
      counterpartyAccountNumber: null,
      counterpartyName: 'TOMTE TUMMETOT AMERSFOORT',
    });
    expect(file.statements[3]?.entries[0]).toMatchObject({
      amountCents: -8810,
      counterpartyAccountNumber: 'P000029225',
      counterpartyName: 'KPN - MOBIEL',
    });
  });

  it('Rabobank SEPA with IBAN :25:: counterparty account under :61:, /BENM//NAME/ wrapped', async () => {
    const file = await sample('rabobank-iban-sepa-eref-remi.sta');
    expect(file.errors).toEqual([]);
    expect(shape(file)).toEqual([
      [2, 'ok'],
      [2, 'ok'],
    ]);
    expect(file.statements[0]?.header).toMatchObject({
      statementId: '940S130101/0',
      accountNumber: 'NL71RABO0123456789',
    });
    const [first, second] = file.statements[0]?.entries ?? [];
    expect(first).toMatchObject({
      amountCents: -2500,
      counterpartyAccountNumber: 'NL70ABNA0987654321',
      counterpartyName: 'CONTRA ACCOUNT HOLDER',
      endToEndId: '01-01-2013 12:00 0030000987654321',
      remittance: null,
    });
    expect(second).toMatchObject({
      amountCents: -1000,
      counterpartyAccountNumber: 'P001234567',
      counterpartyName: 'JOHN DOE',
      remittance: 'Reference 201301234',
    });
  });

  it('Rabobank SEPA: /ORDP//NAME/, /REMI/ with invoice numbers, /ACCW/', async () => {
    const file = await sample('rabobank-sepa-ordp-remi-factuur.txt');
    expect(file.errors).toEqual([]);
    // dovadi's fixture gained entries dated outside the statement (2013-11-25 C 173,50, 2013-12-06
    // C 171,66 in statement 1, 2013-09-20 C 384,75 in statement 2): exactly the differences.
    expect(shape(file)).toEqual([
      [4, 'mismatch'],
      [8, 'mismatch'],
    ]);
    expect(file.statements[0]?.end?.balance).toMatchObject({
      openingCents: 114795,
      closingCents: 119035,
      entriesCents: 38756,
    });
    expect(file.statements[1]?.end?.balance).toMatchObject({
      openingCents: 119035,
      closingCents: 1884634,
      entriesCents: 1804074,
    });
    const one = file.statements[0]?.entries ?? [];
    const two = file.statements[1]?.entries ?? [];
    expect(one[0]).toMatchObject({
      amountCents: -12750,
      counterpartyIban: 'NL96RBOS0523149468',
      counterpartyName: 'Nespresso Nederland B.V.',
      remittance: '674725433 1120000153447185 14144467636004962',
    });
    expect(one[1]).toMatchObject({
      amountCents: 16990,
      counterpartyAccountNumber: '0663616476',
      counterpartyName: 'Bedrijf B.V.',
      remittance: 'NR.201303-111/11.3.2013NR.201303-112/11.3.2013',
    });
    expect(one[2]).toMatchObject({
      bookingDate: '2013-11-25',
      counterpartyIban: 'NL02INGB0002447973',
      remittance: '861835-574631143',
    });
    expect(one[3]?.remittance).toBe('IBS.00008908/ 1001680-P796142 KINDEROPVANG');
    expect(two[0]).toMatchObject({
      amountCents: -58560,
      counterpartyAccountNumber: 'P004500018',
      remittance: 'Factuur 307472',
    });
    expect(two[1]?.remittance).toBe('factuurnummer 201303-128cursus certified PO');
    expect(two[2]?.remittance).toBe(
      'BETALINGSKENM. 231732INCASSO FACTUUR 231732INCASSO 02-04-2013INFRACOM INTERNET BV*ZWOLLE',
    );
    expect(two[5]).toMatchObject({
      amountCents: 192390,
      endToEndId: '1134027115',
      counterpartyName: 'BEDRIJF NV',
      remittance: 'Ref: 201302-080',
    });
    expect(two[7]).toMatchObject({
      amountCents: 38475,
      counterpartyIban: 'NL54INGB0006752576',
      counterpartyBic: 'INGBNL2A',
      // The continuation line starts with the space: "en/of" + " Mw".
      counterpartyName: 'Hr A B Huibers en/of Mw S L Huibers-Huveneers',
    });
  });

  it('Rabobank structured: /REMI//CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/ wrapped inside "SC|OR"', async () => {
    const file = await sample('rabobank-structured-cdtrref-betalingskenmerk.txt');
    expect(file.errors).toEqual([]);
    expect(shape(file)).toEqual([[1, 'ok']]);
    expect(file.statements[0]?.entries[0]).toMatchObject({
      bookingDate: '2013-12-27',
      amountCents: -200000,
      counterpartyIban: 'NL86INGB0002445588',
      counterpartyName: 'Belastingdienst',
      structuredReference: '1234567899874563',
      remittance: null,
      endToEndId: '123456789',
    });
  });
});

describe.skipIf(!HAS_SAMPLES)('MT940 samples: Triodos, Knab, ASN, SNS', () => {
  it('Triodos legacy: >10 account, >20–>22 description cut mid-word', async () => {
    const file = await sample('triodos-legacy.sta');
    expect(file.errors).toEqual([]);
    // jejik's file: 4975,09 − 715,70 = 4259,39, the :62F: says 4370,79 (edited figures).
    expect(shape(file)).toEqual([[2, 'mismatch']]);
    expect(file.statements[0]?.header).toMatchObject({
      accountIban: null,
      accountNumber: 'TRIODOSBANK/0390123456',
    });
    expect(
      file.statements[0]?.entries.map((e) => [e.amountCents, e.counterpartyAccountNumber, e.remittance]),
    ).toEqual([
      [-1570, '0987654321', 'ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010'],
      [-70000, '0133967858', 'HUUR KANTOOR - FEB 2010'],
    ]);
  });

  it('Triodos SEPA: two accounts, BIC and IBAN in >20/>21', async () => {
    const file = await sample('triodos-sepa-two-accounts.txt');
    expect(file.errors).toEqual([]);
    expect(shape(file)).toEqual([
      [4, 'ok'],
      [4, 'ok'],
    ]);
    expect(file.statements.map((s) => s.header.accountNumber)).toEqual([
      'TRIODOSBANK/0666666666',
      'TRIODOSBANK/0999999999',
    ]);
    const entries = file.statements[1]?.entries ?? [];
    expect(entries.map((e) => e.amountCents)).toEqual([-895, -2525, 15000, -5678]);
    expect(entries[3]).toMatchObject({
      counterpartyBic: 'BBBBAA2U',
      counterpartyAccountNumber: 'AA99BBBB0888888888',
      // ">26 TRANSACTIE 111122223333444" + ">274": the card number re-joined.
      remittance:
        'TENAAMSTELLING TEGENREKENING EN ADRES TEGENREKENING EN PLAATS TEGENREKENING EN EEN LANGE OMSCHRIJVING VAN DE TRANSACTIE 1111222233334444',
    });
    // Statement 2 breaks a line inside >23/>24: the same text as statement 1's one-line version.
    expect(entries[0]?.remittance).toBe(file.statements[0]?.entries[0]?.remittance);
    expect(entries[0]?.counterpartyAccountNumber).toBe('0888888888');
  });

  it('Knab: amounts "500," and "500", several invoice numbers, REK:/NAAM: counterparty', async () => {
    const file = await sample('knab-factuur-freetext.sta');
    expect(file.errors).toEqual([]);
    // jejik's file: 3058,98 − 7260 + 500 = −3701,02, the :62F: says 798,98 (edited figures).
    expect(shape(file)).toEqual([
      [1, 'ok'],
      [2, 'mismatch'],
    ]);
    expect(file.statements[0]?.header.opening).toEqual({ amountCents: 0, date: '2014-05-07' });
    expect(file.statements[0]?.entries[0]).toMatchObject({
      amountCents: 50000,
      bankReference: 'B4E07XM00J000023',
      remittance:
        'HIER EEN MOOIE OMSCHRIJVING IN HOOFDLETTERS WANT DAT IS ZOALS DE NEDERLANDSE BANKEN COMMUNICEREN',
    });
    const [invoice, order] = file.statements[1]?.entries ?? [];
    expect(invoice).toMatchObject({
      amountCents: -726000,
      counterpartyAccountNumber: 'NL65INGB0123456789',
      counterpartyName: 'PICQER',
      remittance: 'FACTUUR 201403110, 201403113',
    });
    expect(order).toMatchObject({
      amountCents: 50000,
      counterpartyName: 'MMS ONLINE NEDERLAND B.V.',
      remittance: '12160475 0050001631430920 ORDERID: 264267 MEDIA MARKT ONLINE NE',
      bankReference: 'B4G29PGDCK1QFV3E',
    });
  });

  it('ASN: 31 SWIFT messages, account and name under :61: and again in :86:', async () => {
    const file = await sample('asn-bank-swift-blocks-31-days.940.txt');
    expect(file.errors).toEqual([]);
    expect(file.statements).toHaveLength(31);
    expect(file.statements.every((s) => s.end?.balance.kind === 'ok')).toBe(true);
    expect(file.statements.flatMap((s) => s.entries).map((e) => e.amountCents)).toEqual([
      -6500, 100000, -80155, -165, 82872, -100000, 100018, -90376,
    ]);
    expect(file.statements[30]?.end?.closing).toEqual({ amountCents: 50123, date: '2020-01-31' });
    expect(file.statements[0]?.entries[0]).toMatchObject({
      counterpartyAccountNumber: 'NL47INGB9999999999',
      counterpartyName: 'hr gjlm paulissen',
      remittance: 'Betaling sieraden',
      transactionCode: 'NOVB',
    });
    expect(file.statements[4]?.entries[1]).toMatchObject({
      counterpartyName: 'international card services',
      // "…Betaling aan I" fills the line: "ICS".
      remittance:
        '000000000000000000000000000000000 0000000000000000 Betaling aan ICS 99999999999 ICS Referentie: 2020-01-05 19:47 000000000000000',
    });
    expect(file.statements[24]?.entries[0]).toMatchObject({
      amountCents: -165,
      counterpartyName: null,
      remittance: 'Kosten gebruik betaalrekening inclusief 1 betaalpas',
    });
    expect(file.statements[28]?.entries[0]?.remittance).toBe(
      '2020-01-28T14:32:46-000000000000089-NL25INGB9999999999-Transfer Solutions BV-DIVIDEND 28/01/2020',
    );
  });

  it('SNS: name on the :61: continuation line, padded :86:, an empty second statement', async () => {
    const file = await sample('sns-bank-two-statements.sta');
    expect(file.errors).toEqual([]);
    expect(shape(file)).toEqual([
      [2, 'ok'],
      [0, 'ok'],
    ]);
    expect(file.statements.map((s) => s.header.statementId)).toEqual([
      '0000000000/160/1',
      '0000000000/161/1',
    ]);
    expect(
      file.statements[0]?.entries.map((e) => [e.valueDate, e.bookingDate, e.amountCents, e.remittance]),
    ).toEqual([
      ['2012-06-07', '2012-06-08', -2000, 'dit is een test'],
      ['2012-06-08', '2012-06-08', -500, 'dit is test 2'],
    ]);
    expect(file.statements[0]?.entries[0]).toMatchObject({
      counterpartyAccountNumber: '0987654321',
      counterpartyName: 'marechal s',
      transactionCode: 'NIOB',
    });
  });
});
