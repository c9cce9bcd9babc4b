import { describe, expect, it } from 'vitest';
import { extractEntryKeys } from './entry-keys.js';

const keys = (remittance: string | null, structuredReference: string | null = null) =>
  extractEntryKeys({ remittance, structuredReference });

describe('extractEntryKeys', () => {
  it('takes a checked structured reference from the field and from the text', () => {
    expect(keys(null, '000000004242').references).toEqual([{ key: '000000004242', inText: false }]);
    expect(keys('betaling +++000/0000/04242+++ dank').references).toEqual([
      { key: '000000004242', inText: true },
    ]);
    expect(keys('RF18 5390 0754 7034').references).toEqual([{ key: 'RF18539007547034', inText: true }]);
  });

  it('reads invoice numbers with prefixes, spaces and leading zeros', () => {
    const found = keys('Fact. nr. 2026-00012 en F 2026 00013, INV 000421').numbers;
    expect(found).toEqual(expect.arrayContaining(['202600012', '202600013', '421']));
  });

  it('does not read dates, amounts, IBANs or a mistyped OGM as invoice numbers', () => {
    const found = keys('12-03-2026 EUR 125,00 NL91 ABNA 0417 1643 00 +++000/0000/04243+++').numbers;
    expect(found).toEqual([]);
    expect(keys('000000004243').numbers).toEqual([]);
  });
});
