import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateOgm } from '../../../core/references/ogm.js';
import { HAS_SAMPLES, SAMPLES_DIR } from '../../imports/test-support.js';
import { parseCoda } from './coda.js';
import { parseAll } from './statement-test-support.js';

describe.skipIf(!HAS_SAMPLES)('the sample CODA files (../shared/samples/coda)', () => {
  const read = async (name: string) => {
    const bytes = await readFile(join(SAMPLES_DIR, 'coda', name));
    // The Belfius sample is UTF-8 (French accents); the others are ASCII, read as Latin-1.
    return parseAll(parseCoda, bytes.toString(name.startsWith('belfius') ? 'utf8' : 'latin1'), 4096);
  };

  it('Belfius: a group "REGROUPEMENT DE 6 VCS" of 244.12 yields its 6 detail credits with their OGMs', async () => {
    const { statements, entries, errors } = await read('belfius-globalised-6-ogm-credits.txt');
    expect(errors).toEqual([]);
    expect(statements).toHaveLength(1);
    expect(statements[0]?.header).toMatchObject({
      statementId: '024',
      accountNumber: '310000017062',
      accountIban: 'BE51310000017062',
      opening: { amountCents: 17002211, date: '2025-02-27' },
    });
    expect(
      entries.map((e) => [e.amountCents, e.structuredReference, e.counterpartyIban, e.counterpartyName]),
    ).toEqual([
      [7248, '141359004019', 'BE84390060159859', 'UCAR'],
      [7248, '141359004019', 'BE84390060159859', 'FRANK VAN HULREBEDE CLOVIS'],
      [2479, '146453781091', 'BE03737623180684', 'JOE JOHN'],
      [2479, '146453781091', 'BE03737623180684', 'MARTINS-STILMAN PATRICE + MARTINE'],
      [2479, '146498769085', 'BE63340091652308', 'PAGLIARIC'],
      [2479, '146498769085', 'BE63340091652308', 'LIZIERO ERBI NICODEMO'],
    ]);
    expect(entries[0]).toMatchObject({
      bookingDate: '2025-03-03',
      valueDate: '2025-03-03',
      counterpartyBic: 'GKCCBEBB',
      endToEndId: null, // written as NOTPROVIDED
      counterpartyAddress: 'BEKE TUINSTRAT 7 9950 WALESCHELT',
      bankReference: '3010383003291000028',
      transactionCode: '60150000',
    });
    // The details sum to the group; the balance uses the group once: 170022.11 + 244.12 = 170266.23.
    expect(statements[0]?.end).toMatchObject({
      entryCount: 6,
      balance: { kind: 'ok', openingCents: 17002211, closingCents: 17026623, entriesCents: 24412 },
    });
    expect(entries.every((e) => validateOgm(e.structuredReference ?? '').ok)).toBe(true);
  });

  it("BNP Paribas Fortis: two OGM credits (types 101 and 102); the file's own totals do not add up", async () => {
    const { statements, entries, errors } = await read('bnpfortis-2-credits-ogm-101-102.cod');
    expect(
      entries.map((e) => [e.amountCents, e.structuredReference, e.counterpartyIban, e.counterpartyName]),
    ).toEqual([
      [50086, '100000834941', 'BE53900754703405', 'LASTNM PERSON'],
      [20000, '100000835749', 'LU539007547034898400', 'M.JOHN DOE'],
    ]);
    expect(entries[0]).toMatchObject({
      bookingDate: '2015-03-31',
      valueDate: '2015-04-01',
      counterpartyBic: 'GKCCBEBB',
    });
    // A test file edited by hand: the balances move by 1000.00 and the trailer claims 27 records
    // and 1000.00 of credits, but the file has 12 records and 700.86 of movements.
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'mismatch',
      openingCents: 5790000,
      closingCents: 5890000,
      entriesCents: 70086,
    });
    expect(errors).toEqual([
      { place: 'line 14', message: 'trailer record 9 counts 27 records, the file has 12' },
      {
        place: 'line 14',
        message: 'trailer record 9 gives a credit total of 100000 cents, the movements add up to 70086 cents',
      },
    ]);
  });

  it('the same BNP file with trailing garbage: the short trailer and the junk line are errors, the entries go in', async () => {
    const { entries, errors } = await read('edge-invalid-trailing-garbage.cod');
    expect(entries.map((e) => e.amountCents)).toEqual([50086, 20000]);
    expect(errors).toEqual([
      { place: 'line 14', message: 'a CODA record has 128 characters, this one has 52' },
      { place: 'line 18', message: 'a CODA record has 128 characters, this one has 14' },
      { place: 'line 18', message: 'the CODA file begun on line 1 ends without its trailer record 9' },
    ]);
  });

  it('CodaBox: an OGM typed as free text with slashes stays in the remittance; a negative new balance', async () => {
    const { statements, entries, errors } = await read('bnpfortis-codabox-oddly-formatted-ogm.cod');
    expect(entries.map((e) => [e.amountCents, e.structuredReference, e.remittance])).toEqual([
      // -767.823: the third decimal is rounded to cents (half away from zero).
      [-76782, null, '112/4554/46812 813 ANOTHER MESSAGE MESSAGE'],
      [276782, '112455446812', null],
      [176782, null, '112/4554/46812 813 ANOTHER MESSAGE'],
    ]);
    expect(entries[0]).toMatchObject({
      counterpartyName: 'BVBA.BAKKER PIET',
      counterpartyIban: 'BE54805480215856',
      counterpartyBic: 'GEBCEEBB',
      endToEndId: '54875',
      counterpartyAddress: 'MAIN STREET 928 5480 SOME CITY',
    });
    expect(statements[0]?.end).toMatchObject({
      closing: { amountCents: -50001210, date: '2015-05-12' },
      messages: ['THIS IS A PUBLIC MESSAGE'],
      // Edited test file: 4004.10 + 3767.82 of movements is not −500012.10, nor are the trailer's totals.
      balance: { kind: 'mismatch', openingCents: 400410, entriesCents: 376782 },
    });
    expect(errors.map((e) => e.message)).toEqual([
      'trailer record 9 gives a debit total of 1683752 cents, the movements add up to 76782 cents',
      'trailer record 9 gives a credit total of 396722 cents, the movements add up to 453564 cents',
    ]);
  });

  it('BNP Paribas Fortis (IBAN account): two debits with their references in record 2.2', async () => {
    const { statements, entries, errors } = await read('bnpfortis-iban-2-debits-freetext-refs.cod');
    expect(errors).toEqual([]);
    expect(statements[0]?.header.accountIban).toBe('BE11111111111111');
    expect(entries.map((e) => [e.amountCents, e.endToEndId, e.bookingDate])).toEqual([
      [-39555, 'ACERTA/I/03948039/230306/1', '2023-03-06'],
      [-24934, 'ACERTA/I/33449300/230306/1', '2023-03-06'],
    ]);
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: 129345,
      closingCents: 64856,
      entriesCents: -64489,
    });
  });

  it('CBC: a movement with two detail records is one payment whose messages are joined', async () => {
    const { statements, entries, errors } = await read('cbc-debits-multipart-message.cod');
    // Type 3 (an amount with details): 812.69 = 805.73 + 6.96, booked once.
    expect(entries.map((e) => [e.amountCents, e.remittance, e.counterpartyAccountNumber])).toEqual([
      [-81269, 'Message goes here and continues here or here', 'XXXXXXXXXXXX'],
    ]);
    // Anonymised file: old and new balance are both 99999.99 and the trailer's figures are made up.
    expect(statements[0]?.end?.balance.kind).toBe('mismatch');
    expect(errors.map((e) => e.message)).toEqual([
      'trailer record 9 counts 16 records, the file has 6',
      'trailer record 9 gives a debit total of 85909 cents, the movements add up to 81269 cents',
      'trailer record 9 gives a credit total of 16335 cents, the movements add up to 0 cents',
    ]);
  });

  it('ING Belgium: bank fees with a long free text over ten information records, words joined across records', async () => {
    const { statements, entries, errors } = await read('ing-be-iban-account-fees-long-freetext.cod');
    expect(errors).toEqual([]);
    expect(statements[0]?.header).toMatchObject({ accountIban: 'BE62354872126588', statementId: '074' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      amountCents: -968,
      bookingDate: '2017-07-03',
      valueDate: '2017-06-30',
    });
    expect(entries[0]?.remittance).toMatch(
      /^Zichtrekening nr 21354598 - 2,11Justification in annex INVOICE n 2011\/02\/000254882 du 30\/06\/2011 ING Belgique SA - Avenue Marnix 24,/,
    );
    expect(entries[0]?.remittance).toMatch(/Total au debit du compte BE15 2315 2135 2111 : - 3,22 EUR$/);
    // Anonymised: old balance of 2022, new balance of 2015 on another account; the trailer agrees.
    expect(statements[0]?.end?.balance).toMatchObject({
      kind: 'mismatch',
      openingCents: 2584600,
      closingCents: 2315469,
    });
  });

  it('KBC: four OGM credits kept as written although their check digits fail', async () => {
    const { statements, entries, errors } = await read('kbc-4-credits-ogm-badcheck.cod');
    expect(errors).toEqual([]);
    expect(
      entries.map((e) => [e.amountCents, e.structuredReference, e.counterpartyName, e.counterpartyBic]),
    ).toEqual([
      [500, '000003505158', 'KLANT1 MET NAAM1', 'KREDBEBB'],
      [2500, '000003515846', 'KLANT2 NAAM2', 'BBRUBEBB'],
      [2000, '000003154982', 'KLANT3 NAAM3', 'KREDBEBB'],
      [3000, '000002133131', 'KLANT4 - NAAM4 MET', 'GEBABEBB'],
    ]);
    // Validating the OGM is the matcher's job; these anonymised digits do not pass it.
    expect(entries.map((e) => validateOgm(e.structuredReference ?? '').ok)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    // KBC's account number 138536152215 fails its own check digits too, so no IBAN is made of it.
    expect(statements[0]?.header).toMatchObject({ accountIban: null, accountNumber: '138536152215' });
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: 1775212,
      closingCents: 1783212,
      entriesCents: 8000,
    });
  });

  it('KBC SEPA direct-debit batch: the two collections of the batch, with creditor id and mandate (type 127)', async () => {
    const { statements, entries, errors } = await read('kbc-sepa-direct-debit-127.cod');
    expect(errors).toEqual([]);
    expect(
      entries.map((e) => [e.amountCents, e.creditorId, e.mandateReference, e.remittance, e.counterpartyIban]),
    ).toEqual([
      [25000, 'BBE2ZZZ3215646432', 'SEPA-000000001', '243690000141', 'BE22313215646432'],
      [75000, 'BE25ZZZ548413215', 'SEPA-00000002', '243690000142', 'BE25646548413215'],
    ]);
    expect(entries[0]).toMatchObject({
      isReversal: false,
      returnReason: null,
      place: 'statement 1, movement 1, detail 1 (line 5)',
    });
    // Record 32 of the second collection lost its first letter in the sample ("OETGANGERSTRAAT");
    // it is read as written.
    expect(entries[1]?.counterpartyAddress).toBe('OETGANGERSTRAAT 26 1215 ANTWERPEN');
    // The batch total of 1000.00 counts once: 100.00 + 1000.00 = 1100.00.
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: 10000,
      closingCents: 110000,
      entriesCents: 100000,
    });
  });

  it('KBC, 111 movement records: 59 movements, 4 groups split into 12 payments, balance and trailer agree', async () => {
    const { statements, entries, errors } = await read('kbc-large-111-movements.coda');
    expect(errors).toEqual([]);
    expect(statements).toHaveLength(1);
    expect(entries).toHaveLength(67);
    expect(statements[0]?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: 0,
      closingCents: 940529699,
      entriesCents: 940529699,
    });
    const byPlace = (place: string) => entries.find((e) => e.place.startsWith(place));
    expect(byPlace('statement 1, movement 1 ')).toMatchObject({
      amountCents: -257825,
      remittance: "BORDEREAU DE DECOMPTE AVANCES 015 NUMERO D'OPERATION 495953",
    });
    expect(
      entries
        .filter((e) => e.place.includes('movement 7,'))
        .map((e) => [e.amountCents, e.counterpartyIban, e.counterpartyName]),
    ).toEqual([
      [-400000, 'BE20191038188256', 'ECONOLER  S.A.'],
      [-2700000, 'BE40068226750863', 'T.P.F.  S.A.'],
      [-9700000, 'BE59191039349226', 'TPF CONSULTING'],
    ]);
    expect(byPlace('statement 1, movement 42 ')).toMatchObject({
      amountCents: 673024,
      counterpartyIban: 'NO1160060431712',
      counterpartyName: 'TITANIA A/S',
      remittance: 'INVOICE NO.. 2006/66992',
    });
    expect(byPlace('statement 1, movement 53 ')).toMatchObject({
      amountCents: 81756,
      structuredReference: '269021157996',
    });
    expect(byPlace('statement 1, movement 55 ')).toMatchObject({
      amountCents: 15959,
      structuredReference: '702600521948',
    });
    // A type-3 movement (credit 1392.00 = 2695.00 gross less charges and VAT) stays one entry.
    expect(byPlace('statement 1, movement 51 ')).toMatchObject({
      amountCents: 13920,
      remittance: 'OSCP000000018067684',
    });
    expect(entries.filter((e) => e.amountCents > 0)).toHaveLength(32);
  });
});
