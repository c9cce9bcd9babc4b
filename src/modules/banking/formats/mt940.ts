/**
 * SWIFT MT940 as Dutch banks write it (ING, Rabobank, ABN AMRO, Triodos, Knab, ASN, SNS, bunq),
 * read line by line: only the current field, statement and entry are held.
 *
 * One statement is one message: :20: up to :62F:/:62M: (or the `-` that ends the message). A
 * statement continued over several messages (:60M:/:62M: intermediate balances) gives one
 * statement per message; each carries its own opening and closing balance, so each is checked on
 * its own and a missing page does not spoil the others.
 *
 * File headers and envelopes (`ABNANL2A`/`940`, `:940:`, ING's `0000 01INGBNL2AXXXX00001`, SWIFT
 * blocks `{1:…}{2:…}{4:` … `-}{5:…}`) are skipped. A broken :61: is reported and its entry left
 * out; tags out of order skip the rest of that statement; a file that stops inside a statement is
 * reported, and its last entry (which may be cut off) is not taken.
 */
import {
  type BankBalance,
  type BankStatementEvent,
  type BankStatementHeader,
  type BankStatementParser,
  checkBalance,
} from './bank-statement.js';
import { buildEntry } from './mt940-entry.js';
import { parseAccountField, parseBalance, parseStatementLine, type StatementLine } from './mt940-fields.js';
import { LineSplitter, type TextLine } from './text-lines.js';

type Field = { tag: string; line: number; lines: string[]; isOverlong: boolean };

type PendingEntry = {
  number: number;
  line: number;
  /** null: the :61: was broken; its :86: lines are swallowed with it. */
  statementLine: StatementLine | null;
  supplementary: string[];
  information: string[];
  isOverlong: boolean;
};

type Statement = {
  number: number;
  line: number;
  phase: 'header' | 'entries' | 'closed' | 'skipping';
  reference: string | null;
  sequence: string | null;
  account: { iban: string | null; accountNumber: string | null };
  currency: string;
  opening: BankBalance | null;
  entryCount: number;
  entriesCents: number;
  entry: PendingEntry | null;
};

