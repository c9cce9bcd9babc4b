import { OUTBOX_STATUSES, type OutboxStatus } from '../../core/dunning/enums.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import { appendTimelineEvent } from '../ledger/timeline.repo.js';
import type { OutboxMessage, OutboxPage } from './dunning.schemas.js';
import {
  countOutboxByStatus,
  findDocument,
  findOutboxMessage,
  findOutboxRow,
  findOutboxRows,
  markOutboxPrinted,
  type OutboxRow,
} from './outbox.repo.js';

/** The outbox screen: messages by status, the letters as sent, and marking letters printed. */

type OutboxDeps = Pick<AppDeps, 'db'>;

export async function findOutbox(
  deps: OutboxDeps,
  actor: Actor,
  query: { status?: OutboxStatus | undefined; debtor?: string | undefined; page: number; pageSize: number },
): Promise<OutboxPage> {
  const [page, byStatus] = await Promise.all([
    findOutboxRows(deps.db, {
      orgId: actor.orgId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.debtor ? { debtorId: query.debtor } : {}),
      page: query.page,
      pageSize: query.pageSize,
    }),
    countOutboxByStatus(deps.db, actor.orgId),
  ]);
  const statusCounts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, byStatus.get(s) ?? 0]));
  return {
    items: page.rows.map(toOutboxMessage),
    page: query.page,
    pageSize: query.pageSize,
    total: page.total,
    totalIsCapped: page.isCapped,
    statusCounts: statusCounts as Record<OutboxStatus, number>,
  };
}

/** A letter was printed to be posted: recorded on the message and on the debtor's timeline. */
export async function markPrinted(deps: OutboxDeps, actor: Actor, id: string): Promise<OutboxMessage> {
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const before = await findOutboxMessage(tx, { orgId: actor.orgId, id });
    if (!before) throw new AppError('NOT_FOUND', 'no such outbox message');
    const printed = await markOutboxPrinted(tx, { orgId: actor.orgId, id });
    if (!printed) {
      throw new AppError(
        'INVALID_STATE',
        `only a letter waiting to be printed can be marked printed (this one is ${before.status})`,
      );
    }
    await appendTimelineEvent(tx, {
      orgId: actor.orgId,
      debtorId: printed.debtorId,
      kind: 'letter',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      summary: `Printed for posting: ${printed.subject}`,
      data: { outboxMessageId: printed.id, documentId: printed.documentId, printed: true },
    });
  });
  const row = await findOutboxRow(deps.db, { orgId: actor.orgId, id });
  if (!row) throw new AppError('NOT_FOUND', 'no such outbox message');
  return toOutboxMessage(row);
}

/** A stored document (a letter as sent), for showing in the browser. */
export async function getDocument(
  deps: OutboxDeps,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; mediaType: string; content: Uint8Array }> {
  const document = await findDocument(deps.db, { orgId: actor.orgId, id });
  if (!document) throw new AppError('NOT_FOUND', 'no such document');
  return { fileName: document.fileName, mediaType: document.mediaType, content: document.content };
}

function toOutboxMessage(row: OutboxRow): OutboxMessage {
  const m = row.message;
  return {
    id: m.id,
    createdAt: m.createdAt.toISOString(),
    debtor: { id: m.debtorId, number: row.debtorNumber, name: row.debtorName },
    to: m.toAddress,
    subject: m.subject,
    status: m.status,
    error: m.error,
    attempts: m.attempts,
    sentAt: m.sentAt?.toISOString() ?? null,
    documentId: m.documentId,
  };
}
