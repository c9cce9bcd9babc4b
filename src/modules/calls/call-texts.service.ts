/**
 * The workbench texts a senior edits (issue 5 point 4): script sections per situation and
 * language, objection wording per objection and language. An edit is checked before it is saved
 * (every placeholder known: an unknown one is a 400 naming the line) and can be reset to the
 * default. `resolveCallTexts` gives the prep sheet the texts of one call with the edits laid over.
 */
import { OBJECTION_TEXTS } from '../../core/calls/objections/compose-objections.js';
import {
  OBJECTION_CODES,
  OBJECTION_LIBRARY,
  type ObjectionCode,
  type ObjectionTexts,
} from '../../core/calls/objections/objection-library.js';
import {
  applyObjectionOverride,
  applyObjectionOverrides,
  checkObjectionOverride,
  type ObjectionTextOverride,
} from '../../core/calls/objections/objection-overrides.js';
import { SCRIPT_PACKS } from '../../core/calls/scripts/compose-script.js';
import { PLACEHOLDERS } from '../../core/calls/scripts/placeholders.js';
import {
  applyScriptOverride,
  checkScriptOverride,
  type ScriptOverride,
} from '../../core/calls/scripts/script-overrides.js';
import {
  SCRIPT_SITUATIONS,
  type ScriptSituation,
  type ScriptTemplate,
} from '../../core/calls/scripts/script-types.js';
import { AppError, type FieldIssue } from '../../core/errors.js';
import { LANGUAGES, type Language } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../auth/access.js';
import {
  type CallTextOverrideRow,
  deleteObjectionOverride,
  deleteScriptOverride,
  findObjectionOverrides,
  findScriptOverrides,
  toCallTextOverrides,
  upsertObjectionOverride,
  upsertScriptOverride,
} from './call-texts.repo.js';
import type { CallScriptView, ObjectionTextView } from './call-texts.schemas.js';

type Deps = { db: Db };
type ScriptKey = { situation: ScriptSituation; language: Language };
type ObjectionKey = { code: ObjectionCode; language: Language };

const refuse = (what: string, issues: FieldIssue[]) => {
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', `${what} cannot be said as written`, issues);
};
const copy = (template: ScriptTemplate) => ({
  opening: [...template.opening],
  keyQuestions: [...template.keyQuestions],
  consequences: [...template.consequences],
  closing: [...template.closing],
});

/**
 * The script and objection texts one call reads: the organisation's edits (read with the rest of
 * the prep sheet) over the defaults.
 */
export function resolveCallTexts(
  edits: readonly CallTextOverrideRow[],
  key: ScriptKey,
): { script: ScriptTemplate; objections: ObjectionTexts } {
  const overrides = toCallTextOverrides(edits, key.situation);
  return {
    script: applyScriptOverride(SCRIPT_PACKS[key.language].scripts[key.situation], overrides.script),
    objections: applyObjectionOverrides(OBJECTION_TEXTS[key.language], overrides.objections),
  };
}

export async function listCallScripts(deps: Deps, actor: Actor, language?: Language) {
  const edited = await findScriptOverrides(deps.db, {
    orgId: actor.orgId,
    ...(language ? { language } : {}),
  });
  const items = (language ? [language] : LANGUAGES).flatMap((lang) =>
    SCRIPT_SITUATIONS.map((situation) => {
      const row = edited.find((e) => e.situation === situation && e.language === lang);
      return {
        situation,
        language: lang,
        isOverridden: !!row,
        updatedAt: row?.updatedAt.toISOString() ?? null,
        updatedBy: row?.updatedBy ?? null,
      };
    }),
  );
  return { items };
}

export async function getCallScript(deps: Deps, actor: Actor, key: ScriptKey): Promise<CallScriptView> {
  const [row] = await findScriptOverrides(deps.db, { orgId: actor.orgId, ...key });
  const template = SCRIPT_PACKS[key.language].scripts[key.situation];
  const override = row?.sections;
  return {
    ...key,
    placeholders: [...PLACEHOLDERS],
    default: copy(template),
    override: override
      ? Object.fromEntries(Object.entries(override).map(([s, lines]) => [s, [...lines]]))
      : null,
    effective: copy(applyScriptOverride(template, override)),
    isOverridden: !!row,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export async function saveCallScript(
  deps: Deps,
  actor: Actor,
  key: ScriptKey,
  sections: ScriptOverride,
): Promise<CallScriptView> {
  refuse(`the ${key.situation} script (${key.language})`, checkScriptOverride(sections));
  await upsertScriptOverride(deps.db, { orgId: actor.orgId, ...key, sections, updatedBy: actor.userId });
  return getCallScript(deps, actor, key);
}

export async function resetCallScript(deps: Deps, actor: Actor, key: ScriptKey): Promise<CallScriptView> {
  await deleteScriptOverride(deps.db, { orgId: actor.orgId, ...key });
  return getCallScript(deps, actor, key);
}

export async function listObjectionTexts(deps: Deps, actor: Actor, language?: Language) {
  const edited = await findObjectionOverrides(deps.db, {
    orgId: actor.orgId,
    ...(language ? { language } : {}),
  });
  const items = (language ? [language] : LANGUAGES).flatMap((lang) =>
    OBJECTION_CODES.map((code) => {
      const row = edited.find((e) => e.code === code && e.language === lang);
      return {
        code,
        language: lang,
        label: row?.texts.label ?? OBJECTION_TEXTS[lang][code].label,
        isOverridden: !!row,
        updatedAt: row?.updatedAt.toISOString() ?? null,
        updatedBy: row?.updatedBy ?? null,
      };
    }),
  );
  return { items };
}

export async function getObjectionText(
  deps: Deps,
  actor: Actor,
  key: ObjectionKey,
): Promise<ObjectionTextView> {
  const [row] = await findObjectionOverrides(deps.db, { orgId: actor.orgId, ...key });
  const text = OBJECTION_TEXTS[key.language][key.code];
  const override = row?.texts;
  return {
    ...key,
    counterKeys: [...OBJECTION_LIBRARY[key.code].counters],
    placeholders: [...PLACEHOLDERS],
    default: { ...text, counters: { ...text.counters } },
    override: override
      ? { ...override, ...(override.counters ? { counters: { ...override.counters } } : {}) }
      : null,
    effective: applyObjectionOverride(text, override),
    isOverridden: !!row,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export async function saveObjectionText(
  deps: Deps,
  actor: Actor,
  key: ObjectionKey,
  texts: ObjectionTextOverride,
): Promise<ObjectionTextView> {
  refuse(`the objection ${key.code} (${key.language})`, checkObjectionOverride(key.code, texts));
  await upsertObjectionOverride(deps.db, {
    orgId: actor.orgId,
    objection: key.code,
    language: key.language,
    texts,
    updatedBy: actor.userId,
  });
  return getObjectionText(deps, actor, key);
}

export async function resetObjectionText(
  deps: Deps,
  actor: Actor,
  key: ObjectionKey,
): Promise<ObjectionTextView> {
  await deleteObjectionOverride(deps.db, { orgId: actor.orgId, objection: key.code, language: key.language });
  return getObjectionText(deps, actor, key);
}
