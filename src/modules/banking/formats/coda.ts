/**
 * Belgian CODA statements (Febelfin standard 2): a file is a header record 0, per statement an old
 * balance 1, movements 2.1–2.3 with information records 3.1–3.3, free messages 4 and a new
 * balance 8, then a trailer 9 with the number of records and the debit and credit totals.
 *
 * Grouped movements: a total booked by the customer or the bank (transaction type 1 or 2, e.g.
 * "REGROUPEMENT DE 6 VCS", a direct-debit batch) is followed by its detail movements (types 5–9),
 * each a payment of its own: those details become the entries, the total only when no details are
 * given. A movement of type 3 is one payment whose details break its amount down (principal,
 * charges, VAT): it stays one entry. Balances and the trailer totals are checked with the
 * top-level movements only, so no amount counts twice.
 */
import { addCents, type Cents } from '../../../core/money.js';
import {
  type BankBalance,
  type BankStatementEvent,
  type BankStatementParser,
  checkBalance,
} from './bank-statement.js';
import { type CodaMovementParts, detailText, toBankEntry } from './coda-movement.js';
import {
  CODA_RECORD_LENGTH,
  readFreeMessage,
  readHeader,
  readInformation,
  readMovement,
  readMovementPart2,
  readMovementPart3,
  readNewBalance,
  readOldBalance,
  readTrailer,
} from './coda-records.js';
import { readLines } from './text-lines.js';

type FileBlock = { line: number; records: number; debitCents: Cents; creditCents: Cents };

type Statement = {
  ordinal: number;
  structure: string;
  currency: string;
  opening: BankBalance;
  entriesCents: Cents;
  entryCount: number;
  messages: string[];
};

type Group = {
  top: CodaMovementParts;
  isGlobalised: boolean;
  pendingDetail: CodaMovementParts | null;
  hasDetails: boolean;
  extraTexts: string[];
};

type EndEvent = Extract<BankStatementEvent, { kind: 'end' }>;

// How deep a detail sits: 5, 6 and 8 detail a total; 7 details a 5; 9 details a 7 or an 8.
const DETAIL_DEPTH: Record<string, number> = { '5': 1, '6': 1, '8': 1, '7': 2, '9': 3 };

class CodaReader {
  private file: FileBlock | null = null;
  private statement: Statement | null = null;
  private statementCount = 0;
  /** Set while the records of a statement whose record 1 was unreadable are skipped. */
  private isSkippingStatement = false;
  private pendingEnd: EndEvent | null = null;
  private group: Group | null = null;
  private current: CodaMovementParts | null = null;
  /** The sequence number of a 2.1 record that could not be read: its other records are skipped. */
  private brokenSequence: string | null = null;

  *read(line: string, lineNumber: number): Generator<BankStatementEvent> {
    if (line.trim() === '') return;
    const error = (message: string): BankStatementEvent => ({
      kind: 'error',
      place: `line ${lineNumber}`,
      message,
    });
    if (line.length !== CODA_RECORD_LENGTH) {
      yield error(`a CODA record has ${CODA_RECORD_LENGTH} characters, this one has ${line.length}`);
      return;
    }
    const type = line.slice(0, 1);
    if (this.file && type !== '0' && type !== '9') this.file.records++;
    switch (type) {
      case '0': {
        yield* this.closeFile(lineNumber);
        const header = readHeader(line);
        if (!header.ok) yield error(`header record 0: ${header.reason}`);
        this.file = { line: lineNumber, records: 0, debitCents: 0 as Cents, creditCents: 0 as Cents };
        return;
      }
      case '1':
        yield* this.closeStatement(lineNumber);
        yield* this.openStatement(line, lineNumber);
        return;
      case '2':
      case '3':
        if (this.isSkippingStatement) return;
        if (!this.statement) {
          yield error(
            `record ${line.slice(0, 2)} is outside a statement (no old balance record 1 before it)`,
          );
          return;
        }
        yield* this.readMovementRecord(line, lineNumber);
        return;
      case '4': {
        const message = readFreeMessage(line);
        if (message) (this.statement?.messages ?? this.pendingEnd?.messages)?.push(message);
        return;
      }
      case '8':
        yield* this.readNewBalanceRecord(line, lineNumber);
        return;
      case '9':
        yield* this.closeStatement(lineNumber);
        yield* this.readTrailerRecord(line, lineNumber);
        return;
      default:
        yield error(`"${type}" is not a CODA record type (0, 1, 2, 3, 4, 8 or 9)`);
    }
  }

