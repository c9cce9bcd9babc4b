import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { formatMoney } from '../../../core/money.js';
import { buildEpcQrPayload } from '../../../core/references/epc-qr.js';
import { ADDRESS_WINDOW_MM, mm } from './letter-layout.js';
import { type RenderLetterPdfInput, renderLetterPdf } from './letter-pdf.js';
import { sampleLetter } from './sample-letter.js';

/**
 * The PDFs are checked with real tools: poppler-utils (pdfinfo, pdftotext, pdftoppm) reads them
 * back, zbar decodes the QR code from a 150 dpi rendering. Without the tools those checks are
 * skipped with a warning, so `npm test` passes on a machine that lacks them.
 */
function hasTool(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).error === undefined;
}

const hasPoppler = ['pdfinfo', 'pdftotext', 'pdftoppm'].every((tool) => hasTool(tool, ['-v']));
const hasZbar = hasTool('zbarimg', ['--version']);
if (!hasPoppler) {
  console.warn(
    'letter-pdf.test.ts: SKIPPED PDF checks — poppler-utils missing (apt-get install poppler-utils)',
  );
}
if (!hasZbar) {
  console.warn('letter-pdf.test.ts: SKIPPED QR decoding — zbarimg missing (apt-get install zbar-tools)');
}

function run(command: string, args: readonly string[]): Buffer {
  const result = spawnSync(command, args, { maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  }
  return result.stdout;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collectdesk-letters-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function writePdf(name: string, input: RenderLetterPdfInput): Promise<string> {
  const path = join(dir, `${name}.pdf`);
  await writeFile(path, await renderLetterPdf(input));
  return path;
}

function pageCount(path: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [path]).toString());
  return Number(match?.[1]);
}

