import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { buildEpcQrPayload, EPC_QR_MAX_PAYLOAD_BYTES, type EpcQrInput } from './epc-qr.js';

const base: EpcQrInput = { beneficiaryName: 'Voorbeeld BV', iban: 'NL91ABNA0417164300' };

function payloadOf(input: EpcQrInput): string {
  const result = buildEpcQrPayload(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.payload;
}

function fieldsWithIssues(input: EpcQrInput): string[] {
  const result = buildEpcQrPayload(input);
  return result.ok ? [] : result.issues.map((issue) => issue.field);
}

describe('buildEpcQrPayload', () => {
  it('reproduces the full example of LEGAL.md §6 (73 bytes)', () => {
    const payload = payloadOf({ ...base, amountCents: 123456, structuredReference: 'RF78INV2024001' });
    expect(payload).toBe(
      'BCD\n002\n1\nSCT\n\nVoorbeeld BV\nNL91ABNA0417164300\nEUR1234.56\n\nRF78INV2024001',
    );
    expect(new TextEncoder().encode(payload).length).toBe(73);
  });

  it('writes the CdEDB example with unstructured text (as UTF-8 and with two decimals)', () => {
    // The confirmed payload uses character set 2 and `EUR10.5`; we always write 1 and two decimals.
    const payload = payloadOf({
      bic: 'BFSWDE33XXX',
      beneficiaryName: 'CdE e.V.',
      iban: 'DE26370205000008068900',
      amountCents: 1050,
      remittanceText: 'Teilnahmebeitrag Grosse Testakademie 2222, Bertalotta Beispiel, DB-2-7',
    });
    expect(payload).toBe(
      'BCD\n002\n1\nSCT\nBFSWDE33XXX\nCdE e.V.\nDE26370205000008068900\nEUR10.50\n\n\n' +
        'Teilnahmebeitrag Grosse Testakademie 2222, Bertalotta Beispiel, DB-2-7',
    );
  });

  it.each([
    [{}, 'BCD\n002\n1\nSCT\n\nVoorbeeld BV\nNL91ABNA0417164300'],
    [{ amountCents: 1 }, 'BCD\n002\n1\nSCT\n\nVoorbeeld BV\nNL91ABNA0417164300\nEUR0.01'],
    [{ amountCents: 25000 }, 'BCD\n002\n1\nSCT\n\nVoorbeeld BV\nNL91ABNA0417164300\nEUR250.00'],
    [
      { amountCents: 99_999_999_999 },
      'BCD\n002\n1\nSCT\n\nVoorbeeld BV\nNL91ABNA0417164300\nEUR999999999.99',
    ],
    [
      { iban: 'nl91 abna 0417 1643 00', bic: 'abnanl2a', purposeCode: 'char' },
      'BCD\n002\n1\nSCT\nABNANL2A\nVoorbeeld BV\nNL91ABNA0417164300\n\nCHAR',
    ],
    [
      { structuredReference: '+++123/4567/89002+++', beneficiaryToOriginatorInfo: 'Dank u' },
      'BCD\n002\n1\nSCT\n\nVoorbeeld BV\nNL91ABNA0417164300\n\n\n123456789002\n\nDank u',
    ],
    [
      { structuredReference: '5000 0567 8901 2345' },
      'BCD\n002\n1\nSCT\n\nVoorbeeld BV\nNL91ABNA0417164300\n\n\n5000056789012345',
    ],
    [
      { remittanceText: '  Factuur 2025-0042  ', structuredReference: ' ' },
      'BCD\n002\n1\nSCT\n\nVoorbeeld BV\nNL91ABNA0417164300\n\n\n\nFactuur 2025-0042',
    ],
  ] as const)('%j', (extra, expected) => {
    expect(payloadOf({ ...base, ...extra })).toBe(expected);
  });

  it('counts the name in characters, not bytes (70 × é is fine)', () => {
    expect(payloadOf({ ...base, beneficiaryName: 'é'.repeat(70) })).toContain('é'.repeat(70));
  });

  it.each([
    [{ beneficiaryName: '' }, ['beneficiaryName']],
    [{ beneficiaryName: '   ' }, ['beneficiaryName']],
    [{ beneficiaryName: 'x'.repeat(71) }, ['beneficiaryName']],
    [{ beneficiaryName: 'Voorbeeld\nBV' }, ['beneficiaryName']],
    [{ iban: 'NL91ABNA0417164301' }, ['iban']],
    [{ iban: '' }, ['iban']],
    [{ iban: 'BR1800360305000010009795493C1' }, ['iban']],
    [{ bic: 'ABNANL2' }, ['bic']],
    [{ amountCents: 0 }, ['amountCents']],
    [{ amountCents: -100 }, ['amountCents']],
    [{ amountCents: 12.5 }, ['amountCents']],
    [{ amountCents: 100_000_000_000 }, ['amountCents']],
    [{ purposeCode: 'CHA' }, ['purposeCode']],
    [{ purposeCode: 'CH4R' }, ['purposeCode']],
    [{ structuredReference: 'RF19INV2024001' }, ['structuredReference']],
    [{ structuredReference: 'Factuur 42' }, ['structuredReference']],
    [{ remittanceText: 'x'.repeat(141) }, ['remittanceText']],
    [{ remittanceText: 'regel 1\r\nregel 2' }, ['remittanceText']],
    [{ structuredReference: 'RF78INV2024001', remittanceText: 'Factuur 42' }, ['remittanceText']],
    [{ beneficiaryToOriginatorInfo: 'x'.repeat(71) }, ['beneficiaryToOriginatorInfo']],
  ] as const)('%j is refused', (extra, fields) => {
    expect(fieldsWithIssues({ ...base, ...extra })).toEqual(fields);
  });

  it('lists every problem at once', () => {
    expect(fieldsWithIssues({ beneficiaryName: '', iban: 'XX00', amountCents: 0, purposeCode: '?' })).toEqual(
      ['beneficiaryName', 'iban', 'amountCents', 'purposeCode'],
    );
  });

  const fullyLoaded: EpcQrInput = {
    ...base,
    bic: 'ABNANL2AXXX',
    amountCents: 99_999_999_999,
    purposeCode: 'CHAR',
    beneficiaryName: 'n'.repeat(70),
    beneficiaryToOriginatorInfo: 'i'.repeat(70),
  };

  it('refuses a payload over 331 bytes even when every field is within its own limit', () => {
    expect(fieldsWithIssues({ ...fullyLoaded, remittanceText: 't'.repeat(140) })).toEqual(['payload']);
    // 140 characters, but 280 bytes of UTF-8
    expect(
      fieldsWithIssues({ ...base, beneficiaryName: 'n'.repeat(70), remittanceText: 'é'.repeat(140) }),
    ).toEqual(['payload']);
  });

  it('fits a QR code of version 13 or lower at error-correction level M', () => {
    const example = payloadOf({ ...base, amountCents: 123456, structuredReference: 'RF78INV2024001' });
    expect(QRCode.create(example, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(13);
    // a payload of exactly 331 bytes, the most the EPC allows
    const withoutText =
      new TextEncoder().encode(payloadOf({ ...fullyLoaded, remittanceText: 't' })).length - 1;
    const fullest = payloadOf({
      ...fullyLoaded,
      remittanceText: 't'.repeat(EPC_QR_MAX_PAYLOAD_BYTES - withoutText),
    });
    expect(new TextEncoder().encode(fullest).length).toBe(EPC_QR_MAX_PAYLOAD_BYTES);
    expect(QRCode.create(fullest, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(13);
    expect(
      fieldsWithIssues({
        ...fullyLoaded,
        remittanceText: `${'t'.repeat(EPC_QR_MAX_PAYLOAD_BYTES - withoutText)}t`,
      }),
    ).toEqual(['payload']);
  });
});