  *finish(lineCount: number): Generator<BankStatementEvent> {
    yield* this.closeFile(lineCount);
  }

  private *openStatement(line: string, lineNumber: number): Generator<BankStatementEvent> {
    const balance = readOldBalance(line);
    if (!balance.ok) {
      this.isSkippingStatement = true;
      yield {
        kind: 'error',
        place: `line ${lineNumber}`,
        message: `old balance record 1: ${balance.reason}; the statement's movements are skipped`,
      };
      return;
    }
    this.isSkippingStatement = false;
    const { account, currency, amountCents, date, statementNumber } = balance.record;
    this.statementCount++;
    const opening = { amountCents, date };
    this.statement = {
      ordinal: this.statementCount,
      structure: line.slice(1, 2),
      currency,
      opening,
      entriesCents: 0 as Cents,
      entryCount: 0,
      messages: [],
    };
    yield {
      kind: 'statement',
      statement: {
        format: 'coda',
        place: `statement ${this.statementCount} (line ${lineNumber})`,
        statementId: statementNumber,
        accountIban: account.iban,
        accountNumber: account.number,
        currency,
        opening,
        closing: null,
      },
    };
  }

  private *readMovementRecord(line: string, lineNumber: number): Generator<BankStatementEvent> {
    const kind = line.slice(0, 2);
    const sequence = line.slice(2, 6);
    if (kind === '21') {
      yield* this.finishMovement();
      const movement = readMovement(line);
      if (!movement.ok) {
        this.brokenSequence = sequence;
        yield {
          kind: 'error',
          place: `line ${lineNumber}`,
          message: `movement record 2.1: ${movement.reason}`,
        };
        return;
      }
      this.brokenSequence = null;
      this.current = {
        line: lineNumber,
        movement: movement.record,
        part2: null,
        part3: null,
        information: [],
      };
      return;
    }
    if (sequence === this.brokenSequence) return;
    const current = this.current;
    if (!current || current.movement.sequence !== sequence) {
      yield {
        kind: 'error',
        place: `line ${lineNumber}`,
        message: `record ${kind[0]}.${kind[1]} of movement ${sequence} does not follow a 2.1 record of that movement`,
      };
      return;
    }
    switch (kind) {
      case '22':
        current.part2 = readMovementPart2(line);
        return;
      case '23':
        current.part3 = readMovementPart3(line);
        return;
      case '31':
        current.information.push(readInformation(line, '1'));
        return;
      case '32':
      case '33': {
        const last = current.information.at(-1);
        if (last) last.communication += readInformation(line, kind[1] ?? '').communication;
        else
          yield {
            kind: 'error',
            place: `line ${lineNumber}`,
            message: `record 3.${kind[1]} without a 3.1 before it`,
          };
        return;
      }
      default:
        yield {
          kind: 'error',
          place: `line ${lineNumber}`,
          message: `"${kind}" is not a movement or information record (21, 22, 23, 31, 32, 33)`,
        };
    }
  }

  /** The 2.1 record being read is complete: it joins its group (same sequence number). */
  private *finishMovement(): Generator<BankStatementEvent> {
    const parts = this.current;
    this.current = null;
    if (!parts) return;
    const group = this.group;
    if (!group || group.top.movement.sequence !== parts.movement.sequence) {
      yield* this.closeGroup();
      const statement = this.statement;
      if (statement) statement.entriesCents = addCents(statement.entriesCents, parts.movement.amountCents);
      if (this.file) {
        const amount = parts.movement.amountCents;
        if (amount < 0) this.file.debitCents = addCents(this.file.debitCents, -amount);
        else this.file.creditCents = addCents(this.file.creditCents, amount);
      }
      const type = parts.movement.transactionType;
      this.group = {
        top: parts,
        isGlobalised: type === '1' || type === '2',
        pendingDetail: null,
        hasDetails: false,
        extraTexts: [],
      };
      return;
    }
    group.hasDetails = true;
    if (!group.isGlobalised) {
      const text = detailText(parts);
      if (text) group.extraTexts.push(text);
      return;
    }
    const pending = group.pendingDetail;
    // A detail followed by a deeper one is itself a subtotal: only the deepest details are payments.
    const isSubtotal =
      pending !== null &&
      (DETAIL_DEPTH[parts.movement.transactionType] ?? 1) >
        (DETAIL_DEPTH[pending.movement.transactionType] ?? 1);
    if (pending && !isSubtotal) yield this.entryEvent(pending);
    group.pendingDetail = parts;
  }

