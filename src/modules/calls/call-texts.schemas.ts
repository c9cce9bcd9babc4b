/**
 * Request and response shapes of the editable workbench texts: script sections and objection
 * wording per situation or objection and language (the defaults in core/calls, a senior's edit
 * stored per organisation). Shared with the web app.
 */
import { z } from 'zod';
import { OBJECTION_CODES } from '../../core/calls/objections/objection-library.js';
import { PLACEHOLDERS } from '../../core/calls/scripts/placeholders.js';
import { SCRIPT_SITUATIONS } from '../../core/calls/scripts/script-types.js';
import { LANGUAGES } from '../../core/ledger/enums.js';
import { InstantSchema } from '../ledger/ledger.schemas.js';

const LineSchema = z.string().trim().min(1, 'an empty line').max(1000);
const SectionSchema = z.array(LineSchema).max(12);

export const ScriptParamsSchema = z.object({
  situation: z.enum(SCRIPT_SITUATIONS),
  language: z.enum(LANGUAGES),
});

export const ScriptTemplateSchema = z.object({
  opening: z.array(z.string()),
  keyQuestions: z.array(z.string()),
  consequences: z.array(z.string()),
  closing: z.array(z.string()),
});

/** The sections given replace the default's; at least one. */
export const ScriptOverrideSchema = z
  .strictObject({
    opening: SectionSchema.optional(),
    keyQuestions: SectionSchema.optional(),
    consequences: SectionSchema.optional(),
    closing: SectionSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'give at least one section');

const EditedSchema = {
  isOverridden: z.boolean(),
  updatedAt: InstantSchema.nullable(),
  updatedBy: z.string().nullable(),
};

export const CallScriptSchema = z.object({
  situation: z.enum(SCRIPT_SITUATIONS),
  language: z.enum(LANGUAGES),
  /** The names a line may use, as `{name}`. */
  placeholders: z.array(z.enum(PLACEHOLDERS)),
  default: ScriptTemplateSchema,
  override: ScriptTemplateSchema.partial().nullable(),
  /** What the prep sheet reads: the override's sections, the default's for the rest. */
  effective: ScriptTemplateSchema,
  ...EditedSchema,
});
export type CallScriptView = z.infer<typeof CallScriptSchema>;

export const LanguageQuerySchema = z.object({ language: z.enum(LANGUAGES).optional() });

export const CallScriptListSchema = z.object({
  items: z.array(
    z.object({ situation: z.enum(SCRIPT_SITUATIONS), language: z.enum(LANGUAGES), ...EditedSchema }),
  ),
});

export const ObjectionParamsSchema = z.object({
  code: z.enum(OBJECTION_CODES),
  language: z.enum(LANGUAGES),
});

const ObjectionTextSchema = z.object({
  label: z.string(),
  heard: z.string(),
  counters: z.record(z.string(), z.string()),
});

export const ObjectionOverrideSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(200).optional(),
    heard: z.string().trim().min(1).max(500).optional(),
    /** Counter texts by the library's keys (see `counterKeys`). */
    counters: z.record(z.string().max(100), LineSchema).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'give a label, heard or counters');

export const ObjectionTextViewSchema = z.object({
  code: z.enum(OBJECTION_CODES),
  language: z.enum(LANGUAGES),
  counterKeys: z.array(z.string()),
  placeholders: z.array(z.enum(PLACEHOLDERS)),
  default: ObjectionTextSchema,
  override: ObjectionTextSchema.partial().nullable(),
  effective: ObjectionTextSchema,
  ...EditedSchema,
});
export type ObjectionTextView = z.infer<typeof ObjectionTextViewSchema>;

export const ObjectionTextListSchema = z.object({
  items: z.array(
    z.object({
      code: z.enum(OBJECTION_CODES),
      language: z.enum(LANGUAGES),
      label: z.string(),
      ...EditedSchema,
    }),
  ),
});
