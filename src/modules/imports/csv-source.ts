import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PassThrough, pipeline, type Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

/**
 * Reading CSV exports as accounting packages write them, streaming: encoding (UTF-8 with or
 * without BOM, else Windows-1252), delimiter (`;` `,` tab `|`) and quoted fields with newlines.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvFormat = { encoding: CsvEncoding; delimiter: string; bytes: number };

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * Reads the file once to decide its encoding: valid UTF-8 is UTF-8 (a BOM is skipped), anything
 * else is Windows-1252, what Excel and older Dutch packages write. Then guesses the delimiter.
 */
export async function detectCsvFormat(path: string): Promise<CsvFormat> {
  const { size } = await stat(path);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const head: Buffer[] = [];
  let headBytes = 0;
  let isUtf8 = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (headBytes < SAMPLE_BYTES) {
      head.push(chunk.subarray(0, SAMPLE_BYTES - headBytes));
      headBytes += Math.min(chunk.length, SAMPLE_BYTES - headBytes);
    }
    if (!isUtf8) continue;
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      isUtf8 = false;
    }
  }
  if (isUtf8) {
    try {
      decoder.decode();
    } catch {
      isUtf8 = false;
    }
  }
  const encoding: CsvEncoding = isUtf8 ? 'utf-8' : 'windows-1252';
  const sampleBytes = Buffer.concat(head);
  // A sample cut mid-character would only spoil its last line, which detection ignores anyway.
  const sample = isUtf8 ? sampleBytes.toString('utf8') : iconv.decode(sampleBytes, 'win1252');
  return { encoding, delimiter: detectDelimiter(sample, size > SAMPLE_BYTES), bytes: size };
}

/** Splits text into lines, ignoring line breaks inside quoted fields. */
function linesOutsideQuotes(text: string): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      lines.push(text.slice(start, i));
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === delimiter) count++;
  }
  return count;
}

/**
 * The delimiter that splits the most lines into the same number of fields (a title line such as
 * "KNAB EXPORT" above the header does not disturb it). Decimal commas lose to semicolons because
 * the header line has none.
 */
export function detectDelimiter(sample: string, truncated = false): string {
  let lines = linesOutsideQuotes(sample.replace(/^\uFEFF/, '')).filter((l) => l.trim() !== '');
  if (truncated && lines.length > 1) lines = lines.slice(0, -1);
  lines = lines.slice(0, 50);
  let best: { delimiter: string; consistent: number; fields: number } = {
    delimiter: ';',
    consistent: 0,
    fields: 0,
  };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, delimiter));
    const frequency = new Map<number, number>();
    for (const n of counts) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    for (const [fields, consistent] of frequency) {
      if (consistent > best.consistent || (consistent === best.consistent && fields > best.fields))
        best = { delimiter, consistent, fields };
    }
  }
  return best.delimiter;
}

/** Counts the bytes that pass, for the progress bar. */
function byteCounter(onBytes: (bytes: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      onBytes(total);
      callback(null, chunk);
    },
  });
}

/**
 * The csv-parse stream every CSV reader shares: ragged rows and stray quotes are let through for
 * the caller to judge, and CRLF, LF and CR all end a record, also mixed in one file (Rabobank
 * writes CR CR LF; without the list the first CR would fix the line ending for the whole file).
 */
export function createCsvRecordParser(delimiter: string) {
  return parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    trim: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  });
}

/** The records of a CSV file, one array of cells each, as a stream (memory stays flat). */
export function readCsvRecords(
  path: string,
  format: CsvFormat,
  options: { onBytes?: (bytes: number) => void } = {},
): AsyncIterable<string[]> {
  const parser = createCsvRecordParser(format.delimiter);
  const streams: (Readable | Transform | PassThrough)[] = [
    createReadStream(path, { highWaterMark: 256 * 1024 }),
    options.onBytes ? byteCounter(options.onBytes) : new PassThrough(),
  ];
  if (format.encoding === 'windows-1252') streams.push(iconv.decodeStream('win1252') as unknown as Transform);
  pipeline([...streams, parser], (error) => {
    if (error) parser.destroy(error);
  });
  return parser;
}
