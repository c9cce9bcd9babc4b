/**
 * The :86: field ("information to account owner") of an MT940 entry, in the dialects Dutch banks
 * write: SEPA subfields (`/EREF/…/REMI/…`, ING's `//`-separated variant with `/CNTP/`), Triodos'
 * `>10 >20 >31` subfields, Knab's `REK: …/NAAM: …` and plain text (ING, ABN AMRO, ASN, SNS).
 */
import { classifyAccount } from './mt940-fields.js';

export type EntryInformation = {
  counterpartyName: string | null;
  counterpartyIban: string | null;
  counterpartyAccountNumber: string | null;
  counterpartyBic: string | null;
  structuredReference: string | null;
  remittance: string | null;
  endToEndId: string | null;
  returnReason: string | null;
};

const EMPTY: EntryInformation = {
  counterpartyName: null,
  counterpartyIban: null,
  counterpartyAccountNumber: null,
  counterpartyBic: null,
  structuredReference: null,
  remittance: null,
  endToEndId: null,
  returnReason: null,
};

// SWIFT lines hold 65 characters: a shorter line was ended on purpose, a full one wraps mid-word.
const LINE_WIDTH = 65;

/**
 * Free text lines joined: a full line runs on into the next without a space (ING, ASN and SNS
 * wrap mid-word), a shorter one ends a word. Whitespace runs (fixed-width padding) become one space.
 */
