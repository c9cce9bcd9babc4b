import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCsvFormat, detectDelimiter, readCsvRecords } from './csv-source.js';
import { HAS_SAMPLES, SAMPLES_DIR, scratchDir } from './test-support.js';

let files: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  files = await scratchDir();
});
afterAll(async () => files?.cleanup());

async function records(path: string) {
  const format = await detectCsvFormat(path);
  const out: string[][] = [];
  for await (const record of readCsvRecords(path, format)) out.push(record);
  return { format, out };
}

describe('delimiter detection', () => {
  it.each([
    ['a;b;c\n1,50;2,00;3', ';'],
    ['a,b,c\n"1,50",2.00,3', ','],
    ['a\tb\tc\n1,5\t2\t3', '\t'],
    ['a|b|c\n1|2|3', '|'],
    ['Titel;;;\na,b;c;d;e\n1;2;3;4', ';'],
    ['"x;y",b,c\n"1;2",3,4', ','],
  ])('finds the delimiter of %j', (sample, delimiter) => {
    expect(detectDelimiter(sample)).toBe(delimiter);
  });
});

describe('reading CSV files', () => {
  it('decodes UTF-8 with and without BOM and Windows-1252 alike', async () => {
    const text = 'Naam;Plaats\nCafé Noël;Liège\n';
    for (const encoding of ['utf-8', 'utf-8-bom', 'windows-1252'] as const) {
      const { format, out } = await records(await files.write(`enc-${encoding}.csv`, text, encoding));
      expect(format.encoding, encoding).toBe(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8');
      expect(out, encoding).toEqual([
        ['Naam', 'Plaats'],
        ['Café Noël', 'Liège'],
      ]);
    }
  });

  it('keeps quoted line breaks, delimiters and doubled quotes inside one cell', async () => {
    const { out } = await records(
      await files.write('quoted.csv', 'a;b\r\n"regel 1\r\nregel 2";"x;""y"""\r\n\r\nc;d'),
    );
    expect(out).toEqual([['a', 'b'], ['regel 1\r\nregel 2', 'x;"y"'], [''], ['c', 'd']]);
  });

  it('ends records at CRLF, LF and CR alike, also mixed in one file (Rabobank writes CR CR LF)', async () => {
    const { out } = await records(await files.write('mixed.csv', 'a;b\r\r\nc;d\re;f\ng;h'));
    expect(out).toEqual([['a', 'b'], [''], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('reads a file that is UTF-8 except for one Windows-1252 byte far from the start as Windows-1252', async () => {
    const body = `${'x;y\n'.repeat(50_000)}Zoë;1\n`;
    const { format, out } = await records(await files.write('late.csv', `a;b\n${body}`, 'windows-1252'));
    expect(format.encoding).toBe('windows-1252');
    expect(out.at(-1)).toEqual(['Zoë', '1']);
  });
});

describe.skipIf(!HAS_SAMPLES)('reading the sample CSV exports (../shared/samples/csv)', () => {
  const sample = (name: string) => join(SAMPLES_DIR, 'csv', name);

  it('reads Latin-1 Rabobank, CR-only Xero, two-header Knab and KBC semicolon files', async () => {
    const rabo = await records(sample('rabobank-nl-csv-2018-latin1-betalingskenmerk-col.csv'));
    expect(rabo.format).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(rabo.out[0]).toContain('Naam initiërende partij');

    const xero = await records(sample('xero-journal-export-cr-line-endings.csv'));
    expect(xero.format.delimiter).toBe(',');
    expect(xero.out).toHaveLength(14);
    expect(xero.out[0]?.[0]).toBe('JournalNumber');

    const knab = await records(sample('knab-csv-semicolon-two-header-lines.csv'));
    expect(knab.format.delimiter).toBe(';');
    expect(knab.out[1]?.[1]).toBe('Transactiedatum');

    const kbc = await records(sample('kbc-be-csv-semicolon-gestructureerde-mededeling.csv'));
    expect(kbc.format).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
  });
});
