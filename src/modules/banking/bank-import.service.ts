/**
 * Imports parsed bank statements: files, statements and entries are written in batches, each
 * batch in one transaction together with its matching and allocations, so a crash loses at most
 * the batch in progress and a re-run adds nothing twice (the dedup key, see core/matching/
 * entry-dedup.ts). A parser's error event, an entry that cannot be stored and a statement whose
 * balance does not add up are reported with the file and place; the rest goes in.
 */
import { isCalendarDate } from '../../core/calendar-date.js';
import { createDedupKeyer } from '../../core/matching/entry-dedup.js';
import { formatCents } from '../../core/money.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { BankImportError } from '../../db/schema/index.js';
import {
  InvoicesChangedMeanwhile,
  type MatchContext,
  matchContextOf,
} from '../allocations/allocation-writes.js';
import type { Actor } from '../auth/access.js';
import { type LedgerDeps, loadOrganisation } from '../ledger/organisation.service.js';
import {
  type BankEntryWrite,
  finishBankFile,
  finishStatement,
  insertBankFile,
  insertStatement,
} from './bank-import.repo.js';
import type {
  BankEntry,
  BankFileFormat,
  BankStatementEvent,
  BankStatementHeader,
} from './formats/bank-statement.js';
import { storeAndMatchEntries } from './payment-matching.js';

export type BankFileInput = {
  /** As the user named it; reported back in errors. */
  name: string;
  format: BankFileFormat;
  sha256: string;
  events: AsyncIterable<BankStatementEvent>;
};

/** The `collectdesk import bank --json` contract. */
export type BankImportReport = {
  statements: number;
  entries: number;
  duplicates: number;
  matched: number;
  suggested: number;
  unmatched: number;
  errors: BankImportError[];
};

export type BankImportActor = Pick<Actor, 'orgId' | 'userId' | 'label'>;

export const DEFAULT_BATCH_SIZE = 2000;

/** What the matching needs to know of the organisation and the actor. */
export async function loadMatchContext(deps: LedgerDeps, actor: BankImportActor): Promise<MatchContext> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  return matchContextOf(org, today, actor);
}

export async function importBankStatements(
  deps: LedgerDeps,
  actor: BankImportActor,
  files: readonly BankFileInput[],
  options: { batchSize?: number } = {},
): Promise<BankImportReport> {
  const ctx = await loadMatchContext(deps, actor);
  const report: BankImportReport = {
    statements: 0,
    entries: 0,
    duplicates: 0,
    matched: 0,
    suggested: 0,
    unmatched: 0,
    errors: [],
  };
  for (const file of files) {
    await importFile(deps, ctx, file, report, options.batchSize ?? DEFAULT_BATCH_SIZE);
  }
  return report;
}

type OpenStatement = {
  id: string;
  header: BankStatementHeader;
  account: string;
  entryCount: number;
  entriesCents: number;
};

