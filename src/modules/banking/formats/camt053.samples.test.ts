import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SAMPLES, SAMPLES_DIR } from '../../imports/test-support.js';
import { parseCamtFile, paymentLine } from './camt-test-support.js';

/** The real camt.053 (and one camt.052) files in ../shared/samples/camt053, read in place. */
const DIR = join(SAMPLES_DIR, 'camt053');
const parseSample = (name: string) => parseCamtFile(join(DIR, name));

describe.skipIf(!HAS_SAMPLES)('camt.053 sample files', () => {
  it('ABN AMRO 053.001.02: 13 entries → 29 payment lines (batches split), returns, balance ok', async () => {
    const { statements, entries, errors, ends } = await parseSample(
      'abnamro-053.001.02-13-entries-batches-scor-cur.xml',
    );
    expect(errors).toEqual([]);
    expect(statements).toEqual([
      {
        format: 'camt053',
        place: 'statement 1 (line 28)',
        statementId: '0574908765.2013-04-02',
        accountIban: 'NL77ABNA0574908765',
        accountNumber: null,
        currency: 'EUR',
        opening: { amountCents: 100001, date: '2013-03-28' }, // PRCD
        closing: { amountCents: 10001, date: '2013-04-02' },
      },
    ]);
    // 26 TxDtls + 3 entries without any (domestic transfer, salary batch, SDD batch "zonder details").
    expect(entries).toHaveLength(29);
    expect(ends).toEqual([
      {
        kind: 'end',
        closing: { amountCents: 10001, date: '2013-04-02' },
        entryCount: 29,
        balance: { kind: 'ok', openingCents: 100001, closingCents: 10001, entriesCents: -90000 },
        unbookedEntryCount: 0,
      },
    ]);
    expect(entries[0]).toMatchObject({
      place: 'statement 1, entry 1 (line 143)',
      amountCents: 100,
      bookingDate: '2013-04-02',
      counterpartyName: null,
      remittance: '11.11.111.111 Naam Adres 7 2960 Dorp', // AddtlNtryInf: the entry has no TxDtls
      bankReference: '2102830989503100038',
      transactionCode: 'PMNT/RCDT/NTAV',
    });
    expect(entries[1]).toMatchObject({
      counterpartyName: 'NAAM',
      counterpartyIban: 'NL46ABNA0499998748',
      counterpartyBic: 'ABNANL2A',
      remittance: 'OMSCHRIJVING',
      endToEndId: null, // NOTPROVIDED
    });
    // Acceptgiro: the betalingskenmerk is in Strd/CdtrRefInf; without Ustrd the /TRTP/ text remains.
    expect(entries[2]).toMatchObject({
      structuredReference: '1234567812345678',
      remittance:
        '/TRTP/SEPA ACCEPTGIRO/IBAN/NL46ABNA0499998748/BIC/ABNANL2A/NAME/NAAM/REMI//REMI/Issuer: CUR ' +
        'Ref: 1234567812345678/EREF/NOTPROVIDED',
    });
    const acceptgiroBatch = entries.slice(3, 13);
    expect(acceptgiroBatch.map((entry) => entry.place.replace(/ \(line \d+\)/, ''))).toEqual(
      Array.from({ length: 10 }, (_, index) => `statement 1, entry 4, transaction ${index + 1}`),
    );
    expect(new Set(acceptgiroBatch.map((entry) => entry.amountCents))).toEqual(new Set([100]));
    // Each line keeps the betalingskenmerk; the batch's own /TRTP/…/NRTX/10 text is no remittance.
    expect(new Set(acceptgiroBatch.map((entry) => entry.structuredReference))).toEqual(
      new Set(['1234567812345678']),
    );
    expect(new Set(acceptgiroBatch.map((entry) => entry.remittance))).toEqual(new Set([null]));
    expect(acceptgiroBatch.map((entry) => entry.counterpartyIban)).toEqual([
      'NL46ABNA0499998748',
      'NL46ABNA0499998748',
      ...Array(8).fill('NL46ABNA0401378749'),
    ]);
    expect(entries[13]).toMatchObject({
      counterpartyName: 'ING Bank',
      endToEndId: '01-04-2013 21:01 0050001248302363',
      remittance: '2305271368 0050001248302363 pid2305271368t Mud Masters Mud Masters',
    });
    // Money out: the creditor is the counterparty.
    expect(paymentLine(entries[14] ?? expect.fail())).toEqual({
      amountCents: -100,
      counterpartyName: 'Naam',
      counterpartyIban: 'NL87SNSB0941352955',
      structuredReference: null,
      remittance: '2013-33',
    });
    expect(entries[17]).toMatchObject({
      place: 'statement 1, entry 8 (line 1179)',
      amountCents: -200,
      remittance: '/TRTP/SEPA BATCH SALARIS/PREF/1302P5518750499B0AO/NRTX/2',
      transactionCode: 'PMNT/ICDT/SALA',
    });
    expect(entries[18]).toMatchObject({
      amountCents: -100,
      counterpartyName: 'Naam/SA',
      endToEndId: '540193918971',
    });
    expect(entries.slice(19, 26).map((entry) => [entry.endToEndId, entry.mandateReference])).toEqual(
      Array.from({ length: 7 }, (_, index) => [`SDD SIT 024-${index + 1}`, `mandateref24-${index + 1}`]),
    );
    expect(entries[26]).toMatchObject({ amountCents: 700, place: 'statement 1, entry 11 (line 1694)' });
    // SDD reject and return: RvslInd true with RtrInf MS03; ABN AMRO names the debtor as Cdtr.
    expect(
      entries.slice(27).map((entry) => [entry.amountCents, entry.isReversal, entry.returnReason]),
    ).toEqual([
      [-100, true, 'MS03'],
      [-92100, true, 'MS03'],
    ]);
    expect(entries[28]).toMatchObject({
      counterpartyName: 'Debtor',
      counterpartyIban: 'NL27ABNA0592326340',
      remittance: 'Levering maand mei, zie nota 1234557. Uw klantnummer 123455666',
      endToEndId: '1234567X908303804',
    });
  });

  it('ABN AMRO with a mismatched closing tag: an error with line and column, no entry from it', async () => {
    const { events } = await parseSample('edge-malformed-xml-abnamro.xml');
    // Its only entry is not complete when the XML breaks (</RtrInf> closes an open <Rsn>).
    expect(events).toEqual([
      {
        kind: 'error',
        place: 'line 131, column 21',
        message:
          'the XML is not well-formed (unexpected close tag); the file is damaged or truncated, nothing ' +
          'after this point was read',
      },
    ]);
  });

  it('Deutsche Bank Belgium 053.001.02: 3 entries, counterparty by direction, NOTPROVIDED dropped', async () => {
    const { statements, entries, errors, ends } = await parseSample(
      'be-deutsche-bank-053.001.02-anonymised.xml',
    );
    expect(errors).toEqual([]);
    // No Acct/Ccy: the currency comes from the balances.
    expect(statements[0]).toMatchObject({ accountIban: 'BE86463768548050', currency: 'EUR' });
    expect(entries.map(paymentLine)).toEqual([
      {
        amountCents: -78990341,
        counterpartyName: 'Sigma Solutions',
        counterpartyIban: 'FR9124517777178627245130470',
        structuredReference: null,
        remittance: null, // Ustrd NOTPROVIDED
      },
      {
        amountCents: -99,
        counterpartyName: 'Nova Ltd',
        counterpartyIban: 'BE40933730571463',
        structuredReference: null,
        remittance: null,
      },
      {
        amountCents: 78990440,
        counterpartyName: 'Theta Solutions',
        counterpartyIban: 'BE40933730571463',
        structuredReference: null,
        remittance: null,
      },
    ]);
    expect(entries.map((entry) => [entry.counterpartyBic, entry.endToEndId, entry.transactionCode])).toEqual([
      ['GEBAFRZ1XAW', 'E2EXRUHYXKX58020423', 'PMNT/ICDT/ESCT'],
      ['DEUTBEB4NDX', 'E2EPPXJNWYI50546873', 'PMNT/ICDT/ISCT'],
      ['DEUTBEB4NDX', 'E2EAIQSQMYP21018099', 'PMNT/RCDT/ISCT'],
    ]);
    expect(ends[0]?.balance).toEqual({ kind: 'ok', openingCents: 0, closingCents: 0, entriesCents: 0 });
  });

  it('Swiss 053.001.02: QR references per transaction, InstdAmt splits the batch, no CLBD', async () => {
    const { statements, entries, errors, ends } = await parseSample('ch-053.001.02-esr-qr-refs.xml');
    expect(errors).toEqual([]);
    expect(statements[0]).toMatchObject({ accountIban: 'CH9581320000001998736', currency: 'CHF' });
    expect(entries.map((entry) => [entry.amountCents, entry.structuredReference, entry.valueDate])).toEqual([
      [10000, '123456789012345678901234567', '2011-07-25'],
      [4570, '210000000003139471430009017', '2011-07-25'],
      [-25000, null, '2011-07-24'],
    ]);
    // Real property of the file: it gives OPBD and CLAV (closing available, 2397.20 = 2501.50 +
    // 145.70 − 250.00) but no CLBD, so there is no booked closing balance to check against.
    expect(ends[0]?.balance).toEqual({ kind: 'not_given' });
  });

  it('German (DK) 053.001.02: 10 entries / 12 lines, returns with reasons, USD instructed amount', async () => {
    const { entries, errors, ends } = await parseSample('dk-germany-053.001.02-eur-usd-10-entries.xml');
    expect(errors).toEqual([]);
    expect(entries.map((entry) => entry.amountCents)).toEqual([
      10000, 20000, -5000, 10000, 20000, -5000, -7600, -8000, -12000, -10087600, -27600, 25959560,
    ]);
    expect(entries[0]).toMatchObject({
      counterpartyName: 'Herr Ueberweisender',
      counterpartyIban: 'DE21500500001234567897',
      remittance: 'Rechnungsnr. 4711 vom 20.08.2008',
      endToEndId: 'Ende-zu-Ende-Id des Ueberweisenden',
      transactionCode: 'NTRF+166', // the TxDtls code; the entry's BkTxCd is empty
    });
    expect(
      entries.filter((entry) => entry.isReversal).map((entry) => [entry.amountCents, entry.returnReason]),
    ).toEqual([
      [20000, 'AC01'],
      [20000, '512'], // RtrInf/Rsn/Prtry
    ]);
    // DbtrAcct with Othr/Id only (no IBAN): a national account number, not an IBAN.
    expect(entries[3]).toMatchObject({
      counterpartyName: 'Herr Überweisender',
      counterpartyIban: null,
      counterpartyAccountNumber: '1234567890',
    });
    // Direct debits: the mandate (Refs/MndtId) and the creditor's scheme id (Cdtr/Id/PrvtId/Othr).
    expect(entries.slice(6, 9).map((entry) => [entry.mandateReference, entry.creditorId])).toEqual([
      ['10001', 'CdtrId des SEPA-Lastschrifteinr.'],
      ['10002', 'CdtrId des SEPA-Lastschrifteinr.'],
      ['10003', 'CdtrId des SEPA-Lastschrifteinr.'],
    ]);
    // EUR booked from a USD payment: the EUR TxAmt is used, the USD InstdAmt is not.
    expect(entries[11]).toMatchObject({
      amountCents: 25959560,
      counterpartyName: 'West Coast Ltd.',
      counterpartyBic: 'BANKUSNY',
      remittance: 'Invoice No. 4545',
    });
    expect(ends[0]).toMatchObject({
      entryCount: 12,
      balance: { kind: 'ok', openingCents: 11272, closingCents: 15878032, entriesCents: 15866760 },
    });
  });

  it('camt.052.001.08 in ISO-8859-1 (decoded by the caller): 2 report entries, umlauts intact', async () => {
    const { statements, entries, errors, ends, sniffed } = await parseSample(
      'edge-camt052-iso-8859-1-encoded.xml',
    );
    expect(sniffed).toEqual({ format: 'camt052', encoding: 'iso-8859-1' });
    expect(errors).toEqual([]);
    expect(statements[0]).toMatchObject({ format: 'camt052', accountIban: 'DE00000000000000000000' });
    expect(entries.map(paymentLine)).toEqual([
      {
        amountCents: 10000,
        counterpartyName: null,
        counterpartyIban: null,
        structuredReference: null,
        remittance: 'M-Überschusssparen',
      },
      {
        amountCents: -500,
        counterpartyName: 'Grüße aus München', // Cdtr/Pty/Nm (v08)
        counterpartyIban: null,
        structuredReference: null,
        remittance: 'Restaurant Schrödingers Katze und Café Ünique',
      },
    ]);
    expect(entries.map((entry) => entry.bookingStatus)).toEqual(['BOOK', 'BOOK']); // Sts/Cd
    expect(ends[0]?.balance).toEqual({ kind: 'not_given' });
  });

  it('amounts with five decimals: zeros past the cents are accepted; the file itself does not balance', async () => {
    const { statements, entries, errors, ends } = await parseSample('edge-five-decimal-amounts.xml');
    expect(errors).toEqual([]);
    expect(statements[0]).toMatchObject({
      opening: { amountCents: 1815, date: '2014-12-30' }, // 18.150
      closing: { amountCents: 2705, date: '2014-12-31' }, // 27.050
    });
    expect(entries.map((entry) => entry.amountCents)).toEqual([885]); // 8.850
    // Real property of the file: 18.15 + 8.85 = 27.00, but its CLBD says 27.05.
    expect(ends[0]?.balance).toEqual({
      kind: 'mismatch',
      openingCents: 1815,
      closingCents: 2705,
      entriesCents: 885,
    });
  });

  it('genkgo 053.001.02: a closing balance in SEK on a EUR account is reported, not checked', async () => {
    const { statements, entries, errors, ends } = await parseSample(
      'genkgo-053.001.02-multi-currency-scor.xml',
    );
    expect(statements[0]).toMatchObject({ currency: 'EUR', opening: { amountCents: 1815 }, closing: null });
    expect(errors).toEqual([
      {
        place: 'statement 1, balance 2 (line 54)',
        message:
          'the closing balance (CLBD) is in SEK but the account in EUR; it is not used for the balance check',
      },
    ]);
    expect(entries.map(paymentLine)).toEqual([
      {
        amountCents: 885,
        counterpartyName: 'NAME NAME',
        counterpartyIban: 'NL56AGDH9619008421',
        structuredReference: '4654654654654654',
        remittance: null,
      },
    ]);
    expect(ends[0]?.balance).toEqual({ kind: 'not_given' });
  });

  it('genkgo 053.001.02 with two statements: each with its own balance check', async () => {
    const { statements, entries, errors, ends } = await parseSample('genkgo-053.001.02-two-statements.xml');
    expect(errors).toEqual([]);
    expect(statements.map((statement) => statement.statementId)).toEqual([
      '253EURNL26VAYB8060476890',
      '254EURNL26VAYB8060476890',
    ]);
    expect(entries.map((entry) => [entry.place, entry.amountCents, entry.remittance])).toEqual([
      ['statement 1, entry 1, transaction 1 (line 83)', 885, 'Transaction Description 1'],
      ['statement 2, entry 1, transaction 1 (line 162)', -700, 'Transaction Description 2'],
    ]);
    // The credit names only a creditor, so it has no counterparty; the debit's creditor is one.
    expect(entries.map((entry) => entry.counterpartyName)).toEqual([null, 'Company Name 2']);
    expect(ends.map((end) => end.balance.kind)).toEqual(['ok', 'ok']);
  });

  it('genkgo 053.001.03: a lone transaction amount that contradicts the entry refuses the entry', async () => {
    const { statements, entries, errors, ends } = await parseSample('genkgo-053.001.03.xml');
    expect(statements[0]).toMatchObject({ accountIban: null, accountNumber: 'NL26VAYB8060476890' }); // Othr/Id
    expect(entries).toEqual([]);
    // Real property of the fixture: TxDtls/Amt 105.750 EUR inside an 8.85 EUR entry.
    expect(errors.map((error) => error.message)).toEqual([
      'the closing balance (CLBD) is in SEK but the account in EUR; it is not used for the balance check',
      'the transaction details add up to 105.75 EUR but the entry amount is 8.85 EUR; the entry is not imported',
    ]);
    expect(ends[0]).toMatchObject({ entryCount: 0, balance: { kind: 'not_given' } });
  });

  it.each([
    ['genkgo-053.001.04.xml', 'PAYM/0001/0005', null],
    ['genkgo-053.001.08.xml', 'PMNT/RCDT/BOOK', 'MUELL/FINP/RA12345'],
  ])(
    '%s: the lone transaction (amount only in SEK) takes the EUR entry amount',
    async (name, code, endToEndId) => {
      const { entries, errors } = await parseSample(name);
      expect(errors.map((error) => error.place)).toEqual(['statement 1, balance 2 (line 74)']); // CLBD in SEK
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        amountCents: 885,
        currency: 'EUR',
        bookingDate: '2014-12-31', // v08: BookgDt/DtTm 2014-12-31T13:15:00+01:00
        valueDate: '2015-01-02',
        counterpartyName: 'NAME NAME', // v08: Dbtr/Pty/Nm
        counterpartyIban: 'NL56AGDH9619008421',
        structuredReference: '4654654654654654',
        bankReference: 'AAAASESS-FP-CN_98765/01',
        transactionCode: code,
        endToEndId,
      });
    },
  );

  it('LT settlement 053.001.08, minified: 14 batch entries without Sts or dates, 2 statements balance', async () => {
    const { statements, entries, errors, ends } = await parseSample(
      'lt-settlement-053.001.08-minified-batches.xml',
    );
    expect(errors).toEqual([]);
    expect(
      statements.map((statement) => [statement.accountNumber, statement.opening, statement.closing]),
    ).toEqual([
      [
        'LT625883379695428516',
        { amountCents: 2404502950, date: '2024-03-14' }, // no CdtDbtInd: taken as credit
        { amountCents: 2088858683, date: '2024-03-14' },
      ],
      [
        'LT414319056143772570',
        { amountCents: 480155, date: '2024-03-14' },
        { amountCents: 480155, date: '2024-03-14' },
      ],
    ]);
    expect(entries).toHaveLength(14);
    expect(entries.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(-315644267);
    // No BookgDt or ValDt in the file: the message's creation date (2024-03-14T19:46:22.457+02:00).
    expect(new Set(entries.map((entry) => entry.bookingDate))).toEqual(new Set(['2024-03-14']));
    expect(entries[0]).toMatchObject({
      amountCents: -3684700,
      bankReference: 'REF000000663800',
      transactionCode: 'ATSISK',
      bookingStatus: 'BOOK',
    });
    expect(ends.map((end) => [end.entryCount, end.balance.kind])).toEqual([
      [14, 'ok'],
      [0, 'ok'],
    ]);
  });
});
