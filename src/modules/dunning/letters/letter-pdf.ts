/**
 * Lays out a dunning letter (`LetterContent`, finished sentences from the templates) as an A4 PDF
 * for printing and posting in a left-window envelope or attaching to an email. PDF standard fonts
 * only (Helvetica, WinAnsi), so there are no font files to load or embed; the EPC QR code is
 * drawn as vector squares. Output is byte-for-byte reproducible: the creation date is a parameter.
 *
 * Page 1: letterhead (sender), the recipient's address in the envelope window with the sender's
 * return line above it, place/date and references to the right of the window, then the subject,
 * salutation, opening, invoice table, claim statement, body, payment box with QR code, closing and
 * signature. Long tables continue on further pages with their headings repeated. Every page has a
 * footer with the sender's details and "n/N"; later pages also a one-line header.
 */
import PDFDocument from 'pdfkit';
import type { CalendarDate } from '../../../core/calendar-date.js';
import type { LetterContent } from '../../../core/dunning/letter.js';
import { AppError } from '../../../core/errors.js';
import { formatMoney } from '../../../core/money.js';
import { createEpcQrMatrix, drawQrMatrix, type QrMatrix } from './epc-qr-drawing.js';
import { LETTER_CAPTIONS, type LetterCaptions } from './letter-captions.js';
import {
  ADDRESS_FIELD_MM,
  CONTENT_MM,
  CONTINUATION_HEADER_MM,
  FOLD_MARKS_MM,
  FOOTER_MM,
  HOLE_MARK_MM,
  INFO_BLOCK_MM,
  mm,
  PAGE_MM,
  QR_SIZE_MM,
} from './letter-layout.js';
import { formatTableDate, toWinAnsi } from './pdf-text.js';

export type LetterEnvelope = {
  sender: {
    name: string;
    addressLines: readonly string[];
    /**
     * The sender's contact and legal details on one line, already worded for the jurisdiction,
     * e.g. "info@voorbeeld.nl · 030 123 45 67 · IBAN NL91 ABNA 0417 1643 00 · KvK 12345678 ·
     * btw NL001234567B01". Printed in every page's footer (wrapped to two lines when long).
     */
    contactLine: string;
  };
  recipient: {
    name: string;
    /** "T.a.v. mevrouw De Vries" / "À l'attention de …"; null without a contact person. */
    attention: string | null;
    addressLines: readonly string[];
  };
  /** "Utrecht, 12 maart 2026" / "Bruxelles, le 12 mars 2026". */
  placeAndDate: string;
  /** Label/value lines under the date, e.g. `{ label: 'Klantnummer', value: 'D-10023' }`. */
  references: readonly { label: string; value: string }[];
  /** From `buildEpcQrPayload`; null prints the payment box without a QR code. */
  epcQrPayload: string | null;
};

export type RenderLetterPdfInput = {
  content: LetterContent;
  envelope: LetterEnvelope;
  /** The PDF's creation date (metadata); passed in so the same input gives the same bytes. */
  createdAt: Date;
};

const FONT = 'Helvetica';
const FONT_BOLD = 'Helvetica-Bold';

const COLOR = {
  text: '#1a1a1a',
  muted: '#5f6670',
  accent: '#1f3a5f',
  rule: '#b9c0c8',
  faint: '#dde1e6',
  zebra: '#f4f6f8',
  box: '#f1f4f7',
} as const;

const SIZE = { body: 9.5, small: 9, table: 8.5, footer: 7, returnLine: 6.5 } as const;
const BODY_LINE_GAP = 2.2;
const PARAGRAPH_GAP = 7;
const CURRENCY = 'EUR';

const LEFT = mm(CONTENT_MM.left);
const RIGHT = mm(CONTENT_MM.right);
const WIDTH = RIGHT - LEFT;
const BOTTOM = mm(CONTENT_MM.bottom);

type Ctx = {
  doc: PDFKit.PDFDocument;
  content: LetterContent;
  envelope: LetterEnvelope;
  captions: LetterCaptions;
  money: (cents: number) => string;
};

