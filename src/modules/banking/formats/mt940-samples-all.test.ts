/** Every MT940 sample file, read from disk as the importer reads it: recognised, decoded, parsed. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SAMPLES, SAMPLES_DIR } from '../../imports/test-support.js';
import { inspectBankFile, readBankFileText } from './bank-file-source.js';
import type { BankStatementEvent } from './bank-statement.js';
import { parseMt940 } from './mt940.js';

const DIR = join(SAMPLES_DIR, 'mt940');

// Statements, entries, and the balance checks that hold / fail (each failure is explained in
// mt940-samples-ing.test.ts or mt940-samples-other.test.ts).
const EXPECTED: Record<string, [statements: number, entries: number, ok: number, mismatch: number]> = {
  'abnamro-legacy-betalingskenmerk.sta': [2, 10, 0, 2],
  'abnamro-sepa-wrapped-trtp-incasso-inv.txt': [1, 2, 1, 0],
  'asn-bank-swift-blocks-31-days.940.txt': [31, 8, 31, 0],
  'bunq-iban-name-remi.txt': [1, 111, 1, 0],
  'ing-ibp-unstructured-rf-creditor-ref.txt': [1, 5, 1, 0],
  'ing-mijn-ing-zakelijk-provided-strd-cur.txt': [1, 9, 0, 1],
  'ing-mpbz-scor-cur-betalingskenmerk.txt': [1, 7, 0, 1],
  'ing-provided-two-messages-one-file.txt': [2, 2, 0, 2],
  'ing-sepa-transition-mpbz.txt': [1, 9, 0, 1],
  'ing-structured-swift-blocks-cntp-remi.txt': [1, 21, 1, 0],
  'knab-factuur-freetext.sta': [2, 3, 1, 1],
  'rabobank-iban-sepa-eref-remi.sta': [2, 4, 2, 0],
  'rabobank-legacy-multi-statement.sta': [4, 5, 2, 2],
  'rabobank-sepa-ordp-remi-factuur.txt': [2, 12, 0, 2],
  'rabobank-structured-cdtrref-betalingskenmerk.txt': [1, 1, 1, 0],
  'sns-bank-two-statements.sta': [2, 2, 2, 0],
  'triodos-legacy.sta': [1, 2, 0, 1],
  'triodos-sepa-two-accounts.txt': [2, 8, 2, 0],
};

describe.skipIf(!HAS_SAMPLES)('MT940 samples: every file', () => {
  it('has an expectation for each file in the folder', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const path = join(DIR, name);
    const facts = await inspectBankFile(path);
    expect(facts.format).toBe('mt940');
    if (facts.format === null) return;
    const events: BankStatementEvent[] = [];
    for await (const event of parseMt940(readBankFileText(path, facts.encoding))) events.push(event);
    const ends = events.flatMap((e) => (e.kind === 'end' ? [e.balance.kind] : []));
    expect(events.filter((e) => e.kind === 'error')).toEqual([]);
    expect([
      events.filter((e) => e.kind === 'statement').length,
      events.filter((e) => e.kind === 'entry').length,
      ends.filter((kind) => kind === 'ok').length,
      ends.filter((kind) => kind === 'mismatch').length,
    ]).toEqual(expected);
  });
});
