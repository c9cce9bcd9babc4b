import { describe, expect, it } from 'vitest';
import {
  detectReference,
  findReferences,
  type ReferenceKind,
  validateStructuredReference,
} from './structured-reference.js';

describe('validateStructuredReference', () => {
  it.each([
    ['RF18 5390 0754 7034', 'rf', 'RF18539007547034'],
    ['+++123/4567/89002+++', 'ogm', '123456789002'],
    ['5000 0567 8901 2345', 'betalingskenmerk', '5000056789012345'],
    ['12 2345 3462 2567', 'betalingskenmerk', '12234534622567'],
    // valid both as OGM and as 12-digit betalingskenmerk: the OGM wins
    ['000000001919', 'ogm', '000000001919'],
  ])('%j is %s %s', (text, kind, normalized) => {
    expect(validateStructuredReference(text)).toEqual({ ok: true, kind, normalized });
  });

  it('looks only for the kinds asked for', () => {
    expect(validateStructuredReference('000000001919', { kinds: ['betalingskenmerk'] })).toEqual({
      ok: true,
      kind: 'betalingskenmerk',
      normalized: '000000001919',
    });
    expect(validateStructuredReference('5000056789012345', { kinds: ['ogm', 'rf'] }).ok).toBe(false);
  });

  it.each(['+++123/4567/89012+++', 'RF19 5390 0754 7034', 'factuur 42', ''])('rejects %j', (text) => {
    expect(validateStructuredReference(text).ok).toBe(false);
  });
});

describe('detectReference', () => {
  it.each([
    ['Betaling +++123/4567/89002+++ dank u', 'ogm', '123456789002'],
    ['***090/9337/55493***', 'ogm', '090933755493'],
    ['MEDEDELING: 123/4567/89002', 'ogm', '123456789002'],
    ['/REMI/USTD//654321000019/', 'ogm', '654321000019'],
    ['RF18 5390 0754 7034 betaald', 'rf', 'RF18539007547034'],
    ['ref:rf78inv2024001, bedankt', 'rf', 'RF78INV2024001'],
    ['Betalingskenmerk 5000 0567 8901 2345', 'betalingskenmerk', '5000056789012345'],
    ['BETALINGSKENMERK: 5000056789012345.', 'betalingskenmerk', '5000056789012345'],
    ['kenmerk 12 2345 3462 2567', 'betalingskenmerk', '12234534622567'],
    ['factuur 2025 5000 0567 8901 2345', 'betalingskenmerk', '5000056789012345'],
    // the explicit shapes outrank a bare number
    ['5000056789012345 +++123/4567/89002+++', 'ogm', '123456789002'],
    ['5000056789012345 RF78INV2024001', 'rf', 'RF78INV2024001'],
  ])('finds in %j: %s %s', (text, kind, normalized) => {
    expect(detectReference(text)).toEqual({ kind, normalized });
  });

  it.each([
    ['+++123/4567/89012+++', 'OGM with wrong check digits'],
    ['RF19 5390 0754 7034', 'RF with wrong check digits'],
    ['5000 0567 8901 2346', 'betalingskenmerk with wrong check digit'],
    ['NL91ABNA0417164300', 'the digits inside an IBAN'],
    ['IBAN BE71 0961 2345 6769', 'a Belgian IBAN, whose BBAN passes the OGM check'],
    ['NL91 ABNA 0417 1643 00', 'a Dutch IBAN in groups'],
    ['EUR 1.234.567.890,12', 'an amount'],
    ['factuur 2025-0042 d.d. 04-04-2025', 'invoice number and date'],
    ['kenmerk 1234567', 'a 7-digit kenmerk has no check digit'],
    ['', 'empty text'],
  ])('finds nothing in %j (%s)', (text) => {
    expect(detectReference(text)).toBeUndefined();
  });

  it('lists every reference, best first, once each', () => {
    const text = '5000056789012345 en RF18 5390 0754 7034 RF78INV2024001 +++123/4567/89002+++ 123456789002';
    expect(findReferences(text)).toEqual([
      { kind: 'rf', normalized: 'RF18539007547034' },
      { kind: 'rf', normalized: 'RF78INV2024001' },
      { kind: 'ogm', normalized: '123456789002' },
      { kind: 'betalingskenmerk', normalized: '5000056789012345' },
    ]);
  });

  it('reports a number valid as two kinds as both, the OGM first', () => {
    expect(findReferences('000000001919')).toEqual([
      { kind: 'ogm', normalized: '000000001919' },
      { kind: 'betalingskenmerk', normalized: '000000001919' },
    ]);
    expect(detectReference('000000001919', { kinds: ['betalingskenmerk'] })).toEqual({
      kind: 'betalingskenmerk',
      normalized: '000000001919',
    });
  });

  it('never reports a reference with a single-digit typo', () => {
    const cases: [ReferenceKind, string][] = [
      ['ogm', '123456789002'],
      ['betalingskenmerk', '5000056789012345'],
      ['rf', 'RF18539007547034'],
    ];
    for (const [kind, valid] of cases) {
      for (let position = 0; position < valid.length; position++) {
        for (const digit of '0123456789') {
          if (valid[position] === digit || !/\d/.test(valid[position] ?? '')) continue;
          const typo = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
          expect(detectReference(`betaling ${typo} dank`, { kinds: [kind] }), typo).toBeUndefined();
        }
      }
    }
  });
});
