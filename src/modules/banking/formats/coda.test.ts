import { describe, expect, it } from 'vitest';
import { parseCoda } from './coda.js';
import { belgianIbanFromBban } from './coda-records.js';
import { parseAll } from './statement-test-support.js';

/** A 128-character record with `text` placed at 1-based positions, blanks elsewhere. */
function record(fields: Record<number, string>): string {
  const chars = Array.from({ length: 128 }, () => ' ');
  for (const [at, text] of Object.entries(fields)) {
    for (const [i, char] of [...text].entries()) chars[Number(at) - 1 + i] = char;
  }
  return chars.join('');
}

const amount15 = (cents: number) => String(Math.abs(cents) * 10).padStart(15, '0');
const header = record({ 1: '00000', 6: '010325', 12: '300', 15: '05', 128: '2' });
const oldBalance = (cents: number) =>
  record({
    1: '12001',
    6: 'BE68539007547034',
    40: 'EUR',
    43: cents < 0 ? '1' : '0',
    44: amount15(cents),
    59: '280225',
    126: '001',
  });
const newBalance = (cents: number) =>
  record({
    1: '8001',
    5: 'BE68539007547034',
    39: 'EUR',
    42: cents < 0 ? '1' : '0',
    43: amount15(cents),
    58: '010325',
  });
type Movement = {
  seq: number;
  detail?: number;
  cents: number;
  code?: string;
  comm?: string;
  structured?: string;
  glob?: string;
};
const movement = ({
  seq,
  detail = 0,
  cents,
  code = '00150000',
  comm = '',
  structured,
  glob = '0',
}: Movement) =>
  record({
    1: '21',
    3: String(seq).padStart(4, '0'),
    7: String(detail).padStart(4, '0'),
    11: `REF${seq}-${detail}`,
    32: cents < 0 ? '1' : '0',
    33: amount15(cents),
    48: '010325',
    54: code,
    62: structured ? `1${structured}` : `0${comm}`,
    116: '010325',
    122: '001',
    125: glob,
  });
const trailer = (records: number, debit: number, credit: number) =>
  record({
    1: '9',
    17: String(records).padStart(6, '0'),
    23: amount15(debit),
    38: amount15(credit),
    128: '1',
  });