function pageText(path: string, page: number): string {
  const text = run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', path, '-']).toString();
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Renders every page at 150 dpi and returns what zbar decodes on each, as raw UTF-8 bytes. */
async function decodeQrCodes(path: string, name: string): Promise<string[]> {
  run('pdftoppm', ['-r', '150', '-png', path, join(dir, name)]);
  const images = (await readdir(dir)).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'));
  const decoded: string[] = [];
  for (const image of images.sort()) {
    // -Sbinary: the symbol's bytes as they are; otherwise zbar guesses a character set and reads
    // UTF-8 accents as Shift-JIS. Exit status 4 means no symbol on that page.
    const result = spawnSync('zbarimg', [
      '--raw',
      '-q',
      '-Sdisable',
      '-Sqrcode.enable',
      '-Sbinary',
      join(dir, image),
    ]);
    if (result.status === 0) decoded.push(result.stdout.toString('utf8'));
    else if (result.status !== 4) throw new Error(`zbarimg failed: ${result.stderr.toString()}`);
  }
  return decoded;
}

type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** The words of one page with their boxes in PDF points from the top-left (pdftotext -bbox). */
function pageWords(path: string, page: number): Word[] {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-']).toString();
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map(([, xMin, yMin, xMax, yMax, text]) => ({
    text: (text ?? '').replace(/&(\w+);/g, (entity, name: string) => entities[name] ?? entity),
    xMin: Number(xMin),
    yMin: Number(yMin),
    xMax: Number(xMax),
    yMax: Number(yMax),
  }));
}

/** The boxes of the first run of consecutive words that spells `line`. */
function findLine(words: readonly Word[], line: string): Word[] | undefined {
  const tokens = line.split(/\s+/).filter((token) => token !== '');
  for (let start = 0; start + tokens.length <= words.length; start++) {
    const run = words.slice(start, start + tokens.length);
    if (run.every((word, index) => word.text === tokens[index])) return run;
  }
  return undefined;
}

describe('renderLetterPdf', () => {
  it('renders a PDF', async () => {
    const pdf = await renderLetterPdf(
      sampleLetter({ language: 'nl', invoiceCount: 5, hasClaim: false, hasQrCode: true }),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('gives the same bytes for the same input (the creation date is a parameter)', async () => {
    const input = sampleLetter({ language: 'fr', invoiceCount: 3, hasClaim: true, hasQrCode: true });
    const [first, second] = await Promise.all([renderLetterPdf(input), renderLetterPdf(input)]);
    expect(first.equals(second)).toBe(true);
    const later = await renderLetterPdf({ ...input, createdAt: new Date(Date.UTC(2026, 2, 13)) });
    expect(later.equals(first)).toBe(false);
  });

  it('refuses an EPC payload that does not fit a version 13 QR code', async () => {
    const input = sampleLetter({ language: 'nl', invoiceCount: 1, hasClaim: false, hasQrCode: true });
    const envelope = { ...input.envelope, epcQrPayload: `BCD\n002\n1\nSCT\n\n${'x'.repeat(400)}` };
    await expect(renderLetterPdf({ ...input, envelope })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'epcQrPayload' }],
    });
  });

  it('refuses a recipient address with more lines than the window holds', async () => {
    const input = sampleLetter({ language: 'nl', invoiceCount: 1, hasClaim: false, hasQrCode: false });
    const recipient = {
      ...input.envelope.recipient,
      addressLines: Array.from({ length: 12 }, (_, i) => `Regel ${i}`),
    };
    const result = renderLetterPdf({ ...input, envelope: { ...input.envelope, recipient } });
    await expect(result).rejects.toBeInstanceOf(AppError);
    await expect(result).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe.skipIf(!hasPoppler)('renderLetterPdf, read back with poppler', () => {
  it('writes A4 pages with title, author and the given creation date', async () => {
    const input = sampleLetter({ language: 'nl', invoiceCount: 5, hasClaim: false, hasQrCode: true });
    const info = run('pdfinfo', ['-isodates', await writePdf('metadata', input)]).toString();
    expect(info).toMatch(/^Title:\s+Tweede herinnering openstaande facturen, klantnummer D-10023$/m);
    expect(info).toMatch(/^Author:\s+Voorbeeld Installatietechniek B\.V\.$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-03-12T08:30:00(Z|\+00)/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
  });

  it('fits the typical letter (five invoices, QR code) on one page', async () => {
    const path = await writePdf(
      'typical',
      sampleLetter({ language: 'nl', invoiceCount: 5, hasClaim: false, hasQrCode: true }),
    );
    expect(pageCount(path)).toBe(1);
    const text = pageText(path, 1);
    expect(text).toContain('Betreft: Tweede herinnering');
    expect(text).toContain('Scan en betaal');
    expect(text).toContain('Met vriendelijke groet,');
    expect(text).toMatch(/KvK 30123456 · btw NL001234567B01/);
    expect(text).toMatch(/1\/1\s*$/m);
  });

  it('prints amounts, accents and the euro sign as formatMoney writes them, in French too', async () => {
    const input = sampleLetter({ language: 'fr', invoiceCount: 5, hasClaim: true, hasQrCode: true });
    const path = await writePdf('french', input);
    const text = Array.from({ length: pageCount(path) }, (_, i) => pageText(path, i + 1)).join('\n');
    const claimTotal = input.content.claim?.totalCents ?? 0;
    const normalize = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain(normalize(formatMoney(input.content.table.totalOpenCents, 'EUR', 'fr')));
    expect(text).toContain(normalize(formatMoney(claimTotal, 'EUR', 'fr')));
    expect(text).toContain('Établissements Dubœuf & Fils SA');
    expect(text).toContain('À l’attention de Madame Françoise Lemaître');
    expect(text).toContain('Concerne : Deuxième rappel');
    expect(text).toContain('Scannez et payez');
  });

  it('continues a long table on further pages with its headings repeated', async () => {
    const input = sampleLetter({ language: 'en', invoiceCount: 60, hasClaim: true, hasQrCode: true });
    const path = await writePdf('long', input);
    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(1);
    const headingLine = /Invoice\s+Invoice date\s+Due date\s+Description\s+Amount\s+Outstanding/;
    expect(pageText(path, 1)).toMatch(headingLine);
    const second = pageText(path, 2);
    expect(second).toMatch(headingLine);
    // The heading comes before the first row on the continuation page.
    const firstRow = /2025-0\d{4}/.exec(second);
    expect(second.search(headingLine)).toBeLessThan(firstRow?.index ?? -1);
    for (let page = 1; page <= pages; page++) {
      expect(pageText(path, page)).toMatch(new RegExp(`${page}/${pages}\\s*$`, 'm'));
    }
    // Every invoice is printed once, and the letter ends with the signature.
    const all = Array.from({ length: pages }, (_, i) => pageText(path, i + 1)).join('\n');
    for (const row of input.content.table.rows) {
      expect(all.split(row.number).length - 1, row.number).toBe(1);
    }
    expect(pageText(path, pages)).toContain('Sanne de Vries');
  });

  it('puts the whole recipient address inside the envelope window', async () => {
    const input = sampleLetter({ language: 'nl', invoiceCount: 3, hasClaim: false, hasQrCode: true });
    const words = pageWords(await writePdf('window', input), 1);
    const window = {
      left: mm(ADDRESS_WINDOW_MM.left),
      top: mm(ADDRESS_WINDOW_MM.top),
      right: mm(ADDRESS_WINDOW_MM.left + ADDRESS_WINDOW_MM.width),
      bottom: mm(ADDRESS_WINDOW_MM.top + ADDRESS_WINDOW_MM.height),
    };
    const { recipient } = input.envelope;
    const lines = [recipient.name, recipient.attention ?? '', ...recipient.addressLines].filter(Boolean);
    expect(lines.length).toBe(4);
    for (const line of lines) {
      const boxes = findLine(words, line);
      expect(boxes, line).toBeDefined();
      for (const box of boxes ?? []) {
        expect(box.xMin, box.text).toBeGreaterThanOrEqual(window.left);
        expect(box.xMax, box.text).toBeLessThanOrEqual(window.right);
        expect(box.yMin, box.text).toBeGreaterThanOrEqual(window.top);
        expect(box.yMax, box.text).toBeLessThanOrEqual(window.bottom);
      }
    }
  });

  it('keeps a long address whole inside the window, smaller and wrapped rather than cut short', async () => {
    const input = sampleLetter({ language: 'nl', invoiceCount: 1, hasClaim: false, hasQrCode: false });
    const recipient = {
      name: 'Stichting Woningcorporatie Gemeenschappelijk Beheer Rivierenland-Zuid',
      attention: 'T.a.v. de afdeling Crediteurenadministratie',
      addressLines: ['Burgemeester van Walsum-Verhoevenstraat 1234-A', '4001 AB Tiel', 'Nederland'],
    };
    const path = await writePdf('long-address', { ...input, envelope: { ...input.envelope, recipient } });
    const words = pageWords(path, 1);
    for (const line of [recipient.name, recipient.attention, ...recipient.addressLines]) {
      const boxes = findLine(words, line);
      expect(boxes, line).toBeDefined();
      for (const box of boxes ?? []) {
        expect(box.xMin, box.text).toBeGreaterThanOrEqual(mm(ADDRESS_WINDOW_MM.left));
        expect(box.xMax, box.text).toBeLessThanOrEqual(mm(ADDRESS_WINDOW_MM.left + ADDRESS_WINDOW_MM.width));
        expect(box.yMin, box.text).toBeGreaterThanOrEqual(mm(ADDRESS_WINDOW_MM.top));
        expect(box.yMax, box.text).toBeLessThanOrEqual(mm(ADDRESS_WINDOW_MM.top + ADDRESS_WINDOW_MM.height));
      }
    }
  });
});

describe.skipIf(!hasPoppler || !hasZbar)('renderLetterPdf, EPC QR code scanned with zbar', () => {
  it('prints a QR code that decodes to the payload exactly (3 invoices and a claim)', async () => {
    const input = sampleLetter({ language: 'nl', invoiceCount: 3, hasClaim: true, hasQrCode: true });
    expect(input.envelope.epcQrPayload).toBe(input.epcQrPayload);
    const path = await writePdf('qr', input);
    expect(pageText(path, 1)).toContain('Specificatie van de vordering');
    expect(await decodeQrCodes(path, 'qr')).toEqual([input.epcQrPayload]);
  });

  it('keeps UTF-8 accents in the payload intact', async () => {
    const input = sampleLetter({ language: 'fr', invoiceCount: 2, hasClaim: false, hasQrCode: true });
    const epc = buildEpcQrPayload({
      beneficiaryName: 'Établissements Dubœuf & Fils',
      iban: 'BE68 5390 0754 7034',
      amountCents: 123_456,
      remittanceText: 'Facture F2025-01041, échéance dépassée',
    });
    if (!epc.ok) throw new Error(JSON.stringify(epc.issues));
    const path = await writePdf('qr-utf8', {
      ...input,
      envelope: { ...input.envelope, epcQrPayload: epc.payload },
    });
    expect(await decodeQrCodes(path, 'qr-utf8')).toEqual([epc.payload]);
  });
});
