import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SAMPLES, SAMPLES_DIR, scratchDir } from '../../imports/test-support.js';
import { inspectBankFile, readBankFileText, sniffBankFile } from './bank-file-source.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sniffBankFile', () => {
  it('tells ING MT940 (header 0000 …) from CODA (record 0 then record 1)', () => {
    expect(sniffBankFile(bytes('0000 01INGBNL2AXXXX00001\r\n940 00\r\n:20:P140220000000001\r\n'))).toEqual({
      format: 'mt940',
      encoding: 'unknown',
    });
    const coda = `${'0000003032530005'.padEnd(128)}\n${'12001BE68539007547034'.padEnd(128)}\n`;
    expect(sniffBankFile(bytes(coda)).format).toBe('coda');
  });

  it('reads the declared XML encoding and refuses XML that is not a statement', () => {
    expect(
      sniffBankFile(
        bytes(
          '<?xml version="1.0" encoding="ISO-8859-1"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02">',
        ),
      ),
    ).toEqual({ format: 'camt052', encoding: 'iso-8859-1' });
    expect(sniffBankFile(bytes('<Invoice xmlns="urn:oasis:names:specification:ubl">'))).toMatchObject({
      format: null,
    });
  });
});

describe('inspectBankFile and readBankFileText', () => {
  it('decides UTF-8 or Windows-1252 from the whole file and decodes it', async () => {
    const scratch = await scratchDir();
    const latin = await scratch.write('latin.csv', 'Naam;Bedrag\r\nCafé René;12,50\r\n', 'windows-1252');
    const facts = await inspectBankFile(latin);
    expect(facts).toMatchObject({ format: 'csv', encoding: 'windows-1252', bytes: 30 });
    if (facts.format === null) return;
    let text = '';
    for await (const chunk of readBankFileText(latin, facts.encoding)) text += chunk;
    expect(text).toContain('Café René;12,50');

    const empty = await scratch.write('empty.sta', '');
    expect(await inspectBankFile(empty)).toEqual({ format: null, reason: 'the file is empty' });
    await scratch.cleanup();
  });
});

describe.skipIf(!HAS_SAMPLES)(
  'every sample statement is recognised by its content (../shared/samples)',
  () => {
    const expected = {
      camt053: 'camt053',
      camt054: 'camt054',
      mt940: 'mt940',
      coda: 'coda',
      csv: 'csv',
    } as const;
    for (const [folder, format] of Object.entries(expected)) {
      it(`${folder}/* → ${format}`, async () => {
        const files = readdirSync(join(SAMPLES_DIR, folder));
        expect(files.length).toBeGreaterThan(5);
        for (const file of files) {
          const facts = await inspectBankFile(join(SAMPLES_DIR, folder, file));
          const expectedFormat = file.startsWith('edge-camt052') ? 'camt052' : format;
          expect({ file, format: facts.format }).toEqual({ file, format: expectedFormat });
        }
      });
    }

    it('decodes the ISO-8859-1 camt.052 by its declaration', async () => {
      const path = join(SAMPLES_DIR, 'camt053', 'edge-camt052-iso-8859-1-encoded.xml');
      const facts = await inspectBankFile(path);
      expect(facts).toMatchObject({ format: 'camt052', encoding: 'iso-8859-1' });
      if (facts.format === null) return;
      let text = '';
      for await (const chunk of readBankFileText(path, facts.encoding)) text += chunk;
      expect(text).not.toContain('\ufffd');
      expect(facts.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  },
);
