import { isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import {
  belgianBban,
  belgianEnterpriseNumber,
  composeIban,
  dutchVatNumber,
  isValidBelgianEnterpriseNumber,
  isValidDutchVatNumber,
  isValidIbanChecksum,
  passesElfproef,
} from './check-digits.js';

describe('check digits against published examples', () => {
  it('computes IBAN check digits (ISO 13616 examples)', () => {
    expect(composeIban('NL', 'ABNA0417164300')).toBe('NL91ABNA0417164300');
    expect(composeIban('BE', '539007547034')).toBe('BE68539007547034');
    expect(isValidIbanChecksum('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIbanChecksum('NL92ABNA0417164300')).toBe(false);
    expect(isValidIBAN(composeIban('BE', belgianBban('734', '0123456')))).toBe(true);
  });

  it('checks Dutch account numbers with the elfproef', () => {
    expect(passesElfproef('0417164300')).toBe(true);
    expect(passesElfproef('0417164301')).toBe(false);
  });

  it('builds Belgian enterprise numbers (KBO/BCE)', () => {
    expect(belgianEnterpriseNumber('02022399')).toBe('0202.239.951');
    expect(isValidBelgianEnterpriseNumber('BE0202239951')).toBe(true);
    expect(isValidBelgianEnterpriseNumber('0202.239.952')).toBe(false);
  });

  it('builds and checks Dutch VAT numbers (eleven test and the 2020 MOD 97 scheme)', () => {
    expect(dutchVatNumber('00449544')).toBe('NL004495445B01');
    expect(isValidDutchVatNumber('NL004495445B01')).toBe(true);
    expect(isValidDutchVatNumber('NL000099998B57')).toBe(true);
    expect(isValidDutchVatNumber('NL004495446B01')).toBe(false);
  });
});
