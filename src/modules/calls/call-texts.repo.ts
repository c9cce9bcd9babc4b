import { and, eq, sql } from 'drizzle-orm';
import type { ObjectionCode } from '../../core/calls/objections/objection-library.js';
import type { ObjectionTextOverride } from '../../core/calls/objections/objection-overrides.js';
import type { ScriptOverride } from '../../core/calls/scripts/script-overrides.js';
import type { ScriptSituation } from '../../core/calls/scripts/script-types.js';
import type { Language } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { callScriptOverrides, objectionTextOverrides, users } from '../../db/schema/index.js';
import { ObjectionOverrideSchema, ScriptOverrideSchema } from './call-texts.schemas.js';

type Scope = { orgId: string; language?: Language };

/** The stored JSON, checked as it comes back (the column is only written through the checks). */
const toScript = (stored: unknown): ScriptOverride => ScriptOverrideSchema.parse(stored);
const toObjection = (stored: unknown): ObjectionTextOverride => ObjectionOverrideSchema.parse(stored);

export async function findScriptOverrides(db: Db, scope: Scope & { situation?: ScriptSituation }) {
  const rows = await db
    .select({
      situation: callScriptOverrides.situation,
      language: callScriptOverrides.language,
      sections: callScriptOverrides.sections,
      updatedAt: callScriptOverrides.updatedAt,
      updatedBy: users.name,
    })
    .from(callScriptOverrides)
    .leftJoin(users, eq(users.id, callScriptOverrides.updatedBy))
    .where(
      and(
        eq(callScriptOverrides.orgId, scope.orgId),
        scope.language ? eq(callScriptOverrides.language, scope.language) : undefined,
        scope.situation ? eq(callScriptOverrides.situation, scope.situation) : undefined,
      ),
    );
  return rows.map((row) => ({ ...row, sections: toScript(row.sections) }));
}

export async function upsertScriptOverride(
  db: Db,
  row: {
    orgId: string;
    situation: ScriptSituation;
    language: Language;
    sections: ScriptOverride;
    updatedBy: string | null;
  },
): Promise<void> {
  await db
    .insert(callScriptOverrides)
    .values(row)
    .onConflictDoUpdate({
      target: [callScriptOverrides.orgId, callScriptOverrides.situation, callScriptOverrides.language],
      set: { sections: row.sections, updatedBy: row.updatedBy, updatedAt: sql`now()` },
    });
}

export async function deleteScriptOverride(
  db: Db,
  key: { orgId: string; situation: ScriptSituation; language: Language },
): Promise<void> {
  await db
    .delete(callScriptOverrides)
    .where(
      and(
        eq(callScriptOverrides.orgId, key.orgId),
        eq(callScriptOverrides.situation, key.situation),
        eq(callScriptOverrides.language, key.language),
      ),
    );
}

export async function findObjectionOverrides(db: Db, scope: Scope & { code?: ObjectionCode }) {
  const rows = await db
    .select({
      code: objectionTextOverrides.objection,
      language: objectionTextOverrides.language,
      texts: objectionTextOverrides.texts,
      updatedAt: objectionTextOverrides.updatedAt,
      updatedBy: users.name,
    })
    .from(objectionTextOverrides)
    .leftJoin(users, eq(users.id, objectionTextOverrides.updatedBy))
    .where(
      and(
        eq(objectionTextOverrides.orgId, scope.orgId),
        scope.language ? eq(objectionTextOverrides.language, scope.language) : undefined,
        scope.code ? eq(objectionTextOverrides.objection, scope.code) : undefined,
      ),
    );
  return rows.map((row) => ({ ...row, texts: toObjection(row.texts) }));
}

export async function upsertObjectionOverride(
  db: Db,
  row: {
    orgId: string;
    objection: ObjectionCode;
    language: Language;
    texts: ObjectionTextOverride;
    updatedBy: string | null;
  },
): Promise<void> {
  await db
    .insert(objectionTextOverrides)
    .values(row)
    .onConflictDoUpdate({
      target: [
        objectionTextOverrides.orgId,
        objectionTextOverrides.objection,
        objectionTextOverrides.language,
      ],
      set: { texts: row.texts, updatedBy: row.updatedBy, updatedAt: sql`now()` },
    });
}

export async function deleteObjectionOverride(
  db: Db,
  key: { orgId: string; objection: ObjectionCode; language: Language },
): Promise<void> {
  await db
    .delete(objectionTextOverrides)
    .where(
      and(
        eq(objectionTextOverrides.orgId, key.orgId),
        eq(objectionTextOverrides.objection, key.objection),
        eq(objectionTextOverrides.language, key.language),
      ),
    );
}

/** A stored edit as the prep sheet's statement reads it: a script (with its situation) or an objection. */
export type CallTextOverrideRow = {
  situation: ScriptSituation | null;
  objection: ObjectionCode | null;
  texts: unknown;
};

/** The edits one call reads: the script of its situation and every objection edited in its language. */
export function toCallTextOverrides(
  rows: readonly CallTextOverrideRow[],
  situation: ScriptSituation,
): {
  script: ScriptOverride | undefined;
  objections: Partial<Record<ObjectionCode, ObjectionTextOverride>>;
} {
  let script: ScriptOverride | undefined;
  const objections: Partial<Record<ObjectionCode, ObjectionTextOverride>> = {};
  for (const row of rows) {
    if (row.objection !== null) objections[row.objection] = toObjection(row.texts);
    else if (row.situation === situation) script = toScript(row.texts);
  }
  return { script, objections };
}