  private *closeGroup(): Generator<BankStatementEvent> {
    const group = this.group;
    this.group = null;
    if (!group) return;
    if (group.isGlobalised && group.pendingDetail) yield this.entryEvent(group.pendingDetail);
    else if (!group.isGlobalised || !group.hasDetails) yield this.entryEvent(group.top, group.extraTexts);
  }

  private entryEvent(parts: CodaMovementParts, extraTexts: readonly string[] = []): BankStatementEvent {
    const statement = this.statement;
    if (statement) statement.entryCount++;
    const { sequence, detail } = parts.movement;
    const detailPlace = /^0*$/.test(detail) ? '' : `, detail ${Number(detail)}`;
    const place = `statement ${statement?.ordinal ?? this.statementCount}, movement ${Number(sequence)}${detailPlace} (line ${parts.line})`;
    return {
      kind: 'entry',
      entry: toBankEntry(parts, { place, currency: statement?.currency ?? '' }, extraTexts),
    };
  }

  private *readNewBalanceRecord(line: string, lineNumber: number): Generator<BankStatementEvent> {
    yield* this.finishMovement();
    yield* this.closeGroup();
    const statement = this.statement;
    if (!statement) {
      if (!this.isSkippingStatement)
        yield {
          kind: 'error',
          place: `line ${lineNumber}`,
          message: 'new balance record 8 without an old balance record 1',
        };
      this.isSkippingStatement = false;
      return;
    }
    const balance = readNewBalance(line, statement.structure);
    if (!balance.ok)
      yield {
        kind: 'error',
        place: `line ${lineNumber}`,
        message: `new balance record 8: ${balance.reason}`,
      };
    const closing = balance.ok
      ? { amountCents: balance.record.amountCents, date: balance.record.date }
      : null;
    this.pendingEnd = {
      kind: 'end',
      closing,
      entryCount: statement.entryCount,
      balance: checkBalance(statement.opening, closing, statement.entriesCents),
      messages: statement.messages,
    };
    this.statement = null;
  }

  /** Ends the open statement; one without its record 8 ends with no closing balance. */
  private *closeStatement(lineNumber: number): Generator<BankStatementEvent> {
    yield* this.finishMovement();
    yield* this.closeGroup();
    const statement = this.statement;
    if (statement) {
      yield {
        kind: 'error',
        place: `line ${lineNumber}`,
        message: `statement ${statement.ordinal} ends without its new balance record 8`,
      };
      this.pendingEnd = {
        kind: 'end',
        closing: null,
        entryCount: statement.entryCount,
        balance: checkBalance(statement.opening, null, statement.entriesCents),
        messages: statement.messages,
      };
      this.statement = null;
    }
    this.isSkippingStatement = false;
    if (this.pendingEnd) yield this.pendingEnd;
    this.pendingEnd = null;
  }

  private *readTrailerRecord(line: string, lineNumber: number): Generator<BankStatementEvent> {
    const file = this.file;
    this.file = null;
    const place = `line ${lineNumber}`;
    if (!file) {
      yield { kind: 'error', place, message: 'trailer record 9 without a header record 0' };
      return;
    }
    const trailer = readTrailer(line);
    if (!trailer.ok) {
      yield { kind: 'error', place, message: `trailer record 9: ${trailer.reason}` };
      return;
    }
    const { recordCount, debitCents, creditCents } = trailer.record;
    if (recordCount !== file.records) {
      yield {
        kind: 'error',
        place,
        message: `trailer record 9 counts ${recordCount} records, the file has ${file.records}`,
      };
    }
    for (const [name, given, counted] of [
      ['debit', debitCents, file.debitCents],
      ['credit', creditCents, file.creditCents],
    ] as const) {
      if (given !== counted) {
        yield {
          kind: 'error',
          place,
          message: `trailer record 9 gives a ${name} total of ${given} cents, the movements add up to ${counted} cents`,
        };
      }
    }
  }

  private *closeFile(lineNumber: number): Generator<BankStatementEvent> {
    yield* this.closeStatement(lineNumber);
    if (this.file) {
      yield {
        kind: 'error',
        place: `line ${lineNumber}`,
        message: `the CODA file begun on line ${this.file.line} ends without its trailer record 9`,
      };
    }
    this.file = null;
  }
}

export const parseCoda: BankStatementParser = async function* (chunks) {
  const reader = new CodaReader();
  let lineNumber = 0;
  for await (const line of readLines(chunks)) {
    lineNumber++;
    yield* reader.read(line, lineNumber);
  }
  yield* reader.finish(lineNumber);
};