export function joinFreeText(lines: readonly string[]): string {
  let text = '';
  let isWrapped = false;
  for (const line of lines) {
    if (line.trim() === '') {
      isWrapped = false;
      continue;
    }
    text += isWrapped ? line : ` ${line}`;
    isWrapped = line.length >= LINE_WIDTH;
  }
  return collapse(text);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Subfield codes that start a new subfield. Codes only used inside REMI (STRD, USTD, CDTRREFTP,
// CD, ISSR, CUR, CDTRREF) are not listed: they are part of REMI's value.
const CODES = [
  'EREF',
  'REMI',
  'NAME',
  'IBAN',
  'BIC',
  'CNTP',
  'ORDP',
  'BENM',
  'ULTC',
  'ULTD',
  'ULTB',
  'RTRN',
  'TRTP',
  'CSID',
  'MARF',
  'PREF',
  'ISDT',
  'ADDR',
  'ACCW',
  'ID',
  'BUSP',
  'PURP',
  'KREF',
  'SVCL',
  'OCMT',
  'EXCH',
  'CHGS',
  'NRTX',
  'SUM',
  'TRCD',
  'CTRY',
  'RTYP',
  'FEES',
] as const;
const SUBFIELD = new RegExp(`/(${CODES.join('|')})/`, 'g');
const STRUCTURED_START = new RegExp(`^/(${CODES.join('|')})/`);
// Party codes whose own value is empty and whose NAME/ID/ADDR follow as subfields (Rabobank).
const PARTIES = new Set(['ORDP', 'BENM', 'ULTC', 'ULTD', 'ULTB']);

/** What the :86: lines of one entry say (lines as read: the first without its tag, then the continuations). */
export function interpretInformation(lines: readonly string[]): EntryInformation {
  const start = (lines[0] ?? '').trimStart();
  if (STRUCTURED_START.test(start)) return interpretSubfields(joinSubfieldLines(lines).trimStart());
  // Triodos breaks lines only before a `>` marker.
  if (/^(\d{3})?>\d{2}/.test(start)) return interpretTriodos(lines.join('').trimStart());
  return interpretFreeText(joinFreeText(lines));
}

/**
 * Subfield text wraps at any character, also mid-token and short of 65 (`…/REMI/USTD//22-08` +
 * `-2014 Omschrijving/`), so lines are joined as they are. Only a writer that does not wrap at 65
 * at all (bunq) breaks a line on purpose: after a longer line a space is put in.
 */
function joinSubfieldLines(lines: readonly string[]): string {
  let text = '';
  let previous: string | null = null;
  for (const line of lines) {
    text += previous !== null && previous.length > LINE_WIDTH ? ` ${line}` : line;
    previous = line;
  }
  return text;
}

function interpretSubfields(text: string): EntryInformation {
  const info: EntryInformation = { ...EMPTY };
  let party: string | null = null;
  for (const { code, value } of splitSubfields(text)) {
    if (PARTIES.has(code)) {
      party = code;
      continue;
    }
    const isOwnParty = party === null || party === 'ORDP' || party === 'BENM';
    if (code === 'NAME' || code === 'ID' || code === 'ADDR' || code === 'CTRY') {
      if (code === 'NAME' && isOwnParty) info.counterpartyName ??= collapse(value) || null;
      continue;
    }
    party = null;
    switch (code) {
      case 'EREF':
        info.endToEndId = value.trim() === '' || value.trim() === 'NOTPROVIDED' ? null : value.trim();
        break;
      case 'IBAN':
        setAccount(info, value);
        break;
      case 'BIC':
        info.counterpartyBic = value.trim() || null;
        break;
      case 'ACCW': {
        // Rabobank: `NL54INGB0006752576,INGBNL2A`.
        const [account = '', bic = ''] = value.split(',');
        if (!info.counterpartyIban && !info.counterpartyAccountNumber) setAccount(info, account);
        info.counterpartyBic ??= bic.trim() || null;
        break;
      }
      case 'CNTP': {
        // ING: account/BIC/name/city.
        const [account = '', bic = '', name = ''] = value.split('/');
        setAccount(info, account);
        info.counterpartyBic = bic.trim() || null;
        info.counterpartyName = collapse(name) || null;
        break;
      }
      case 'REMI':
        interpretRemittance(info, value);
        break;
      case 'RTRN':
        info.returnReason = value.trim().split('/')[0] || null;
        break;
    }
  }
  return info;
}

/** `/CODE/value…` pairs; one trailing `/` of each value (ING ends every subfield with one) is dropped. */
function splitSubfields(text: string): { code: string; value: string }[] {
  const matches = [...text.matchAll(SUBFIELD)];
  return matches.map((match, i) => {
    const from = match.index + match[0].length;
    const to = matches[i + 1]?.index ?? text.length;
    return { code: match[1] ?? '', value: text.slice(from, to).replace(/\/$/, '') };
  });
}

function setAccount(info: EntryInformation, text: string): void {
  const { iban, accountNumber } = classifyAccount(text);
  info.counterpartyIban = iban;
  info.counterpartyAccountNumber = accountNumber;
}

/**
 * REMI: `STRD/CUR/<ref>` (ING), `/CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/<ref>` (Rabobank) are
 * structured creditor references; `USTD//<text>` or anything else is free text.
 */
function interpretRemittance(info: EntryInformation, value: string): void {
  const strd = /^\/?STRD\/[A-Z]*\/([^/]+)/.exec(value) ?? /CDTRREF\/([^/]+)/.exec(value);
  if (strd) {
    info.structuredReference = compactReference(strd[1] ?? '');
    return;
  }
  const text = /^\/?USTD\/\/?(.*)$/s.exec(value)?.[1] ?? value.replace(/^\/+/, '');
  info.remittance = collapse(text) || null;
}

function compactReference(text: string): string | null {
  return text.replace(/\s+/g, '').toUpperCase() || null;
}

/**
 * Triodos: a transaction code, `>10` counterparty account, `>20`–`>29` description in pieces of
 * 27 characters cut mid-word, `>31` the own account. In the SEPA layout `>10` is zeros and `>20`,
 * `>21` hold the counterparty's BIC and IBAN.
 */
function interpretTriodos(text: string): EntryInformation {
  const info: EntryInformation = { ...EMPTY };
  const parts = new Map<number, string>();
  for (const match of text.matchAll(/>(\d{2})([^>]*)/g)) parts.set(Number(match[1]), match[2] ?? '');
  const account = parts.get(10)?.trim() ?? '';
  if (/[1-9]/.test(account)) setAccount(info, account);
  let firstDescription = 20;
  const bic = parts.get(20)?.trim() ?? '';
  const iban = parts.get(21)?.trim() ?? '';
  if (/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) {
    info.counterpartyBic = bic;
    setAccount(info, iban);
    firstDescription = 22;
  }
  let description = '';
  for (let code = firstDescription; code <= 29; code++) description += parts.get(code) ?? '';
  info.remittance = collapse(description) || null;
  return info;
}

// ISO 20022 return reasons ING writes first in its unstructured :86: (`AC04 NL20INGB…`).
const RETURN_REASON =
  /^((?:AC|AG|AM|BE|DT|ED|FF|MD|MS|RC|RR|SL|TM)\d{2}|CNOR|DNOR|FOCR|DUPL|TECH|FRAD|CUST|UPAY)\s+/;
// Leading counterparty account (BBAN, `P`/`GIRO` giro number, ABN AMRO's dotted `52.89.39.882`),
// then IBAN and BIC, as ING, ABN AMRO, ASN and SNS start their free text.
const LEADING_ACCOUNT = /^(\d{9,10}|P\d{1,9}|GIRO +\d{1,9}|\d{2}\.\d{2}\.\d{2}\.\d{3}) /;
const LEADING_IBAN = /^([A-Z]{2}\d{2}[A-Z0-9]{11,30})(?: ([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?))? /;
// Knab: `… REK: NL65INGB0123456789/NAAM: PICQER`.
const KNAB_COUNTERPARTY = / ?REK: ?([A-Z0-9.]+) ?\/ ?NAAM: ?(.*)$/;
// ING's old format marks a structured creditor reference in free text: `SCOR/CUR/8850426741301240`.
const FREE_TEXT_SCOR = /SCOR\/[A-Z]{3}\/([0-9A-Z]+)/;

function interpretFreeText(joined: string): EntryInformation {
  const info: EntryInformation = { ...EMPTY };
  let text = joined;
  const reason = RETURN_REASON.exec(text);
  if (reason) {
    info.returnReason = reason[1] ?? null;
    text = text.slice(reason[0].length);
  }
  const knab = KNAB_COUNTERPARTY.exec(text);
  if (knab) {
    setAccount(info, knab[1] ?? '');
    info.counterpartyName = knab[2]?.trim() || null;
    text = text.slice(0, knab.index);
  }
  const leadingAccount = LEADING_ACCOUNT.exec(text);
  let rest = text;
  if (leadingAccount) {
    setAccount(info, leadingAccount[1] ?? '');
    rest = rest.slice(leadingAccount[0].length);
  }
  const leadingIban = LEADING_IBAN.exec(rest);
  if (leadingIban) {
    const { iban, accountNumber } = classifyAccount(leadingIban[1] ?? '');
    info.counterpartyIban = iban;
    // ING's SEPA transition format gives the BBAN and then the IBAN: keep the BBAN when the IBAN fails its check.
    info.counterpartyAccountNumber = iban ? null : accountNumber;
    info.counterpartyBic = leadingIban[2] ?? null;
    text = rest.slice(leadingIban[0].length);
  } else if (leadingAccount && !/^\d+$/.test(leadingAccount[1] ?? '')) {
    // `GIRO 428428`, `52.89.39.882`, `P0123456` are accounts beyond doubt. Bare digits stay in the
    // text: they may just as well be an invoice number the payer put first.
    text = rest;
  }
  info.structuredReference = compactReference(FREE_TEXT_SCOR.exec(text)?.[1] ?? '');
  info.remittance = text.trim() || null;
  return info;
}
