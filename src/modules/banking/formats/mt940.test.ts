import { describe, expect, it } from 'vitest';
import { parseMt940 } from './mt940.js';
import { bookingDateNear, parseAccountField, parseStatementLine } from './mt940-fields.js';
import { parseAll } from './statement-test-support.js';

const lines = (...text: string[]) => text.join('\n');

const statementClosingAt = (closing: string, ...entryLines: string[]) =>
  lines(
    ':20:TEST',
    ':25:NL91ABNA0417164300',
    ':28C:7/1',
    ':60F:C131230EUR100,00',
    ...entryLines,
    `:62F:C140102EUR${closing}`,
    '-',
  );
const statement = (...entryLines: string[]) => statementClosingAt('150,00', ...entryLines);

describe('parseMt940: structure', () => {
  it('reads LF, CRLF and CR files alike, whatever the chunk size', async () => {
    const text = statement(':61:1312310102C50,NTRFNONREF', ':86:/EREF/E2E-1/REMI/USTD//Factuur 2024-001/');
    for (const eol of ['\n', '\r\n', '\r']) {
      for (const size of [1, 2, 7, 1000]) {
        const file = await parseAll(parseMt940, text.replaceAll('\n', eol), size);
        expect(file.errors).toEqual([]);
        expect(file.kinds).toEqual(['statement', 'entry', 'end']);
        expect(file.statements[0]?.entries[0]?.remittance).toBe('Factuur 2024-001');
      }
    }
  });

  it('gives the statement header and a checked balance', async () => {
    const file = await parseAll(parseMt940, statement(':61:1312310102C50,NTRFNONREF//B1'));
    const [parsed] = file.statements;
    expect(parsed?.header).toEqual({
      format: 'mt940',
      place: 'statement 1 (line 1)',
      statementId: 'TEST/7/1',
      accountIban: 'NL91ABNA0417164300',
      accountNumber: null,
      currency: 'EUR',
      opening: { amountCents: 10000, date: '2013-12-30' },
      closing: null,
    });
    expect(parsed?.end).toEqual({
      kind: 'end',
      closing: { amountCents: 15000, date: '2014-01-02' },
      entryCount: 1,
      balance: { kind: 'ok', openingCents: 10000, closingCents: 15000, entriesCents: 5000 },
    });
  });

  it('rolls the booking date over the year end in both directions', async () => {
    const file = await parseAll(
      parseMt940,
      statement(':61:1312310102C25,NTRFNONREF', ':61:1401021231C25,NTRFNONREF'),
    );
    const entries = file.statements[0]?.entries ?? [];
    expect(entries.map((e) => [e.valueDate, e.bookingDate])).toEqual([
      ['2013-12-31', '2014-01-02'],
      ['2014-01-02', '2013-12-31'],
    ]);
    expect(bookingDateNear('2024-02-28', '0229')).toBe('2024-02-29');
    expect(bookingDateNear('2024-02-28', '0230')).toBeNull();
  });

  it('reads amounts without decimals or with one, and reversal marks', () => {
    const amounts = [
      '1401020102C500,NTRF',
      '1401020102C500NTRF',
      '1401020102D0,3NMSC',
      '140102RC12,5NRTI',
      '140102RD7,NRTI',
    ];
    expect(
      amounts.map((text) => {
        const parsed = parseStatementLine(text);
        return parsed.ok ? [parsed.line.amountCents, parsed.line.isReversal] : parsed.reason;
      }),
    ).toEqual([
      [50000, false],
      [50000, false],
      [-30, false],
      [-1250, true],
      [700, true],
    ]);
  });

  it('splits the :61: references, also Rabobank`s padded reference with the name after it', () => {
    const knab = parseStatementLine('1407290729C500NTRF29-07-2014 10:05//B4G29PGDCK1QFV3E');
    expect(knab.ok && knab.line).toMatchObject({
      customerReference: '29-07-2014 10:05',
      bankReference: 'B4G29PGDCK1QFV3E',
      transactionCode: 'NTRF',
    });
    const rabo = parseStatementLine('110527D000000001213,28N0440121470966      W.P. Jansen             ');
    expect(rabo.ok && rabo.line).toMatchObject({
      amountCents: -121328,
      customerReference: '0121470966',
      trailingText: 'W.P. Jansen',
      transactionCode: 'N044',
    });
    const ing = parseStatementLine('120810C1,41NOV EV41411REP170112 ');
    expect(ing.ok && ing.line).toMatchObject({
      transactionCode: 'NOV',
      customerReference: 'EV41411REP170112',
    });
  });

  it('reports a corrupted :61: with its line and goes on with the next entry', async () => {
    const text = statementClosingAt(
      '170,',
      ':61:1312310102C20,NTRFNONREF',
      ':61:13123X0102C10,NTRFNONREF',
      ':86:/REMI/USTD//swallowed with its broken entry/',
      ':61:1313310102C10,NTRFNONREF',
      ':61:1312310102C10,123NTRFNONREF',
      ':61:1312310102C30,NTRFNONREF',
      ':86:/REMI/USTD//the last one/',
    );
    const file = await parseAll(parseMt940, text);
    expect(file.errors).toEqual([
      {
        place: 'statement 1, entry 2 (line 6)',
        message: expect.stringContaining('not a statement line: "13123X0102C10,NTRFNONREF"'),
      },
      {
        place: 'statement 1, entry 3 (line 8)',
        message: expect.stringContaining('no such value date "131331"'),
      },
      {
        place: 'statement 1, entry 4 (line 9)',
        message: expect.stringContaining('too many decimals in "10,123"'),
      },
    ]);
    const [parsed] = file.statements;
    expect(parsed?.entries.map((e) => [e.place, e.amountCents, e.remittance])).toEqual([
      ['statement 1, entry 1 (line 5)', 2000, null],
      ['statement 1, entry 5 (line 10)', 3000, 'the last one'],
    ]);
    // The broken entries are missing from the sum, so the balance no longer adds up: visibly.
    expect(parsed?.end?.balance).toMatchObject({ kind: 'mismatch', entriesCents: 5000 });
  });

  it('reports a truncated file and does not take the entry it cuts off', async () => {
    const text = lines(
      ':20:TEST',
      ':25:123456789',
      ':28C:1',
      ':60F:C140102EUR0,',
      ':61:1401020102C10,NTRFNONREF',
      ':61:1401020102C20,NTRFNONREF',
      ':86:/REMI/USTD//Factuur 20',
    );
    const file = await parseAll(parseMt940, text);
    expect(file.statements[0]?.entries.map((e) => e.amountCents)).toEqual([1000]);
    expect(file.statements[0]?.end).toBeNull();
    expect(file.errors).toEqual([
      {
        place: 'statement 1 (line 1)',
        message:
          'the file ends before the closing balance :62F:; its last entry (entry 2, line 6) may be cut off and is not taken',
      },
    ]);
  });

  it('reports a message that ends before its closing balance, and a file without statements', async () => {
    const text = lines(
      ':20:A',
      ':25:1',
      ':60F:C140102EUR0,',
      ':61:1401020102C10,NTRFNONREF',
      '-',
      ':20:B',
      ':25:1',
      ':60F:C140102EUR0,',
      ':62F:C140102EUR0,',
      '-',
    );
    const file = await parseAll(parseMt940, text);
    expect(file.errors).toEqual([
      {
        place: 'statement 1 (line 1)',
        message: 'the message ends at line 5 without a closing balance :62F:',
      },
    ]);
    expect(file.statements.map((s) => [s.entries.length, s.end?.balance.kind ?? null])).toEqual([
      [1, null],
      [0, 'ok'],
    ]);
    expect((await parseAll(parseMt940, 'not a statement\nat all')).errors).toEqual([
      { place: 'file', message: 'no MT940 statement found (no :20: tag)' },
    ]);
  });

  it('skips the rest of a statement whose tags are out of order, and reads the next one', async () => {
    const text = lines(
      ':20:A',
      ':25:1',
      ':61:1401020102C10,NTRFNONREF',
      ':60F:C140102EUR0,',
      ':62F:C140102EUR10,',
      ':20:B',
      ':25:1',
      ':60F:C140102EUR0,',
      ':61:1401020102C10,NTRFNONREF',
      ':25:2',
      ':62F:C140102EUR10,',
      ':20:C',
      ':60F:C140102EUR0,',
      ':62F:C140102EUR0,',
      ':61:1401020102C10,NTRFNONREF',
    );
    const file = await parseAll(parseMt940, text);
    expect(file.errors).toEqual([
      {
        place: 'statement 1 (line 1), line 3',
        message: ':61: comes before the opening balance :60F:; the rest of this statement is skipped',
      },
      {
        place: 'statement 2 (line 6), line 10',
        message:
          ':25: belongs before the opening balance :60F: but comes after it; the rest of this statement is skipped',
      },
      { place: 'line 15', message: ':61: after the closing balance :62F:; skipped up to the next :20:' },
    ]);
    // Statement 2's entry before the misplaced :25: was complete and is kept.
    expect(file.kinds).toEqual(['error', 'statement', 'entry', 'error', 'statement', 'end', 'error']);
  });

  it('reports a broken balance and reads the entries all the same', async () => {
    const text = lines(
      ':20:A',
      ':60F:C140102EUR1.000,00',
      ':61:1401020102C10,NTRFNONREF',
      ':62F:C140132EUR10,',
      '-',
    );
    const file = await parseAll(parseMt940, text);
    expect(file.errors.map((e) => `${e.place}: ${e.message}`)).toEqual([
      'statement 1 (line 1), line 2: opening balance: not an amount: "1.000,00" in balance "C140102EUR1.000,00"; the entries are read without a balance check',
      'statement 1 (line 1), line 4: closing balance: no such date "140132" in balance "C140132EUR10,"',
    ]);
    expect(file.statements[0]?.entries).toHaveLength(1);
    expect(file.statements[0]?.end?.balance).toEqual({ kind: 'not_given' });
  });

  it('skips a statement whose opening balance gives no currency', async () => {
    const text = lines(
      ':20:A',
      ':60F:C14010EUR0,',
      ':61:1401020102C10,NTRFNONREF',
      ':62F:C140102EUR10,',
      '-',
    );
    const file = await parseAll(parseMt940, text);
    expect(file.kinds).toEqual(['error']);
    expect(file.errors[0]?.message).toBe(
      'opening balance: not a balance: "C14010EUR0," (expected C/D, YYMMDD, currency, amount); the statement is skipped',
    );
  });

  it('bounds a field that runs on without end', async () => {
    const text = lines(
      ':20:A',
      ':60F:C140102EUR0,',
      ':61:1401020102C10,NTRFNONREF',
      ':86:start',
      ...Array(500).fill('more'),
      ':62F:C140102EUR10,',
    );
    const file = await parseAll(parseMt940, text, 4096);
    expect(file.errors).toEqual([
      { place: 'line 104', message: ':86: (line 4) runs on for more than 100 lines; the rest is ignored' },
    ]);
    expect(file.statements[0]?.end?.balance.kind).toBe('ok');
  });

  it('skips SWIFT envelopes, also two messages on one line and a text block opened on the :20: line', async () => {
    const text = lines(
      '{1:F01INGBNL2ABXXX0000000000}{2:I940INGBNL2AXXXN}{3:{108:B1}}{4:',
      ':20:A',
      ':60F:C140102EUR0,',
      ':62F:C140102EUR0,',
      ':86:/SUM/0/0/0,/0,/',
      '-}{1:F01INGBNL2ABXXX0000000000}{2:I940INGBNL2AXXXN}{4::20:B',
      ':60F:C140102EUR0,',
      ':62F:C140102EUR0,',
      '-}{5:{CHK:123}}',
    );
    const file = await parseAll(parseMt940, text);
    expect(file.errors).toEqual([]);
    expect(file.statements.map((s) => s.header.statementId)).toEqual(['A', 'B']);
  });

  it('reads the :25: account forms', () => {
    expect(parseAccountField('NL91ABNA0417164300EUR')).toEqual({
      iban: 'NL91ABNA0417164300',
      accountNumber: null,
    });
    expect(parseAccountField('NL91ABNA0417164300 EUR')).toEqual({
      iban: 'NL91ABNA0417164300',
      accountNumber: null,
    });
    expect(parseAccountField('1291.99.348EUR')).toEqual({ iban: null, accountNumber: '1291.99.348' });
    expect(parseAccountField('TRIODOSBANK/0390123456')).toEqual({
      iban: null,
      accountNumber: 'TRIODOSBANK/0390123456',
    });
    // Fails its check digits (anonymised): kept, but not as an IBAN.
    expect(parseAccountField('NL50RABO0123456789')).toEqual({
      iban: null,
      accountNumber: 'NL50RABO0123456789',
    });
  });
});