/** Renders the letter to a PDF in memory. */
export async function renderLetterPdf(input: RenderLetterPdfInput): Promise<Buffer> {
  const { content, envelope } = input;
  // Encode the QR code before drawing anything: a bad payload fails fast with VALIDATION_FAILED.
  const qr = envelope.epcQrPayload === null ? null : createEpcQrMatrix(envelope.epcQrPayload);
  const doc = new PDFDocument({
    size: 'A4',
    margins: {
      top: mm(CONTENT_MM.nextPageTop),
      bottom: mm(PAGE_MM.height) - BOTTOM,
      left: LEFT,
      right: mm(PAGE_MM.width) - RIGHT,
    },
    bufferPages: true,
    lang: content.language,
    displayTitle: true,
    info: {
      Title: content.subject,
      Author: envelope.sender.name,
      Subject: content.subject,
      Creator: 'Collectdesk',
      Producer: 'Collectdesk (PDFKit)',
      CreationDate: input.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const ctx: Ctx = {
    doc,
    content,
    envelope,
    captions: LETTER_CAPTIONS[content.language],
    money: memoize((cents) => toWinAnsi(formatMoney(cents, CURRENCY, content.language))),
  };
  doc.fillColor(COLOR.text);
  drawFoldMarks(ctx);
  drawLetterhead(ctx);
  drawAddressField(ctx);
  const infoBottom = drawInfoBlock(ctx);
  doc.y = Math.max(mm(CONTENT_MM.firstPageTop), infoBottom + mm(6));

  drawSubject(ctx);
  drawParagraphs(ctx, [content.salutation]);
  drawParagraphs(ctx, content.opening);
  drawInvoiceTable(ctx);
  if (content.claim) drawClaim(ctx, content.claim);
  drawParagraphs(ctx, content.body);
  drawPaymentBox(ctx, qr);
  drawClosing(ctx);
  drawPageFurniture(ctx);

  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** formatMoney builds an Intl.NumberFormat per call; each amount is measured and drawn. */
function memoize(format: (cents: number) => string): (cents: number) => string {
  const cache = new Map<number, string>();
  return (cents) => {
    let text = cache.get(cents);
    if (text === undefined) {
      text = format(cents);
      cache.set(cents, text);
    }
    return text;
  };
}

function setFont(doc: PDFKit.PDFDocument, font: string, size: number, color: string = COLOR.text): void {
  doc.font(font).fontSize(size).fillColor(color);
}

/** The largest size from `size` down to `minSize` (quarter points) at which `text` fits `width`. */
function fitFontSize(
  doc: PDFKit.PDFDocument,
  font: string,
  text: string,
  width: number,
  size: number,
  minSize: number,
): number {
  let fitted = size;
  doc.font(font);
  while (fitted > minSize && doc.fontSize(fitted).widthOfString(toWinAnsi(text)) > width) fitted -= 0.25;
  return fitted;
}

/** Shortens `text` with an ellipsis until it fits `width` in the current font. */
function fitLine(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let characters = [...text];
  while (characters.length > 0 && doc.widthOfString(`${characters.join('')}…`) > width) {
    characters = characters.slice(0, -1);
  }
  return `${characters.join('').trimEnd()}…`;
}

/**
 * One line of text at (x, y), shortened to `width` and aligned in it by hand: pdfkit's own
 * alignment needs a width, and with a width it wraps (it measures word by word, which can come
 * out a fraction wider than the whole line) and may start a new page.
 */
function drawLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  options: { width: number; align?: 'left' | 'right' | 'center' },
): void {
  const line = fitLine(doc, toWinAnsi(text), options.width);
  let offset = 0;
  if (options.align === 'right' || options.align === 'center') {
    const free = Math.max(0, options.width - doc.widthOfString(line));
    offset = options.align === 'right' ? free : free / 2;
  }
  doc.text(line, x + offset, y, { lineBreak: false });
}

/** The current font's line height, as pdfkit advances between wrapped lines. */
function lineHeight(doc: PDFKit.PDFDocument, lineGap = 0): number {
  return doc.currentLineHeight(true) + lineGap;
}

/** Starts a new page when `height` does not fit below the cursor; true when it did. */
function ensureSpace(doc: PDFKit.PDFDocument, height: number): boolean {
  if (doc.y + height <= BOTTOM) return false;
  doc.addPage();
  doc.y = mm(CONTENT_MM.nextPageTop);
  return true;
}

function horizontalRule(doc: PDFKit.PDFDocument, y: number, options: { color: string; width: number }): void {
  doc.save().moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(options.width).strokeColor(options.color).stroke();
  doc.restore();
}

// ---------------------------------------------------------------------------------------------
// Page 1 header area

function drawFoldMarks({ doc }: Ctx): void {
  doc.save().lineWidth(0.5).strokeColor(COLOR.rule);
  for (const y of FOLD_MARKS_MM) doc.moveTo(mm(5), mm(y)).lineTo(mm(10), mm(y)).stroke();
  doc.moveTo(mm(5), mm(HOLE_MARK_MM)).lineTo(mm(12), mm(HOLE_MARK_MM)).stroke();
  doc.restore();
}

function drawLetterhead({ doc, envelope }: Ctx): void {
  const top = mm(16);
  // A long company name gets a smaller size before it would be shortened.
  const nameWidth = mm(95);
  setFont(doc, FONT_BOLD, fitFontSize(doc, FONT_BOLD, envelope.sender.name, nameWidth, 16, 11), COLOR.accent);
  drawLine(doc, envelope.sender.name, LEFT, top, { width: nameWidth });
  setFont(doc, FONT, 8.5, COLOR.muted);
  const step = lineHeight(doc, 1.5);
  envelope.sender.addressLines.forEach((line, index) => {
    drawLine(doc, line, mm(INFO_BLOCK_MM.left), top + 2 + index * step, {
      width: mm(INFO_BLOCK_MM.width),
      align: 'right',
    });
  });
  horizontalRule(doc, mm(33), { color: COLOR.accent, width: 1 });
}

/** The return line and the recipient's address, fitted inside the window (see letter-layout.ts). */
function drawAddressField({ doc, envelope }: Ctx): void {
  const x = mm(ADDRESS_FIELD_MM.left);
  const width = mm(ADDRESS_FIELD_MM.width);
  const returnLine = [envelope.sender.name, ...envelope.sender.addressLines].join(' · ');
  setFont(doc, FONT, fitFontSize(doc, FONT, returnLine, width, SIZE.returnLine, 5.5), COLOR.muted);
  const returnTop = mm(ADDRESS_FIELD_MM.returnLineTop);
  drawLine(doc, returnLine, x, returnTop, { width });
  const underline = returnTop + lineHeight(doc) + 0.5;
  const returnWidth = Math.min(width, doc.widthOfString(fitLine(doc, toWinAnsi(returnLine), width)));
  doc
    .save()
    .moveTo(x, underline)
    .lineTo(x + returnWidth, underline)
    .lineWidth(0.4);
  doc.strokeColor(COLOR.muted).stroke().restore();

  const { recipient } = envelope;
  const lines = [
    recipient.name,
    ...(recipient.attention ? [recipient.attention] : []),
    ...recipient.addressLines,
  ]
    .map((line) => toWinAnsi(line.trim()))
    .filter((line) => line !== '');
  const top = mm(ADDRESS_FIELD_MM.top);
  const height = mm(ADDRESS_FIELD_MM.bottom) - top;
  const printed = fitAddress(doc, lines, { width, height });
  if (!printed) {
    throw new AppError('VALIDATION_FAILED', 'the recipient address does not fit the envelope window', [
      {
        field: 'recipient.addressLines',
        message: `${lines.length} lines do not fit in ${ADDRESS_FIELD_MM.width} × ${ADDRESS_FIELD_MM.bottom - ADDRESS_FIELD_MM.top} mm`,
      },
    ]);
  }
  setFont(doc, FONT, printed.size);
  printed.lines.forEach((line, index) => {
    drawLine(doc, line, x, top + index * printed.size * ADDRESS_LEADING, { width });
  });
}

const ADDRESS_LEADING = 1.2;

/**
 * The address lines at a size that fits the field. Lines are never dropped or cut short, so a
 * postal address stays whole: a line too wide is wrapped at spaces (continuation indented). The
 * choice prefers the fewest wrapped lines, then the largest size, from 10 pt down to 8 pt, and
 * only then goes down to 7 pt; null when nothing fits. (A single word wider than the field,
 * with no space to wrap at, is shortened by drawLine.)
 */
function fitAddress(
  doc: PDFKit.PDFDocument,
  lines: readonly string[],
  field: { width: number; height: number },
): { size: number; lines: string[] } | null {
  const best = (sizes: readonly number[]) => {
    let chosen: { size: number; lines: string[] } | null = null;
    for (const size of sizes) {
      doc.font(FONT).fontSize(size);
      const wrapped = lines.flatMap((line) => wrapWords(doc, line, field.width, '  '));
      if (wrapped.length * size * ADDRESS_LEADING > field.height) continue;
      // Nothing wrapped: no smaller size can do better.
      if (wrapped.length === lines.length) return { size, lines: wrapped };
      if (chosen === null || wrapped.length < chosen.lines.length) chosen = { size, lines: wrapped };
    }
    return chosen;
  };
  return best([10, 9.5, 9, 8.5, 8]) ?? best([7.5, 7]);
}

/** Greedy word wrap in the current font; continuation lines start with `indent`. */
function wrapWords(doc: PDFKit.PDFDocument, text: string, width: number, indent: string): string[] {
  if (doc.widthOfString(text) <= width) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter((part) => part !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && doc.widthOfString(candidate) > width) {
      lines.push(current);
      current = `${indent}${word}`;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Place and date, then the references, to the right of the window; returns its bottom. */
function drawInfoBlock({ doc, envelope }: Ctx): number {
  const x = mm(INFO_BLOCK_MM.left);
  const width = mm(INFO_BLOCK_MM.width);
  let y = mm(INFO_BLOCK_MM.top) + mm(6);
  setFont(doc, FONT, SIZE.small);
  drawLine(doc, envelope.placeAndDate, x, y, { width });
  y += lineHeight(doc, 2) + mm(3);
  if (envelope.references.length === 0) return y;
  doc.font(FONT).fontSize(8);
  const labelWidth = Math.min(
    width * 0.5,
    Math.max(...envelope.references.map(({ label }) => doc.widthOfString(toWinAnsi(label)))) + mm(3),
  );
  for (const { label, value } of envelope.references) {
    setFont(doc, FONT, 8, COLOR.muted);
    drawLine(doc, label, x, y + 0.8, { width: labelWidth });
    setFont(doc, FONT, SIZE.small);
    drawLine(doc, value, x + labelWidth, y, { width: width - labelWidth });
    y += lineHeight(doc, 2.5);
  }
  return y;
}

// ---------------------------------------------------------------------------------------------
// Flowing text

function drawSubject({ doc, content, captions }: Ctx): void {
  setFont(doc, FONT, 10.5);
  doc.text(`${toWinAnsi(captions.subjectLabel)} `, LEFT, doc.y, { width: WIDTH, continued: true });
  doc.font(FONT_BOLD).text(toWinAnsi(content.subject), { width: WIDTH });
  doc.y += mm(6);
}

function drawParagraphs({ doc }: Ctx, paragraphs: readonly string[]): void {
  setFont(doc, FONT, SIZE.body);
  for (const paragraph of paragraphs) {
    // Keep at least two lines of a paragraph together at the bottom of a page.
    ensureSpace(doc, 2 * lineHeight(doc, BODY_LINE_GAP));
    doc.text(toWinAnsi(paragraph), LEFT, doc.y, { width: WIDTH, lineGap: BODY_LINE_GAP });
    doc.y += PARAGRAPH_GAP;
  }
}

// ---------------------------------------------------------------------------------------------
// Invoice table

type Column = {
  key: keyof LetterContent['table']['headings'];
  x: number;
  width: number;
  align: 'left' | 'right';
};

const CELL_PAD_X = 4;
const CELL_PAD_Y = 2.4;
const DESCRIPTION_MAX_LINES = 2;

function widestWord(doc: PDFKit.PDFDocument, text: string): number {
  return Math.max(
    0,
    ...toWinAnsi(text)
      .split(/\s+/)
      .map((word) => doc.widthOfString(word)),
  );
}

function layoutColumns({ doc, content, money }: Ctx): Column[] {
  const { headings, rows } = content.table;
  // Helvetica's digits are all equally wide, so any date measures like every other.
  const sampleDate = formatTableDate('2000-12-31' as CalendarDate, content.language);
  doc.font(FONT_BOLD).fontSize(SIZE.table);
  const totalOpen = doc.widthOfString(money(content.table.totalOpenCents));
  const widest = (texts: readonly string[]): number => {
    doc.font(FONT).fontSize(SIZE.table);
    return Math.max(0, ...texts.map((text) => doc.widthOfString(toWinAnsi(text))));
  };
  const body = {
    number: Math.min(mm(36) - 2 * CELL_PAD_X, widest(rows.map((row) => row.number))),
    issueDate: widest([sampleDate]),
    dueDate: widest([sampleDate]),
    amount: Math.max(mm(20) - 2 * CELL_PAD_X, widest(rows.map((row) => money(row.totalCents)))),
    open: Math.max(mm(20) - 2 * CELL_PAD_X, totalOpen, widest(rows.map((row) => money(row.openCents)))),
  };
  type Fixed = keyof typeof body;
  const keys = Object.keys(body) as Fixed[];
  // Headings on one line when the description keeps at least 45 mm; otherwise they wrap at spaces.
  const widths = (heading: (text: string) => number): Record<Fixed, number> => {
    doc.font(FONT_BOLD).fontSize(SIZE.table);
    return Object.fromEntries(
      keys.map((key) => [key, Math.max(body[key], heading(toWinAnsi(headings[key]))) + 2 * CELL_PAD_X]),
    ) as Record<Fixed, number>;
  };
  const sum = (record: Record<Fixed, number>) => keys.reduce((total, key) => total + record[key], 0);
  let fixed = widths((text) => doc.widthOfString(text));
  if (WIDTH - sum(fixed) < mm(45)) fixed = widths((text) => widestWord(doc, text));
  const order: { key: Column['key']; width: number; align: Column['align'] }[] = [
    { key: 'number', width: fixed.number, align: 'left' },
    { key: 'issueDate', width: fixed.issueDate, align: 'left' },
    { key: 'dueDate', width: fixed.dueDate, align: 'left' },
    { key: 'description', width: WIDTH - sum(fixed), align: 'left' },
    { key: 'amount', width: fixed.amount, align: 'right' },
    { key: 'open', width: fixed.open, align: 'right' },
  ];
  let x = LEFT;
  return order.map((column) => {
    const placed = { ...column, x };
    x += column.width;
    return placed;
  });
}

function drawTableHeading(ctx: Ctx, columns: readonly Column[]): void {
  const { doc, content } = ctx;
  const height = tableHeadingHeight(ctx, columns);
  const top = doc.y;
  doc.save().rect(LEFT, top, WIDTH, height).fill(COLOR.box).restore();
  setFont(doc, FONT_BOLD, SIZE.table);
  for (const column of columns) {
    doc.text(toWinAnsi(content.table.headings[column.key]), column.x + CELL_PAD_X, top + CELL_PAD_Y, {
      width: column.width - 2 * CELL_PAD_X,
      align: column.align,
    });
  }
  horizontalRule(doc, top + height, { color: COLOR.accent, width: 0.8 });
  doc.y = top + height;
}

function tableHeadingHeight(ctx: Ctx, columns: readonly Column[]): number {
  const { doc, content } = ctx;
  doc.font(FONT_BOLD).fontSize(SIZE.table);
  return (
    Math.max(
      ...columns.map((column) =>
        doc.heightOfString(toWinAnsi(content.table.headings[column.key]), {
          width: column.width - 2 * CELL_PAD_X,
        }),
      ),
    ) +
    2 * CELL_PAD_Y
  );
}

function drawInvoiceTable(ctx: Ctx): void {
  const { doc, content, money } = ctx;
  const columns = layoutColumns(ctx);
  const openColumn = columns.find((candidate) => candidate.key === 'open');
  if (!openColumn) throw new Error('the table has no "open" column');
  doc.font(FONT).fontSize(SIZE.table);
  const oneLine = lineHeight(doc);
  const headingHeight = tableHeadingHeight(ctx, columns);
  doc.y += 2;
  ensureSpace(doc, headingHeight + oneLine + 2 * CELL_PAD_Y);
  drawTableHeading(ctx, columns);

  content.table.rows.forEach((row, index) => {
    const cells: Record<Column['key'], string> = {
      number: toWinAnsi(row.number),
      issueDate: formatTableDate(row.issueDate, content.language),
      dueDate: formatTableDate(row.dueDate, content.language),
      description: toWinAnsi(row.description ?? ''),
      amount: money(row.totalCents),
      open: money(row.openCents),
    };
    // Most cells fit on one line and are placed directly; only the others go through pdfkit's
    // line wrapping (descriptions and long numbers, at most two lines, then an ellipsis).
    doc.font(FONT).fontSize(SIZE.table);
    const placed = columns.map((column) => {
      const text = cells[column.key];
      const innerWidth = column.width - 2 * CELL_PAD_X;
      const textWidth = doc.widthOfString(text);
      const isOneLine = textWidth <= innerWidth;
      const height = isOneLine
        ? oneLine
        : Math.min(DESCRIPTION_MAX_LINES * oneLine, doc.heightOfString(text, { width: innerWidth }));
      return { column, text, innerWidth, textWidth, isOneLine, height };
    });
    const textHeight = Math.max(oneLine, ...placed.map((cell) => cell.height));
    const height = textHeight + 2 * CELL_PAD_Y;
    if (ensureSpace(doc, height)) drawTableHeading(ctx, columns);
    const top = doc.y;
    if (index % 2 === 1) doc.save().rect(LEFT, top, WIDTH, height).fill(COLOR.zebra).restore();
    setFont(doc, FONT, SIZE.table);
    for (const { column, text, innerWidth, textWidth, isOneLine } of placed) {
      const x = column.x + CELL_PAD_X;
      if (isOneLine) {
        const offset = column.align === 'right' ? innerWidth - textWidth : 0;
        doc.text(text, x + offset, top + CELL_PAD_Y, { lineBreak: false });
      } else {
        doc.text(text, x, top + CELL_PAD_Y, {
          width: innerWidth,
          height: textHeight,
          align: column.align,
          ellipsis: true,
        });
      }
    }
    doc.y = top + height;
  });

  // The total: a rule, the label from the first column, the amount under "open".
  doc.font(FONT_BOLD).fontSize(SIZE.table);
  const totalHeight = oneLine + 2 * CELL_PAD_Y + 2;
  if (ensureSpace(doc, totalHeight)) drawTableHeading(ctx, columns);
  const top = doc.y;
  horizontalRule(doc, top, { color: COLOR.text, width: 0.8 });
  setFont(doc, FONT_BOLD, SIZE.table);
  drawLine(doc, content.table.totalLabel, LEFT + CELL_PAD_X, top + CELL_PAD_Y + 1, {
    width: openColumn.x - LEFT - 2 * CELL_PAD_X,
  });
  drawLine(doc, money(content.table.totalOpenCents), openColumn.x + CELL_PAD_X, top + CELL_PAD_Y + 1, {
    width: openColumn.width - 2 * CELL_PAD_X,
    align: 'right',
  });
  doc.y = top + totalHeight + mm(5);
}

// ---------------------------------------------------------------------------------------------
// Claim statement

function drawClaim(ctx: Ctx, claim: NonNullable<LetterContent['claim']>): void {
  const { doc, money } = ctx;
  setFont(doc, FONT, SIZE.small);
  const rowHeight = lineHeight(doc, 3.2);
  const amounts = [...claim.lines.map((line) => money(line.amountCents)), money(claim.totalCents)];
  doc.font(FONT_BOLD);
  const amountWidth = Math.max(mm(24), ...amounts.map((text) => doc.widthOfString(text))) + CELL_PAD_X;
  const amountX = RIGHT - CELL_PAD_X - amountWidth;
  const labelWidth = amountX - LEFT - mm(4);
  doc.font(FONT_BOLD).fontSize(SIZE.body);
  const titleHeight = lineHeight(doc) + 4;
  ensureSpace(doc, titleHeight + (claim.lines.length + 1) * rowHeight + 6);

  setFont(doc, FONT_BOLD, SIZE.body);
  drawLine(doc, claim.title, LEFT, doc.y, { width: WIDTH });
  let y = doc.y + titleHeight;
  setFont(doc, FONT, SIZE.small);
  for (const line of claim.lines) {
    drawLine(doc, line.label, LEFT + CELL_PAD_X, y, { width: labelWidth });
    drawLine(doc, money(line.amountCents), amountX, y, { width: amountWidth, align: 'right' });
    y += rowHeight;
  }
  horizontalRule(doc, y - 1.5, { color: COLOR.text, width: 0.8 });
  y += 1.5;
  setFont(doc, FONT_BOLD, SIZE.small);
  drawLine(doc, claim.totalLabel, LEFT + CELL_PAD_X, y, { width: labelWidth });
  drawLine(doc, money(claim.totalCents), amountX, y, { width: amountWidth, align: 'right' });
  doc.y = y + rowHeight + mm(4);
}

// ---------------------------------------------------------------------------------------------
// Payment box with the EPC QR code

function drawPaymentBox(ctx: Ctx, qr: QrMatrix | null): void {
  const { doc, content, captions } = ctx;
  const { title, rows } = content.paymentBox;
  const pad = mm(4);
  const padY = mm(3);
  const qrSize = mm(QR_SIZE_MM);
  const qrColumn = qr ? qrSize + mm(6) : 0;
  const textWidth = WIDTH - 2 * pad - qrColumn;

  doc.font(FONT).fontSize(SIZE.small);
  const labelWidth = Math.min(
    textWidth * 0.42,
    Math.max(0, ...rows.map(({ label }) => doc.widthOfString(toWinAnsi(label)))) + mm(4),
  );
  const valueWidth = textWidth - labelWidth;
  const rowGap = 3.5;
  doc.font(FONT_BOLD).fontSize(SIZE.body);
  const titleHeight = doc.heightOfString(toWinAnsi(title), { width: textWidth }) + mm(2.5);
  doc.font(FONT_BOLD).fontSize(SIZE.small);
  const rowHeights = rows.map(({ value }) => doc.heightOfString(toWinAnsi(value), { width: valueWidth }));
  const textHeight = titleHeight + rowHeights.reduce((sum, h) => sum + h + rowGap, 0) - rowGap;
  doc.font(FONT_BOLD).fontSize(8);
  const captionHeight = lineHeight(doc) + mm(1.5);
  const innerHeight = Math.max(textHeight, qr ? qrSize + captionHeight : 0);
  const boxHeight = innerHeight + 2 * padY;

  doc.y += mm(1);
  ensureSpace(doc, boxHeight + mm(2));
  const top = doc.y;
  doc.save().roundedRect(LEFT, top, WIDTH, boxHeight, 3).lineWidth(0.6);
  doc.fillAndStroke(COLOR.box, COLOR.rule).restore();

  // Text column, vertically centred against the QR code.
  let y = top + padY + Math.max(0, (innerHeight - textHeight) / 2);
  setFont(doc, FONT_BOLD, SIZE.body, COLOR.accent);
  doc.text(toWinAnsi(title), LEFT + pad, y, { width: textWidth });
  y += titleHeight;
  rows.forEach(({ label, value }, index) => {
    setFont(doc, FONT, SIZE.small, COLOR.muted);
    drawLine(doc, label, LEFT + pad, y, { width: labelWidth - mm(2) });
    setFont(doc, FONT_BOLD, SIZE.small);
    doc.text(toWinAnsi(value), LEFT + pad + labelWidth, y, { width: valueWidth });
    y += (rowHeights[index] ?? 0) + rowGap;
  });

  if (qr) {
    const qrX = RIGHT - padY - qrSize;
    const qrY = top + padY + Math.max(0, (innerHeight - qrSize - captionHeight) / 2);
    drawQrMatrix(doc, qr, { x: qrX, y: qrY, sizePt: qrSize });
    setFont(doc, FONT_BOLD, 8, COLOR.text);
    drawLine(doc, captions.scanToPay, qrX - mm(3), qrY + qrSize + mm(1.2), {
      width: qrSize + mm(6),
      align: 'center',
    });
  }
  doc.fillColor(COLOR.text);
  doc.y = top + boxHeight + mm(5);
}

// ---------------------------------------------------------------------------------------------
// Closing, signature and page furniture

function drawClosing({ doc, content }: Ctx): void {
  setFont(doc, FONT, SIZE.body);
  const line = lineHeight(doc, BODY_LINE_GAP);
  const signatureGap = mm(8);
  ensureSpace(doc, line + signatureGap + content.signature.length * lineHeight(doc, 1));
  doc.text(toWinAnsi(content.closing), LEFT, doc.y, { width: WIDTH, lineGap: BODY_LINE_GAP });
  let y = doc.y + signatureGap;
  const signatureLine = lineHeight(doc, 1);
  content.signature.forEach((text, index) => {
    setFont(doc, index === 0 ? FONT_BOLD : FONT, SIZE.body);
    drawLine(doc, text, LEFT, y, { width: WIDTH });
    y += signatureLine;
  });
  doc.y = y;
}

/** Packs " · "-separated items into at most `maxLines` lines of `width`; the last one shortened. */
function packItems(doc: PDFKit.PDFDocument, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const item of toWinAnsi(text).split(' · ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && doc.widthOfString(`${last} · ${item}`) <= width) {
      lines[lines.length - 1] = `${last} · ${item}`;
    } else {
      lines.push(item);
    }
  }
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines - 1), lines.slice(maxLines - 1).join(' · ')];
}

/** Footer on every page; fold marks were drawn on page 1; a short header on pages 2 and later. */
function drawPageFurniture({ doc, content, envelope }: Ctx): void {
  const { start, count } = doc.bufferedPageRange();
  const footerWidth = WIDTH - mm(18);
  setFont(doc, FONT, SIZE.footer);
  const footerLines = [
    ...packItems(doc, [envelope.sender.name, ...envelope.sender.addressLines].join(' · '), footerWidth, 1),
    ...packItems(doc, envelope.sender.contactLine, footerWidth, 2),
  ];
  for (let index = 0; index < count; index++) {
    doc.switchToPage(start + index);
    // Drawing in the bottom margin must not make pdfkit start a page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;

    horizontalRule(doc, mm(FOOTER_MM.rule), { color: COLOR.faint, width: 0.6 });
    setFont(doc, FONT, SIZE.footer, COLOR.muted);
    const top = mm(FOOTER_MM.top);
    const step = lineHeight(doc, 1.2);
    footerLines.forEach((line, lineIndex) => {
      drawLine(doc, line, LEFT, top + lineIndex * step, { width: footerWidth });
    });
    setFont(doc, FONT, 8, COLOR.muted);
    drawLine(doc, `${index + 1}/${count}`, RIGHT - mm(15), top, { width: mm(15), align: 'right' });

    if (index > 0) {
      setFont(doc, FONT, 8, COLOR.muted);
      const headerTop = mm(CONTINUATION_HEADER_MM.top);
      drawLine(doc, `${envelope.sender.name} · ${content.subject}`, LEFT, headerTop, { width: WIDTH * 0.68 });
      drawLine(doc, envelope.placeAndDate, LEFT + WIDTH * 0.7, headerTop, {
        width: WIDTH * 0.3,
        align: 'right',
      });
      horizontalRule(doc, mm(CONTINUATION_HEADER_MM.rule), { color: COLOR.faint, width: 0.6 });
    }
    doc.page.margins.bottom = bottomMargin;
  }
}
