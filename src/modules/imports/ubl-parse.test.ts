import { describe, expect, it } from 'vitest';
import { ublToRow } from './ubl-document.js';
import { parseUbl, termDaysFromNote } from './ubl-parse.js';

const NS =
  'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';

const invoice = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Invoice ${NS}>
  <cbc:ID>F-1</cbc:ID>
  <cbc:IssueDate>2026-03-01</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  ${body}
  <cac:AccountingCustomerParty><cac:Party>
    <cac:PartyName><cbc:Name>Jansen &amp; Zn &#233;&#x20AC;</cbc:Name></cac:PartyName>
    <cac:PostalAddress><cac:Country><cbc:IdentificationCode>BE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
    <cac:PartyTaxScheme><cbc:CompanyID>BE 0123.456.789</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
  </cac:Party></cac:AccountingCustomerParty>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">21.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal><cbc:PrepaidAmount currencyID="EUR">21.00</cbc:PrepaidAmount><cbc:PayableAmount currencyID="EUR">100.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
</Invoice>`;

describe('UBL parsing is safe against entity attacks', () => {
  it('refuses an XXE payload with a clear error', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Invoice ${NS}><cbc:ID>&xxe;</cbc:ID></Invoice>`;
    const result = parseUbl(xxe);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          line: 2,
          field: 'file',
          message:
            'DOCTYPE and ENTITY declarations are not allowed in UBL files (refused to prevent XXE and entity expansion)',
        },
      ],
    });
  });

  it('refuses a billion-laughs payload before expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
      `<Invoice ${NS}><cbc:ID>&lol9;</cbc:ID></Invoice>`,
    ].join('\n');
    const started = performance.now();
    const result = parseUbl(lol);
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]?.message).toMatch(/DOCTYPE and ENTITY declarations are not allowed/);
  });

  it('decodes the predefined entities and character references only', () => {
    const result = parseUbl(invoice('<cbc:DueDate>2026-03-31</cbc:DueDate>'));
    expect(result.ok && result.document.customer.name).toBe('Jansen & Zn é€');
  });
});

describe('UBL mapping', () => {
  it('maps a document to ledger values: total = PayableAmount, VAT, normalised VAT number', () => {
    const result = parseUbl(
      invoice('<cac:PaymentTerms><cbc:Note>Betaling binnen 14 dagen</cbc:Note></cac:PaymentTerms>'),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.document).toMatchObject({
      number: 'F-1',
      payableCents: 10000,
      prepaidCents: 2100,
      taxCents: 2100,
      paymentTermDays: 14,
    });
    const row = ublToRow(result.document, { orgCountry: 'NL' });
    expect(row).toMatchObject({
      ok: true,
      value: {
        debtor: { number: 'BE0123456789', name: 'Jansen & Zn é€', country: 'BE', vatNumber: 'BE0123456789' },
        invoice: {
          kind: 'invoice',
          totalCents: 10000,
          openCents: 10000,
          vatCents: 2100,
          dueDate: '2026-03-15',
          paymentTermDays: 14,
        },
      },
    });
  });

  it('reports malformed XML, a foreign root and missing or bad fields with their line', () => {
    expect(parseUbl('<Invoice><cbc:ID>1</Invoice>')).toMatchObject({
      ok: false,
      issues: [{ field: 'file', message: expect.stringMatching(/^not well-formed XML/) }],
    });
    expect(parseUbl('<Document><A>1</A></Document>')).toMatchObject({
      ok: false,
      issues: [{ message: 'not a UBL Invoice or CreditNote (root element: Document)' }],
    });
    const bad = parseUbl(
      invoice('')
        .replace('2026-03-01', '01-03-2026')
        .replace('>EUR</cbc:DocumentCurrencyCode>', '>EURO</cbc:DocumentCurrencyCode>'),
    );
    expect(bad).toEqual({
      ok: false,
      issues: [
        {
          line: 4,
          field: 'issue_date',
          message: 'bad date in cbc:IssueDate: "01-03-2026" (expected YYYY-MM-DD)',
        },
        { line: 6, field: 'currency', message: 'unknown currency code "EURO"' },
      ],
    });
  });

  it('reads day counts from payment-terms notes', () => {
    expect(termDaysFromNote('30 dagar netto. Dröjsmålsränta:12 %')).toBe(30);
    expect(termDaysFromNote('Payment within 14 days')).toBe(14);
    expect(termDaysFromNote('50% prepaid, 50% within one month')).toBeUndefined();
  });
});
