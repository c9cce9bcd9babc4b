/** Every camt sample file, read from disk as the importer reads it: recognised, decoded, parsed. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SAMPLES, SAMPLES_DIR } from '../../imports/test-support.js';
import { parseCamtFile, parseCamtText, readCamtFileText } from './camt-test-support.js';

type Expected = [statements: number, entries: number, errors: number, balances: string, unbooked: number];

// Each error and each balance that is not 'ok' is explained in camt053/camt054.samples.test.ts.
const EXPECTED: Record<string, Expected> = {
  'camt053/abnamro-053.001.02-13-entries-batches-scor-cur.xml': [1, 29, 0, 'ok', 0],
  'camt053/be-deutsche-bank-053.001.02-anonymised.xml': [1, 3, 0, 'ok', 0],
  'camt053/ch-053.001.02-esr-qr-refs.xml': [1, 3, 0, 'not_given', 0],
  'camt053/dk-germany-053.001.02-eur-usd-10-entries.xml': [1, 12, 0, 'ok', 0],
  'camt053/edge-camt052-iso-8859-1-encoded.xml': [1, 2, 0, 'not_given', 0],
  'camt053/edge-five-decimal-amounts.xml': [1, 1, 0, 'mismatch', 0],
  'camt053/edge-malformed-xml-abnamro.xml': [0, 0, 1, '', 0],
  'camt053/genkgo-053.001.02-multi-currency-scor.xml': [1, 1, 1, 'not_given', 0],
  'camt053/genkgo-053.001.02-two-statements.xml': [2, 2, 0, 'ok ok', 0],
  'camt053/genkgo-053.001.03.xml': [1, 0, 2, 'not_given', 0],
  'camt053/genkgo-053.001.04.xml': [1, 1, 1, 'not_given', 0],
  'camt053/genkgo-053.001.08.xml': [1, 1, 1, 'not_given', 0],
  'camt053/lt-settlement-053.001.08-minified-batches.xml': [2, 14, 0, 'ok ok', 0],
  'camt054/abs-054.001.04-qr-refs-2-entries.xml': [1, 2, 0, 'not_given', 0],
  'camt054/genkgo-054.001.02-isr-refs-3-txdtls.xml': [1, 0, 1, 'not_given', 0],
  'camt054/genkgo-054.001.04-chf-sek-3-txdtls.xml': [1, 0, 1, 'not_given', 0],
  'camt054/genkgo-054.001.08-chf-sek-3-txdtls.xml': [1, 0, 1, 'not_given', 0],
  'camt054/genkgo-054.001.08-financial-institution.xml': [1, 1, 0, 'not_given', 0],
  'camt054/genkgo-054.001.08-uetr-minimal.xml': [1, 1, 0, 'not_given', 0],
  'camt054/lt-054.001.10-batch-106-txdtls.xml': [1, 0, 0, 'not_given', 1],
  'camt054/lt-054.001.10-batch-41-txdtls-info.xml': [1, 0, 0, 'not_given', 1],
  'camt054/postfinance-054.001.04-debit-qr-ref.xml': [1, 1, 0, 'not_given', 0],
  'camt054/postfinance-054.001.04-qr-refs.xml': [1, 2, 0, 'not_given', 0],
};

describe.skipIf(!HAS_SAMPLES)('camt samples: every file', () => {
  it('has an expectation for each file in the two folders', () => {
    const files = ['camt053', 'camt054'].flatMap((dir) =>
      readdirSync(join(SAMPLES_DIR, dir)).map((name) => `${dir}/${name}`),
    );
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const parsed = await parseCamtFile(join(SAMPLES_DIR, name));
    expect(parsed.sniffed.format).toMatch(/^camt05[234]$/);
    expect([
      parsed.statements.length,
      parsed.entries.length,
      parsed.errors.length,
      parsed.ends.map((end) => end.balance.kind).join(' '),
      parsed.ends.reduce((sum, end) => sum + (end.unbookedEntryCount ?? 0), 0),
    ]).toEqual(expected);
  });

  it.each(Object.keys(EXPECTED))(
    '%s reads the same fed 7 characters at a time as in one piece',
    async (name) => {
      const text = await readCamtFileText(join(SAMPLES_DIR, name));
      const whole = await parseCamtText(text, { chunkSize: text.length });
      const chunked = await parseCamtText(text, { chunkSize: 7 });
      expect(chunked.events).toEqual(whole.events);
    },
  );
});
