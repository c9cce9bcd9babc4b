import { type SQL, sql } from 'drizzle-orm';
import type { CallOutcome, CallResult } from '../../core/calls/call-outcomes.js';
import type { Db } from '../../db/client.js';
import type { CallEvaluation, CallEvaluationListQuery } from './evaluation.schemas.js';
import { selectRows } from './sql-rows.js';

type Row = {
  id: string;
  call_id: string;
  started_at: string | Date;
  outcome: CallOutcome;
  result: CallResult | null;
  collector_id: string | null;
  collector_name: string | null;
  debtor_id: string;
  debtor_number: string;
  debtor_name: string;
  went_well: string | null;
  to_improve: string | null;
  author_name: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  reviewed_at: string | Date | null;
  reviewer_name: string | null;
  review_comment: string | null;
};

const iso = (value: string | Date) => new Date(value).toISOString();

function toEvaluation(row: Row): CallEvaluation {
  return {
    id: row.id,
    callId: row.call_id,
    call: {
      startedAt: iso(row.started_at),
      outcome: row.outcome,
      result: row.result,
      collector: row.collector_id ? { id: row.collector_id, name: row.collector_name ?? '' } : null,
    },
    debtor: { id: row.debtor_id, number: row.debtor_number, name: row.debtor_name },
    wentWell: row.went_well,
    toImprove: row.to_improve,
    author: row.author_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    review: row.reviewed_at
      ? { by: row.reviewer_name, at: iso(row.reviewed_at), comment: row.review_comment }
      : null,
  };
}

const select = (where: SQL, tail: SQL = sql``) => sql`
  select e.id, e.call_id, c.started_at, c.outcome, c.result, c.collector_id, cu.name as collector_name,
    d.id as debtor_id, d.number as debtor_number, d.name as debtor_name,
    e.went_well, e.to_improve, au.name as author_name, e.created_at, e.updated_at,
    e.reviewed_at, ru.name as reviewer_name, e.review_comment
  from call_evaluations e
  join calls c on c.id = e.call_id
  join debtors d on d.id = e.debtor_id
  left join users cu on cu.id = c.collector_id
  left join users au on au.id = e.author_id
  left join users ru on ru.id = e.reviewed_by
  where ${where} ${tail}`;

export async function findEvaluation(
  db: Db,
  key: { orgId: string } & ({ id: string } | { callId: string }),
): Promise<CallEvaluation | undefined> {
  const match = 'id' in key ? sql`e.id = ${key.id}` : sql`e.call_id = ${key.callId}`;
  const [row] = await selectRows<Row>(db, select(sql`e.org_id = ${key.orgId} and ${match}`));
  return row ? toEvaluation(row) : undefined;
}

/** The review list: newest calls first, filtered by collector, call day (in `timeZone`) and review. */
export async function findEvaluations(
  db: Db,
  params: { orgId: string; timeZone: string } & CallEvaluationListQuery,
): Promise<{ items: CallEvaluation[]; total: number }> {
  const day = sql`(c.started_at at time zone ${params.timeZone})::date`;
  const conditions = [
    sql`e.org_id = ${params.orgId}`,
    params.collector ? sql`c.collector_id = ${params.collector}` : undefined,
    params.from ? sql`${day} >= ${params.from}::date` : undefined,
    params.to ? sql`${day} <= ${params.to}::date` : undefined,
    params.reviewed === undefined
      ? undefined
      : params.reviewed
        ? sql`e.reviewed_at is not null`
        : sql`e.reviewed_at is null`,
  ].filter((c): c is SQL => c !== undefined);
  const where = sql.join(conditions, sql` and `);
  const offset = (params.page - 1) * params.pageSize;
  const [rows, [count]] = await Promise.all([
    selectRows<Row>(
      db,
      select(where, sql`order by c.started_at desc, e.id limit ${params.pageSize} offset ${offset}`),
    ),
    selectRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from call_evaluations e join calls c on c.id = e.call_id where ${where}`,
    ),
  ]);
  return { items: rows.map(toEvaluation), total: count?.total ?? 0 };
}
