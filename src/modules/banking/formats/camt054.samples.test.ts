import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SAMPLES, SAMPLES_DIR } from '../../imports/test-support.js';
import { parseCamtFile, paymentLine } from './camt-test-support.js';

/** The real camt.054 notifications in ../shared/samples/camt054, read in place. */
const DIR = join(SAMPLES_DIR, 'camt054');
const parseSample = (name: string, includeUnbooked = false) =>
  parseCamtFile(join(DIR, name), { includeUnbooked });

describe.skipIf(!HAS_SAMPLES)('camt.054 sample files', () => {
  it('Alternative Bank Schweiz 054.001.04: 2 QR-reference credits', async () => {
    const { statements, entries, errors, ends } = await parseSample('abs-054.001.04-qr-refs-2-entries.xml');
    expect(errors).toEqual([]);
    expect(statements).toEqual([
      {
        format: 'camt054',
        place: 'statement 1 (line 12)',
        statementId: '2023020500192542',
        accountIban: 'CH5008390039005810105',
        accountNumber: null,
        currency: 'CHF',
        opening: null,
        closing: null,
      },
    ]);
    expect(entries.map(paymentLine)).toEqual([
      {
        amountCents: 100000,
        counterpartyName: 'Hans Test', // Dbtr before UltmtDbtr (Daniel Test)
        counterpartyIban: 'CH3108401016810334305',
        structuredReference: '000000000000015000000000722',
        remittance: 'Gutschrift QR-Rechnung 000000000000015000000000722', // AddtlTxInf: no Ustrd
      },
      {
        amountCents: 105000,
        counterpartyName: 'Vreni Test',
        counterpartyIban: 'CH8509000000252158846',
        structuredReference: '000000000000013600000000688',
        remittance: 'Rechnung 68', // Strd/AddtlRmtInf before the bank's AddtlTxInf
      },
    ]);
    expect(entries.map((entry) => [entry.bookingDate, entry.bankReference, entry.endToEndId])).toEqual([
      ['2023-02-02', 'ZV20230202/623177/1', null],
      ['2023-02-03', 'ZV20230203/648227/1', null],
    ]);
    // Notifications carry no balances.
    expect(ends).toEqual([
      { kind: 'end', closing: null, entryCount: 2, balance: { kind: 'not_given' }, unbookedEntryCount: 0 },
    ]);
  });

  it('genkgo 054.001.02: three transactions without amounts cannot split a 200000 SEK debit', async () => {
    const { statements, entries, errors, ends } = await parseSample(
      'genkgo-054.001.02-isr-refs-3-txdtls.xml',
    );
    expect(statements[0]).toMatchObject({ accountNumber: 'CH2801234000123456789', currency: 'SEK' });
    expect(entries).toEqual([]);
    // Real property of the fixture: the TxDtls carry references (several Strd blocks) but no amounts.
    expect(errors).toEqual([
      {
        place: 'statement 1, entry 1 (line 58)',
        message:
          'transaction 1 of 3 has no amount, so the entry amount -200000.00 SEK cannot be split over ' +
          'them; the entry is not imported',
      },
    ]);
    expect(ends[0]).toMatchObject({ entryCount: 0, balance: { kind: 'not_given' } });
  });

  it.each(['genkgo-054.001.04-chf-sek-3-txdtls.xml', 'genkgo-054.001.08-chf-sek-3-txdtls.xml'])(
    '%s: CHF credits inside a SEK debit entry are refused, not booked as CHF',
    async (name) => {
      const { statements, entries, errors } = await parseSample(name);
      expect(statements[0]).toMatchObject({ accountIban: 'CH2801234000123456789', currency: 'SEK' });
      expect(entries).toEqual([]);
      // Real property of the fixtures: 3.10 + 3.20 + 3.20 CHF CRDT in a 200000 SEK DBIT entry.
      expect(errors).toEqual([
        {
          place: 'statement 1, entry 1 (line 63)',
          message:
            'transaction 1 of 3 has only an amount in another currency (3.1 CHF), so the entry amount ' +
            '-200000.00 SEK cannot be split over them; the entry is not imported',
        },
      ]);
    },
  );

  it('genkgo 054.001.08, creditor agent as party: its name is the counterparty; no BookgDt', async () => {
    const { entries, errors } = await parseSample('genkgo-054.001.08-financial-institution.xml');
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      {
        place: 'statement 1, entry 1, transaction 1 (line 26)',
        bookingDate: '2007-10-18', // no BookgDt/ValDt: the notification's CreDtTm
        valueDate: null,
        amountCents: -20000000, // "200000" SEK, Sts/Cd BOOK
        currency: 'SEK',
        isReversal: false,
        returnReason: null,
        counterpartyName: 'Example Creditor 3 - V1', // Cdtr/Agt/FinInstnId/Nm
        counterpartyIban: null,
        counterpartyAccountNumber: null,
        counterpartyBic: null,
        structuredReference: null,
        remittance: null,
        endToEndId: null,
        bankReference: 'ACSR160617103200001',
        transactionCode: null, // empty BkTxCd
        creditorId: null,
        mandateReference: null,
        bookingStatus: 'BOOK',
      },
    ]);
  });

  it('genkgo 054.001.08 minimal with UETR: one debit line and nothing else to read', async () => {
    const { entries, errors, ends } = await parseSample('genkgo-054.001.08-uetr-minimal.xml');
    expect(errors).toEqual([]);
    expect(entries.map((entry) => [entry.amountCents, entry.currency, entry.bookingDate])).toEqual([
      [-20000000, 'SEK', '2007-10-18'],
    ]);
    expect(ends[0]?.entryCount).toBe(1);
  });

  it('LT 054.001.10, 41 transactions in an INFO entry: left out by default, readable on request', async () => {
    const booked = await parseSample('lt-054.001.10-batch-41-txdtls-info.xml');
    expect(booked.errors).toEqual([]);
    expect(booked.entries).toEqual([]);
    expect(booked.ends).toEqual([
      { kind: 'end', closing: null, entryCount: 0, balance: { kind: 'not_given' }, unbookedEntryCount: 1 },
    ]);

    const all = await parseSample('lt-054.001.10-batch-41-txdtls-info.xml', true);
    expect(all.errors).toEqual([]);
    expect(all.entries).toHaveLength(41);
    // Each transaction has its own CdtDbtInd: 32 credits and 9 debits net to the 194672.25 DBIT entry.
    const credits = all.entries.filter((entry) => entry.amountCents > 0);
    expect(credits).toHaveLength(32);
    expect(credits.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(792351);
    expect(all.entries.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(-19467225);
    expect(all.entries[0]).toMatchObject({
      amountCents: 1000,
      bookingDate: '2024-03-18', // INFO entries have no BookgDt: the notification's CreDtTm
      counterpartyBic: 'GEBAFRG3DEH', // credit: the debtor's agent
      bookingStatus: 'INFO',
    });
    expect(all.entries[1]).toMatchObject({ amountCents: -92076, counterpartyBic: 'GEBAFRG3DEH' }); // creditor's
    expect(all.ends[0]).toMatchObject({
      entryCount: 41,
      unbookedEntryCount: 1,
      balance: { kind: 'not_given' },
    });
  });

  it('LT 054.001.10, 106 transactions in an INFO entry: they net to the entry amount', async () => {
    expect((await parseSample('lt-054.001.10-batch-106-txdtls.xml')).entries).toEqual([]);
    const { entries, errors } = await parseSample('lt-054.001.10-batch-106-txdtls.xml', true);
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(106);
    expect(entries.filter((entry) => entry.amountCents > 0)).toHaveLength(55);
    expect(
      entries.filter((entry) => entry.amountCents > 0).reduce((sum, entry) => sum + entry.amountCents, 0),
    ).toBe(3579228);
    expect(entries.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(-2394316); // Ntry DBIT 23943.16
    expect(entries[0]).toMatchObject({
      amountCents: 60758,
      counterpartyBic: 'FINAFRI7CQJ',
      bookingDate: '2024-04-25',
    });
    expect(entries[105]).toMatchObject({
      place: 'statement 1, entry 1, transaction 106 (line 2)',
      amountCents: -1900,
    });
  });

  it('PostFinance 054.001.04 debit: money out, the creditor is the counterparty', async () => {
    const { entries, errors } = await parseSample('postfinance-054.001.04-debit-qr-ref.xml');
    expect(errors).toEqual([]);
    expect(entries.map(paymentLine)).toEqual([
      {
        amountCents: -100,
        counterpartyName: 'ortoloco',
        counterpartyIban: 'CH1230000001156196402',
        structuredReference: '000000000000014200000000566',
        remittance: null,
      },
    ]);
    expect(entries[0]).toMatchObject({ endToEndId: 'ENDTOENDID-001', transactionCode: 'PMNT/ICDT/DMCT' });
  });

  it('PostFinance 054.001.04 credits: a batch entry split over its 2 QR-referenced transactions', async () => {
    const { statements, entries, errors } = await parseSample('postfinance-054.001.04-qr-refs.xml');
    expect(errors).toEqual([]);
    expect(statements[0]).toMatchObject({ accountIban: 'CH2909000000250094239', currency: 'CHF' });
    expect(entries.map(paymentLine)).toEqual([
      {
        amountCents: 77829,
        counterpartyName: 'Bernasconi Maria',
        counterpartyIban: null,
        structuredReference: '539115429773825311971477453',
        remittance: '?REJECT?0 ?ERROR?000', // PostFinance's own Strd/AddtlRmtInf, as the file has it
      },
      {
        amountCents: 91393,
        counterpartyName: 'Bernasconi Maria',
        counterpartyIban: null,
        structuredReference: '662437765447746478179744715',
        remittance: '?REJECT?0 ?ERROR?000',
      },
    ]);
    expect(entries.map((entry) => [entry.counterpartyBic, entry.bankReference, entry.endToEndId])).toEqual([
      ['POFICHBEXXX', '2000000000000000', '1006265-aic5dL-75dzf3jk9-cf2d5e9'],
      ['POFICHBEXXX', '3000000000000000', null],
    ]);
  });
});
