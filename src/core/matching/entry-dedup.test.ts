import { describe, expect, it } from 'vitest';
import { createDedupKeyer, type DedupFields, dedupBase } from './entry-dedup.js';

const entry = (overrides: Partial<DedupFields> = {}): DedupFields => ({
  bookingDate: '2026-03-02',
  amountCents: 12100,
  currency: 'EUR',
  counterpartyIban: 'NL91ABNA0417164300',
  structuredReference: null,
  endToEndId: null,
  remittance: 'Factuur 2026-0012',
  ...overrides,
});

describe('bank entry dedup key', () => {
  it('is the same for one transaction written by a notification and by the statement', () => {
    // camt.054 wraps the remittance over two lines, camt.053 on one; the bank references differ.
    const fromNotification = dedupBase('NL02 RABO 0123456789', entry({ remittance: 'Factuur\n2026-0012' }));
    const fromStatement = dedupBase('NL02RABO0123456789', entry({ remittance: 'FACTUUR 2026-0012' }));
    expect(fromNotification).toBe(fromStatement);
  });

  it('prefers the structured reference, then a real end-to-end id, then the text', () => {
    expect(dedupBase('A', entry({ structuredReference: '+++000/0000/04242+++' }))).toContain(
      'S:000000004242',
    );
    expect(dedupBase('A', entry({ endToEndId: 'E2E-77' }))).toContain('E:E2E77');
    expect(dedupBase('A', entry({ endToEndId: 'NOTPROVIDED' }))).toContain('R:FACTUUR20260012');
  });

  it('tells apart entries differing in account, day, amount or counterparty', () => {
    const base = dedupBase('A', entry());
    expect(dedupBase('B', entry())).not.toBe(base);
    expect(dedupBase('A', entry({ bookingDate: '2026-03-03' }))).not.toBe(base);
    expect(dedupBase('A', entry({ amountCents: 12101 }))).not.toBe(base);
    expect(dedupBase('A', entry({ counterpartyIban: 'NL39RABO0300065264' }))).not.toBe(base);
  });

  it('counts genuinely identical entries within a file, so an overlapping file adds only the new ones', () => {
    const yesterday = createDedupKeyer();
    const first = [yesterday('A', entry()), yesterday('A', entry({ amountCents: 500 }))];
    const today = createDedupKeyer();
    const second = [today('A', entry()), today('A', entry({ amountCents: 500 })), today('A', entry())];
    expect(first).toEqual(second.slice(0, 2));
    expect(second[2]).toMatch(/#2$/);
    expect(new Set(second).size).toBe(3);
  });
});
