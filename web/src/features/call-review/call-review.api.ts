import type { z } from 'zod';
import type { CallSettingsView } from '../../../../src/modules/calls/call-settings.schemas.ts';
import type {
  CallScriptListSchema,
  CallScriptView,
  ObjectionTextListSchema,
  ObjectionTextView,
} from '../../../../src/modules/calls/call-texts.schemas.ts';
import type {
  CallEvaluation,
  CallEvaluationListSchema,
} from '../../../../src/modules/calls/evaluation.schemas.ts';
import type { Language } from '../../api-types.ts';
import { api, withQuery } from '../../lib/api.ts';

export type { CallEvaluation, CallScriptView, CallSettingsView, ObjectionTextView };
export type CallEvaluationList = z.infer<typeof CallEvaluationListSchema>;
export type CallScriptList = z.infer<typeof CallScriptListSchema>;
export type ObjectionTextList = z.infer<typeof ObjectionTextListSchema>;
export type CallSettings = CallSettingsView['settings'];
export type ScriptSituation = CallScriptView['situation'];
export type ScriptSection = keyof CallScriptView['default'];
export type ObjectionCode = ObjectionTextView['code'];

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

// Runtime lists repeated here so the bundle needs nothing from the server; the annotations make the
// compiler fail when the server's lists change.
export const SCRIPT_SITUATIONS = [
  'before_due',
  'just_overdue',
  'falling_behind',
  'broken_promise',
  'consumer_payment_problems',
  'final_before_legal',
] as const;
export const SCRIPT_SECTIONS = ['opening', 'keyQuestions', 'consequences', 'closing'] as const;
export const TEXT_LANGUAGES = ['nl', 'fr', 'en'] as const;
export const CALL_OUTCOMES = ['no_answer', 'voicemail', 'wrong_number', 'gatekeeper', 'reached'] as const;
export const CALL_RESULTS = [
  'promise',
  'partial_payment',
  'payment_plan',
  'dispute',
  'claims_paid',
  'refuses',
] as const;
const listsMatch: [
  Exactly<(typeof SCRIPT_SITUATIONS)[number], ScriptSituation>,
  Exactly<(typeof SCRIPT_SECTIONS)[number], ScriptSection>,
  Exactly<(typeof TEXT_LANGUAGES)[number], Language>,
  Exactly<(typeof CALL_OUTCOMES)[number], CallEvaluation['call']['outcome']>,
  Exactly<(typeof CALL_RESULTS)[number], NonNullable<CallEvaluation['call']['result']>>,
] = [true, true, true, true, true];
void listsMatch;

const enc = encodeURIComponent;

export type EvaluationQuery = {
  collector?: string;
  from?: string;
  to?: string;
  reviewed?: 'true' | 'false';
  page?: number;
  pageSize?: number;
};

export const fetchEvaluations = (query: EvaluationQuery, signal?: AbortSignal) =>
  api.get<CallEvaluationList>(withQuery('/api/call-evaluations', query), signal);

export const reviewEvaluation = (id: string, comment: string) =>
  api.post<CallEvaluation>(`/api/call-evaluations/${enc(id)}/review`, { comment });

export const fetchScriptList = (language: Language, signal?: AbortSignal) =>
  api.get<CallScriptList>(withQuery('/api/call-scripts', { language }), signal);

const scriptPath = (situation: ScriptSituation, language: Language) =>
  `/api/call-scripts/${enc(situation)}/${enc(language)}`;

export const fetchScript = (situation: ScriptSituation, language: Language, signal?: AbortSignal) =>
  api.get<CallScriptView>(scriptPath(situation, language), signal);

export const saveScript = (
  situation: ScriptSituation,
  language: Language,
  sections: Partial<Record<ScriptSection, string[]>>,
) => api.put<CallScriptView>(scriptPath(situation, language), sections);

export const resetScript = (situation: ScriptSituation, language: Language) =>
  api.delete<CallScriptView>(scriptPath(situation, language));

export const fetchObjectionList = (language: Language, signal?: AbortSignal) =>
  api.get<ObjectionTextList>(withQuery('/api/objections', { language }), signal);

const objectionPath = (code: ObjectionCode, language: Language) =>
  `/api/objections/${enc(code)}/${enc(language)}`;

export const fetchObjection = (code: ObjectionCode, language: Language, signal?: AbortSignal) =>
  api.get<ObjectionTextView>(objectionPath(code, language), signal);

export const saveObjection = (
  code: ObjectionCode,
  language: Language,
  texts: { label?: string; heard?: string; counters?: Record<string, string> },
) => api.put<ObjectionTextView>(objectionPath(code, language), texts);

export const resetObjection = (code: ObjectionCode, language: Language) =>
  api.delete<ObjectionTextView>(objectionPath(code, language));

export const fetchCallSettings = (signal?: AbortSignal) =>
  api.get<CallSettingsView>('/api/call-settings', signal);

export const saveCallSettings = (overrides: unknown) =>
  api.put<CallSettingsView>('/api/call-settings', overrides);
