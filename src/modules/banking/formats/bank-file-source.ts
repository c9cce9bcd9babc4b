/**
 * Reading a bank file from disk before a parser sees it: which format it is (from its first
 * bytes, not its name: banks name files .sta, .txt, .cod, .940 or .xml at will), which text
 * encoding, its SHA-256 (the same file imported twice is known at once), and its text streamed
 * in chunks so a 100 MB statement is never held whole.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import type { BankFileFormat } from './bank-statement.js';

const HEAD_BYTES = 8 * 1024;

export type BankFileSniff = { format: BankFileFormat; encoding: string };

/**
 * Tells the format from the first bytes. MT940 is recognised by its `:20:` tag or SWIFT block
 * before CODA, because ING's MT940 header line also starts with `0000`.
 */
export function sniffBankFile(head: Uint8Array): BankFileSniff | { format: null; reason: string } {
  const text = new TextDecoder('latin1').decode(head).replace(/^\uFEFF|^ï»¿/, '');
  const start = text.trimStart();
  if (start.startsWith('<')) {
    const declared = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start)?.[1];
    const encoding = declared && iconv.encodingExists(declared) ? declared.toLowerCase() : 'utf-8';
    if (/camt\.054\./.test(text)) return { format: 'camt054', encoding };
    if (/camt\.052\./.test(text)) return { format: 'camt052', encoding };
    if (/camt\.053\./.test(text)) return { format: 'camt053', encoding };
    return { format: null, reason: 'an XML file that is not an ISO 20022 camt.052/053/054 statement' };
  }
  const lines = text.split(/\r\n|\r|\n/).slice(0, 40);
  if (start.startsWith('{1:') || lines.some((line) => /^:20:/.test(line))) {
    return { format: 'mt940', encoding: 'unknown' };
  }
  if (/^0{4}\d/.test(lines[0] ?? '') && lines.some((line) => /^1\d/.test(line))) {
    return { format: 'coda', encoding: 'unknown' };
  }
  return { format: 'csv', encoding: 'unknown' };
}

export type BankFileFacts = BankFileSniff & { sha256: string; bytes: number };

/**
 * One pass over the file for its hash and, where the format does not declare an encoding, for
 * the encoding: valid UTF-8 is UTF-8 (a BOM is dropped when decoding), anything else is
 * Windows-1252, which is what Dutch and Belgian banks' older exports are written in.
 */
export async function inspectBankFile(
  path: string,
): Promise<BankFileFacts | { format: null; reason: string }> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head: Uint8Array | null = null;
  let isUtf8 = true;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    head ??= chunk.subarray(0, HEAD_BYTES);
    hash.update(chunk);
    bytes += chunk.length;
    if (isUtf8) isUtf8 = decodesAsUtf8(decoder, chunk);
  }
  if (isUtf8) isUtf8 = decodesAsUtf8(decoder);
  if (!head || bytes === 0) return { format: null, reason: 'the file is empty' };
  const sniff = sniffBankFile(head);
  if (sniff.format === null) return sniff;
  const encoding = sniff.encoding === 'unknown' ? (isUtf8 ? 'utf-8' : 'windows-1252') : sniff.encoding;
  return { format: sniff.format, encoding, sha256: hash.digest('hex'), bytes };
}

function decodesAsUtf8(decoder: TextDecoder, chunk?: Buffer): boolean {
  try {
    if (chunk) decoder.decode(chunk, { stream: true });
    else decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The file's text in chunks, decoded with the given encoding, without a leading BOM. */
export async function* readBankFileText(path: string, encoding: string): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
