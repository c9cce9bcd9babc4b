import { describe, expect, it } from 'vitest';
import { interpretInformation, joinFreeText } from './mt940-info.js';

describe('joinFreeText', () => {
  it('runs a full 65-character line on into the next, and ends a shorter one with a space', () => {
    const wrapped = `${'0'.repeat(50)} Betaling aan I`;
    expect(wrapped).toHaveLength(65);
    expect(joinFreeText([wrapped, 'CS 123'])).toBe(`${'0'.repeat(50)} Betaling aan ICS 123`);
    expect(joinFreeText(['FACTUUR 201403110', 'REK: NL65'])).toBe('FACTUUR 201403110 REK: NL65');
  });

  it('treats fixed-width padding and blank lines as one space', () => {
    const padded = 'Betaling sieraden'.padEnd(65);
    expect(joinFreeText(['NL47 paulissen', ' '.repeat(65), padded, ' '.repeat(65)])).toBe(
      'NL47 paulissen Betaling sieraden',
    );
  });
});

describe('interpretInformation', () => {
  it('joins subfield lines as they are, wrapped mid-token and short of 65', () => {
    const info = interpretInformation([
      '/CNTP/NL57ABNA0876543211/ABNANL2A/B Bert///REMI/USTD//22-08',
      '-2014 Omschrijving/',
    ]);
    expect(info).toMatchObject({
      counterpartyName: 'B Bert',
      counterpartyBic: 'ABNANL2A',
      remittance: '22-08-2014 Omschrijving',
    });
  });

  it('reads ING, Rabobank and ABN AMRO structured references and return reasons', () => {
    expect(interpretInformation(['/EREF/E2E1//REMI/STRD/CUR/5200150700013379/'])).toMatchObject({
      structuredReference: '5200150700013379',
      remittance: null,
      endToEndId: 'E2E1',
    });
    expect(
      interpretInformation(['/REMI//CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/1234567899874563/ISDT/2013-12-27']),
    ).toMatchObject({ structuredReference: '1234567899874563', remittance: null });
    expect(interpretInformation(['/RTRN/MD06//EREF/NOTPROVIDED//REMI/USTD//x/'])).toMatchObject({
      returnReason: 'MD06',
      endToEndId: null,
      remittance: 'x',
    });
  });

  it('takes the ordering party`s name, not the ultimate debtor`s', () => {
    expect(
      interpretInformation(['/ORDP//NAME/Bedrijf B.V./ID/123/ULTD//NAME/Someone Else/REMI/Factuur 1']),
    ).toMatchObject({ counterpartyName: 'Bedrijf B.V.', remittance: 'Factuur 1' });
  });

  it('reads a return reason, account, IBAN and BIC at the start of free text', () => {
    expect(interpretInformation(['MS03 NL91ABNA0417164300 ABNANL2A Jansen factuur 12'])).toMatchObject({
      returnReason: 'MS03',
      counterpartyIban: 'NL91ABNA0417164300',
      counterpartyBic: 'ABNANL2A',
      remittance: 'Jansen factuur 12',
    });
    // Not a return reason: ING's "RC afrekening" has no digits.
    expect(interpretInformation([' RC afrekening betalingsverkeer'])).toMatchObject({
      returnReason: null,
      remittance: 'RC afrekening betalingsverkeer',
    });
  });
});
