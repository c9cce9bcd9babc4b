/** The ING and bunq MT940 sample files (../shared/samples/mt940), read in place. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../core/references/structured-reference.js';
import { HAS_SAMPLES, SAMPLES_DIR } from '../../imports/test-support.js';
import { parseMt940 } from './mt940.js';
import { type ParsedFile, parseAll } from './statement-test-support.js';

const sample = (name: string) => parseAll(parseMt940, readFileSync(join(SAMPLES_DIR, 'mt940', name), 'utf8'));

/** Per statement: number of entries and the balance check's outcome. */
const shape = (file: ParsedFile) => file.statements.map((s) => [s.entries.length, s.end?.balance.kind]);

describe.skipIf(!HAS_SAMPLES)('MT940 samples: ING and bunq', () => {
  it('ING Mijn ING Zakelijk: STRD/CUR references, returns, SEPA direct debit batch', async () => {
    const file = await sample('ing-mijn-ing-zakelijk-provided-strd-cur.txt');
    expect(file.errors).toEqual([]);
    expect(shape(file)).toEqual([[9, 'mismatch']]);
    // ING's own example: the entries agree with its /SUM/ trailer (4 debits 627,00, 5 credits
    // 3969,15: 1000,00 − 627,00 + 3969,15 = 4342,15); the :62F: says 4882,15, 540,00 more.
    expect(file.statements[0]?.end?.balance).toEqual({
      kind: 'mismatch',
      openingCents: 100000,
      closingCents: 488215,
      entriesCents: 334215,
    });
    expect(file.statements[0]?.header).toMatchObject({
      statementId: 'P140104000009999/3',
      accountIban: 'NL20INGB0001234567',
      opening: { amountCents: 100000, date: '2014-01-02' },
    });
    const entries = file.statements[0]?.entries ?? [];
    expect(entries[0]).toMatchObject({
      bookingDate: '2014-01-03',
      valueDate: '2014-01-03',
      amountCents: -1500,
      counterpartyIban: 'NL08INGB0000001234',
      counterpartyBic: 'INGBNL2A',
      // "ING T" + "estrekening" wrapped mid-word.
      counterpartyName: 'ING Testrekening',
      structuredReference: '5200150700013379',
      remittance: null,
      endToEndId: 'E2E2014030100899040',
      bankReference: '00000000000001',
      transactionCode: 'NTRF',
    });
    expect(entries.map((e) => e.structuredReference)).toEqual([
      '5200150700013379',
      null,
      null,
      null,
      '5010012368971337',
      null,
      '6390338414964113',
      null,
      null,
    ]);
    expect(entries[3]).toMatchObject({
      amountCents: -30000,
      isReversal: true,
      returnReason: 'MD06',
      transactionCode: 'NRTI',
      remittance: 'UstrdRemInf87899100',
    });
    expect(entries[8]).toMatchObject({ amountCents: 2000, isReversal: true, returnReason: 'AC04' });
    expect(entries[7]).toMatchObject({
      amountCents: 388915,
      remittance: 'TOTAAL 168 POSTEN',
      transactionCode: 'NDDT',
    });
    expect(entries[2]?.remittance).toBe('INGB20140103UstrdRemiInf454655GHF');
  });

  it('ING two messages in one file (`-}{1:`): two statements', async () => {
    const file = await sample('ing-provided-two-messages-one-file.txt');
    expect(file.errors).toEqual([]);
    expect(file.statements.map((s) => s.header.statementId)).toEqual([
      'P140104000009999/3',
      'P140104000009999/4',
    ]);
    // The example's :62F: 4882,15 is copied from the nine-entry example; its /SUM/ says one debit of 15,00.
    expect(shape(file)).toEqual([
      [1, 'mismatch'],
      [1, 'mismatch'],
    ]);
    expect(file.statements[1]?.entries[0]).toMatchObject({
      amountCents: -1500,
      structuredReference: '5200150700013379',
      counterpartyName: 'ING Testrekening',
    });
  });

  it('ING new structured with SWIFT blocks on separate lines: /CNTP/, /REMI/USTD// wrapped mid-token', async () => {
    const file = await sample('ing-structured-swift-blocks-cntp-remi.txt');
    expect(file.errors).toEqual([]);
    expect(shape(file)).toEqual([[21, 'ok']]);
    expect(file.statements[0]?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: 43690,
      closingCents: 24645,
      entriesCents: -19045,
    });
    const entries = file.statements[0]?.entries ?? [];
    // A continuation line that starts with "-" is text, not the end of the message.
    expect(entries[0]).toMatchObject({
      amountCents: -19236,
      counterpartyName: 'B Bert',
      // Anonymised: its check digits fail, so it is kept as an account number.
      counterpartyIban: null,
      counterpartyAccountNumber: 'NL57ABNA0876543211',
      remittance: '22-08-2014 Omschrijving',
      bankReference: '14237654096217',
    });
    expect(entries[7]).toMatchObject({
      amountCents: 10000,
      counterpartyAccountNumber: '0007654332',
      counterpartyName: null,
      remittance: 'VAN Zkl Kwartaal Spaarrekening',
    });
    expect(entries[8]).toMatchObject({
      amountCents: -7362,
      counterpartyName: 'KPN - MOBIEL',
      endToEndId: '02164810730000043',
      // "…KPN.com" is 69 characters, so that line was broken on purpose: a space, not a join.
      remittance: 'Factuurnr: 2015/123456789.00. Kijk voor meer informatie op KPN.com of Hi.nl',
    });
    expect(entries[9]?.remittance).toBe(
      '20-08-14 05:52 BETAALAUTOMAAT NHOW Aaaaa / BERLIN 008 52I9S8 56548252 ING BANK NV PASTRANSACTIES',
    );
    expect(entries[11]).toMatchObject({
      amountCents: -524100,
      counterpartyIban: 'NL86INGB0002445588',
      counterpartyName: 'BELASTINGDIENST',
      remittance: null,
    });
    expect(entries[18]).toMatchObject({
      amountCents: 1452000,
      counterpartyName: 'ABSCDFGDFG SDGDSFG',
      counterpartyBic: 'RABONL2U',
      remittance: 'Mijn fee',
    });
  });

  it('ING MPBZ: GV codes, SCOR/CUR reference in free text, :64:/:65: and summary :86: ignored', async () => {
    const file = await sample('ing-mpbz-scor-cur-betalingskenmerk.txt');
    expect(file.errors).toEqual([]);
    // zilverline's fixture: 500,00 − 68,16 ≠ 400,00; its figures were made up (one entry is dated
    // three months after the others).
    expect(shape(file)).toEqual([[7, 'mismatch']]);
    expect(file.statements[0]?.header).toMatchObject({
      statementId: 'MPBZ/000',
      accountNumber: '0001234567',
    });
    const entries = file.statements[0]?.entries ?? [];
    expect(entries[0]).toMatchObject({
      amountCents: -1000,
      transactionCode: 'NDV',
      isReversal: false,
      remittance:
        'RC afrekening betalingsverkeer Factuurnr. 123456 Betreft rekening 12.34.567 Periode: 01-04-2013 / 30-06-2013',
    });
    expect(entries[4]).toMatchObject({
      amountCents: -700000,
      counterpartyIban: 'NL86INGB0002445588',
      counterpartyBic: 'INGBNL2A',
      structuredReference: '8850426741301240',
      remittance: 'BELASTINGDIENST BTW 2e kwartaal 2013 SCOR/CUR/8850426741301240',
    });
    // The fixture's anonymised names made this line 62 characters: read as ending a word.
    expect(entries[2]?.remittance).toBe('J AAP NOTPROVIDED kilometervergoed ing 2e kwartaal 2013');
    expect(entries[6]).toMatchObject({ bookingDate: '2013-09-30', amountCents: -10000 });
  });

  it('ING SEPA transition: BBAN + IBAN + BIC in free text, trailing spaces', async () => {
    const file = await sample('ing-sepa-transition-mpbz.txt');
    expect(file.errors).toEqual([]);
    // dovadi's fixture gained a ninth entry dated 2014-03-01 (D 1234,00): without it
    // 68,20 + 937,63 = 1005,83, the :62F:.
    expect(shape(file)).toEqual([[9, 'mismatch']]);
    expect(file.statements[0]?.end?.balance).toMatchObject({
      openingCents: 6820,
      closingCents: 100583,
      entriesCents: -29637,
    });
    const entries = file.statements[0]?.entries ?? [];
    expect(entries[1]).toMatchObject({
      amountCents: 156,
      counterpartyIban: 'NL69INGB0123456789',
      counterpartyBic: 'INGBNL2A',
      remittance: 'J. Janssen 20120123456789 Factuurnr 123456 Klantnr 00123',
    });
    // A leading bare number is taken as the counterparty's account but left in the text: it could
    // as well be the payer's invoice number.
    expect(entries[0]).toMatchObject({
      amountCents: 141,
      counterpartyAccountNumber: '0654321789',
      remittance: '0654321789 J. Janssen Factuurnr 123456 klantnr 00123',
    });
    expect(entries[7]).toMatchObject({
      amountCents: 93960,
      counterpartyAccountNumber: '0675432198',
      transactionCode: 'NAC',
    });
    expect(entries[8]).toMatchObject({ bookingDate: '2014-03-01', amountCents: -123400 });
  });

  it('ING IBP unstructured: return reasons first in :86:, RF reference left in the text', async () => {
    const file = await sample('ing-ibp-unstructured-rf-creditor-ref.txt');
    expect(file.errors).toEqual([]);
    expect(file.statements[0]?.end).toMatchObject({
      closing: { amountCents: -9, date: '2013-11-04' },
      balance: { kind: 'ok', openingCents: 0, closingCents: -9, entriesCents: -9 },
    });
    const entries = file.statements[0]?.entries ?? [];
    expect(entries.map((e) => [e.amountCents, e.isReversal, e.returnReason])).toEqual([
      [-2, false, null],
      [-4, false, null],
      [-9, false, null],
      [2, true, 'AC04'],
      [4, true, 'MS03'],
    ]);
    expect(entries[2]).toMatchObject({
      counterpartyAccountNumber: 'NL12INGB0003333333',
      counterpartyBic: 'INGBNL2A',
      structuredReference: null,
      // Full 65-character lines run on: "…ULT24102" + "013T1100…", "U" + "LTDEBTNM04".
      remittance:
        'Creditor Name 09 E2ENA01014c4ULT24102013T1100xxxx1xx RF35567890123456789012345 ULTCREDNM09 SECT01014 ULTDEBTNM04 SECT01014',
    });
    expect(findReferences(entries[2]?.remittance ?? '', { kinds: ['rf'] })).toEqual([
      { kind: 'rf', normalized: 'RF35567890123456789012345' },
    ]);
  });

  it('bunq: 111 entries, amounts like "2," and "0,3", /IBAN/NAME/REMI/, UTF-8', async () => {
    const file = await sample('bunq-iban-name-remi.txt');
    expect(file.errors).toEqual([]);
    expect(shape(file)).toEqual([[111, 'ok']]);
    expect(file.statements[0]?.header).toMatchObject({
      statementId: 'BUNQ BV/00001',
      accountIban: 'NL10BUNQ2290325473',
      opening: { amountCents: 3233, date: '2019-01-31' },
    });
    expect(file.statements[0]?.end?.closing).toEqual({ amountCents: 566, date: '2019-05-31' });
    const entries = file.statements[0]?.entries ?? [];
    expect(entries.slice(0, 3).map((e) => e.amountCents)).toEqual([200, 30, -3450]);
    expect(entries[0]).toMatchObject({
      counterpartyIban: 'NL65BUNQ2206724936',
      counterpartyName: 'P.C. Wacki',
      remittance: null,
    });
    expect(entries[8]).toMatchObject({
      amountCents: -10875,
      counterpartyName: 'Stichting Test Payments collecting for mr-joy',
      counterpartyIban: 'NL30ABNA0524590958',
      remittance: 'M2438111M122IZHS 0030003724612388 Order ORD171882 mr-joy.nl mr-joy',
    });
    // bunq does not wrap at 65: its line break after a long line gets a space.
    expect(entries[57]?.remittance).toBe(
      'WWW.ROUTERHOSTING.COM TAURANGA SOUT, NZ 1.00 NZD, 1 NZD = 0.61000 EUR',
    );
    expect(entries[83]).toMatchObject({
      bookingDate: '2019-05-02',
      valueDate: '2019-04-01',
      amountCents: 61,
    });
  });
});
