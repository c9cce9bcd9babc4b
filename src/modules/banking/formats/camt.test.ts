import { describe, expect, it } from 'vitest';
import { formatCents } from '../../../core/money.js';
import { parseCamt } from './camt.js';
import { parseCamtAmount } from './camt-entry.js';
import { parseCamtText } from './camt-test-support.js';

/** A camt.053 statement around the given Bal/Ntry XML, in any version's namespace. */
function statement(body: string, version = '053.001.02'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.${version}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T08:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>S1</Id>
      <Acct><Id><IBAN>nl91 abna 0417 1643 00</IBAN></Id><Ccy>EUR</Ccy></Acct>
${body}
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
}

function balance(code: string, amount: string, indicator = 'CRDT'): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt>
    <CdtDbtInd>${indicator}</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>`;
}

function entry(amount: string, indicator: string, details = '', status = 'BOOK'): string {
  return `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd><Sts>${status}</Sts>
    <BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-01</Dt></ValDt>
    <NtryDtls>${details}</NtryDtls></Ntry>`;
}

describe('parseCamt: refused and broken input', () => {
  it('refuses a DOCTYPE ("billion laughs") before any entity is expanded', async () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE Document [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Document><BkToCstmrStmt><Stmt><Id>&lol3;</Id></Stmt></BkToCstmrStmt></Document>`;
    const { events } = await parseCamtText(laughs);
    expect(events).toEqual([
      {
        kind: 'error',
        place: 'line 6',
        message:
          'the file has a DOCTYPE declaration, which bank statements never have; it is refused so that ' +
          'no entity can be expanded',
      },
    ]);
  });

  it('refuses an external entity (XXE) the same way: no statement, nothing read from disk', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
${statement(entry('1.00', 'CRDT', '<TxDtls><RmtInf><Ustrd>&x;</Ustrd></RmtInf></TxDtls>')).replace(/^<\?xml[^>]*>/, '')}`;
    const { events } = await parseCamtText(xxe);
    expect(events.map((event) => event.kind)).toEqual(['error']);
    expect(JSON.stringify(events)).not.toContain('root:');
  });

  it('an undeclared entity is a well-formedness error with its line and column', async () => {
    const { events } = await parseCamtText(
      statement(entry('1.00', 'CRDT', '<TxDtls><RmtInf><Ustrd>&lol;</Ustrd></RmtInf></TxDtls>')),
    );
    expect(events.at(-1)).toEqual({
      kind: 'error',
      place: 'line 10, column 42',
      message:
        'the XML is not well-formed (undefined entity); the file is damaged or truncated, nothing after ' +
        'this point was read',
    });
  });

  it('a truncated file keeps the complete entries before the break, then reports where it broke', async () => {
    const full = statement(
      `${balance('OPBD', '10.00')}${balance('CLBD', '13.00')}
${entry('1.00', 'CRDT')}
${entry('2.00', 'CRDT')}
${entry('3.00', 'CRDT')}`,
    );
    const truncated = full.slice(0, full.lastIndexOf('<BookgDt>'));
    const { events, entries, ends, errors } = await parseCamtText(truncated, { chunkSize: 50 });
    expect(events.map((event) => event.kind)).toEqual(['statement', 'entry', 'entry', 'error']);
    expect(entries.map((line) => line.amountCents)).toEqual([100, 200]);
    expect(ends).toEqual([]); // the statement never ended: no balance check
    expect(errors).toEqual([
      {
        place: 'line 18, column 4',
        message:
          'the XML is not well-formed (unclosed tag: Ntry); the file is damaged or truncated, nothing after ' +
          'this point was read',
      },
    ]);
  });

  it('refuses an amount with a non-zero third decimal for that entry only; the others go in', async () => {
    const { entries, errors, ends } = await parseCamtText(
      statement(`${balance('OPBD', '0')}${balance('CLBD', '12.005')}
${entry('10.005', 'CRDT')}
${entry('2.000', 'CRDT')}`),
    );
    expect(errors).toEqual([
      // The CLBD balance is refused for the same reason, and is reported after the statement event.
      {
        place: 'statement 1, balance 2 (line 9)',
        message: 'CLBD balance: amount "12.005" has more than two decimals (not rounded)',
      },
      {
        place: 'statement 1, entry 1 (line 11)',
        message: 'Amt: amount "10.005" has more than two decimals (not rounded)',
      },
    ]);
    expect(entries.map((line) => line.amountCents)).toEqual([200]);
    expect(ends[0]?.balance).toEqual({ kind: 'not_given' });
  });

  it('refuses an entry without its mandatory amount', async () => {
    const missing = entry('1.00', 'CRDT').replace('<Amt Ccy="EUR">1.00</Amt>', '');
    const { entries, errors } = await parseCamtText(statement(`${missing}\n${entry('4.00', 'DBIT')}`));
    expect(errors).toEqual([
      { place: 'statement 1, entry 1 (line 8)', message: 'the entry has no amount (Amt)' },
    ]);
    expect(entries.map((line) => line.amountCents)).toEqual([-400]);
  });

  it('refuses a credit/debit indicator other than CRDT/DBIT and a date that is not one', async () => {
    const badDate = entry('1.00', 'CRDT').replace('<Dt>2026-03-02</Dt>', '<Dt>2026-02-30</Dt>');
    const { errors } = await parseCamtText(statement(`${entry('1.00', 'CREDIT')}\n${badDate}`));
    expect(errors.map((error) => error.message)).toEqual([
      'CdtDbtInd is "CREDIT", expected CRDT or DBIT',
      'BookgDt/Dt is not a date: "2026-02-30"',
    ]);
  });

  it('reports a file that is no camt message, and an empty one', async () => {
    const pain = await parseCamtText('<Document><CstmrCdtTrfInitn><GrpHdr/></CstmrCdtTrfInitn></Document>');
    expect(pain.events).toEqual([
      {
        kind: 'error',
        place: 'file',
        message:
          'not an ISO 20022 camt.052/053/054 message: no BkToCstmrStmt, BkToCstmrDbtCdtNtfctn or ' +
          'BkToCstmrAcctRpt with a statement in it',
      },
    ]);
    const empty = await parseCamtText('');
    expect(empty.errors.map((error) => error.message)).toEqual([
      'the XML is not well-formed (document must contain a root element); the file is damaged or ' +
        'truncated, nothing after this point was read',
    ]);
  });
});

describe('parseCamt: reading entries', () => {
  it('reads any version and namespace prefix by local names (v10 shapes)', async () => {
    const prefixed = `<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.054.001.10"><c:BkToCstmrDbtCdtNtfctn>
<c:Ntfctn><c:Id>N1</c:Id><c:Acct><c:Id><c:Othr><c:Id>0390123456</c:Id></c:Othr></c:Id></c:Acct>
<c:Ntry><c:Amt Ccy="EUR">25.50</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts><c:Cd>BOOK</c:Cd></c:Sts>
<c:BookgDt><c:DtTm>2026-03-02T23:30:00+01:00</c:DtTm></c:BookgDt><c:NtryDtls><c:TxDtls>
<c:RltdPties><c:Dbtr><c:Pty><c:Nm>Bakkerij  De
  Vries</c:Nm></c:Pty></c:Dbtr><c:DbtrAcct><c:Id><c:IBAN>BE71 0961 2345 6769</c:IBAN></c:Id></c:DbtrAcct></c:RltdPties>
<c:RltdAgts><c:DbtrAgt><c:FinInstnId><c:BICFI>gkccbebb</c:BICFI></c:FinInstnId></c:DbtrAgt></c:RltdAgts>
<c:RmtInf><c:Ustrd>Factuur 2026-0042</c:Ustrd><c:Ustrd><![CDATA[en 2026-0043]]></c:Ustrd></c:RmtInf>
</c:TxDtls></c:NtryDtls></c:Ntry></c:Ntfctn></c:BkToCstmrDbtCdtNtfctn></c:Document>`;
    const { statements, entries, errors } = await parseCamtText(`\uFEFF${prefixed}`); // BOM kept by a decoder
    expect(errors).toEqual([]);
    expect(statements[0]).toMatchObject({
      format: 'camt054',
      accountIban: null,
      accountNumber: '0390123456',
      currency: 'EUR',
    });
    expect(entries).toEqual([
      {
        place: 'statement 1, entry 1, transaction 1 (line 4)',
        bookingDate: '2026-03-02', // the date as the bank wrote it, not converted to UTC
        valueDate: null,
        amountCents: 2550,
        currency: 'EUR',
        isReversal: false,
        returnReason: null,
        counterpartyName: 'Bakkerij De Vries',
        counterpartyIban: 'BE71096123456769',
        counterpartyAccountNumber: null,
        counterpartyBic: 'GKCCBEBB',
        structuredReference: null,
        remittance: 'Factuur 2026-0042 en 2026-0043',
        endToEndId: null,
        bankReference: null,
        transactionCode: null,
        creditorId: null,
        mandateReference: null,
        bookingStatus: 'BOOK',
      },
    ]);
  });

  it('keeps the first creditor reference and lists the others; OGM and RF come compact, upper case', async () => {
    const strd = (ref: string) =>
      `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${ref}</Ref></CdtrRefInf></Strd>`;
    const { entries } = await parseCamtText(
      statement(
        entry(
          '30.00',
          'CRDT',
          `<TxDtls><RmtInf>${strd('+++090/9337/55493+++')}${strd('rf18 5390 0754 7034')}${strd('+++090/9337/55493+++')}</RmtInf></TxDtls>`,
        ),
      ),
    );
    expect(entries[0]).toMatchObject({
      structuredReference: '090933755493',
      additionalStructuredReferences: ['RF18539007547034'],
      remittance: null,
    });
  });

  it('splits a batch (NtryDtls repeated) by each transaction own sign; refuses one that does not add up', async () => {
    const tx = (amount: string, indicator: string, name: string) =>
      `<TxDtls><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd>
       <RltdPties><Dbtr><Nm>${name} (debtor)</Nm></Dbtr><Cdtr><Nm>${name} (creditor)</Nm></Cdtr></RltdPties></TxDtls>`;
    const { entries, errors, ends } = await parseCamtText(
      statement(`${balance('OPBD', '100.00')}${balance('CLBD', '90.00')}
${entry('5.00', 'DBIT', `${tx('10.00', 'CRDT', 'A')}</NtryDtls><NtryDtls>${tx('15.00', 'DBIT', 'B')}`)}
${entry('5.00', 'DBIT', tx('10.00', 'CRDT', 'C') + tx('14.00', 'DBIT', 'D'))}`),
    );
    expect(entries.map((line) => [line.amountCents, line.counterpartyName])).toEqual([
      [1000, 'A (debtor)'],
      [-1500, 'B (creditor)'],
    ]);
    expect(errors).toEqual([
      {
        place: 'statement 1, entry 2 (line 16)',
        message:
          'the transaction details add up to -4.00 EUR but the entry amount is -5.00 EUR; the entry is not imported',
      },
    ]);
    // The balance counts the booked entries that came through: the refused one is missing from it.
    expect(ends[0]?.balance).toEqual({
      kind: 'mismatch',
      openingCents: 10000,
      closingCents: 9000,
      entriesCents: -500,
    });
  });

  it('leaves pending entries out (counted) unless asked; they never enter the balance check', async () => {
    const text = statement(`${balance('OPBD', '1.00')}${balance('CLBD', '3.00')}
${entry('2.00', 'CRDT')}
${entry('50.00', 'CRDT', '', 'PDNG')}`);
    const booked = await parseCamtText(text);
    expect(booked.entries.map((line) => line.amountCents)).toEqual([200]);
    expect(booked.ends[0]).toMatchObject({ entryCount: 1, unbookedEntryCount: 1, balance: { kind: 'ok' } });
    const all = await parseCamtText(text, { includeUnbooked: true });
    expect(all.entries.map((line) => [line.amountCents, line.bookingStatus])).toEqual([
      [200, 'BOOK'],
      [5000, 'PDNG'],
    ]);
    expect(all.ends[0]).toMatchObject({
      entryCount: 2,
      unbookedEntryCount: 1,
      balance: { kind: 'ok', entriesCents: 200 },
    });
  });

  it('a returned direct debit is a reversal with its reason; DBIT balances are negative', async () => {
    const returned = `<TxDtls><Refs><EndToEndId>INV-7</EndToEndId></Refs><RltdPties><Cdtr><Nm>Jansen</Nm></Cdtr>
      <CdtrAcct><Id><IBAN>NL02RABO0123456789</IBAN></Id></CdtrAcct></RltdPties>
      <RtrInf><Rsn><Cd>MD06</Cd></Rsn></RtrInf></TxDtls>`;
    const returnedWithoutReason = '<TxDtls><RtrInf><AddtlInf>RETOUR</AddtlInf></RtrInf></TxDtls>';
    const { statements, entries, ends } = await parseCamtText(
      statement(
        `${balance('OPBD', '5.00', 'DBIT')}${balance('CLBD', '16.10', 'DBIT')}` +
          `${entry('12.10', 'DBIT', returned)}${entry('1.00', 'CRDT', returnedWithoutReason)}`,
      ),
    );
    expect(statements[0]).toMatchObject({
      accountIban: 'NL91ABNA0417164300',
      opening: { amountCents: -500 },
      closing: { amountCents: -1610 },
    });
    expect(entries[0]).toMatchObject({
      amountCents: -1210,
      isReversal: true,
      returnReason: 'MD06',
      counterpartyName: 'Jansen',
      counterpartyIban: 'NL02RABO0123456789',
      endToEndId: 'INV-7',
    });
    expect(entries[1]).toMatchObject({ amountCents: 100, isReversal: true, returnReason: null });
    expect(ends[0]?.balance.kind).toBe('ok');
  });

  it('parseCamtAmount: zeros past the cents are fine, other digits are not rounded', () => {
    expect(parseCamtAmount('18.150')).toEqual({ ok: true, cents: 1815 });
    expect(parseCamtAmount('200000')).toEqual({ ok: true, cents: 20000000 });
    expect(parseCamtAmount('0.00000')).toEqual({ ok: true, cents: 0 });
    expect(parseCamtAmount('1.001')).toEqual({
      ok: false,
      reason: 'amount "1.001" has more than two decimals (not rounded)',
    });
    expect(parseCamtAmount('1,50')).toEqual({ ok: false, reason: 'not an amount: "1,50"' });
    expect(parseCamtAmount('-5.00')).toEqual({ ok: false, reason: 'not an amount: "-5.00"' });
  });
});

describe('parseCamt: streaming', () => {
  const ENTRY_COUNT = 100_000;

  const entryCents = (i: number) => 100 + (i % 9000);

  /** A camt.053 of 100k entries produced chunk by chunk, never as one string. */
  async function* generatedStatement(): AsyncGenerator<string> {
    let totalCents = 0;
    for (let i = 0; i < ENTRY_COUNT; i++) totalCents += entryCents(i);
    const [head = '', tail = ''] = statement('<!--entries-->').split('<!--entries-->');
    yield head + balance('OPBD', '0.00') + balance('CLBD', formatCents(totalCents));
    const entriesPerChunk = 500;
    for (let start = 0; start < ENTRY_COUNT; start += entriesPerChunk) {
      let chunk = '';
      for (let i = start; i < start + entriesPerChunk; i++) {
        // Lean but complete: what a camt.054 credit notification line carries at the least.
        chunk +=
          `<Ntry><Amt Ccy="EUR">${formatCents(entryCents(i))}</Amt><CdtDbtInd>CRDT</CdtDbtInd>` +
          `<BookgDt><Dt>2026-03-02</Dt></BookgDt><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Debtor ${i}</Nm>` +
          `</Dbtr></RltdPties><RmtInf><Ustrd>Invoice ${i}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n`;
      }
      yield chunk;
    }
    yield tail;
  }

  it('reads 100,000 entries with bounded memory', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    let maxHeapGrowth = 0;
    let entryCount = 0;
    let sumCents = 0;
    let end: unknown;
    for await (const event of parseCamt(generatedStatement())) {
      if (event.kind === 'entry') {
        entryCount++;
        sumCents += event.entry.amountCents;
        if (entryCount % 5000 === 0) {
          maxHeapGrowth = Math.max(maxHeapGrowth, process.memoryUsage().heapUsed - heapBefore);
        }
      } else if (event.kind === 'end') {
        end = event;
      } else if (event.kind === 'error') {
        throw new Error(`${event.place}: ${event.message}`);
      }
    }
    expect(entryCount).toBe(ENTRY_COUNT);
    expect(end).toMatchObject({ entryCount: ENTRY_COUNT, balance: { kind: 'ok', entriesCents: sumCents } });
    // Measured: ~22 MB of garbage between collections; keeping the 100k events instead reaches
    // ~70 MB, and the ~22 MB of text as a tree would be several times that.
    expect(maxHeapGrowth).toBeLessThan(48 * 1024 * 1024);
  });
});