async function importFile(
  deps: LedgerDeps,
  ctx: MatchContext,
  file: BankFileInput,
  report: BankImportReport,
  batchSize: number,
): Promise<void> {
  const errors: BankImportError[] = [];
  const fail = (entry: string, message: string) => errors.push({ file: file.name, entry, message });
  const fileId = await insertBankFile(deps.db, {
    orgId: ctx.orgId,
    fileName: file.name,
    sha256: file.sha256,
    format: file.format,
    importedBy: ctx.actor.userId,
  });
  const keyFor = createDedupKeyer();
  const counts = { statements: 0, entries: 0, fresh: 0, duplicates: 0 };
  let statement: OpenStatement | undefined;
  let batch: BankEntryWrite[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    const result = await storeBatch(deps, ctx, entries);
    counts.fresh += result.fresh;
    counts.duplicates += entries.length - result.fresh;
    report.matched += result.matched;
    report.suggested += result.suggested;
    report.unmatched += result.unmatched;
  };
  const openStatement = async (header: BankStatementHeader) => {
    const id = await insertStatement(deps.db, {
      orgId: ctx.orgId,
      fileId,
      place: header.place,
      statementId: header.statementId,
      accountIban: header.accountIban,
      accountNumber: header.accountNumber,
      currency: header.currency,
      openingCents: header.opening?.amountCents ?? null,
      openingDate: header.opening?.date ?? null,
      closingCents: header.closing?.amountCents ?? null,
      closingDate: header.closing?.date ?? null,
    });
    counts.statements++;
    return {
      id,
      header,
      account: header.accountIban ?? header.accountNumber ?? '',
      entryCount: 0,
      entriesCents: 0,
    };
  };

  try {
    for await (const event of file.events) {
      switch (event.kind) {
        case 'statement':
          await flush();
          statement = await openStatement(event.statement);
          break;
        case 'entry': {
          statement ??= await openStatement(implicitHeader(file.format, event.entry));
          counts.entries++;
          statement.entryCount++;
          statement.entriesCents += event.entry.amountCents;
          const problem = entryProblem(event.entry);
          if (problem) {
            fail(event.entry.place, problem);
            break;
          }
          batch.push(toWrite(statement, keyFor(statement.account, event.entry), event.entry));
          if (batch.length >= batchSize) await flush();
          break;
        }
        case 'end': {
          await flush();
          if (!statement) {
            fail('end of statement', 'a statement end without a statement');
            break;
          }
          await finishStatement(deps.db, {
            orgId: ctx.orgId,
            statementId: statement.id,
            closing: event.closing,
            entryCount: statement.entryCount,
            entriesCents: statement.entriesCents,
            balanceCheck: event.balance.kind,
          });
          if (event.balance.kind === 'mismatch') {
            const b = event.balance;
            fail(
              statement.header.place,
              `the balances do not add up: opening ${formatCents(b.openingCents)} + entries ${formatCents(
                b.entriesCents,
              )} is not the closing balance ${formatCents(b.closingCents)}`,
            );
          }
          statement = undefined;
          break;
        }
        case 'error':
          fail(event.place, event.message);
          break;
      }
    }
    await flush();
  } catch (error) {
    // A parser that gives up (a truncated file): what was read before is kept, the rest reported.
    fail(statement?.header.place ?? 'file', `reading stopped: ${(error as Error).message}`);
  }
  report.statements += counts.statements;
  report.entries += counts.entries;
  report.duplicates += counts.duplicates;
  report.errors.push(...errors);
  await finishBankFile(deps.db, {
    orgId: ctx.orgId,
    fileId,
    statementCount: counts.statements,
    entryCount: counts.entries,
    newEntryCount: counts.fresh,
    duplicateCount: counts.duplicates,
    errors,
  });
}

const BATCH_ATTEMPTS = 3;

/**
 * One batch in one transaction, run again when something concurrent got in between: an import of
 * the same entries stored them after this batch's dedup check (the unique dedup index refuses the
 * insert; the next run sees them as duplicates), or an invoice the batch allocated to was changed
 * after it was read (the next run decides on the new amounts).
 */
async function storeBatch(deps: LedgerDeps, ctx: MatchContext, entries: readonly BankEntryWrite[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction((tx) => storeAndMatchEntries(tx, ctx, entries));
    } catch (error) {
      const again = isUniqueViolation(error) || error instanceof InvoicesChangedMeanwhile;
      if (attempt >= BATCH_ATTEMPTS || !again) throw error;
    }
  }
}

/** An entry that arrives before any statement (a CSV export has no statement records). */
function implicitHeader(format: BankFileFormat, entry: BankEntry): BankStatementHeader {
  return {
    format,
    place: 'file',
    statementId: null,
    accountIban: null,
    accountNumber: null,
    currency: entry.currency,
    opening: null,
    closing: null,
  };
}

/** What makes an entry impossible to store; parsers normally report these themselves. */
function entryProblem(entry: BankEntry): string | undefined {
  if (!isCalendarDate(entry.bookingDate)) return `booking date "${entry.bookingDate}" is not a date`;
  if (entry.valueDate !== null && !isCalendarDate(entry.valueDate)) {
    return `value date "${entry.valueDate}" is not a date`;
  }
  if (!Number.isSafeInteger(entry.amountCents))
    return `amount ${entry.amountCents} is not a whole number of cents`;
  if (!/^[A-Z]{3}$/.test(entry.currency)) return `currency "${entry.currency}" is not an ISO 4217 code`;
  return undefined;
}

function toWrite(statement: OpenStatement, dedupKey: string, e: BankEntry): BankEntryWrite {
  return {
    statementId: statement.id,
    dedupKey,
    place: e.place,
    bookingDate: e.bookingDate,
    valueDate: e.valueDate,
    amountCents: e.amountCents,
    currency: e.currency,
    isReversal: e.isReversal,
    returnReason: e.returnReason,
    counterpartyName: e.counterpartyName,
    counterpartyIban: e.counterpartyIban,
    counterpartyAccountNumber: e.counterpartyAccountNumber ?? null,
    counterpartyBic: e.counterpartyBic,
    structuredReference: e.structuredReference,
    additionalStructuredReferences: e.additionalStructuredReferences ?? [],
    remittance: e.remittance,
    endToEndId: e.endToEndId,
    bankReference: e.bankReference,
    transactionCode: e.transactionCode,
    // Money received is a payment; money going out only when the bank takes a payment back.
    isPayment: e.amountCents > 0 || (e.amountCents < 0 && (e.isReversal || e.returnReason !== null)),
  };
}
