/**
 * A senior's wording of a script (issue 5 point 4: "editable by seniors"): per organisation,
 * situation and language, the sections given replace the default's, the others stay the default,
 * so an edit of the opening still gets improvements of the default closing. Checked before saving:
 * every placeholder must exist, as `composeCallScript` could otherwise only show the raw name.
 */
import type { FieldIssue } from '../../errors.js';
import { SCRIPT_SECTIONS } from './compose-script.js';
import { checkTemplateLine } from './placeholders.js';
import type { ScriptSection, ScriptTemplate } from './script-types.js';

export type ScriptOverride = Partial<Record<ScriptSection, readonly string[]>>;

export function applyScriptOverride(
  template: ScriptTemplate,
  override: ScriptOverride | undefined,
): ScriptTemplate {
  if (!override) return template;
  const result = { ...template };
  for (const section of SCRIPT_SECTIONS) {
    const lines = override[section];
    if (lines) result[section] = lines;
  }
  return result;
}

/** Every line that cannot be said as written, by its field (`opening[1]`). */
export function checkScriptOverride(override: ScriptOverride): FieldIssue[] {
  return SCRIPT_SECTIONS.flatMap((section) =>
    (override[section] ?? []).flatMap((line, index) => {
      const problem = checkTemplateLine(line);
      return problem ? [{ field: `${section}[${index}]`, message: problem }] : [];
    }),
  );
}
