import { describe, expect, it } from 'vitest';
import { guessMapping, normaliseHeader, resolveMapping } from './header-mapping.js';

describe('guessing the column mapping from headers', () => {
  it('reads Dutch headers (Exact/SnelStart style)', () => {
    const headers = [
      'Factuurnr.',
      'Debiteurnummer',
      'Naam debiteur',
      'Factuurdatum',
      'Vervaldatum',
      'Bedrag incl. BTW',
      'BTW-bedrag',
      'Openstaand bedrag',
      'Valuta',
      'Betalingskenmerk',
      'Omschrijving',
      'Betalingstermijn',
    ];
    expect(guessMapping(headers, 'invoices')).toEqual({
      number: 'Factuurnr.',
      debtor_number: 'Debiteurnummer',
      debtor_name: 'Naam debiteur',
      issue_date: 'Factuurdatum',
      due_date: 'Vervaldatum',
      total: 'Bedrag incl. BTW',
      vat: 'BTW-bedrag',
      open: 'Openstaand bedrag',
      currency: 'Valuta',
      reference: 'Betalingskenmerk',
      description: 'Omschrijving',
      payment_term: 'Betalingstermijn',
    });
  });

  it('reads French headers (WinBooks/Odoo BE style)', () => {
    const headers = [
      'Numéro de facture',
      'N° client',
      'Nom du client',
      'Date facture',
      'Échéance',
      'Montant TTC',
      'TVA',
      'Solde',
      'Devise',
      'Communication structurée',
      'Libellé',
      'Pays',
      'Langue',
    ];
    expect(guessMapping(headers, 'invoices')).toEqual({
      number: 'Numéro de facture',
      debtor_number: 'N° client',
      debtor_name: 'Nom du client',
      issue_date: 'Date facture',
      due_date: 'Échéance',
      total: 'Montant TTC',
      vat: 'TVA',
      open: 'Solde',
      currency: 'Devise',
      reference: 'Communication structurée',
      description: 'Libellé',
      debtor_country: 'Pays',
      debtor_language: 'Langue',
    });
  });

  it('reads English headers (Odoo/Xero style), with "Customer" as both key and name', () => {
    expect(
      guessMapping(
        ['Number', 'Customer', 'Invoice Date', 'Due Date', 'Total', 'Amount Due', 'Currency'],
        'invoices',
      ),
    ).toEqual({
      number: 'Number',
      debtor_number: 'Customer',
      debtor_name: 'Customer',
      issue_date: 'Invoice Date',
      due_date: 'Due Date',
      total: 'Total',
      open: 'Amount Due',
      currency: 'Currency',
    });
  });

  it('reads a debtors file with contacts', () => {
    const headers = [
      'Klantnummer',
      'Bedrijfsnaam',
      'KvK-nummer',
      'BTW-nummer',
      'Adres',
      'Postcode',
      'Plaats',
      'Land',
      'E-mailadres',
      'Telefoonnummer',
      'Kredietlimiet',
      'Contactpersoon',
      'E-mail contactpersoon',
      'Mobiel',
    ];
    expect(guessMapping(headers, 'debtors')).toEqual({
      debtor_number: 'Klantnummer',
      debtor_name: 'Bedrijfsnaam',
      debtor_company_number: 'KvK-nummer',
      debtor_vat: 'BTW-nummer',
      debtor_address: 'Adres',
      debtor_postal_code: 'Postcode',
      debtor_city: 'Plaats',
      debtor_country: 'Land',
      debtor_email: 'E-mailadres',
      debtor_phone: 'Telefoonnummer',
      debtor_credit_limit: 'Kredietlimiet',
      contact_name: 'Contactpersoon',
      contact_email: 'E-mail contactpersoon',
      contact_phone: 'Mobiel',
    });
  });

  it('normalises accents, case and punctuation', () => {
    expect(normaliseHeader(' N° de Facture ')).toBe('ndefacture');
    expect(normaliseHeader('Échéance')).toBe('echeance');
  });

  it('lets an explicit mapping win over the saved one and the guess, and names missing columns', () => {
    const headers = ['Doc', 'Factuurnummer', 'Klant', 'Datum', 'Som'];
    const resolved = resolveMapping({
      headers,
      kind: 'invoices',
      explicit: { number: 'Doc', total: 'Som' },
      saved: { number: 'Factuurnummer' },
    });
    expect(resolved).toMatchObject({
      ok: true,
      value: {
        mapping: { number: 'Doc', total: 'Som', issue_date: 'Datum' },
        columns: { number: 0, total: 4, issue_date: 3, debtor_number: 2 },
      },
    });
    expect(resolveMapping({ headers: ['Doc'], kind: 'invoices' })).toEqual({
      ok: false,
      problems: [
        { field: 'number', message: 'no column found for number (use --map)' },
        { field: 'debtor_number', message: 'no column found for debtor number (use --map)' },
        { field: 'issue_date', message: 'no column found for issue date (use --map)' },
        { field: 'total', message: 'no column found for total (use --map)' },
      ],
    });
  });
});