const TAG = /^:(\d{2}[A-Z]?):(.*)$/;
// `-` alone, `-}` (+ trailer blocks or the next message), or ING's `-XXX`. ING also starts
// continuation lines with `-` (`-2014 Omschrijving/`), so nothing else counts.
const MESSAGE_END = /^-(\}.*|XXX\s*|\s*)$/;
const ENVELOPE = /^\{[1-5]:/;
const MAX_FIELD_LINES = 100;

export const parseMt940: BankStatementParser = async function* (chunks) {
  const reader = new Mt940Reader();
  const splitter = new LineSplitter();
  for await (const chunk of chunks) {
    for (const line of splitter.push(chunk)) reader.readLine(line);
    yield* reader.take();
  }
  for (const line of splitter.end()) reader.readLine(line);
  reader.finish();
  yield* reader.take();
};

class Mt940Reader {
  private field: Field | null = null;
  private statement: Statement | null = null;
  private statementCount = 0;
  private isSkippingOutside = false;
  private events: BankStatementEvent[] = [];

  finish(): void {
    this.completeField();
    const statement = this.statement;
    if (statement && (statement.phase === 'header' || statement.phase === 'entries')) {
      const cut = statement.entry?.statementLine
        ? `; its last entry (entry ${statement.entry.number}, line ${statement.entry.line}) may be cut off and is not taken`
        : '';
      this.error(this.statementPlace(statement), `the file ends before the closing balance :62F:${cut}`);
    }
    if (this.statementCount === 0) this.error('file', 'no MT940 statement found (no :20: tag)');
  }

  /** The events read since the last call. */
  take(): BankStatementEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  readLine({ number, text }: TextLine): void {
    const tag = TAG.exec(text);
    if (tag) {
      this.completeField();
      this.field = { tag: tag[1] ?? '', line: number, lines: [tag[2] ?? ''], isOverlong: false };
      return;
    }
    if (MESSAGE_END.test(text) || ENVELOPE.test(text)) {
      this.completeField();
      this.endMessage(number);
      // `-}{1:…}{2:…}{4:` or `{4::20:…`: whatever follows the text block's start is a line of its own.
      const after = /\{4:(.*)$/.exec(text)?.[1];
      if (after) this.readLine({ number, text: after });
      return;
    }
    // A continuation line; outside a field it is a file header (`ABNANL2A`, `940 00`) and skipped.
    const field = this.field;
    if (!field) return;
    // No bank writes more than a few dozen lines per field: this bounds the memory a file without
    // tags (or one that is not MT940 at all) can take.
    if (field.lines.length < MAX_FIELD_LINES) field.lines.push(text);
    else if (!field.isOverlong) {
      field.isOverlong = true;
      this.error(
        `line ${number}`,
        `:${field.tag}: (line ${field.line}) runs on for more than ${MAX_FIELD_LINES} lines; the rest is ignored`,
      );
    }
  }

  private completeField(): void {
    const field = this.field;
    this.field = null;
    if (field) this.readField(field);
  }

  private readField(field: Field): void {
    const { tag } = field;
    const value = field.lines[0] ?? '';
    if (tag === '20') {
      this.startStatement(field);
      return;
    }
    const statement = this.statement;
    if (!statement || statement.phase === 'closed') {
      // ING writes :64:, :65: and a summary :86: after :62F:.
      if (statement && ['64', '65', '86'].includes(tag)) return;
      if (!this.isSkippingOutside) {
        const where = statement
          ? 'after the closing balance :62F:'
          : 'outside a statement (no :20: before it)';
        this.error(`line ${field.line}`, `:${tag}: ${where}; skipped up to the next :20:`);
      }
      this.isSkippingOutside = true;
      return;
    }
    if (statement.phase === 'skipping') return;

    switch (tag) {
      case '21':
      case '13D':
        this.expectPhase(statement, field, 'header');
        return;
      case '25':
        if (this.expectPhase(statement, field, 'header')) statement.account = parseAccountField(value);
        return;
      case '28':
      case '28C':
        if (this.expectPhase(statement, field, 'header')) statement.sequence = value.trim() || null;
        return;
      case '60F':
      case '60M':
        if (this.expectPhase(statement, field, 'header')) this.openStatement(statement, field);
        return;
      case '61':
        if (this.expectPhase(statement, field, 'entries')) this.startEntry(statement, field);
        return;
      case '86':
        // Without an entry before it, a :86: is about the whole statement: nothing to take.
        if (statement.phase === 'entries') this.addInformation(statement, field);
        return;
      case '62F':
      case '62M':
        if (this.expectPhase(statement, field, 'entries')) this.closeStatement(statement, field);
        return;
      default:
        // :64:, :65:, :34F:, :90D:/:90C: and other fields carry nothing an entry needs.
        return;
    }
  }

  private expectPhase(statement: Statement, field: Field, phase: 'header' | 'entries'): boolean {
    if (statement.phase === phase) return true;
    this.flushEntry(statement);
    const why =
      phase === 'entries'
        ? 'comes before the opening balance :60F:'
        : 'belongs before the opening balance :60F: but comes after it';
    this.error(
      `${this.statementPlace(statement)}, line ${field.line}`,
      `:${field.tag}: ${why}; the rest of this statement is skipped`,
    );
    statement.phase = 'skipping';
    return false;
  }

  private startStatement(field: Field): void {
    const previous = this.statement;
    if (previous && (previous.phase === 'header' || previous.phase === 'entries')) {
      this.flushEntry(previous);
      this.error(this.statementPlace(previous), `ends at line ${field.line} without a closing balance :62F:`);
    }
    this.isSkippingOutside = false;
    this.statement = {
      number: ++this.statementCount,
      line: field.line,
      phase: 'header',
      reference: field.lines[0]?.trim() || null,
      sequence: null,
      account: { iban: null, accountNumber: null },
      currency: '',
      opening: null,
      entryCount: 0,
      entriesCents: 0,
      entry: null,
    };
  }

  private openStatement(statement: Statement, field: Field): void {
    const parsed = parseBalance(field.lines[0] ?? '');
    if (parsed.ok) {
      statement.opening = parsed.balance;
      statement.currency = parsed.currency;
    } else {
      // Without the amount the entries still go in, unchecked; without the currency they cannot.
      const currency = /^[CD]\d{6}([A-Z]{3})/.exec(field.lines[0]?.trim() ?? '')?.[1];
      const rest = currency ? 'the entries are read without a balance check' : 'the statement is skipped';
      this.error(
        `${this.statementPlace(statement)}, line ${field.line}`,
        `opening balance: ${parsed.reason}; ${rest}`,
      );
      if (!currency) {
        statement.phase = 'skipping';
        return;
      }
      statement.currency = currency;
    }
    statement.phase = 'entries';
    const header: BankStatementHeader = {
      format: 'mt940',
      place: this.statementPlace(statement),
      statementId: [statement.reference, statement.sequence].filter(Boolean).join('/') || null,
      accountIban: statement.account.iban,
      accountNumber: statement.account.accountNumber,
      currency: statement.currency,
      opening: statement.opening,
      closing: null,
    };
    this.events.push({ kind: 'statement', statement: header });
  }

  private startEntry(statement: Statement, field: Field): void {
    this.flushEntry(statement);
    const number = (statement.entry?.number ?? statement.entryCount) + 1;
    const parsed = parseStatementLine(field.lines[0] ?? '');
    if (!parsed.ok) {
      this.error(this.entryPlace(statement, number, field.line), parsed.reason);
    }
    statement.entry = {
      number,
      line: field.line,
      statementLine: parsed.ok ? parsed.line : null,
      supplementary: field.lines.slice(1),
      information: [],
      isOverlong: false,
    };
  }

  private addInformation(statement: Statement, field: Field): void {
    const entry = statement.entry;
    if (!entry) return;
    const room = MAX_FIELD_LINES - entry.information.length;
    entry.information.push(...field.lines.slice(0, room));
    if (field.lines.length > room && !entry.isOverlong) {
      entry.isOverlong = true;
      this.error(
        `line ${field.line}`,
        `the :86: lines of one entry run on for more than ${MAX_FIELD_LINES} lines; the rest is ignored`,
      );
    }
  }

  private flushEntry(statement: Statement): void {
    const entry = statement.entry;
    if (!entry?.statementLine) return;
    statement.entry = { ...entry, statementLine: null };
    const built = buildEntry({
      place: this.entryPlace(statement, entry.number, entry.line),
      currency: statement.currency,
      line: entry.statementLine,
      supplementary: entry.supplementary,
      information: entry.information,
    });
    statement.entryCount++;
    statement.entriesCents += built.amountCents;
    this.events.push({ kind: 'entry', entry: built });
  }

  private closeStatement(statement: Statement, field: Field): void {
    this.flushEntry(statement);
    const parsed = parseBalance(field.lines[0] ?? '');
    if (!parsed.ok) {
      this.error(
        `${this.statementPlace(statement)}, line ${field.line}`,
        `closing balance: ${parsed.reason}`,
      );
    }
    const closing = parsed.ok ? parsed.balance : null;
    statement.phase = 'closed';
    this.events.push({
      kind: 'end',
      closing,
      entryCount: statement.entryCount,
      balance: checkBalance(statement.opening, closing, statement.entriesCents),
    });
  }

  private endMessage(line: number): void {
    const statement = this.statement;
    if (statement && (statement.phase === 'header' || statement.phase === 'entries')) {
      this.flushEntry(statement);
      this.error(
        this.statementPlace(statement),
        `the message ends at line ${line} without a closing balance :62F:`,
      );
    }
    this.statement = null;
    this.isSkippingOutside = false;
  }

  private statementPlace(statement: Statement): string {
    return `statement ${statement.number} (line ${statement.line})`;
  }

  private entryPlace(statement: Statement, entry: number, line: number): string {
    return `statement ${statement.number}, entry ${entry} (line ${line})`;
  }

  private error(place: string, message: string): void {
    this.events.push({ kind: 'error', place, message });
  }
}
