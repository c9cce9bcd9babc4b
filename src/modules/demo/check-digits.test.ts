import { isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import {
  belgianBban,
  belgianEnterpriseNumber,
  belgianStructuredReference,
  composeIban,
  creditorReference,
  dutchVatNumber,
  isValidBelgianEnterpriseNumber,
  isValidBelgianStructuredReference,
  isValidCreditorReference,
  isValidDutchVatNumber,
  isValidIbanChecksum,
  mod97,
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

  it('builds Belgian structured communications (OGM/VCS)', () => {
    expect(belgianStructuredReference('0106766095')).toBe('+++010/6766/09538+++');
    expect(isValidBelgianStructuredReference('+++010/6766/09538+++')).toBe(true);
    expect(isValidBelgianStructuredReference('+++010/6766/09539+++')).toBe(false);
    // A multiple of 97 gets check digits 97, not 00.
    expect(belgianStructuredReference('0000000097')).toBe('+++000/0000/09797+++');
  });

  it('builds ISO 11649 creditor references', () => {
    expect(creditorReference('539007547034')).toBe('RF18539007547034');
    expect(isValidCreditorReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidCreditorReference('RF19539007547034')).toBe(false);
  });

  it('reduces long numbers modulo 97', () => {
    expect(mod97('3214282912345698765432161182')).toBe(1);
  });
});