const coda = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('CODA records and errors (inline files)', () => {
  it('reads a minimal file with CRLF endings across chunk boundaries, balance and trailer agreeing', async () => {
    const text = coda(
      header,
      oldBalance(-1000),
      movement({ seq: 1, cents: 12550, structured: '101000003505158' }),
      movement({ seq: 2, cents: -550, comm: 'Kosten' }),
      newBalance(11000),
      trailer(4, 550, 12550),
    );
    const { statements, errors } = await parseAll(parseCoda, text, 7);
    expect(errors).toEqual([]);
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement?.header).toMatchObject({
      format: 'coda',
      accountIban: 'BE68539007547034',
      currency: 'EUR',
      opening: { amountCents: -1000, date: '2025-02-28' },
    });
    expect(statement?.entries.map((e) => [e.amountCents, e.structuredReference, e.remittance])).toEqual([
      [12550, '000003505158', null],
      [-550, null, 'Kosten'],
    ]);
    expect(statement?.end?.balance).toEqual({
      kind: 'ok',
      openingCents: -1000,
      closingCents: 11000,
      entriesCents: 12000,
    });
  });

  it('reports a bad record type, a bad length, a bad amount and a bad date by line, and reads the rest', async () => {
    const badAmount = movement({ seq: 2, cents: 100 }).replace(/^(.{32})0{3}/, '$1X0X');
    const badDate = movement({ seq: 3, cents: 100 }).replace(/^(.{115})010325/, '$1310225');
    const text = coda(
      header,
      oldBalance(0),
      movement({ seq: 1, cents: 100 }),
      badAmount,
      record({ 1: '2300020000BE22313215646432', 48: 'SKIPPED WITH ITS 2.1' }),
      badDate,
      '7'.padEnd(128, ' '),
      movement({ seq: 4, cents: 200 }).trimEnd(),
      movement({ seq: 5, cents: 300 }),
      newBalance(400),
      trailer(8, 0, 400),
    );
    const { entries, errors, statements } = await parseAll(parseCoda, text);
    expect(entries.map((e) => e.amountCents)).toEqual([100, 300]);
    expect(errors).toEqual([
      {
        place: 'line 4',
        message: 'movement record 2.1: amount "0X0X000000001000" is not a sign (0/1) and 15 digits',
      },
      { place: 'line 6', message: 'movement record 2.1: entry date "310225" is not a date (DDMMYY)' },
      { place: 'line 7', message: '"7" is not a CODA record type (0, 1, 2, 3, 4, 8 or 9)' },
      { place: 'line 8', message: 'a CODA record has 128 characters, this one has 125' },
    ]);
    // The unreadable records count in the trailer's 8 records; its credit total (4.00) is that of
    // the movements read, so only the errors above are reported.
    expect(statements[0]?.end?.balance.kind).toBe('ok');
  });

  it('reports a statement without its new balance and a file without its trailer', async () => {
    const { statements, errors } = await parseAll(
      parseCoda,
      coda(header, oldBalance(0), movement({ seq: 1, cents: 5 })),
    );
    expect(statements[0]?.entries).toHaveLength(1);
    expect(statements[0]?.end).toMatchObject({ closing: null, balance: { kind: 'not_given' } });
    expect(errors).toEqual([
      { place: 'line 3', message: 'statement 1 ends without its new balance record 8' },
      { place: 'line 3', message: 'the CODA file begun on line 1 ends without its trailer record 9' },
    ]);
  });

  it('reports a trailer whose count or totals disagree with the file', async () => {
    const { errors } = await parseAll(
      parseCoda,
      coda(header, oldBalance(0), movement({ seq: 1, cents: 5 }), newBalance(5), trailer(9, 0, 7)),
    );
    expect(errors).toEqual([
      { place: 'line 5', message: 'trailer record 9 counts 9 records, the file has 3' },
      {
        place: 'line 5',
        message: 'trailer record 9 gives a credit total of 7 cents, the movements add up to 5 cents',
      },
    ]);
  });

  it('yields only the deepest details of a grouped movement and checks the balance with the total', async () => {
    const text = coda(
      header,
      oldBalance(0),
      movement({ seq: 1, cents: 1000, code: '10150000', glob: '1' }),
      movement({ seq: 1, detail: 1, cents: 600, code: '50150000', glob: '2' }),
      movement({ seq: 1, detail: 2, cents: 400, code: '70150000', comm: 'deel a' }),
      movement({ seq: 1, detail: 3, cents: 200, code: '70150000', comm: 'deel b', glob: '2' }),
      movement({ seq: 1, detail: 4, cents: 400, code: '50150000', comm: 'los', glob: '1' }),
      newBalance(1000),
      trailer(7, 0, 1000),
    );
    const { entries, errors, statements } = await parseAll(parseCoda, text);
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.place, e.amountCents, e.remittance])).toEqual([
      ['statement 1, movement 1, detail 2 (line 5)', 400, 'deel a'],
      ['statement 1, movement 1, detail 3 (line 6)', 200, 'deel b'],
      ['statement 1, movement 1, detail 4 (line 7)', 400, 'los'],
    ]);
    expect(statements[0]?.end?.balance.kind).toBe('ok');
  });

  it('reads an OGM of a 101 communication written with slashes, and a return with its reason', async () => {
    const text = coda(
      header,
      oldBalance(0),
      movement({ seq: 1, cents: 100, structured: '101+++112/4554/46812+++' }),
      movement({ seq: 2, cents: -100, code: '00503000' }),
      record({ 1: '2200020000', 64: 'E2E-1', 99: 'GEBABEBB', 113: '2MD06' }),
      newBalance(0),
      trailer(5, 100, 100),
    );
    const { entries, errors } = await parseAll(parseCoda, text);
    expect(errors).toEqual([]);
    expect(entries[0]?.structuredReference).toBe('112455446812');
    expect(entries[1]).toMatchObject({
      isReversal: true,
      returnReason: 'MD06',
      endToEndId: 'E2E-1',
      counterpartyBic: 'GEBABEBB',
    });
  });

  it('turns a Belgian account number into its IBAN only when its check digits hold', () => {
    expect(belgianIbanFromBban('539007547034')).toBe('BE68539007547034');
    expect(belgianIbanFromBban('138536152215')).toBeNull();
    expect(belgianIbanFromBban('000000000000')).toBeNull();
  });
});
