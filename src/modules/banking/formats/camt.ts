/**
 * ISO 20022 bank-to-customer messages → statement events: camt.053 statements (Stmt), camt.054
 * debit/credit notifications (Ntfctn) and camt.052 account reports (Rpt), versions .001.02 to
 * .001.10. The XML is read as a stream (saxes) and only the current entry is kept, so a file of
 * 100k entries never becomes a tree. Elements are matched on local names and paths, not on the
 * namespace, so every version and prefix reads the same. A DOCTYPE is refused outright: no entity
 * can be declared, hence none expanded (no XXE, no "billion laughs").
 *
 * Only booked entries (Sts BOOK, or no Sts) are money on the account: pending (PDNG), information
 * (INFO) and future (FUTR) entries are counted on the `end` event and left out of the events and of
 * the balance check, unless `includeUnbooked` asks for them (marked by `bookingStatus`).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type {
  BankBalance,
  BankFileFormat,
  BankStatementEvent,
  BankStatementParser,
} from './bank-statement.js';
import { checkBalance } from './bank-statement.js';
import { normalizeIban, readBalance, readEntry, readEntryStatus } from './camt-entry.js';
import {
  BALANCE_PATHS,
  ENTRY_PATHS,
  type Fields,
  firstValue,
  isMessageName,
  MESSAGE_PATHS,
  MESSAGES,
  STATEMENT_PATHS,
  TRANSACTION_PATHS,
} from './camt-paths.js';

export type CamtParserOptions = {
  /** Also yield pending/information entries (still outside the balance check). */
  includeUnbooked?: boolean;
};

export function createCamtParser(options: CamtParserOptions = {}): BankStatementParser {
  return async function* parseCamtChunks(chunks) {
    const reader = new CamtReader(options);
    for await (const chunk of chunks) {
      reader.write(chunk);
      yield* reader.takeEvents();
      if (reader.isStopped) return;
    }
    reader.close();
    yield* reader.takeEvents();
  };
}

/** The parser for imports: booked entries only. */
export const parseCamt: BankStatementParser = createCamtParser();

type ContextKind = 'message' | 'statement' | 'balance' | 'entry' | 'transaction';

/** An element whose descendants' values are collected (only the paths in `wanted`). */
type Context = {
  kind: ContextKind;
  depth: number;
  line: number;
  wanted: ReadonlySet<string>;
  fields: Map<string, string[]>;
};

type StatementState = {
  number: number;
  line: number;
  fields: Fields;
  opening: BankBalance | null;
  closing: BankBalance | null;
  /** From Acct/Ccy, else the first balance, else the first entry. */
  currency: string | undefined;
  isHeaderSent: boolean;
  entryNumber: number;
  balanceNumber: number;
  entryCount: number;
  unbookedEntryCount: number;
  bookedCents: number;
  /** Balance problems, reported right after the statement event they belong to. */
  headerErrors: BankStatementEvent[];
};

const WANTED: Record<ContextKind, ReadonlySet<string>> = {
  message: MESSAGE_PATHS,
  statement: STATEMENT_PATHS,
  balance: BALANCE_PATHS,
  entry: ENTRY_PATHS,
  transaction: TRANSACTION_PATHS,
};

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

class CamtReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private readonly includeUnbooked: boolean;
  private events: BankStatementEvent[] = [];
  private stopped = false;
  /** Names of the open elements, and each one's path below the innermost context. */
  private readonly names: string[] = [];
  private readonly paths: string[] = [];
  private readonly contexts: Context[] = [];
  private capture: { depth: number; path: string; text: string } | null = null;
  private message: { format: BankFileFormat; statementName: string; fields: Fields } | null = null;
  private statementCount = 0;
  private statement: StatementState | null = null;
  private transactions: { fields: Fields; place: string }[] = [];

  constructor(options: CamtParserOptions) {
    this.includeUnbooked = options.includeUnbooked ?? false;
    this.parser.on('opentag', (tag) => this.openElement(tag));
    this.parser.on('text', (text) => this.addText(text));
    this.parser.on('cdata', (text) => this.addText(text));
    this.parser.on('closetag', () => this.closeElement());
    this.parser.on('doctype', () =>
      this.stop(
        `line ${this.parser.line}`,
        'the file has a DOCTYPE declaration, which bank statements never have; it is refused so ' +
          'that no entity can be expanded',
      ),
    );
    this.parser.on('error', (error) => this.failXml(error));
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** saxes itself skips a byte-order mark left at the start by the decoding. */
  write(chunk: string): void {
    if (!this.stopped) this.parser.write(chunk);
  }

  close(): void {
    if (this.stopped) return;
    this.parser.close();
    if (!this.stopped && this.statementCount === 0) {
      this.stop(
        'file',
        'not an ISO 20022 camt.052/053/054 message: no BkToCstmrStmt, BkToCstmrDbtCdtNtfctn or ' +
          'BkToCstmrAcctRpt with a statement in it',
      );
    }
  }

  takeEvents(): BankStatementEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private stop(place: string, message: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.events.push({ kind: 'error', place, message });
  }

  /** saxes reports "line:column: reason"; the file is not XML from there on, so reading stops. */
  private failXml(error: Error): void {
    const match = /^(\d+):(\d+): (.*?)\.?$/s.exec(error.message);
    const [, line, column, reason] = match ?? [];
    this.stop(
      line ? `line ${line}, column ${column}` : 'file',
      `the XML is not well-formed (${reason ?? error.message}); the file is damaged or truncated, ` +
        'nothing after this point was read',
    );
  }

  private openElement(tag: SaxesTagPlain): void {
    if (this.stopped) return;
    const name = localName(tag.name);
    const parent = this.names.at(-1);
    this.names.push(name);
    this.capture = null;
    const depth = this.names.length;
    const kind = this.contextKindOf(name, parent, depth);
    if (kind) {
      this.paths.push('');
      this.openContext(kind, depth);
      return;
    }
    const context = this.contexts.at(-1);
    const parentPath = this.paths.at(-1) ?? '';
    const path = parentPath === '' ? name : `${parentPath}/${name}`;
    this.paths.push(path);
    if (!context) return;
    for (const attribute in tag.attributes) {
      const key = `${path}@${localName(attribute)}`;
      if (context.wanted.has(key)) addValue(context.fields, key, (tag.attributes[attribute] ?? '').trim());
    }
    if (context.wanted.has(path)) this.capture = { depth, path, text: '' };
  }

  private addText(text: string): void {
    if (this.capture && this.capture.depth === this.names.length) this.capture.text += text;
  }

  private closeElement(): void {
    if (this.stopped) return;
    const depth = this.names.length;
    const context = this.contexts.at(-1);
    if (this.capture && this.capture.depth === depth && context) {
      addValue(context.fields, this.capture.path, this.capture.text.trim());
    }
    this.capture = null;
    if (context && context.depth === depth) {
      this.contexts.pop();
      this.closeContext(context);
    }
    this.names.pop();
    this.paths.pop();
  }

  /** Which elements start a context: found by position, so a stray `Ntry` elsewhere is inert. */
  private contextKindOf(name: string, parent: string | undefined, depth: number): ContextKind | undefined {
    const context = this.contexts.at(-1);
    if (!context) return !this.message && depth <= 2 && isMessageName(name) ? 'message' : undefined;
    const isChild = depth === context.depth + 1;
    if (context.kind === 'message' && isChild && name === this.message?.statementName) return 'statement';
    if (context.kind === 'statement' && isChild && name === 'Bal') return 'balance';
    if (context.kind === 'statement' && isChild && name === 'Ntry') return 'entry';
    const isGrandchild = depth === context.depth + 2;
    if (context.kind === 'entry' && isGrandchild && parent === 'NtryDtls' && name === 'TxDtls') {
      return 'transaction';
    }
    return undefined;
  }

  private openContext(kind: ContextKind, depth: number): void {
    const context: Context = { kind, depth, line: this.parser.line, wanted: WANTED[kind], fields: new Map() };
    this.contexts.push(context);
    const name = this.names.at(-1) ?? '';
    if (kind === 'message' && isMessageName(name)) {
      const { format, statement } = MESSAGES[name];
      this.message = { format, statementName: statement, fields: context.fields };
    } else if (kind === 'statement') {
      this.statement = {
        number: ++this.statementCount,
        line: context.line,
        fields: context.fields,
        opening: null,
        closing: null,
        currency: undefined,
        isHeaderSent: false,
        entryNumber: 0,
        balanceNumber: 0,
        entryCount: 0,
        unbookedEntryCount: 0,
        bookedCents: 0,
        headerErrors: [],
      };
    } else if (kind === 'entry' && this.statement) {
      this.statement.entryNumber++;
      this.transactions = [];
    } else if (kind === 'balance' && this.statement) {
      this.statement.balanceNumber++;
    }
  }

  private closeContext(context: Context): void {
    const statement = this.statement;
    if (!statement) return;
    if (context.kind === 'transaction') {
      const number = this.transactions.length + 1;
      const place = `${entryPlace(statement)}, transaction ${number} (line ${context.line})`;
      this.transactions.push({ fields: context.fields, place });
    } else if (context.kind === 'entry') {
      this.finishEntry(statement, context);
    } else if (context.kind === 'balance') {
      this.finishBalance(statement, context);
    } else if (context.kind === 'statement') {
      this.sendHeader(statement);
      this.events.push({
        kind: 'end',
        closing: statement.closing,
        entryCount: statement.entryCount,
        balance: checkBalance(statement.opening, statement.closing, statement.bookedCents),
        unbookedEntryCount: statement.unbookedEntryCount,
      });
      this.statement = null;
    }
  }

  private finishBalance(statement: StatementState, context: Context): void {
    const reading = readBalance(context.fields);
    if (reading.kind === 'other') return;
    const place = `statement ${statement.number}, balance ${statement.balanceNumber} (line ${context.line})`;
    if (reading.kind === 'error') {
      statement.headerErrors.push({ kind: 'error', place, message: reading.message });
      return;
    }
    if (statement[reading.kind]) return; // the first opening/closing balance counts
    const accountCurrency = firstValue(statement.fields, 'Acct/Ccy') ?? statement.currency;
    if (reading.currency && accountCurrency && reading.currency !== accountCurrency) {
      statement.headerErrors.push({
        kind: 'error',
        place,
        message:
          `the ${reading.kind} balance (${reading.code}) is in ${reading.currency} but the account in ` +
          `${accountCurrency}; it is not used for the balance check`,
      });
      return;
    }
    statement.currency ??= reading.currency;
    statement[reading.kind] = reading.balance;
  }

  private finishEntry(statement: StatementState, context: Context): void {
    statement.currency ??= firstValue(context.fields, 'Amt@Ccy');
    const isBooked = readEntryStatus(context.fields) === 'BOOK';
    if (!isBooked) {
      statement.unbookedEntryCount++;
      if (!this.includeUnbooked) return;
    }
    this.sendHeader(statement);
    const place = `${entryPlace(statement)} (line ${context.line})`;
    const reading = readEntry({
      entry: context.fields,
      transactions: this.transactions,
      place,
      currency: currencyOf(statement),
      fallbackDate:
        creationDate(statement.fields) ?? (this.message ? creationDate(this.message.fields) : null),
    });
    this.transactions = [];
    if (!reading.ok) {
      this.events.push({ kind: 'error', place, message: reading.message });
      return;
    }
    for (const entry of reading.entries) this.events.push({ kind: 'entry', entry });
    statement.entryCount += reading.entries.length;
    if (isBooked) statement.bookedCents += reading.signedCents;
  }

  /** Sent once the header is complete: at the first entry (balances come before it) or the end. */
  private sendHeader(statement: StatementState): void {
    if (statement.isHeaderSent || !this.message) return;
    statement.isHeaderSent = true;
    const { fields } = statement;
    this.events.push({
      kind: 'statement',
      statement: {
        format: this.message.format,
        place: `statement ${statement.number} (line ${statement.line})`,
        statementId: firstValue(fields, 'Id') ?? null,
        accountIban: normalizeIban(firstValue(fields, 'Acct/Id/IBAN')),
        accountNumber: firstValue(fields, 'Acct/Id/Othr/Id') ?? null,
        currency: currencyOf(statement),
        opening: statement.opening,
        closing: statement.closing,
      },
    });
    this.events.push(...statement.headerErrors);
  }
}

function addValue(fields: Map<string, string[]>, path: string, value: string): void {
  const values = fields.get(path);
  if (values) values.push(value);
  else fields.set(path, [value]);
}

function entryPlace(statement: StatementState): string {
  return `statement ${statement.number}, entry ${statement.entryNumber}`;
}

function currencyOf(statement: StatementState): string {
  return firstValue(statement.fields, 'Acct/Ccy') ?? statement.currency ?? '';
}

/** The calendar date a CreDtTm ("2024-03-14T19:46:22.457+02:00") was written on. */
function creationDate(fields: Fields): string | null {
  const text = firstValue(fields, 'CreDtTm', 'GrpHdr/CreDtTm');
  return text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
}
