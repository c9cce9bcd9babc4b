import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SAMPLES, SAMPLES_DIR, scratchDir } from '../../imports/test-support.js';
import type { BankCsvMapping } from './bank-csv-mapping.js';
import { readBankFile } from './read-bank-file.js';

async function countEvents(path: string, csvMapping?: BankCsvMapping) {
  const opened = await readBankFile(path, { csvMapping });
  const counts = { format: opened.format, statements: 0, entries: 0, errors: 0 };
  for await (const event of opened.events) {
    if (event.kind === 'statement') counts.statements++;
    else if (event.kind === 'entry') counts.entries++;
    else if (event.kind === 'error') counts.errors++;
  }
  return counts;
}

describe('readBankFile', () => {
  it('refuses a file that is no statement, and a CSV of unknown layout without a mapping', async () => {
    const scratch = await scratchDir();
    const ubl = await scratch.write('invoice.xml', '<?xml version="1.0"?><Invoice xmlns="urn:oasis:ubl"/>');
    await expect(readBankFile(ubl)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    const odd = await scratch.write('odd.csv', 'Wanneer;Hoeveel\n2026-01-02;12,50\n');
    await expect(readBankFile(odd)).rejects.toThrow(/not a known bank export layout/);
    const mapped = await countEvents(odd, {
      name: 'custom',
      headerRows: 1,
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: ',',
      defaultCurrency: 'EUR',
      columns: { bookingDate: 'Wanneer', amount: 'Hoeveel', remittance: [] },
    });
    expect(mapped).toEqual({ format: 'csv', statements: 1, entries: 1, errors: 0 });
    await scratch.cleanup();
  });
});

// Every sample, read from disk as the importer does: [format, statements, entries, error events].
// The figures per file are explained in the parsers' own sample tests.
const EXPECTED: Record<string, Record<string, [string, number, number, number] | 'needs a mapping'>> = {
  camt053: {
    'abnamro-053.001.02-13-entries-batches-scor-cur.xml': ['camt053', 1, 29, 0],
    'be-deutsche-bank-053.001.02-anonymised.xml': ['camt053', 1, 3, 0],
    'ch-053.001.02-esr-qr-refs.xml': ['camt053', 1, 3, 0],
    'dk-germany-053.001.02-eur-usd-10-entries.xml': ['camt053', 1, 12, 0],
    'edge-camt052-iso-8859-1-encoded.xml': ['camt052', 1, 2, 0],
    'edge-five-decimal-amounts.xml': ['camt053', 1, 1, 0],
    'edge-malformed-xml-abnamro.xml': ['camt053', 0, 0, 1],
    'genkgo-053.001.02-multi-currency-scor.xml': ['camt053', 1, 1, 1],
    'genkgo-053.001.02-two-statements.xml': ['camt053', 2, 2, 0],
    'genkgo-053.001.03.xml': ['camt053', 1, 0, 2],
    'genkgo-053.001.04.xml': ['camt053', 1, 1, 1],
    'genkgo-053.001.08.xml': ['camt053', 1, 1, 1],
    'lt-settlement-053.001.08-minified-batches.xml': ['camt053', 2, 14, 0],
  },
  camt054: {
    'abs-054.001.04-qr-refs-2-entries.xml': ['camt054', 1, 2, 0],
    'genkgo-054.001.02-isr-refs-3-txdtls.xml': ['camt054', 1, 0, 1],
    'genkgo-054.001.04-chf-sek-3-txdtls.xml': ['camt054', 1, 0, 1],
    'genkgo-054.001.08-chf-sek-3-txdtls.xml': ['camt054', 1, 0, 1],
    'genkgo-054.001.08-financial-institution.xml': ['camt054', 1, 1, 0],
    'genkgo-054.001.08-uetr-minimal.xml': ['camt054', 1, 1, 0],
    'lt-054.001.10-batch-106-txdtls.xml': ['camt054', 1, 0, 0],
    'lt-054.001.10-batch-41-txdtls-info.xml': ['camt054', 1, 0, 0],
    'postfinance-054.001.04-debit-qr-ref.xml': ['camt054', 1, 1, 0],
    'postfinance-054.001.04-qr-refs.xml': ['camt054', 1, 2, 0],
  },
  mt940: {
    'abnamro-legacy-betalingskenmerk.sta': ['mt940', 2, 10, 0],
    'abnamro-sepa-wrapped-trtp-incasso-inv.txt': ['mt940', 1, 2, 0],
    'asn-bank-swift-blocks-31-days.940.txt': ['mt940', 31, 8, 0],
    'bunq-iban-name-remi.txt': ['mt940', 1, 111, 0],
    'ing-ibp-unstructured-rf-creditor-ref.txt': ['mt940', 1, 5, 0],
    'ing-mijn-ing-zakelijk-provided-strd-cur.txt': ['mt940', 1, 9, 0],
    'ing-mpbz-scor-cur-betalingskenmerk.txt': ['mt940', 1, 7, 0],
    'ing-provided-two-messages-one-file.txt': ['mt940', 2, 2, 0],
    'ing-sepa-transition-mpbz.txt': ['mt940', 1, 9, 0],
    'ing-structured-swift-blocks-cntp-remi.txt': ['mt940', 1, 21, 0],
    'knab-factuur-freetext.sta': ['mt940', 2, 3, 0],
    'rabobank-iban-sepa-eref-remi.sta': ['mt940', 2, 4, 0],
    'rabobank-legacy-multi-statement.sta': ['mt940', 4, 5, 0],
    'rabobank-sepa-ordp-remi-factuur.txt': ['mt940', 2, 12, 0],
    'rabobank-structured-cdtrref-betalingskenmerk.txt': ['mt940', 1, 1, 0],
    'sns-bank-two-statements.sta': ['mt940', 2, 2, 0],
    'triodos-legacy.sta': ['mt940', 1, 2, 0],
    'triodos-sepa-two-accounts.txt': ['mt940', 2, 8, 0],
  },
  coda: {
    'belfius-globalised-6-ogm-credits.txt': ['coda', 1, 6, 0],
    'bnpfortis-2-credits-ogm-101-102.cod': ['coda', 1, 2, 2],
    'bnpfortis-codabox-oddly-formatted-ogm.cod': ['coda', 1, 3, 2],
    'bnpfortis-iban-2-debits-freetext-refs.cod': ['coda', 1, 2, 0],
    'cbc-debits-multipart-message.cod': ['coda', 1, 1, 3],
    'edge-invalid-trailing-garbage.cod': ['coda', 1, 2, 3],
    'ing-be-iban-account-fees-long-freetext.cod': ['coda', 1, 1, 0],
    'kbc-4-credits-ogm-badcheck.cod': ['coda', 1, 4, 0],
    'kbc-large-111-movements.coda': ['coda', 1, 67, 0],
    'kbc-sepa-direct-debit-127.cod': ['coda', 1, 2, 0],
  },
  csv: {
    'asn-bank-csv-headerless.csv': ['csv', 1, 11, 0],
    'bunq-en-csv-statement.csv': ['csv', 1, 7, 0],
    'bunq-nl-csv-transactieoverzicht.csv': ['csv', 1, 3, 0],
    'generic-invoice-numbered-unicode-names.csv': 'needs a mapping',
    'ing-nl-csv-comma-quoted.csv': ['csv', 1, 6, 0],
    'kbc-be-csv-semicolon-gestructureerde-mededeling.csv': ['csv', 1, 1, 0],
    'kbc-be-mastercard-csv.csv': ['csv', 1, 3, 0],
    'knab-csv-semicolon-two-header-lines.csv': ['csv', 1, 28, 0],
    'rabobank-nl-csv-2018-latin1-betalingskenmerk-col.csv': ['csv', 1, 3, 0],
    'stripe-payments-export-invoice-id.csv': ['csv', 1, 5, 0],
    'xero-journal-export-cr-line-endings.csv': 'needs a mapping',
  },
};

describe.skipIf(!HAS_SAMPLES)('every sample statement file opens and parses (../shared/samples)', () => {
  for (const [folder, files] of Object.entries(EXPECTED)) {
    it(folder, async () => {
      expect(readdirSync(join(SAMPLES_DIR, folder)).sort()).toEqual(Object.keys(files).sort());
      for (const [file, expected] of Object.entries(files)) {
        const path = join(SAMPLES_DIR, folder, file);
        if (expected === 'needs a mapping') {
          await expect(readBankFile(path), file).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
          continue;
        }
        const [format, statements, entries, errors] = expected;
        expect({ file, ...(await countEvents(path)) }).toEqual({ file, format, statements, entries, errors });
      }
    });
  }
});
